#include "handlers/language/intent_table.hpp"

#include <algorithm>
#include <array>

#include "handlers/language/text_util.hpp"

namespace whistle::language {

namespace {

using A = Arguments;

// The command words, after normalization (Simplified, half-width). A keyword must start the line
// (after an @-mention of the bot, or after a leading "#12"); the same word inside a sentence is
// chatter. Where two keywords share a start, the longer one is tried first.
// clang-format off
constexpr auto kRules = std::to_array<IntentRule>({
    // keyword       intent               arguments             extra
    {"吹哨",         Intent::whistle,     A::whistle},
    {"报到",         Intent::report_in,   A::task},
    {"报名",         Intent::report_in,   A::task},
    {"1",            Intent::report_in,   A::whole_line,        "implicit"},
    {"+1",           Intent::report_in,   A::whole_line,        "implicit"},
    {"我来",         Intent::report_in,   A::whole_line,        "implicit"},
    {"我报名",       Intent::report_in,   A::whole_line,        "implicit"},
    {"算我一个",     Intent::report_in,   A::whole_line,        "implicit"},
    {"取消报到",     Intent::withdraw,    A::task},
    {"取消报名",     Intent::withdraw,    A::task},
    {"请假",         Intent::withdraw,    A::task},
    {"不去了",       Intent::withdraw,    A::task},
    // A bare "取消 12" is a volunteer freeing their place, never a leader's 撤销: a leader who
    // reported in and says it must not call the whole task off by a slip. The handler points a
    // leader who is not signed up to 撤销.
    {"取消",         Intent::withdraw,    A::task,              "required"},
    {"签到",         Intent::check_in,    A::task_code},
    {"签退",         Intent::check_out,   A::task},
    {"签到码",       Intent::sign_code,   A::task},
    {"验收",         Intent::confirm,     A::task_people},
    {"确认",         Intent::confirm,     A::task_people,       "required"},
    {"结束",         Intent::finish,      A::task},
    {"完成",         Intent::finish,      A::task,              "required"},
    {"撤销",         Intent::cancel,      A::task},
    {"取消吹哨",     Intent::cancel,      A::task},
    {"取消活动",     Intent::cancel,      A::task},
    {"取消任务",     Intent::cancel,      A::task},
    {"积分",         Intent::points,      A::people},
    {"我的积分",     Intent::points,      A::people},
    {"查积分",       Intent::points,      A::people},
    {"查询积分",     Intent::points,      A::people},
    {"积分查询",     Intent::points,      A::people},
    {"排行",         Intent::ranking,     A::month},
    {"排行榜",       Intent::ranking,     A::month},
    {"排名",         Intent::ranking,     A::month},
    {"积分排行",     Intent::ranking,     A::month},
    {"积分排名",     Intent::ranking,     A::month},
    {"公示",         Intent::ranking,     A::month},
    {"积分公示",     Intent::ranking,     A::month},
    {"加分",         Intent::adjust,      A::adjustment},
    {"扣分",         Intent::adjust,      A::adjustment,        "-"},
    {"商品",         Intent::catalog,     A::none},
    {"商品列表",     Intent::catalog,     A::none},
    {"积分商城",     Intent::catalog,     A::none},
    {"兑换列表",     Intent::catalog,     A::none},
    {"兑换",         Intent::redeem,      A::item},
    {"核销",         Intent::pickup,      A::pickup_code},
    {"报事",         Intent::ticket,      A::ticket_text,       "report"},
    {"报修",         Intent::ticket,      A::ticket_text,       "report"},
    {"点单",         Intent::ticket,      A::ticket_text,       "request"},
    {"微心愿",       Intent::ticket,      A::ticket_text,       "wish"},
    {"心愿",         Intent::ticket,      A::ticket_text,       "wish"},
    {"派单",         Intent::dispatch,    A::ticket_assignee},
    {"接单",         Intent::accept,      A::ticket},
    {"办结",         Intent::resolve,     A::ticket,            "remark"},
    {"评价",         Intent::rate,        A::rating},
    {"评单",         Intent::rate,        A::rating},
    {"满意",         Intent::rate,        A::whole_line,        "5"},
    {"非常满意",     Intent::rate,        A::whole_line,        "5"},
    {"不满意",       Intent::rate,        A::whole_line,        "1"},
    {"上报",         Intent::escalate,    A::ticket},
    {"统计",         Intent::stats,       A::month},
    {"绑定",         Intent::bind,        A::place},
    {"帮助",         Intent::help,        A::none},
    {"菜单",         Intent::help,        A::none},
    {"选单",         Intent::help,        A::none},
    {"命令",         Intent::help,        A::none},
    {"指令",         Intent::help,        A::none},
    {"使用说明",     Intent::help,        A::none},
    {"help",         Intent::help,        A::none},
    {"?",            Intent::help,        A::none},
});
// clang-format on

}  // namespace

std::span<const IntentRule> intent_rules() {
  return kRules;
}

std::vector<const IntentRule*> rules_starting(std::string_view text) {
  std::vector<const IntentRule*> found;
  for (const IntentRule& rule : kRules) {
    if (starts_with_at(text, 0, rule.keyword)) found.push_back(&rule);
  }
  std::stable_sort(found.begin(), found.end(), [](const IntentRule* a, const IntentRule* b) {
    return a->keyword.size() > b->keyword.size();
  });
  return found;
}

}  // namespace whistle::language
