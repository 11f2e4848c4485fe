#pragma once

// The questions a duty rota raises, asked of the tasks a chat (or, in private, the asker's places and
// the area they lead) holds: who is on the day's shifts ("今晚谁值班", "周三晚上谁巡逻"), and which
// shifts still need people ("哪天还缺人", "哪些班还没满"). An exploratory run of a week's rota (stop 65)
// met 没看懂 or silence for both.

#include <vector>

#include "handlers/context.hpp"

namespace whistle::handlers {

/// "今晚谁值班": the day's tasks, each with its time, places and the asker's own place, and, for a
/// leader of it, who holds a place (as "1号谁报名了" answers). "哪天还缺人": the open tasks with places
/// left, soonest first. Said among neighbours, answered only where such a task is open.
std::vector<Reply> answer_rota_question(Context& context, const Command& command);

}  // namespace whistle::handlers
