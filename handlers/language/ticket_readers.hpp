#pragma once

// The arguments of the ticket loop's commands: a resident's report (报事 …), a ticket reference
// with its remark (接单 T5, 办结 T5 …), a dispatch (派单 T5 @王五) and a rating (评价 T5 满意, 还行吧).

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "handlers/language/argument_readers.hpp"
#include "handlers/language/command.hpp"

namespace whistle::language {

/// "报事 3号楼楼道灯坏了"; "报事 T1 进度" and "报修进度" ask after a ticket (progress).
bool read_ticket_text(const ArgumentInput& input, Command& command);

/// "接单 T5", "办结 T5 已更换灯泡", "上报 T5"; "T1 修好了吗" asks (progress).
bool read_ticket(const ArgumentInput& input, Command& command);

/// "派单 T5 @王五", "派单 T5 物业", "派单 T5 给物业".
bool read_ticket_assignee(const ArgumentInput& input, Command& command);

/// "评价 T5 满意", "评价 T5 2 还是不亮", "还行吧，就是慢了点", "评价1满意".
bool read_rating(const ArgumentInput& input, Command& command);

/// Whether the handlers of an intent act on each ticket a line lists before the command word.
bool acts_on_tickets_listed(Intent intent);

/// "T1 T2 T3 一起派给物业", "T1、T2 接单", "T1和T2 已处理": after the first ticket at `at`, the tickets
/// listed (into `more`) and the word gathering them (一起, 都) read past; where the command may start.
std::size_t read_more_tickets(std::string_view line, std::size_t at, std::vector<std::int64_t>& more);

}  // namespace whistle::language
