#pragma once

#include <optional>
#include <string>

namespace whistle::language {

// Each take_* function cuts the first match out of the text. take_count and take_points return
// the number as typed, signed ("-5分", "负5分") and unchecked ("0人", "100000人"; one too large for
// an int reads as INT_MAX), so that the whistle handler can refuse it with the reason. The others
// cut an out-of-range match too, so it does not end up in a title, but return it empty.

/// Cuts the first head count ("5人", "两名", "3位", "5个人", "需要5名志愿者", "限10人") and returns
/// it as typed.
std::optional<int> take_count(std::string& text);

/// Cuts the first points award ("10分", "10积分", "二十分", "奖励10分") and returns it as typed.
/// "二十分" must end there ("十分感谢" is "many thanks"), and "10分钟" is a duration.
std::optional<int> take_points(std::string& text);

/// Cuts the first amount of an adjustment: digits leading the text ("3失约"), a number in digits
/// standing alone or before 分/积分 ("5", "5分"), or Chinese numerals before 分 ("五分");
/// returns it, 1–9999.
std::optional<int> take_amount(std::string& text);

/// Cuts a quantity written as a word of its own at the end or the start of the text ("大米 2",
/// "2袋 大米", "大米 x2"), leaving numbers inside a name alone ("大米5斤"); returns it, 1–9999.
std::optional<int> take_quantity(std::string& text);

}  // namespace whistle::language
