#pragma once

#include <optional>
#include <string>

namespace whistle::language {

// Each take_* function cuts the first match out of the text. take_count and take_points return
// the number as typed, signed ("-5分", "负5分") and unchecked ("0人", "100000人"; one too large for
// an int reads as INT_MAX), so that the whistle handler can refuse it with the reason. The others
// cut an out-of-range match too, so it does not end up in a title, but return it empty.

// A decimal ("3.5人", "1.5分") is neither a count nor points: it is left in the text, unread.

/// Cuts the first head count and returns it as typed: a number with a unit ("5人", "两名", "3位",
/// "5个人", "六个人", "俩人", "6名", "需要5名志愿者", "招募6名志愿者", "限10人", "需要俩志愿者",
/// "两个志愿者"), after a label ("人数6", "人数：6人", "名额10"), or 俩/仨 alone after a verb
/// ("来仨", "要俩"). Where a label and a unit both match, the match that starts first wins, so
/// "人数：6人" is cut whole. A verb and a noun of people before the number go with it ("招募志愿者5名",
/// "需要志愿者5人"); a noun alone stays ("慰问居民5人" keeps 居民). A range of people in digits ("5-6人",
/// "5到6名", "3~5人") is cut whole and read as its larger end.
std::optional<int> take_count(std::string& text);

/// Cuts the first points award and returns it as typed: "10分", "10积分", "二十分", "奖励10分",
/// "每人10分", "每人奖励10分", "每人10积分", "10积分/人", or after a label with the unit optional
/// ("积分10", "积分10分", "积分:10", "积分：每人10分", "每人积分十分"), "10个积分". 每人/每位 as a word
/// of its own right before or after the points goes with them ("每人 10分", "10分 每人"; not
/// "10分 每人带扫帚"), and so does 每 with a measure word before them ("每瓶30分", the price of one
/// piece in a stock line). "二十分" must end there or be followed by a
/// number ("十分感谢" is "many thanks"; "二十分五十件" is 20 points), "10分钟" is a duration, and "30分"
/// right after a clock or a length ("9点30分", "9点 30分", "1小时30分") is its minutes, never points.
std::optional<int> take_points(std::string& text);

/// Cuts the first amount of an adjustment: digits leading the text ("3失约"), a number in digits
/// standing alone or before 分/积分 ("5", "5分"), or Chinese numerals before 分 ("五分");
/// returns it, 1–9999.
std::optional<int> take_amount(std::string& text);

/// Cuts a quantity written as a word of its own at the end or the start of the text ("大米 2",
/// "2袋 大米", "大米 x2", "大米 ×2", "大米 *2", "老花镜 五件"), a multiplication glued to the end of
/// a name in Chinese characters ("大米x2", "大米X2", "大米*2"; "Mate10x2" stays whole), or a number
/// with a measure word (件 条 个 袋 桶 瓶 …)
/// glued to the start or the end of the name ("一桶食用油", "两条毛巾", "洗衣液二十件"), leaving
/// other numbers inside a name alone ("大米5斤", "一次性手套"); returns it, 1–9999.
std::optional<int> take_quantity(std::string& text);

}  // namespace whistle::language
