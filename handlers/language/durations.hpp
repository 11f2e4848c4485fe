#pragma once

#include <optional>
#include <string>

namespace whistle::language {

/// Finds the first length of time in `text` (2小时, 2个小时, 两个半小时, 一个半小时, 半小时, 半个小时,
/// 1.5小时, 1小时30分钟, 90分钟, 一刻钟, 俩小时, 2h, 90min), cuts it out and returns it in minutes.
/// A bare "10分" is points, not minutes, and is left alone. A length of zero ("0小时"), a negative
/// one ("-2小时", "负2小时") or one over 9999 hours is no length: it is left in the text whole and
/// the search goes on after it, so none of its numbers is read as something else.
std::optional<int> take_duration(std::string& text);

}  // namespace whistle::language
