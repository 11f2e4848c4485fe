#pragma once

#include <vector>

#include "handlers/context.hpp"

namespace whistle::handlers {

/// 吹哨: a leader of the chat's node or above creates a task, posted in this chat (and with
/// 全网格/下发 in every chat below); in a private chat the place says where.
std::vector<Reply> handle_whistle(Context& context, const Command& command);

/// "下发 1": a task already whistled, posted now in every chat below its node that does not have it
/// yet (an exploratory run of an urgent night, 2026-12-06: silence). The caller has checked that the
/// sender may close the task and that it is open.
/// `words` said after the number ("下发 1 请各单元长组织报名") go with the post.
std::vector<Reply> relay_task_down(Context& context, const store::Task& task,
                                   const std::optional<std::string>& words = std::nullopt);

}  // namespace whistle::handlers
