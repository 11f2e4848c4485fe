#pragma once

// One task's state as a question about it is answered ("1号谁报名了", "还有名额吗", "1号取消了吗"):
// its time, place and status, its places while open, the asker's own place, and, asked who, the
// names for a leader of it.

#include <string>

#include "handlers/context.hpp"

namespace whistle::handlers {

/// The answer's text, opening with `mention` (none: a line of a list, "task_state_line"); with the
/// command asked, how to do the act it asks about and, for a leader, who answered.
std::string task_state_text(Context& context, const store::Task& task, const Command* command,
                            const std::string& mention);

/// The same as a reply to the sender.
std::vector<Reply> task_state(Context& context, const store::Task& task, const Command* command = nullptr);

}  // namespace whistle::handlers
