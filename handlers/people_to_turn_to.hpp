#pragma once

#include <optional>

#include "handlers/context.hpp"

namespace whistle::handlers {

/// Said to the bot, a line that asks for a person ("叫你们领导来", "我要找书记", "我要找人工",
/// "社区电话多少", "找谁反映问题") or scolds the bot ("你就是个摆设", "滚", "有什么用"): one calm line naming
/// the leaders of the sender's place, nearest first, and how to tell the bot a trouble; not the menu of
/// commands, which an angry resident read as mockery in a group mid-quarrel (an exploratory run of
/// neighbour disputes, 2026-12-07). Empty for any other line.
std::optional<Reply> answer_whom_to_turn_to(Context& context, const Command& command);

/// Said to the bot, a newcomer saying who they are ("我是新来的", "新搬来的 请多关照"): welcomed, with how to
/// report a trouble, how to volunteer, and the leaders to register and join the groups with. Empty
/// for any other line.
std::optional<Reply> answer_newcomer(Context& context, const Command& command);

/// Said to the bot, a question about the heating service ("供暖费怎么交", "什么时候开始供暖"): whom to
/// ask (the leaders of the sender's place, 物业, the heating company), and how to report a cold
/// radiator. Empty for any other line.
std::optional<Reply> answer_heating_question(Context& context, const Command& command);

/// Said to the bot, a quarrel between landlord and tenant over money or the lease ("押金不退怎么办",
/// "房东说要涨房租 不涨就让我搬走 合理吗", "租客欠了三个月房租"): the community mediates (the leaders of
/// the sender's place), 12345 hears it. Empty for any other line.
std::optional<Reply> answer_rent_dispute(Context& context, const Command& command);

/// Said to the bot, a question whether a message, a link, a caller or a person is a scam or really
/// the community's ("这个是不是骗子", "刘师傅是物业的吗"): what the community never does, 96110, and the
/// people registered here to check with (the leaders of the sender's place, each responder's members).
/// Empty for any other line.
std::optional<Reply> answer_scam_question(Context& context, const Command& command);

}  // namespace whistle::handlers
