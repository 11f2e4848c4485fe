#include "handlers/check_in.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include "handlers/addressing.hpp"
#include "handlers/attendance_jobs.hpp"
#include "handlers/attendance_pay.hpp"
#include "handlers/named_people.hpp"
#include "handlers/numbers_listed.hpp"
#include "handlers/people_names.hpp"
#include "handlers/places_per_node.hpp"
#include "handlers/rights.hpp"
#include "handlers/task_lookup.hpp"
#include "handlers/task_text.hpp"

namespace whistle::handlers {

bool check_in_is_open(const store::Task& task, std::int64_t now) {
  return (!task.start || now >= *task.start - kCheckInOpensBeforeStart) && (!task.end || now <= *task.end);
}

namespace {

// Wrong sign-in codes a person may send for one task before only the leader's word counts.
constexpr int kSignCodeAttempts = 5;

using Values = std::vector<std::pair<std::string_view, std::string>>;

std::optional<store::GeoPoint> place_of(const Message& message) {
  if (!message.location) return std::nullopt;
  return store::GeoPoint{message.location->lat, message.location->lon};
}

std::string duration_text(const Services& services, std::int64_t seconds) {
  const std::int64_t minutes = std::max<std::int64_t>(seconds, 0) / 60;
  if (minutes < 60) return services.text("duration_minutes", {{"minutes", std::to_string(minutes)}});
  return services.text("duration_hours",
                       {{"hours", std::to_string(minutes / 60)}, {"minutes", std::to_string(minutes % 60)}});
}

std::string task_lines(Context& context, const std::vector<store::Task>& tasks) {
  std::string list;
  for (const store::Task& task : tasks) {
    if (!list.empty()) list += '\n';
    list += context.text("attendance_task_line", {{"task", std::to_string(task.number)},
                                                  {"title", task.title},
                                                  {"when", task_when_text(context, task, context.now)}});
  }
  return list;
}

// The open tasks the sender is signed up for (not waitlisted) whose time is not over, soonest
// first: one that ended last month is no longer what a bare 签到 could mean.
std::vector<store::Task> signed_up_tasks(Context& context) {
  std::vector<store::Task> tasks;
  if (!context.community) return tasks;
  for (const store::Signup& signup :
       context.signups.open_of_person(*context.community, context.message.sender)) {
    if (signup.state != store::SignupState::signed_up) continue;
    std::optional<store::Task> task = context.tasks.by_id(signup.task_id);
    if (task && !task_is_over(*task, context.now)) tasks.push_back(std::move(*task));
  }
  return tasks;
}

// "我到了" said in passing is an arrival: at a task that begins about now, from two hours before
// its start until two hours after it (and not past its end). "我到了" at 7:00 for a 15:00 task, at
// 21:00 for a task that began at 9:00 and has no end, or any day for a task with no time, was
// about something else (a review, 2026-12-06: one such paid a no-show at 验收).
bool arrives_now(const store::Task& task, std::int64_t now) {
  constexpr std::int64_t kAround = 2 * 3600;
  return task.start && now >= *task.start - kAround && now <= *task.start + kAround &&
         (!task.end || now <= *task.end);
}

// "我到了 好冷", "我到了，在3号楼门口": an arrival at the task, with a word of the cold or of where it
// gathers. Anything else ("在菜市场门口等你", "在路上", "医院人好多", "地铁站") is told to someone or
// of somewhere else (two reviews of stop 67: each checked a volunteer in).
bool remark_of_the_task(std::string_view remark) {
  for (const std::string_view word : {"你", "您", "等", "接", "@", "?", "吗", "哪", "路上", "快到", "还在",
                                      "地铁", "车上", "医院", "菜市场", "超市", "家"}) {
    if (remark.find(word) != std::string_view::npos) return false;
  }
  for (const std::string_view word : {"冷", "冻", "雪", "风", "雨", "门口", "楼下", "楼前", "现场", "集合",
                                      "号楼", "单元", "广场", "大门", "活动室", "准时", "开始", "人呢"}) {
    if (remark.find(word) != std::string_view::npos) return true;
  }
  return false;
}

// A task of "today" for a bare 签到: of today's date, with no time, or open for check-in now — a
// night patrol that began before midnight is still today's at 00:15 (an exploratory run of the turn
// of the year, stop 66: "你今天没有要签到的任务" during the 跨年夜 patrol).
bool happens_today_or_now(Context& context, const store::Task& task) {
  return !task.start || local_day(context, *task.start) == local_day(context, context.now) ||
         check_in_is_open(task, context.now);
}

// The words of an arrival, not of 签到 or 打卡 (which say when check-in opens, asked early).
bool tells_arrival(const Command& command) {
  return !command.text.starts_with("签到") && !command.text.starts_with("打卡") &&
         !command.text.starts_with("签个到");
}

// A bare 签到: the one task of the person's that happens today (a task without a start counts for
// any day), or of several the one whose check-in is open now; otherwise the list to choose from;
// none today → the person's tasks, to name one. `quiet_when_nothing`: an everyday 打卡 or 我到了 in
// a group, answered only when there is something today; `arrival`: 我到了 said so, which counts only
// for a task beginning about now.
TaskChoice todays_task(Context& context, bool quiet_when_nothing, bool arrival) {
  TaskChoice choice;
  const std::string mention = mention_of(context.people, context.message.sender);
  const std::vector<store::Task> mine = signed_up_tasks(context);
  if (mine.empty()) {
    if (quiet_when_nothing) return choice;
    // Waiting for a place is no "你还没有报到" (an exploratory run of a campaign, 2026-12-06).
    if (context.community) {
      for (const store::Signup& signup :
           context.signups.open_of_person(*context.community, context.message.sender)) {
        if (signup.state != store::SignupState::waitlisted) continue;
        const std::optional<store::Task> task = context.tasks.by_id(signup.task_id);
        if (!task || task_is_over(*task, context.now)) continue;
        choice.replies.push_back(reply_to_sender(
            context,
            context.text("check_in_waitlisted",
                         {{"task", std::to_string(task->number)},
                          {"mention", mention},
                          {"position", std::to_string(place_in_node_line(context, *task, signup.person))}})));
        return choice;
      }
    }
    choice.replies.push_back(
        reply_to_sender(context, context.text("check_in_nothing", {{"mention", mention}})));
    return choice;
  }
  std::vector<store::Task> today;
  for (const store::Task& task : mine) {
    if (happens_today_or_now(context, task)) today.push_back(task);
  }
  if (quiet_when_nothing && arrival)
    std::erase_if(today, [&](const store::Task& task) { return !arrives_now(task, context.now); });
  if (today.size() > 1) {
    // "签到" at 08:53 with tasks at 09:00 and 15:00: only the first takes a check-in now.
    std::vector<const store::Task*> open;
    for (const store::Task& task : today) {
      if (check_in_is_open(task, context.now)) open.push_back(&task);
    }
    if (open.size() == 1) {
      choice.task = *open.front();
      return choice;
    }
  }
  if (today.size() == 1) {
    choice.task = today.front();
    return choice;
  }
  // "打卡 第30天" from a volunteer whose task is next Saturday is still a fitness streak.
  if (today.empty() && quiet_when_nothing) return choice;
  const std::vector<store::Task>& listed = today.empty() ? mine : today;
  const std::string example =
      command_word(context, Intent::check_in) + " " + std::to_string(listed.front().number);
  choice.replies.push_back(
      reply_to_sender(context, context.text(today.empty() ? "check_in_none_today" : "check_in_choose",
                                            {{"mention", mention},
                                             {"count", std::to_string(listed.size())},
                                             {"list", task_lines(context, listed)},
                                             {"example", example}})));
  return choice;
}

// A bare 签退: the one task the person checked in to and has not checked out of.
TaskChoice task_to_leave(Context& context) {
  TaskChoice choice;
  std::vector<store::Task> present;
  if (context.community) {
    for (const store::Signup& signup :
         context.signups.open_of_person(*context.community, context.message.sender)) {
      const std::optional<store::Attendance> row =
          context.attendance.find(signup.task_id, context.message.sender);
      if (!row || !row->checked_in_at || row->checked_out_at) continue;
      if (std::optional<store::Task> task = context.tasks.by_id(signup.task_id))
        present.push_back(std::move(*task));
    }
  }
  if (present.size() == 1) {
    choice.task = present.front();
    return choice;
  }
  const std::string mention = mention_of(context.people, context.message.sender);
  if (present.empty()) {
    // Out without in: the one task of the person's that happens today, recorded for the leader.
    std::vector<store::Task> today;
    for (store::Task& task : signed_up_tasks(context)) {
      if (happens_today_or_now(context, task)) today.push_back(std::move(task));
    }
    if (today.size() == 1) {
      choice.task = std::move(today.front());
      return choice;
    }
    choice.replies.push_back(
        reply_to_sender(context, context.text("check_out_nothing", {{"mention", mention}})));
    return choice;
  }
  const std::string example =
      command_word(context, Intent::check_out) + " " + std::to_string(present.front().number);
  choice.replies.push_back(
      reply_to_sender(context, context.text("check_out_choose", {{"mention", mention},
                                                                 {"count", std::to_string(present.size())},
                                                                 {"list", task_lines(context, present)},
                                                                 {"example", example}})));
  return choice;
}

TaskChoice find_task(Context& context, const Command& command, Intent intent) {
  // "签到 T3": a ticket's number is no task, and today's task is not what was meant either;
  // choose_task says so.
  if (!command.task && !command.ticket)
    return intent == Intent::check_in
               ? todays_task(context, said_in_passing(context.message, command), tells_arrival(command))
               : task_to_leave(context);
  TaskQuery query;
  query.intent = intent;
  return choose_task(context, command, query);
}

Values task_values(Context& context, const store::Task& task) {
  return {{"task", std::to_string(task.number)},
          {"mention", mention_of(context.people, context.message.sender)}};
}

Reply answer(Context& context, const store::Task& task, std::string_view key, Values extra = {}) {
  Values values = task_values(context, task);
  values.insert(values.end(), extra.begin(), extra.end());
  return reply_to_sender(context, context.text(key, values));
}

// A check-in or check-out after the task ended. Someone who held a place there is told whom to ask: the
// leader may still vouch for them at 确认 (an exploratory run of the winter holiday, stop 69: a pupil
// who forgot was told only that it had ended).
Reply attendance_closed(Context& context, const store::Task& task) {
  Reply reply = answer(context, task, "attendance_closed", {{"status", status_text(context, task.status)}});
  const std::optional<store::Signup> held = context.signups.find(task.id, context.message.sender);
  const std::optional<store::Attendance> row = context.attendance.find(task.id, context.message.sender);
  const bool paid = row && (row->outcome == store::AttendanceOutcome::confirmed ||
                            row->outcome == store::AttendanceOutcome::vouched);
  if (task.status == store::TaskStatus::finished && held && held->state == store::SignupState::signed_up &&
      !paid)
    reply.text += context.text(
        "attendance_closed_vouch",
        {{"leader", display_name(context.people, task.creator)}, {"task", std::to_string(task.number)}});
  return reply;
}

// The task of this group the sender holds a place on whose check-in is open now (from
// kCheckInOpensBeforeStart before its start, or any time for a task without one, until its end);
// empty when none is, and in private. Read from the group's list and signups as memory holds them:
// a check-in refused for want of a place is common in a storm, and a read of all one's signups made
// each dearer by a statement (the parser's cost of a stop, 2026-12-06).
std::optional<store::Task> own_task_to_check_in(Context& context) {
  if (context.message.is_private) return std::nullopt;
  for (const store::ListedTask* listed : context.tasks.open_in_chat_view(context.message.chat)) {
    if (task_is_over(*listed, context.now)) continue;
    if (listed->start && context.now < *listed->start - kCheckInOpensBeforeStart) continue;
    const std::optional<store::Signup> signup = context.signups.find(listed->id, context.message.sender);
    if (!signup || signup->state != store::SignupState::signed_up) continue;
    // Already on site there: the number was no slip for it.
    const std::optional<store::Attendance> row = context.attendance.find(listed->id, context.message.sender);
    if (row && row->checked_in_at) continue;
    return context.tasks.by_id(listed->id);
  }
  return std::nullopt;
}

// Why a check-in is refused before anything is recorded, or nothing when it may go ahead.
// `signup` is the sender's for the task, read once by the caller.
std::optional<Reply> refuse_check_in(Context& context, const Command& command, const store::Task& task,
                                     const std::optional<store::Signup>& signup) {
  const std::string& person = context.message.sender;
  if (!signup || signup->state == store::SignupState::withdrawn) {
    // "签到 2" from someone on #1, under way in their own group: the number was mistyped, and "先报到 2"
    // sent them to another unit's task (an exploratory run of newcomers, 2026-12-06).
    if (const std::optional<store::Task> own = own_task_to_check_in(context); own && own->id != task.id) {
      return answer(context, task, "check_in_other_task",
                    {{"other", std::to_string(own->number)},
                     {"title", own->title},
                     {"when", task_when_text(context, *own, context.now)}});
    }
    return answer(context, task, "check_in_not_signed_up");
  }
  if (signup->state == store::SignupState::waitlisted) {
    return answer(context, task, "check_in_waitlisted",
                  {{"position", std::to_string(place_in_node_line(context, task, person))}});
  }
  if (task.start && context.now < *task.start - kCheckInOpensBeforeStart) {
    return answer(context, task, "check_in_too_early",
                  {{"start", local_time_text(context, *task.start, context.now)},
                   {"opens", local_time_text(context, *task.start - kCheckInOpensBeforeStart, context.now)}});
  }
  if (task.end && context.now > *task.end) {
    return answer(context, task, "check_in_too_late",
                  {{"end", local_time_text(context, *task.end, context.now)}});
  }
  if (const std::optional<std::string> code = context.tasks.sign_code(task.id)) {
    // Four digits would fall to patience from home: after a few wrong ones only the leader's word
    // (确认 at confirmation) counts, even with the right code.
    if (context.tasks.sign_code_failures(task.id, person) >= kSignCodeAttempts)
      return answer(context, task, "check_in_code_locked");
    if (!command.code) return answer(context, task, "check_in_code_needed");
    if (*command.code != *code) {
      const int failures = context.tasks.add_sign_code_failure(task.id, person);
      if (failures >= kSignCodeAttempts) return answer(context, task, "check_in_code_locked");
      return answer(context, task, "check_in_code_wrong",
                    {{"left", std::to_string(kSignCodeAttempts - failures)}});
    }
  }
  return std::nullopt;
}

// "签到 4831" reads as task #4831: when no such task exists and the line's number has four digits,
// it is the code of a bare check-in ("0483" keeps its zero: the digits are taken from the line).
std::optional<std::string> code_typed_as_number(Context& context, const Command& command) {
  if (!command.task || command.code || !context.community) return std::nullopt;
  if (context.tasks.by_number(*context.community, *command.task)) return std::nullopt;
  const std::string& text = command.text;
  const std::size_t last = text.find_last_of("0123456789");
  if (last == std::string::npos) return std::nullopt;
  const std::size_t first = text.find_last_not_of("0123456789", last);
  const std::size_t begin = first == std::string::npos ? 0 : first + 1;
  if (last + 1 - begin != 4) return std::nullopt;
  return text.substr(begin, 4);
}

// Out without in is flagged, not refused (design: "out without in … is flagged"): the check-out
// is recorded, nothing is paid, and the task's creator decides with 确认 or 不予确认. Until then
// the task's end does not make the person a no-show.
std::vector<Reply> check_out_without_check_in(Context& context, const store::Task& task) {
  const std::string& person = context.message.sender;
  const std::optional<store::Signup> signup = context.signups.find(task.id, person);
  if (!signup || signup->state != store::SignupState::signed_up) {
    return {answer(context, task, "check_out_not_signed_up")};
  }
  // Before the start nobody leaves work that has not begun: recorded, it would stand in the way
  // of the real check-in and check-out that follow.
  if (task.start && context.now < *task.start) {
    return {answer(context, task, "check_out_not_started",
                   {{"start", local_time_text(context, *task.start, context.now)}})};
  }
  const std::optional<std::string> node = signup->node ? signup->node : std::optional<std::string>(task.node);
  context.attendance.check_out_without_check_in(task.id, person, task.community, node, context.now,
                                                place_of(context.message));
  const std::string clock = local_clock_text(context, context.now);
  context.attendance.flag(task.id, person, context.text("no_check_in_flag", {{"clock", clock}}));
  const Values leader_values{{"task", std::to_string(task.number)},
                             {"name", display_name(context.people, person)},
                             {"title", task.title},
                             {"clock", clock}};
  return {answer(context, task, "check_out_without_check_in", {{"clock", clock}}),
          Reply{private_chat_of(task.creator), context.text("no_check_in_leader", leader_values), {}}};
}

// "帮@刘阿姨 签到 1", "签到 1 @刘阿姨", "代签退 1 @刘阿姨": a check-in is one's own, as a place and its
// points are. It had checked the sender in, or checked the sender out without a check-in and flagged him (an
// exploratory run of scams, stop 70). A leader of the task named is whom it is told to ("签到 1 @陈单元长").
std::optional<Reply> refuse_for_someone_else(Context& context, const Command& command,
                                             const store::Task& task) {
  // "代签到 1", "代签到 1 刘阿姨": for someone, named without an '@' or not at all (a review of stop 70: it
  // checked the sender in).
  if (command.on_behalf && command.mentions.empty())
    return answer(context, task, "check_in_for_someone_unnamed");
  if (command.mentions.empty()) return std::nullopt;
  const std::string& sender = context.message.sender;
  std::vector<std::string> others;
  for (const NamedPerson& person : named_people(context, command)) {
    if (person.id &&
        (*person.id == sender || (!command.on_behalf && may_close_task(context, *person.id, task))))
      continue;
    others.push_back(person.id ? mention_of(context.people, *person.id) : "@" + person.typed);
  }
  if (others.empty()) return std::nullopt;
  return answer(context, task, "check_in_for_someone", {{"names", join_list(context, others)}});
}

// A check-out taken back this soon after it was a slip of the finger; later it was a departure.
constexpr std::int64_t kCheckOutTakenBackWithin = 15 * 60;

}  // namespace

std::vector<Reply> handle_check_in(Context& context, const Command& typed) {
  // "签到 1和2": one is on site at one task at a time, and checking in at the second would end the
  // stay at the first. Asked, not guessed (a second review, 2026-12-06: #2 was dropped unsaid).
  if (!further_task_numbers(typed).empty()) {
    return {reply_to_sender(context,
                            context.text("check_in_one_at_a_time",
                                         {{"mention", mention_of(context.people, context.message.sender)},
                                          {"task", std::to_string(*typed.task)}}))};
  }
  Command command = typed;
  if (std::optional<std::string> code = code_typed_as_number(context, typed)) {
    command.task.reset();
    command.code = std::move(code);
  }
  // "我到了，在菜市场门口等你": told to someone, in passing; only a bare arrival checks in (a review,
  // 2026-12-06: that one checked a volunteer in half an hour before her task, and 验收 paid her).
  // "我到了 签到 1", "已到，签到" check in all the same (the third review), and so does "我到了 报到",
  // 报到 said on site for 签到 (stop 62).
  // A remark of the task ("我到了 好冷", "我到了，在3号楼门口") is an arrival as the bare words are, for
  // a task beginning about now (an exploratory run of winter, stop 67: silence, then 失约 for two who
  // came out at dawn).
  if (said_in_passing(context.message, command) && tells_arrival(command) && command.reason &&
      !command.reason->empty() && command.reason->find("签到") == std::string::npos &&
      command.reason->find("打卡") == std::string::npos &&
      command.reason->find("报到") == std::string::npos && !remark_of_the_task(*command.reason))
    return {};
  TaskChoice choice = find_task(context, command, Intent::check_in);
  if (!choice.task) return std::move(choice.replies);
  const store::Task& task = *choice.task;
  if (task.status != store::TaskStatus::open) return {attendance_closed(context, task)};
  if (std::optional<Reply> refused = refuse_for_someone_else(context, command, task))
    return {std::move(*refused)};

  const std::string& person = context.message.sender;
  // "签退错了", "我签退错了", "签退 错了": only a check-out is taken back, never a check-in made of it
  // (a review, 2026-12-06: "我签退错了" checked in someone never there).
  const bool takes_back_check_out = command.text.find("签退") != std::string::npos;
  if (takes_back_check_out) {
    const std::optional<store::Attendance> row = context.attendance.find(task.id, person);
    if (!row || !row->checked_in_at || !row->checked_out_at) {
      if (said_in_passing(context.message, command)) return {};
      return {answer(context, task, "check_out_nothing_to_take_back")};
    }
  }
  // A repeat is answered kindly before any other rule: the first check-in stands. Said in passing
  // ("到了到了" to the others once checked in), it needs no answer.
  const std::optional<store::Attendance> row = context.attendance.find(task.id, person);
  if (row && row->checked_in_at) {
    // Checked out by mistake ("签退按错了 我还在呢", then 签到 again) while the task runs: the stay
    // goes on from the first check-in (an exploratory run of corrections, 2026-12-06: refused as a
    // repeat, and the stay stayed flagged short).
    // Only moments after the check-out, and not while on site at another task: a 签到 hours later
    // cleared a short stay's flag and 验收 paid it in full, and 签到 1 after moving to #2 put the
    // person on site at both (a review, 2026-12-06). The leader told of a short stay hears it taken back.
    if (row->checked_out_at && !row->outcome && !task_is_over(task, context.now) &&
        context.now - *row->checked_out_at <= kCheckOutTakenBackWithin &&
        context.attendance.on_site_elsewhere(person, task.id).empty() &&
        context.attendance.reopen_stay(task.id, person)) {
      std::vector<Reply> replies{answer(context, task, "check_in_resumed",
                                        {{"clock", local_clock_text(context, *row->checked_in_at)}})};
      if (row->flagged && task.creator != person) {
        replies.push_back(Reply{private_chat_of(task.creator),
                                context.text("check_in_resumed_leader",
                                             {{"task", std::to_string(task.number)},
                                              {"name", display_name(context.people, person)},
                                              {"title", task.title},
                                              {"clock", local_clock_text(context, *row->checked_out_at)}}),
                                {}});
      }
      return replies;
    }
    if (takes_back_check_out) {
      if (said_in_passing(context.message, command)) return {};
      const char* key = task_is_over(task, context.now) || row->outcome ? "check_out_taken_back_task_over"
                        : context.now - *row->checked_out_at > kCheckOutTakenBackWithin
                            ? "check_out_too_late_to_take_back"
                            : "check_out_taken_back_on_site_elsewhere";
      return {answer(context, task, key, {{"clock", local_clock_text(context, *row->checked_out_at)}})};
    }
    if (said_in_passing(context.message, command)) return {};
    // Checked out already (and past taking it back): not "不用重复签到…请发签退" (the final read).
    if (row->checked_out_at) {
      return {answer(context, task, "check_in_after_check_out",
                     {{"clock", local_clock_text(context, *row->checked_out_at)}})};
    }
    return {answer(context, task, "check_in_already",
                   {{"clock", local_clock_text(context, *row->checked_in_at)}})};
  }
  const std::optional<store::Signup> signup = context.signups.find(task.id, person);
  if (std::optional<Reply> refusal = refuse_check_in(context, command, task, signup))
    return {std::move(*refusal)};

  const std::optional<std::string> node =
      signup && signup->node ? signup->node : std::optional<std::string>(task.node);
  // A check-out with no check-in before it (pressed by mistake, or a neighbour's "帮@张三 签退") and then
  // 签到 while the task runs: the check-out is forgotten with its flag and the stay starts now. Kept, the
  // check-in was answered 签到成功 and counted for nothing: 验收 listed the volunteer as never checked in
  // (an exploratory run of scams, stop 70). The leader, told of the check-out, hears it is void.
  const bool lone_check_out_forgotten = row && !row->checked_in_at && row->checked_out_at &&
                                        !task_is_over(task, context.now) &&
                                        context.attendance.forget_lone_check_out(task.id, person);
  context.attendance.check_in(task.id, person, task.community, node, context.now, place_of(context.message));
  std::vector<Reply> replies{
      answer(context, task, "check_in_ok", {{"clock", local_clock_text(context, context.now)}})};
  if (lone_check_out_forgotten && task.creator != person) {
    replies.push_back(Reply{private_chat_of(task.creator),
                            context.text("check_in_after_lone_check_out_leader",
                                         {{"task", std::to_string(task.number)},
                                          {"name", display_name(context.people, person)},
                                          {"title", task.title},
                                          {"out", local_clock_text(context, *row->checked_out_at)},
                                          {"clock", local_clock_text(context, context.now)}}),
                            {}});
  }
  // Checked in at #2 while still on site at #1: one cannot serve both at once, so #1's stay ends
  // now. Left open, 10:00–11:00 was paid twice (an exploratory run of corrections, 2026-12-06).
  for (const store::Attendance& other : context.attendance.on_site_elsewhere(person, task.id)) {
    const std::optional<store::Task> earlier = context.tasks.by_id(other.task_id);
    if (!earlier || task_is_over(*earlier, context.now)) continue;
    Command leaving;
    leaving.intent = Intent::check_out;
    leaving.task = earlier->number;
    leaving.addressed = command.addressed;
    leaving.text = command.text;
    std::vector<Reply> left = handle_check_out(context, leaving);
    replies.insert(replies.end(), left.begin(), left.end());
  }
  return replies;
}

std::vector<Reply> handle_check_out(Context& context, const Command& command) {
  // "签退 错了", "签退 1 按错了": the check-out was the mistake; checked out again, the stay was cut
  // short twice (a review, 2026-12-06).
  if (command.reason) {
    const std::string_view why = *command.reason;
    for (const std::string_view slip : {"错了", "按错了", "点错了", "搞错了", "发错了"}) {
      if (why == slip) {
        Command take_back = command;
        take_back.intent = Intent::check_in;
        return handle_check_in(context, take_back);
      }
    }
  }
  TaskChoice choice = find_task(context, command, Intent::check_out);
  if (!choice.task) return std::move(choice.replies);
  const store::Task& task = *choice.task;
  if (task.status != store::TaskStatus::open) return {attendance_closed(context, task)};
  if (std::optional<Reply> refused = refuse_for_someone_else(context, command, task))
    return {std::move(*refused)};

  const std::string& person = context.message.sender;
  const std::optional<store::Attendance> row = context.attendance.find(task.id, person);
  if (row && row->checked_out_at) {
    return {answer(context, task, "check_out_already",
                   {{"clock", local_clock_text(context, *row->checked_out_at)}})};
  }

  if (!row || !row->checked_in_at) return check_out_without_check_in(context, task);

  context.attendance.check_out(task.id, person, context.now, place_of(context.message));
  const Stay stay = stay_of(task, *row->checked_in_at, context.now);
  const std::string duration = duration_text(context, stay.seconds);
  const std::string clock = local_clock_text(context, context.now);
  const double ratio = context.config.rules.min_stay_ratio;
  if (!is_short_stay(context, stay))
    return {answer(context, task, "check_out_ok", {{"clock", clock}, {"duration", duration}})};

  // Not paid as it stands: the leader vouches for it or refuses it at confirmation.
  const std::string percent = std::to_string(std::lround(ratio * 100));
  context.attendance.flag(task.id, person,
                          context.text("short_stay_flag", {{"duration", duration}, {"ratio", percent}}));
  const Values leader_values{{"task", std::to_string(task.number)},
                             {"name", display_name(context.people, person)},
                             {"title", task.title},
                             {"duration", duration},
                             {"ratio", percent}};
  return {answer(context, task, "check_out_short",
                 {{"clock", clock}, {"duration", duration}, {"ratio", percent}}),
          Reply{private_chat_of(task.creator), context.text("short_stay_leader", leader_values), {}}};
}

}  // namespace whistle::handlers
