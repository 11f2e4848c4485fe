#pragma once

#include <optional>
#include <string>

namespace whistle::language {

/// Finds the first length of time in `text` (2小时, 2个小时, 两个半小时, 一个半小时, 半小时, 半个小时,
/// 1.5小时, 1小时30分钟, 90分钟, 一刻钟, 俩小时, 2h, 90min), cuts it out and returns it in minutes.
/// A bare "10分" is points, not minutes, and is left alone. A length of zero ("0小时"), a negative
/// one ("-2小时", "负2小时") or one over 9999 hours is no length: it is left in the text whole and
/// the search goes on after it, so none of its numbers is read as something else.
/// Words that hedge or label the length are cut with it: 约, 大约, 大概, 预计 glued before it,
/// 时长, 历时, 用时, 耗时, 持续 before it with a colon or space allowed ("时长：约2小时"), and 左右
/// after it ("2小时左右"); 约 ending another word (预约, 签约, 相约) stays.
std::optional<int> take_duration(std::string& text);

/// Finds the first wait before something starts (半小时后, 20分钟以后, 一个小时之后, 2h后: a length as
/// take_duration() reads it, then 后, 以后 or 之后), cuts it out and returns it in minutes. Only up to
/// 12 hours: a later start is named by its clock. Read before lengths, so the wait is no length. Only
/// a wait the task starts after: followed by nothing, a place or a gathering ("半小时后 门口集合"), not
/// "2小时后结束" or "1小时后换岗".
std::optional<int> take_delay(std::string& text);

}  // namespace whistle::language
