#pragma once

// Heating in winter, asked of rather than reported: "供暖费怎么交", "今年什么时候开始供暖", "暖气需要放气
// 吗" (an exploratory run of winter, stop 67: offered as reports, or the menu). The bot runs no
// heating; whom to ask is its answer, and a cold radiator is still reported as before.

#include <string_view>

namespace whistle::language {

/// Whether a line asks about the heating service (its dates, its fee, bleeding a radiator) and tells
/// no trouble of it ("暖气不热", "暖气片漏水了", "家里才16度" are reports).
bool asks_about_heating_service(std::string_view text);

/// Whether a line tells of a cold home ("家里才16度，冻死了", "屋里太冷了"): a trouble to report, as a cold
/// radiator is.
bool tells_cold_home(std::string_view text);

}  // namespace whistle::language
