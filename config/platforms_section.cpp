// [platforms]: the chat platforms' endpoints. Only `generic` is built so far; the others are named
// so that a file written for them gets an honest answer instead of "unknown key".

#include <algorithm>
#include <charconv>
#include <cstdlib>

#include "config/qualified_id.hpp"
#include "config/sections.hpp"

namespace whistle::config {

namespace {

constexpr std::string_view kDefaultSecret = "env:WHISTLE_GENERIC_SECRET";
constexpr std::string_view kDefaultDeliverUrl = "http://127.0.0.1:9000/deliver";

bool is_name_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
}

bool is_env_name(std::string_view name) {
  if (name.empty() || (name[0] >= '0' && name[0] <= '9')) return false;
  return std::all_of(name.begin(), name.end(), [](char c) { return is_name_char(c) && c != '-'; });
}

// A literal, or env:NAME read now, so that a missing variable stops the start instead of the
// first webhook. The secret itself never appears in a message.
std::string resolve_secret(const TableReader& instance) {
  const std::string written = instance.string("secret").value_or(std::string(kDefaultSecret));
  const Where where = instance.where("secret");
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

bool is_host_char(char c) {
  return is_name_char(c) || c == '.';
}

// http://host[:port][/path]: the sender speaks plain HTTP to it. Credentials in the URL are
// refused: they would end up in logs.
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

GenericInstance read_generic_instance(const TableReader& instance, const std::string& name) {
  instance.allow_only({"secret", "deliver_url"});
  GenericInstance result;
  result.name = name;
  result.secret = resolve_secret(instance);
  result.deliver_url = instance.string("deliver_url").value_or(std::string(kDefaultDeliverUrl));
  if (std::optional<std::string> problem = url_problem(result.deliver_url)) {
    fail(instance.where("deliver_url"), in_quotes(result.deliver_url) + " " + *problem);
  }
  return result;
}

}  // namespace

std::map<std::string, GenericInstance> read_platforms(const TableReader& root) {
  std::map<std::string, GenericInstance> instances;
  std::optional<TableReader> platforms = root.table("platforms");
  if (!platforms) return instances;
  for (const std::string& platform : platforms->keys()) {
    if (platform == "generic") continue;
    if (is_platform_name(platform)) {
      fail(platforms->where_key(platform),
           "platform '" + platform + "' is not supported yet (only 'generic' is)");
    }
    fail(platforms->where_key(platform),
         "unknown platform (known: " + platform_names() + "; only 'generic' is supported yet)");
  }
  std::optional<TableReader> generic = platforms->table("generic");
  if (!generic) return instances;
  for (const std::string& name : generic->keys()) {
    // The instance name is a URL path segment: POST /hooks/generic/<instance>.
    if (name.empty() || !std::all_of(name.begin(), name.end(), is_name_char)) {
      fail(generic->where_key(name),
           "an instance name may hold only letters, digits, '-' and '_' (it is part of the URL "
           "/hooks/generic/<instance>)");
    }
    std::optional<TableReader> instance = generic->table(name);
    instances.emplace(name, read_generic_instance(*instance, name));
  }
  return instances;
}

}  // namespace whistle::config
