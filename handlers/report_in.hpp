#pragma once

#include <vector>

#include "handlers/context.hpp"

namespace whistle::handlers {

/// 报到 (and the implicit "1", "+1", "我来", 接龙): signs the sender up for a task, or puts them on
/// its waitlist when it is full; reporting twice changes nothing. Implicit ones with no open task
/// in the group are chatter and get no answer.
std::vector<Reply> handle_report_in(Context& context, const Command& command);

/// 取消报到 / 请假 / 取消 N: frees the sender's place; the first on the waitlist moves up and is
/// told, in the group and in private. Never closes the task: one who may cancel it but is not
/// signed up is pointed to 撤销.
std::vector<Reply> handle_withdraw(Context& context, const Command& command);

}  // namespace whistle::handlers
