#pragma once

#include <cstdint>
#include <string>

namespace whistle::handlers {

// Figures people read with one decimal — hours in the 公示, 排行 and 统计, on the board and its
// JSON — are rounded once, half up (四舍五入), from the exact time. A volunteer who compares the
// group's 公示 with the screen in the lobby must read the same digit: printf's ties-to-even made 75
// minutes 1.2 hours in chat and 1.3 on the board, and the board's mean times, rounded first to
// whole minutes and then to tenths, read 1.8 where 统计 said 1.7.

/// Tenths of an hour in `minutes` (≥ 0): 75 → 13, i.e. 1.3 hours.
std::int64_t hour_tenths(std::int64_t minutes);

/// Tenths of an hour in `seconds` (≥ 0), e.g. a mean time: 6,272.7 s → 17, i.e. 1.7 hours.
std::int64_t hour_tenths_of_seconds(double seconds);

/// Tenths of a day in `seconds` (≥ 0).
std::int64_t day_tenths_of_seconds(double seconds);

/// "1.3" for 13, "0.0" for 0.
std::string tenths_text(std::int64_t tenths);

/// A ratio or an average with one decimal, as people read them on a notice board ("66.7%",
/// "人均12.3分"). Not for times: they take the tenths above.
std::string one_decimal(double value);

}  // namespace whistle::handlers
