#include "handlers/language/clause_commands.hpp"

#include <array>
#include <cstddef>
#include <optional>
#include <string_view>

#include "handlers/language/argument_words.hpp"
#include "handlers/language/danger_words.hpp"
#include "handlers/language/intent_table.hpp"
#include "handlers/language/references.hpp"
#include "handlers/language/shift_words.hpp"
#include "handlers/language/text_util.hpp"
#include "handlers/language/volunteer_replies.hpp"

namespace whistle::language {

namespace {

// Each clause start is read as a command, so only a line of a sentence or two is tried: five 55 KB
// lines of chatter took 12 s in the writer (the final read, 2026-12-07).
constexpr std::size_t kLongestLine = 240;

bool ends_a_clause(char c) {
  return c == ',' || c == ' ' || c == '.' || c == '!';
}

// Someone else's words passed on ("王姐说她周六加班", "老李让我转告", "张三说T1修好了") are not the
// speaker's command.
bool relays_another(std::string_view before) {
  constexpr std::array<std::string_view, 10> kRelayed = {"说", "帮", "替",   "代",   "听",
                                                         "让", "托", "转告", "通知", "提醒"};
  for (const std::string_view relayed : kRelayed) {
    if (before.find(relayed) != std::string_view::npos) return true;
  }
  return false;
}

// A clause that ends by saying no to what follows ("那我就不 报到 1 了", "人还没到齐 别 结束 1", "先别 T1
// 办结"): a review of 2026-12-07 found each acted on.
bool negates_what_follows(std::string_view before) {
  before = trim_spaces(before);
  for (const std::string_view no : {"不", "别", "不要", "不用", "先别", "先不", "没", "还没", "没有", "不能",
                                    "不会", "不想", "甭", "莫"}) {
    if (before.ends_with(no)) return true;
  }
  return false;
}

// A leader's close said of later ("明天上午 验收 1", "等雪停了 验收 1", "验收 1 等我到了再说", "结束 1 后
// 再验收", "活动快 结束 1 会儿就好"), or a number that is no task's ("球赛 结束 3 1 赢了").
bool speaks_of_later(std::string_view before, const Command& command) {
  // Not 下午, 晚上 nor 快 alone: "下午的扫雪辛苦大家了 结束 1", "大家动作很快 结束 1" close the work
  // just done (the review after).
  for (const std::string_view later : {"明天", "后天", "下次", "以后", "之后", "还差", "快了", "等雪", "等我",
                                       "等他", "等会", "等一下", "等下", "等人", "等大家"}) {
    if (before.find(later) != std::string_view::npos) return true;
  }
  if (!command.reason) return false;
  const std::string_view reason = trim_spaces(*command.reason);
  if (!reason.empty() && is_ascii_digit(static_cast<unsigned char>(reason.front()))) return true;
  // "结束 1 会儿就好", "结束 1 前记得签退", "结束 1 后再验收", "验收 1 了" (told of).
  for (const std::string_view after : {"会儿", "前记得", "前要", "后再", "以后", "之后", "再说", "了"}) {
    if (reason.starts_with(after)) return true;
  }
  for (const std::string_view later : {"再说", "等我", "下次", "以后", "还在"}) {
    if (reason.find(later) != std::string_view::npos) return true;
  }
  return false;
}

// A volunteer's own command supposed or asked about, not said ("我要是 报到 1 能加几分", "我晚点 签到 1",
// "我也不知道 报到 1 行不行", "我就随便问问 取消 1 会扣分吗": the review after).
bool supposes_or_asks(std::string_view before, const Command& command) {
  before = trim_spaces(before);
  for (const std::string_view what_if :
       {"要是", "如果", "的话", "差点", "晚点", "待会", "一会儿", "不知道", "问问"}) {
    if (before.find(what_if) != std::string_view::npos) return true;
  }
  if (!command.reason) return false;
  const std::string_view reason = trim_spaces(*command.reason);
  for (const std::string_view asks : {"吗", "?", "吧", "行不行", "能不能", "可不可以", "扣分", "能加"}) {
    if (reason.find(asks) != std::string_view::npos) return true;
  }
  return false;
}

// An opinion or a guess about the step, not the step ("我觉得 结束 1 太早了", "我猜 验收 1 要明天",
// "还在修 T1 办结 不了": the review after).
bool weighs_it(std::string_view before, const Command& command) {
  for (const std::string_view view :
       {"觉得", "猜", "认为", "是不是", "要不要", "能不能", "该不该", "可不可以", "会不会", "估计", "还在修",
        "还没修", "看到", "听说", "知道"}) {
    if (before.find(view) != std::string_view::npos) return true;
  }
  if (!command.reason) return false;
  const std::string_view reason = trim_spaces(*command.reason);
  if (reason.starts_with("不") || reason.starts_with("没")) return true;
  for (const std::string_view doubt : {"太早", "太晚", "早了", "晚了", "明天", "后天", "吗", "呢", "?"}) {
    if (reason.find(doubt) != std::string_view::npos) return true;
  }
  return false;
}

// Whether a ticket is written as one somewhere in the line ("T1", "t12", "工单3").
bool writes_a_ticket(std::string_view body) {
  for (std::size_t at = 0; at + 1 < body.size(); ++at) {
    if ((body[at] == 'T' || body[at] == 't') && read_ticket_reference(body, at, false)) return true;
  }
  return body.find("工单") != std::string_view::npos;
}

// The steps a worker or a leader takes on a ticket, which the handlers allow only to them.
bool is_a_ticket_step(Intent intent) {
  return intent == Intent::dispatch || intent == Intent::accept || intent == Intent::resolve ||
         intent == Intent::send_back || intent == Intent::escalate;
}

// The close of a task a leader says after a remark: 结束 and 验收 (all checked in paid), by number.
bool closes_a_task(std::string_view body) {
  return body.find_first_of("0123456789") != std::string_view::npos &&
         (body.find("结束") != std::string_view::npos || body.find("验收") != std::string_view::npos);
}

bool is_a_task_close(const Command& command) {
  return (command.intent == Intent::finish ||
          (command.intent == Intent::confirm && command.mentions.empty())) &&
         command.task && !command.implicit;
}

}  // namespace

// Said so by volunteers (an exploratory run of people changing, 2026-12-07: silence, and the volunteer
// believed it done). Only a volunteer's own commands, and only with the number written: a clause of chatter
// ends with "取消" or "报到" often enough.
std::optional<Command> own_command_after_a_clause(std::string_view body, const ClauseReader& read,
                                                  const TimeContext& time) {
  if (body.size() > kLongestLine) return std::nullopt;
  const bool numbered =
      body.find_first_of("0123456789") != std::string_view::npos && holds_own_task_word(body);
  // "我是新搬来的，怎么当志愿者": a newcomer's question how to volunteer, after saying who they are
  // (the same run: 没看懂). Only after a comma ("兑换码，怎么用" asks of something else).
  const bool asks_how =
      (body.find("怎么") != std::string_view::npos || body.find("如何") != std::string_view::npos) &&
      body.find("志愿") != std::string_view::npos;
  // "元旦回老家了，请假": one's own reason, then a bare leave (a review of stop 66: silence, and 没看懂
  // said to the bot). The reason's day only hints which place.
  const bool bare_leave = body.find("请假") != std::string_view::npos;
  // "扫完了 签退", "太冷了 先撤了，签退 1": the work done or the leaving, then the check-out (an
  // exploratory run of winter, stop 67: silence).
  const bool check_out = body.find("签退") != std::string_view::npos;
  if (!numbered && !asks_how && !bare_leave && !check_out) return std::nullopt;
  // "扫完了签退", "我走了签退": by voice, nothing between the work done and the check-out.
  if (check_out) {
    const std::size_t word = body.rfind("签退");
    const std::string_view before = body.substr(0, word);
    if (word != std::string_view::npos && before.ends_with("了") && tells_work_done_or_leaving(before)) {
      std::optional<Command> command = read(body.substr(word));
      if (command && command->intent == Intent::check_out && !command->implicit) return command;
    }
  }
  for (std::size_t at = 0; at < body.size(); ++at) {
    if (!ends_a_clause(body[at])) continue;
    const std::size_t next = skip_separators(body, at + 1);
    if (next >= body.size()) break;
    // Only where a command word begins the clause (or, asking how, after a comma).
    const bool leave_clause = bare_leave && body.substr(next).starts_with("请假");
    const bool check_out_clause = check_out && body.substr(next).starts_with("签退");
    if (!(numbered && starts_own_task_word(body.substr(next))) && !(asks_how && body[at] == ',') &&
        !leave_clause && !check_out_clause)
      continue;
    std::optional<Command> command = read(body.substr(next));
    if (!command) continue;
    if (asks_how && body[at] == ',' && command->intent == Intent::help) return command;
    if (leave_clause && command->intent == Intent::withdraw && !command->task) {
      const std::string_view before = body.substr(0, at);
      if (!tells_own_reason(trim_spaces(before))) return std::nullopt;
      if (take_shift_day(*command, before.substr(0, leading_shift(before)), time))
        command->day_is_a_hint = true;
      return command;
    }
    if (check_out_clause && command->intent == Intent::check_out && !command->implicit &&
        tells_work_done_or_leaving(trim_spaces(body.substr(0, at))))
      return command;
    if (command->implicit || !command->task || !is_own_place_intent(command->intent)) continue;
    // Only the speaker's own reason before it ("不好意思我周四加班", "我报错群了"): someone else's words
    // passed on ("楼上李姐周六不来了", "张三 取消 2"), a notice ("各位邻居，报名 1 的请带手套", "物业通
    // 知：明天停水，报到 1 楼物业"), a number with a unit or a clock after it ("取消 1 张", "签到 2 点开
    // 始") and a danger ("家里老人摔倒了，请假 1") are not the speaker's command (two reviews, 2026-12-07).
    const std::string_view before = body.substr(0, at);
    if (!speaks_of_oneself(before) || relays_another(before) || negates_what_follows(before) ||
        supposes_or_asks(before, *command))
      return std::nullopt;
    if (command->reason && counts_or_tells_time(*command->reason)) return std::nullopt;
    if (contains_danger_word(body)) return std::nullopt;
    // Said among neighbours, a withdrawal this way is asked about, not done ("我不要了，取消 1" is as
    // often a group-buy's order); but 请假 and 取消报名 name a place and nothing else ("不好意思我今天感冒
    // 了，请假 1" was asked to send the very "请假 1" it held: an exploratory run of a week's rota,
    // 2026-12-07).
    const std::string_view clause = body.substr(next);
    if (command->intent == Intent::withdraw && !clause.starts_with("请假") &&
        !clause.starts_with("取消报名") && !clause.starts_with("取消报到"))
      command->implicit = true;
    return command;
  }
  return std::nullopt;
}

// A leader says why before the step more often than not (an exploratory run of the leaders' side,
// 2026-12-07: "张三病了 T1改派给何大爷" was silence, and the leader believed it moved). Only a step the
// handlers allow to a worker or a leader alone, on a ticket written as one: anyone else is told it is
// not theirs to take, never met with silence.
std::optional<Command> leader_step_after_a_clause(std::string_view body, const ClauseReader& read) {
  if (body.size() > kLongestLine) return std::nullopt;
  const bool ticket_written = writes_a_ticket(body);
  const bool task_closed = closes_a_task(body);
  if (!ticket_written && !task_closed) return std::nullopt;
  for (std::size_t at = 0; at < body.size(); ++at) {
    if (!ends_a_clause(body[at])) continue;
    const std::size_t next = skip_separators(body, at + 1);
    if (next >= body.size()) break;
    std::optional<Command> command = read(body.substr(next));
    if (!command) continue;
    const std::string_view before = body.substr(0, at);
    // "他们都在问 T1 上报 了没": asked, not done.
    const bool ticket_step = ticket_written && command->ticket && is_a_ticket_step(command->intent) &&
                             !(command->reason && asks_whether_done(*command->reason));
    // "结束 1 号楼的活动", "验收 2 点开始": a number that counts or tells the time is no task's.
    const bool task_close = task_closed && is_a_task_close(*command) &&
                            !(command->reason && counts_or_tells_time(*command->reason)) &&
                            !speaks_of_later(before, *command);
    if (!ticket_step && !task_close) continue;
    if (relays_another(before) || negates_what_follows(before) || weighs_it(before, *command) ||
        contains_danger_word(body))
      return std::nullopt;
    return command;
  }
  return std::nullopt;
}

}  // namespace whistle::language
