#pragma once

#include <optional>
#include <vector>

#include "handlers/context.hpp"

namespace whistle::handlers {

/// 帮助 / ? / 菜单: the commands this person may use here, with an example each.
std::vector<Reply> handle_help(Context& context, const Command& command);

/// A newcomer's question in their words, said to the bot or in private: "你好，我是新来的单元长，
/// 怎么用" is the help; a leader's "帮我发个通知" or "怎么让下面楼栋都收到任务" is told how notices and
/// tasks reach the groups below. Empty for any other line.
std::optional<std::vector<Reply>> answer_newcomers_question(Context& context, const Command& command);

/// "积分怎么算的", "心愿积分多少", "积分会清零吗": how points are earned and kept, in a few lines, with
/// the community's own figures (a review of month end, 2026-12-06: a 微心愿 was opened instead).
Reply points_rules(Context& context);

/// A line that is no command: a hint of the nearest commands when addressed to the bot (or in
/// private), silence when it is ordinary group chatter.
std::vector<Reply> handle_unknown(Context& context, const Command& command);

}  // namespace whistle::handlers
