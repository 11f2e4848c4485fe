// [platforms.generic.*]: the bot's own JSON webhook. The real platforms' tables are read by
// real_platforms_section.cpp.

#include <algorithm>
#include <charconv>
#include <cstdlib>

#include "config/config_values.hpp"
#include "config/qualified_id.hpp"
#include "config/sections.hpp"

namespace whistle::config {

namespace {

constexpr std::string_view kDefaultSecret = "env:WHISTLE_GENERIC_SECRET";
constexpr std::string_view kDefaultDeliverUrl = "http://127.0.0.1:9000/deliver";

GenericInstance read_generic_instance(const TableReader& instance, const std::string& name) {
  instance.allow_only({"secret", "deliver_url"});
  GenericInstance result;
  result.name = name;
  result.secret = resolve_secret(instance, "secret", std::string(kDefaultSecret));
  result.deliver_url = instance.string("deliver_url").value_or(std::string(kDefaultDeliverUrl));
  check_url(instance, "deliver_url", result.deliver_url);
  return result;
}

}  // namespace

std::map<std::string, GenericInstance> read_platforms(const TableReader& root) {
  std::map<std::string, GenericInstance> instances;
  std::optional<TableReader> platforms = root.table("platforms");
  if (!platforms) return instances;
  for (const std::string& platform : platforms->keys()) {
    if (!is_platform_name(platform)) {
      fail(platforms->where_key(platform), "unknown platform (known: " + platform_names() + ")");
    }
  }
  std::optional<TableReader> generic = platforms->table("generic");
  if (!generic) return instances;
  for (const std::string& name : generic->keys()) {
    check_instance_name(*generic, "generic", name);
    std::optional<TableReader> instance = generic->table(name);
    instances.emplace(name, read_generic_instance(*instance, name));
  }
  return instances;
}

}  // namespace whistle::config
