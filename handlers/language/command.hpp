#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace whistle::language {

/// What a chat line asks for; the identifiers are the ones `whistle parse` prints, in the
/// contract's order.
enum class Intent {
  whistle,
  report_in,
  withdraw,
  edit,
  tasks,
  check_in,
  check_out,
  sign_code,
  confirm,
  refuse,
  finish,
  cancel,
  points,
  ranking,
  adjust,
  catalog,
  redeem,
  cancel_redeem,
  stock,
  pickup,
  ticket,
  dispatch,
  accept,
  resolve,
  send_back,
  claim,
  rate,
  escalate,
  close,
  tickets,
  progress,
  stats,
  bind,
  unbind,
  help,
  unknown,
};

/// "report_in" for Intent::report_in, and so on.
constexpr std::string_view intent_name(Intent intent) {
  switch (intent) {
    case Intent::whistle:
      return "whistle";
    case Intent::report_in:
      return "report_in";
    case Intent::withdraw:
      return "withdraw";
    case Intent::edit:
      return "edit";
    case Intent::tasks:
      return "tasks";
    case Intent::check_in:
      return "check_in";
    case Intent::check_out:
      return "check_out";
    case Intent::sign_code:
      return "sign_code";
    case Intent::confirm:
      return "confirm";
    case Intent::refuse:
      return "refuse";
    case Intent::finish:
      return "finish";
    case Intent::cancel:
      return "cancel";
    case Intent::points:
      return "points";
    case Intent::ranking:
      return "ranking";
    case Intent::adjust:
      return "adjust";
    case Intent::catalog:
      return "catalog";
    case Intent::redeem:
      return "redeem";
    case Intent::cancel_redeem:
      return "cancel_redeem";
    case Intent::stock:
      return "stock";
    case Intent::pickup:
      return "pickup";
    case Intent::ticket:
      return "ticket";
    case Intent::dispatch:
      return "dispatch";
    case Intent::accept:
      return "accept";
    case Intent::resolve:
      return "resolve";
    case Intent::send_back:
      return "send_back";
    case Intent::claim:
      return "claim";
    case Intent::rate:
      return "rate";
    case Intent::escalate:
      return "escalate";
    case Intent::close:
      return "close";
    case Intent::tickets:
      return "tickets";
    case Intent::progress:
      return "progress";
    case Intent::stats:
      return "stats";
    case Intent::bind:
      return "bind";
    case Intent::unbind:
      return "unbind";
    case Intent::help:
      return "help";
    case Intent::unknown:
      return "unknown";
  }
  return "unknown";
}

/// What a resident's ticket is: a problem reported (报事, 报修, 反映, 投诉, 求助), a service ordered
/// (点单), a small wish (微心愿), or a danger to life or property (a danger word, with or without a
/// verb).
enum class TicketKind { report, order, wish, danger };

constexpr std::string_view ticket_kind_name(TicketKind kind) {
  switch (kind) {
    case TicketKind::report:
      return "report";
    case TicketKind::order:
      return "order";
    case TicketKind::wish:
      return "wish";
    case TicketKind::danger:
      return "danger";
  }
  return "report";
}

/// What a question about a duty rota asks of the day said (a `tasks` command): who is on that day's
/// shifts ("今晚谁值班"), which shifts still need people ("哪天还缺人"), or whether the asker is on one
/// ("今晚我值班吗"), or whether that day's shift still happens ("今晚巡逻还去吗").
enum class DayQuestion { none, who_on_duty, short_of_people, own_duty, still_on };

/// A calendar month named in a line ("上月", "10月", "2026年10月").
struct YearMonth {
  int year = 0;
  int month = 0;  ///< 1–12
  bool operator==(const YearMonth&) const = default;
};

/// How a chat line was read. Absent slots are empty. Times are Unix seconds. docs/language.md says
/// which intent fills which slot.
struct Command {
  Intent intent = Intent::unknown;
  std::optional<std::int64_t> task;    ///< task number: "#12", "12", "12号"
  std::optional<std::int64_t> ticket;  ///< ticket number: "T5", "工单5"
  std::optional<int> count;            ///< places ("5人"), a quantity ("兑换 大米 2"), pieces ("50件")
  std::optional<int> points;           ///< per person; signed for adjust ("扣分 @李四 3" → -3); a price
  std::optional<std::int64_t> start;   ///< start of a task
  std::optional<std::int64_t> end;     ///< end of a task, or a deadline
  std::optional<int> minutes;          ///< a task's length
  std::optional<std::string> place;    ///< "3号楼2单元", "3栋" → "3号楼", a named node
  std::optional<std::string> title;    ///< a task's title, a ticket's words, a 接龙's added name
  std::vector<std::string> mentions;   ///< the people acted on ("@张三"), never the bot nor @所有人
  std::optional<std::string> code;     ///< sign-in code ("签到 12 4831") or pickup code ("核销 K7Q2")
  std::optional<int> score;            ///< 1–5 for rate (满意 → 5, 不满意 → 1)
  std::optional<std::string> reason;   ///< the free text after the command's arguments
  std::optional<std::string> item;     ///< a reward's name as typed ("兑换 大米 1" → "大米")
  std::optional<YearMonth> month;      ///< ranking and stats: the month named, if any
  /// Ranking, stats and points: a whole year named instead of a month ("排行 今年", "年度排名", "今年我一共
  /// 多少积分"). Not printed by `whistle parse` (its `month` is a month).
  std::optional<int> year;
  std::optional<std::string> responder;  ///< dispatch to a responder by name ("派单 T5 物业")
  std::optional<TicketKind> kind;        ///< ticket: what kind of ticket
  std::string text;                      ///< the normalized line the slots were read from

  bool addressed = false;  ///< began or ended with an @-mention of the bot (@吹哨, @bot ...)
  bool broadcast = false;  ///< "全网格"/"下发": post to every child group too
  /// A ticket said as 求助: a report all the same, acknowledged as the call for help it is. Not
  /// printed by `whistle parse`.
  bool asks_for_help = false;
  /// "每单元3人": the count is for each node of this org level (1 grid, 2 building, 3 unit) under the
  /// whistle's node, not for the task as a whole. Not printed by `whistle parse`.
  std::optional<int> count_per_level;
  bool publish = false;  ///< ranking said as "公示": the leader posts the official publication
  /// "吹哨 更正：…": the leader says the whistle puts an earlier one right. Not printed by `whistle parse`.
  bool correction = false;
  /// "到了 报到": said on arriving, so a report-in from someone already in is their check-in. Not
  /// printed by `whistle parse`.
  bool arrived = false;
  /// "@张三 加5分 帮忙扫雪 @刘阿姨 加3分 帮忙递工具": an adjustment with a second amount in the line,
  /// which pays nobody and is asked to be sent one a line (a recheck, 2026-12-07: it was silence).
  bool several_amounts = false;
  /// A bare reply ("1", "+1", "我来", a 接龙 line, "我不去了") that is a command only where it fits
  /// (a task open here, a signup to free), or a danger report with no verb ("3号楼有煤气味") said
  /// to the others; not addressed to the bot, it gets no answer in a group.
  bool implicit = false;
  /// A report-in or a withdrawal asked for the people named, not the sender ("帮@王阿姨 报到 12",
  /// "代报 @何大爷 1", "替@张三 请假 1"): a leader of the task acts for them; from anyone else it acts
  /// on nobody.
  bool on_behalf = false;
  /// What the time words named (TimeSpan): a day, a time of day. Not printed by `whistle parse`.
  bool time_names_day = false;
  bool time_names_clock = false;
  /// An edit of the end alone ("修改 12 结束时间 12点"): the time read is the new end.
  bool time_is_end = false;
  /// "每周六上午9点", "每天晚上7点": the time said as one that repeats; a whistle posts the first only.
  bool time_repeats = false;
  /// An edit that moves the task by a length ("推迟一小时" +60, "提前半小时" −30).
  std::optional<int> shift_minutes;
  /// A whistle that opens its own 接龙 with one name ("…\n接龙：\n1. 冯单元长"): that name. From
  /// someone who may not whistle here it is the first volunteer filling the list, a sign-up. Not
  /// printed by `whistle parse`.
  std::optional<std::string> jielong_name;
  /// The day in `start` came from the reason ("请假 明天回老家", "元旦回老家了，请假"): it chooses among the
  /// places held, and when none is that day the choice stays open (the reason's day is often when one
  /// leaves, not the shift's). Not printed by `whistle parse`.
  bool day_is_a_hint = false;
  /// "各楼栋报名情况", "哪些楼还没人报名": the open tasks' sign-ups counted for each node of this level (1
  /// grid, 2 building, 3 unit) under the chat's place; `signups_missing_only` for the nodes with none.
  /// Not printed by `whistle parse`.
  std::optional<int> signups_per_level;
  bool signups_missing_only = false;
  /// "T1 T2 T3 一起派给物业", "T1、T2 接单": the tickets listed before the command word after the first
  /// (in `ticket`); each is acted on. Not printed by `whistle parse`.
  std::vector<std::int64_t> more_tickets;
  /// "张三+1": a 接龙 line of a name and +1, whose name must be the sender's to sign them up ("橘子+1" in a
  /// group buy is no sign-up: a second review of stop 68). Not printed by `whistle parse`.
  bool name_plus_one = false;
  /// A question about a duty rota, its day in `start` (empty for "哪天还缺人"). Not printed by
  /// `whistle parse`.
  DayQuestion day_question = DayQuestion::none;
};

}  // namespace whistle::language

namespace whistle::handlers {
// The domain speaks of a Command and its Intent as its own: the handlers act on what the language
// read.
using language::Command;
using language::Intent;
using language::intent_name;
}  // namespace whistle::handlers
