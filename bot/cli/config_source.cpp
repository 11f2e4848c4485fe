#include "bot/cli/config_source.hpp"

#include <filesystem>

namespace whistle::bot {

namespace {
constexpr const char* kDefaultConfigFile = "config/whistle.toml";
}

config::Config choose_config(const std::optional<std::string>& config_file) {
  if (config_file) return config::load_config(*config_file);
  if (std::filesystem::exists(kDefaultConfigFile)) return config::load_config(kDefaultConfigFile);
  return config::demo_config();
}

std::string describe_config_source(const config::Config& config) {
  if (config.source.empty()) return "the built-in demo community";
  return config.source.string();
}

}  // namespace whistle::bot
