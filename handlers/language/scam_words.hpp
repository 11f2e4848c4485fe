#pragma once

// Scams asked about rather than happening: "这个是不是骗子", "上面那个链接能点吗", "刘师傅是物业的吗",
// "积分会清零吗" after a fake notice (an exploratory run of scams, stop 70: each met 没看懂 with 兑换 or
// 排行 offered). Money leaving now is a danger (danger_words: DangerKind::fraud), read before this.

#include <string_view>

namespace whistle::language {

/// Whether a line asks whether a message, a link, a caller or a person is a scam or really the
/// community's, or how to tell: not a warning given to others ("大家别信", "反诈提醒").
bool asks_about_a_scam(std::string_view text);

/// Whether a line warns the others of a scam or a rumour ("反诈提醒 近期有冒充社区…请勿点击",
/// "辟谣：3号楼明天 不停水", "吹哨 反诈宣传 下发 请大家提高警惕"): a leader's notice to post, not a report
/// nor a task.
bool warns_of_a_scam_or_rumour(std::string_view text);

}  // namespace whistle::language
