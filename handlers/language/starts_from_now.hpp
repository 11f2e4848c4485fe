#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "handlers/language/time_expressions.hpp"

namespace whistle::language {

/// The next whole minute at or after `now` plus `minutes`: when a task said to start "now" or
/// "in half an hour" starts.
std::int64_t start_from_now(const TimeContext& context, int minutes = 0);

/// "现在", "马上", "立即", "立刻": a task whistled to start at once ("吹哨 现在 5人 2小时 地库抽水",
/// "马上到3号楼门口帮忙堵水", "立即集合"). The word must stand alone or be followed by going
/// somewhere (到, 来, 集合, 出发, 下楼…); it is cut and the start returned. Anything else leaves the text
/// alone: "马上报名", "马上过年了", "现在的楼道太乱了".
std::optional<std::int64_t> take_start_now(std::string& text, const TimeContext& context);

}  // namespace whistle::language
