#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace whistle::language {

/// What a chat line asks for; the identifiers are the ones `whistle parse` prints.
enum class Intent {
  whistle,
  report_in,
  withdraw,
  check_in,
  check_out,
  sign_code,
  confirm,
  finish,
  cancel,
  points,
  ranking,
  adjust,
  catalog,
  redeem,
  pickup,
  ticket,
  dispatch,
  accept,
  resolve,
  rate,
  escalate,
  stats,
  bind,
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
    case Intent::check_in:
      return "check_in";
    case Intent::check_out:
      return "check_out";
    case Intent::sign_code:
      return "sign_code";
    case Intent::confirm:
      return "confirm";
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
    case Intent::rate:
      return "rate";
    case Intent::escalate:
      return "escalate";
    case Intent::stats:
      return "stats";
    case Intent::bind:
      return "bind";
    case Intent::help:
      return "help";
    case Intent::unknown:
      return "unknown";
  }
  return "unknown";
}

/// How a chat line was read. Absent slots are empty. Times are Unix seconds.
struct Command {
  Intent intent = Intent::unknown;
  std::optional<std::int64_t> task;    ///< task number: "#12", "12", "12号"
  std::optional<std::int64_t> ticket;  ///< ticket number: "T5", "工单5"
  std::optional<int> count;            ///< places ("5人") or quantity ("兑换 大米 2")
  std::optional<int> points;           ///< signed for adjust ("扣分 @李四 3" → -3)
  std::optional<std::int64_t> start;   ///< start of a task, or of a month for ranking/stats
  std::optional<std::int64_t> end;     ///< end of a task, or of a month for ranking/stats
  std::optional<int> minutes;          ///< a task's length
  std::optional<std::string> place;    ///< "3号楼2单元", "3栋", a named node
  std::optional<std::string> title;    ///< the free text: task title, ticket text, reason, item, responder
  std::vector<std::string> mentions;   ///< names written as "@张三" in the text (not the bot)
  std::optional<std::string> code;     ///< sign-in code ("签到 12 4831") or pickup code ("核销 K7Q2")
  std::optional<int> score;            ///< 1–5 for rate (满意 → 5, 不满意 → 1)
  std::string text;                    ///< the normalized line the slots were read from

  bool addressed = false;  ///< began with an @-mention of the bot (@吹哨, @bot ...)
  bool broadcast = false;  ///< "全网格"/"下发": post to every child group too
  /// A bare reply ("1", "+1", "我来", a 接龙 line) that is a report-in only where a task is open;
  /// elsewhere it is ordinary chatter and gets no answer.
  bool implicit = false;
};

}  // namespace whistle::language

namespace whistle::handlers {
// The domain speaks of a Command and its Intent as its own: the handlers act on what the language
// read.
using language::Command;
using language::Intent;
using language::intent_name;
}  // namespace whistle::handlers
