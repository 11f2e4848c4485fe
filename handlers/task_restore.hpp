#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "handlers/context.hpp"

namespace whistle::handlers {

/// "撤销错了", "刚才撤销错了 1号恢复", "恢复 1", "取消撤销": a cancel taken back — the words, after an
/// optional 刚才 and task number.
bool takes_back_a_cancel(std::string_view text);

/// A task called off by mistake, restored by whoever may close it before it was to end: open again
/// with its reminder and end jobs, everyone who had reported in (or waited) keeping their place and
/// told in each group and in private. Without a number, the chat's one task called off that was
/// still to come; of several, asked which.
std::vector<Reply> restore_cancelled_task(Context& context, const Command& command);

}  // namespace whistle::handlers
