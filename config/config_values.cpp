#include "config/config_values.hpp"

#include <algorithm>
#include <charconv>
#include <cstdlib>

#include "config/config_error.hpp"

namespace whistle::config {

namespace {

bool is_env_name(std::string_view name) {
  if (name.empty() || (name[0] >= '0' && name[0] <= '9')) return false;
  return std::all_of(name.begin(), name.end(), [](char c) { return is_name_char(c) && c != '-'; });
}

}  // namespace

bool is_name_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
}

std::string resolve_secret(const TableReader& instance, std::string_view key, const std::string& fallback) {
  const std::string written = instance.string(key).value_or(fallback);
  return resolve_secret_text(written, instance.where(key));
}

std::string resolve_secret_text(const std::string& written, const Where& where) {
  if (written.starts_with("env:")) {
    const std::string variable = written.substr(4);
    if (!is_env_name(variable)) {
      fail(where, "\"env:\" must be followed by an environment variable name (letters, digits and '_')");
    }
    const char* value = std::getenv(variable.c_str());
    if (value == nullptr) fail(where, "environment variable " + variable + " is not set");
    if (*value == '\0') fail(where, "environment variable " + variable + " is empty");
    return value;
  }
  if (written.empty())
    fail(where, "must not be empty (write the secret, or env:NAME to read it from the environment)");
  return written;
}

namespace {

bool is_host_char(char c) {
  return is_name_char(c) || c == '.';
}

}  // namespace

std::optional<std::string> url_problem(std::string_view url) {
  std::string_view rest;
  if (url.starts_with("http://")) {
    rest = url.substr(7);
  } else if (url.starts_with("https://")) {
    rest = url.substr(8);
  } else {
    return "must start with http:// (or https://)";
  }
  const auto slash = rest.find('/');
  const std::string_view authority = rest.substr(0, slash);
  const std::string_view path = slash == std::string_view::npos ? std::string_view() : rest.substr(slash);
  if (authority.find('@') != std::string_view::npos) return "must not contain credentials (user@)";
  std::string_view host = authority;
  std::string_view port;
  if (authority.starts_with('[')) {
    const auto close = authority.find(']');
    if (close == std::string_view::npos) return "has an unclosed '[' in its host";
    host = authority.substr(1, close - 1);
    if (close + 1 < authority.size()) {
      if (authority[close + 1] != ':') return "has something other than :port after its host";
      port = authority.substr(close + 2);
    }
    if (host.empty() ||
        !std::all_of(host.begin(), host.end(), [](char c) { return is_host_char(c) || c == ':'; })) {
      return "has an invalid IPv6 host";
    }
  } else {
    if (const auto colon = authority.find(':'); colon != std::string_view::npos) {
      host = authority.substr(0, colon);
      port = authority.substr(colon + 1);
      if (port.empty()) return "has an empty port";
    }
    if (host.empty()) return "has no host";
    if (!std::all_of(host.begin(), host.end(), is_host_char)) return "has an invalid host";
  }
  if (!port.empty()) {
    unsigned number = 0;
    auto [end, error] = std::from_chars(port.data(), port.data() + port.size(), number);
    if (error != std::errc() || end != port.data() + port.size() || number == 0 || number > 65535) {
      return "has an invalid port (1-65535)";
    }
  }
  if (std::any_of(path.begin(), path.end(),
                  [](char c) { return static_cast<unsigned char>(c) <= 0x20 || c == 0x7f; })) {
    return "must not contain spaces or control characters";
  }
  return std::nullopt;
}

void check_url(const TableReader& table, std::string_view key, const std::string& url) {
  if (std::optional<std::string> problem = url_problem(url))
    fail(table.where(key), in_quotes(url) + " " + *problem);
}

void check_instance_name(const TableReader& platform_table, std::string_view platform,
                         const std::string& name) {
  // The instance name is a URL path segment and the part of a chat id between '.' and ':'.
  if (name.empty() || !std::all_of(name.begin(), name.end(), is_name_char)) {
    fail(platform_table.where_key(name),
         "an instance name may hold only letters, digits, '-' and '_' (it is part "
         "of the URL /hooks/" +
             std::string(platform) + "/<instance>)");
  }
}

}  // namespace whistle::config
