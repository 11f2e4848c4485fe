#pragma once

#include <span>
#include <string_view>
#include <vector>

#include "handlers/language/command.hpp"

namespace whistle::language {

/// How the words after a command keyword are read (see parser.cpp for each reader).
enum class Arguments {
  none,             ///< nothing but filler may follow: "商品", "帮助！"
  whole_line,       ///< the keyword is the whole line, filler aside: "1", "+1", "我来", "满意"
  task,             ///< an optional task reference, then a remark: "报到 12", "请假 12 家里有事"
  task_code,        ///< a task reference and a sign-in code: "签到 12 4831"
  task_people,      ///< a task reference and @-mentions: "确认 12 @张三 @李四"
  people,           ///< optional @-mentions: "积分 @张三"
  month,            ///< an optional month: "排行 上月", "统计 10月"
  adjustment,       ///< @-mentions, an amount and a reason: "加分 @张三 5 帮助孤寡老人"
  item,             ///< a catalog item and a quantity: "兑换 大米 1"
  pickup_code,      ///< a pickup code: "核销 K7Q2"
  ticket_text,      ///< the text of a new ticket: "报事 楼道灯坏了"
  ticket,           ///< an optional ticket reference, then a remark: "接单 T5", "办结 T5 已更换灯泡"
  ticket_assignee,  ///< a ticket reference and who takes it: "派单 T5 @王五", "派单 T5 物业"
  rating,           ///< a ticket reference, a score and a remark: "评价 T5 2 还是不亮"
  place,            ///< a place or node name: "绑定 3号楼2单元"
  whistle,  ///< a task: title, place, head count, time, length, points: "吹哨 清理楼道 5人 …"
};

/// One line of the command table: a keyword, what it means, and how to read the rest.
struct IntentRule {
  std::string_view keyword;  ///< what the line starts with (ASCII letters in any case)
  Intent intent;             ///< what the line asks for
  Arguments arguments;       ///< how the rest of the line is read
  /// One extra word whose meaning depends on `arguments`:
  /// ticket_text → the ticket kind put in Command::code ("report", "request", "wish");
  /// adjustment → "-" for a deduction; whole_line → "implicit" for a bare report-in, or the
  /// score ("5", "1") of a bare rating; task / task_people / ticket → "required" when a common
  /// word ("完成", "取消", "确认") counts only with a reference or @-mention after it, or
  /// "remark" when a remark may follow without a reference ("办结 已更换灯泡").
  std::string_view extra = {};
};

/// Every command the bot knows, as data: adding a command word is adding a line.
std::span<const IntentRule> intent_rules();

/// The rules whose keyword starts `text` (ASCII letters compared in any case), longest keyword
/// first, so "取消报到" is tried before "取消" and "签到码" before "签到".
std::vector<const IntentRule*> rules_starting(std::string_view text);

}  // namespace whistle::language
