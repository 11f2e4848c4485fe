#include "config/config.hpp"

#include <array>

namespace whistle::config {

namespace {
// Indexed by the enum's value, top to bottom.
constexpr std::array<std::string_view, 4> kLevelNames = {"community", "grid", "building", "unit"};
}  // namespace

std::string_view level_name(Level level) {
  return kLevelNames.at(static_cast<std::size_t>(level));
}

std::optional<Level> parse_level(std::string_view text) {
  for (std::size_t i = 0; i < kLevelNames.size(); ++i) {
    if (kLevelNames[i] == text) return static_cast<Level>(i);
  }
  return std::nullopt;
}

}  // namespace whistle::config
