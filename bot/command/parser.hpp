#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "handlers/command.hpp"

namespace whistle::bot {

/// What the parser needs to know besides the text: when it was said, where, and the org's names.
struct ParseContext {
  std::int64_t now = 0;                 ///< the message's time, Unix seconds
  int utc_offset_seconds = 8 * 3600;    ///< the community's time zone (Asia/Shanghai by default)
  std::vector<std::string> place_names; ///< named nodes ("第一网格", "锦华家园社区") to recognise as places
};

/// Reads one chat line into a Command. Pure: no I/O, no clock, never throws on any input.
/// Text that is no command comes back as Intent::unknown (with `addressed` telling whether the
/// bot was @-mentioned, so the caller can choose between a hint and silence).
handlers::Command parse_command(std::string_view text, const ParseContext& context);

}  // namespace whistle::bot
