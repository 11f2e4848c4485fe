#pragma once

#include <optional>
#include <string>

namespace whistle::language {

/// Finds the first length of time in `text` (2小时, 2个小时, 两个半小时, 一个半小时, 半小时, 半个小时,
/// 1.5小时, 1小时30分钟, 90分钟, 一刻钟, 2h, 90min), cuts it out and returns it in minutes. A bare
/// "10分" is points, not minutes, and is left alone; so is a length of zero or over 9999 hours.
std::optional<int> take_duration(std::string& text);

}  // namespace whistle::language
