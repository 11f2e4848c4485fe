#pragma once

#include "handlers/language/argument_readers.hpp"
#include "handlers/language/command.hpp"

namespace whistle::language {

/// "吹哨 清理3号楼楼道杂物 周六上午9点 2小时 10分 全网格": the task's slots, each cut out in turn, and
/// what is left is the title. A pasted labelled form ("事项：…\n人数：…") is read label by label.
bool read_whistle(const ArgumentInput& input, Command& command);

/// "修改 12 时间 明天下午3点", "1号人数改成5人", "修改 1 延长1小时", "下发 1": a task and what changes
/// in it (or, for 下发, that it is sent down to the groups below).
bool read_edit(const ArgumentInput& input, Command& command);

}  // namespace whistle::language
