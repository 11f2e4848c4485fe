// What a valid configuration may still get wrong in a way the loader must not refuse (a weak
// secret works; it is just unsafe): warnings printed when the server starts.

#include <algorithm>
#include <array>

#include "config/config.hpp"

namespace whistle::config {

namespace {

// Shorter than this, an HMAC secret can be guessed offline from one signed request.
constexpr std::size_t kMinSecretBytes = 16;

// Secrets copied from documentation rather than generated.
constexpr std::array<std::string_view, 6> kPlaceholderSecrets{
    "change-me-to-a-long-random-string", "whistle-demo-secret", "secret", "password", "changeme", "test"};

std::string lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; });
  return out;
}

bool is_placeholder(std::string_view secret) {
  const std::string text = lower(secret);
  if (text.find("change-me") != std::string::npos || text.find("changeme") != std::string::npos) return true;
  return std::find(kPlaceholderSecrets.begin(), kPlaceholderSecrets.end(), text) != kPlaceholderSecrets.end();
}

bool is_loopback(std::string_view host) {
  return host == "localhost" || host == "::1" || host.starts_with("127.");
}

}  // namespace

std::vector<std::string> config_warnings(const Config& config) {
  std::vector<std::string> warnings;
  const bool demo = config.source.empty();
  for (const auto& [name, instance] : config.generic) {
    const std::string key = "[platforms.generic." + name + "] secret";
    if (demo) {
      if (!is_loopback(config.server.host)) {
        warnings.push_back(key + " is the built-in demo's published secret, and the server listens on " +
                           config.server.host +
                           ": anyone who can reach it can post as anyone. "
                           "Use a config file with a secret of your own (env:NAME).");
      }
    } else if (is_placeholder(instance.secret)) {
      warnings.push_back(key +
                         " is a placeholder from the documentation: anyone who read it can post as "
                         "anyone. Generate one (openssl rand -hex 32) and give it as env:NAME.");
    } else if (instance.secret.size() < kMinSecretBytes) {
      warnings.push_back(key + " is only " + std::to_string(instance.secret.size()) +
                         " bytes; use at least " + std::to_string(kMinSecretBytes) +
                         " random bytes (openssl rand -hex 32).");
    }
  }
  if (!demo && config.nodes.empty()) {
    warnings.push_back(
        "the configuration has no org nodes ([[node]] or org_csv): no chat is bound, and "
        "a database that had them loses every chat's binding. Check org_csv's path and "
        "its line endings.");
  }
  return warnings;
}

}  // namespace whistle::config
