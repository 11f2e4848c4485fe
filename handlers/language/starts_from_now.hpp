#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "handlers/language/time_expressions.hpp"

namespace whistle::language {

/// The next whole minute at or after `now` plus `minutes`: when a task said to start "now" or
/// "in half an hour" starts.
std::int64_t start_from_now(const TimeContext& context, int minutes = 0);

/// "现在", "马上", "立即", "立刻": a task whistled to start at once ("吹哨 现在 5人 2小时 地库抽水").
/// Cuts the first such word and returns the start; leaves the text alone when the word asks people
/// to act at once instead ("马上报名", "立即回复").
std::optional<std::int64_t> take_start_now(std::string& text, const TimeContext& context);

}  // namespace whistle::language
