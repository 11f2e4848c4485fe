#pragma once

// Questions volunteers ask of a task: whether places are left, when it starts, where to meet.

#include "handlers/language/argument_readers.hpp"
#include "handlers/language/command.hpp"

namespace whistle::language {

/// "还有名额吗", "1号满了吗", "几点开始？", "还有名额吗？我想报一个": the task asked after (from a
/// reference before the keyword), or none for the chat's open tasks. False when the words are not a
/// question ("还有名额，快来报名"), or "满了吗" has no reference.
bool read_task_question(const ArgumentInput& input, Command& command);

/// "活动几点开始", "任务还有名额吗": the list's own word before a question about its tasks.
bool read_task_question_after_noun(const ArgumentInput& input, Command& command);

}  // namespace whistle::language
