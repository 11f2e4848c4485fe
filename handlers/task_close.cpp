#include "handlers/task_close.hpp"
#include "handlers/numbers_listed.hpp"

#include <algorithm>
#include <string>
#include <string_view>

#include "handlers/addressing.hpp"
#include "handlers/attendance_jobs.hpp"
#include "handlers/language/intent_table.hpp"
#include "handlers/language/text_util.hpp"
#include "handlers/people_names.hpp"
#include "handlers/rights.hpp"
#include "handlers/task_announce.hpp"
#include "handlers/task_jobs.hpp"
#include "handlers/task_lookup.hpp"
#include "handlers/task_restore.hpp"
#include "handlers/task_text.hpp"
#include "handlers/ticket_work.hpp"
#include "handlers/withdraw_others.hpp"

namespace whistle::handlers {

namespace {

std::vector<std::string> people_in(const std::vector<store::Signup>& signups, bool waitlist_too) {
  std::vector<std::string> people;
  for (const store::Signup& signup : signups) {
    if (signup.state == store::SignupState::signed_up || waitlist_too) people.push_back(signup.person);
  }
  return people;
}

Reply no_right(Context& context, const store::Task& task, Intent intent) {
  // Those who may: the creator, then the leaders from the task's node upwards.
  std::vector<std::string> people{task.creator};
  for (std::string& leader : leaders_up_from(context, task.node)) {
    if (std::find(people.begin(), people.end(), leader) == people.end()) people.push_back(std::move(leader));
  }
  const std::optional<store::OrgNode> node = context.org.node(task.node);
  return reply_to_sender(
      context,
      context.text("close_no_right", {{"task", std::to_string(task.number)},
                                      {"mention", mention_of(context.people, context.message.sender)},
                                      {"node", node ? node->name : task.node},
                                      {"action", command_word(context, intent)},
                                      {"people", names_of(context, people)}}));
}

// The group answer goes to where it was said, and to every chat the task was posted in, so those
// who saw the whistle also see how it ended.
std::vector<Reply> announce(Context& context, const store::Task& task, const std::string& text,
                            const std::vector<std::string>& mentions) {
  std::vector<Reply> replies{Reply{context.message.chat, text, mentions}};
  for (const std::string& chat : task_chats(context, task)) {
    if (chat != context.message.chat) replies.push_back(Reply{chat, text, mentions});
  }
  return replies;
}

// A task called off: everyone is told in private besides.
std::vector<Reply> announce_cancel(Context& context, const store::Task& task,
                                   const std::vector<store::Signup>& signups,
                                   std::vector<std::pair<std::string_view, std::string>> values) {
  return announce_per_chat(context, task, signups,
                           {"cancel_done", "cancel_done_nobody", "cancel_done_nobody"}, std::move(values));
}

// What finish and cancel share: finding the task, the rights, and refusing a closed one.
std::optional<store::Task> closable_task(Context& context, const Command& command, Intent intent,
                                         std::vector<Reply>& replies) {
  TaskQuery query;
  query.intent = intent;
  query.nothing_key = "close_nothing_open";
  TaskChoice choice = choose_task(context, command, query);
  if (!choice.task) {
    replies = std::move(choice.replies);
    return std::nullopt;
  }
  const store::Task& task = *choice.task;
  if (!may_close_task(context, context.message.sender, task)) {
    replies.push_back(no_right(context, task, intent));
    return std::nullopt;
  }
  if (task.status != store::TaskStatus::open) {
    replies.push_back(reply_to_sender(
        context,
        context.text("task_already_closed", {{"task", std::to_string(task.number)},
                                             {"mention", mention_of(context.people, context.message.sender)},
                                             {"status", status_text(context, task.status)}})));
    return std::nullopt;
  }
  return choice.task;
}

// "取消加分 1号任务", "撤销加分，1号的何大爷没来": about points whatever number follows.
bool names_points_undo(std::string_view text) {
  const std::string_view said = language::without_wrappers(text);  // "请撤销加分 1号任务" too
  for (const std::string_view words : {"取消加分", "撤销加分", "撤回加分"}) {
    if (said.starts_with(words)) return true;
  }
  return false;
}

// "@所有人", "@全体成员": everyone, no person whose points were given.
bool names_a_person(std::string_view text) {
  for (std::size_t at = text.find('@'); at != std::string_view::npos; at = text.find('@', at + 1)) {
    const std::string_view after = text.substr(at + 1);
    if (!after.starts_with("所有人") && !after.starts_with("全体") && !after.starts_with("all") &&
        !after.starts_with("everyone"))
      return true;
  }
  return false;
}

// "5分" of points, not the minutes of a time ("9点30分", "9:30分").
bool names_an_amount(std::string_view text) {
  for (std::size_t at = text.find("分"); at != std::string_view::npos; at = text.find("分", at + 1)) {
    std::size_t digits = at;
    while (digits > 0 && language::is_ascii_digit(static_cast<unsigned char>(text[digits - 1])))
      --digits;
    if (digits == at) continue;
    const std::string_view before = text.substr(0, digits);
    if (before.ends_with("点") || before.ends_with(":") || text.substr(at).starts_with("分钟")) continue;
    return true;
  }
  return false;
}

// Whether a 撤销 without a task's number speaks of points: a person named, 加分, 积分, 加错, "5分".
bool speaks_of_points(std::string_view text) {
  if (names_a_person(text) || names_an_amount(text)) return true;
  for (const std::string_view word : {"加分", "扣分", "积分", "分数", "加错", "错分"}) {
    if (text.find(word) != std::string_view::npos) return true;
  }
  return false;
}

// "删除 2", "作废 2 发重了": the number alone, or with a duplicate's reason. Anything more ("删除 1号
// 张三的报名", "作废 1号的签到码", "删除 3 张照片") is about something else, and is asked.
bool says_more_than_a_duplicate(const Command& command) {
  const std::string_view said = language::without_wrappers(command.text);  // "请删除 1号 …" too
  bool loose = false;
  for (const std::string_view words : {"删除", "删掉", "作废"}) {
    if (said.starts_with(words)) loose = true;
  }
  if (!loose || !command.reason || command.reason->empty()) return false;
  // The whole reason is a duplicate's: "发重了", "重复了", "发错了"; "1号的签到码 错了" is not.
  const std::string_view reason = language::without_words_at_end(language::trim_spaces(*command.reason),
                                                                 {" ", "!", "?", "。", "吧", "啊"});
  for (const std::string_view why :
       {"重复", "重复了", "重了", "发重了", "发重", "发错了", "发错", "多发了", "多发", "不要了", "错了"}) {
    if (reason == why) return false;
  }
  return true;
}

// "扣分 @何大爷 5 加错了": the deduction that takes back what the line names, with the person and the
// amount it wrote, else the template's example.
std::string points_undo_example(Context& context, std::string_view text) {
  const std::size_t at = text.find('@');
  std::string name;
  if (at != std::string_view::npos) {
    const std::size_t end = text.find_first_of(" ,.!?:;", at + 1);
    name = std::string(text.substr(at + 1, end == std::string_view::npos ? end : end - at - 1));
  }
  // The first number that is no task's ("1号任务" is not an amount).
  std::string points;
  std::size_t digit = text.find_first_of("0123456789");
  while (digit != std::string_view::npos) {
    std::size_t end = digit;
    while (end < text.size() && language::is_ascii_digit(static_cast<unsigned char>(text[end])))
      ++end;
    if (!text.substr(end).starts_with("号")) {
      points = std::string(text.substr(digit, end - digit));
      break;
    }
    digit = text.find_first_of("0123456789", end);
  }
  // "撤销 @何大爷": his name, with the amount left to fill in (a review, 2026-12-06: it named 张三).
  if (name.empty() || name == "所有人") return context.text("cancel_points_example");
  if (points.empty()) return context.text("cancel_points_example_named", {{"name", name}});
  return context.text("cancel_points_example_filled", {{"name", name}, {"points", points}});
}

// The task ends now, as an early 结束 ends it: whoever could not check out any more is credited
// the time up to now.
void end_now(Context& context, const store::Task& task) {
  if (task.start && task.end && *task.start <= context.now && context.now < *task.end) {
    store::Task ended = task;
    ended.end = context.now;
    context.tasks.update_details(ended);
  } else if (task.start && context.now < *task.start) {
    // Ended before its start with someone there early: the work ran from the first check-in until
    // now, so 验收 can pay it at once (the final read, 2026-12-06: it waited for the old end and paid
    // the scheduled two hours for twenty minutes). Nobody there: the task simply did not happen.
    std::optional<std::int64_t> first_in;
    for (const store::Attendance& row : context.attendance.of_task(task.id)) {
      if (row.checked_in_at && (!first_in || *row.checked_in_at < *first_in)) first_in = row.checked_in_at;
    }
    if (first_in) {
      store::Task ended = task;
      ended.start = std::min(*first_in, context.now);
      ended.end = context.now;
      context.tasks.update_details(ended);
    }
  }
  context.tasks.set_status(task.id, store::TaskStatus::finished, context.now);
  cancel_task_reminder(context, task);
  cancel_attendance_jobs(context, task);
}

// 撤销 said once someone is on site ("不用来了，已经修好了"): the task is called off for everyone
// else. It ends now as 结束 would, and who came is confirmed as usual; the others were told not to
// come, so none is a no-show. Refused and pointed to 结束, the leader ended it and everyone told
// to stay home was recorded 失约 in the small hours (an exploratory run of an urgent night).
std::vector<Reply> call_off_with_people_on_site(Context& context, const store::Task& task,
                                                const std::vector<std::string>& on_site) {
  std::vector<std::string> released = people_in(context.signups.active(task.id), true);
  std::erase_if(released, [&](const std::string& person) {
    return std::find(on_site.begin(), on_site.end(), person) != on_site.end();
  });
  // Sent home, they hold no place: 验收 does not ask about them, and the month's 报到参与率 does
  // not count them signed up and absent (a review, 2026-12-06).
  for (const std::string& person : released)
    context.signups.set_state(task.id, person, store::SignupState::withdrawn);
  end_now(context, task);
  const std::vector<std::pair<std::string_view, std::string>> values{
      {"task", std::to_string(task.number)},
      {"title", task.title},
      {"when", task_when_text(context, task, context.now)},
      {"on_site", mentions_of(context.people, on_site)},
      {"mentions", mentions_of(context.people, released)}};
  // Those on site are named too: their stay ends now, and a 签退 after it is refused.
  std::vector<std::string> told = on_site;
  told.insert(told.end(), released.begin(), released.end());
  std::vector<Reply> replies = announce(
      context, task,
      context.text(released.empty() ? "call_off_on_site_nobody_else" : "call_off_on_site", values), told);
  for (const std::string& person : released) {
    replies.push_back(Reply{private_chat_of(person), context.text("cancel_private", values), {person}});
  }
  return replies;
}

}  // namespace

std::vector<Reply> handle_finish(Context& context, const Command& command) {
  std::vector<Reply> replies;
  const std::optional<store::Task> task = closable_task(context, command, Intent::finish, replies);
  if (!task) return replies;

  end_now(context, *task);
  // Closing by hand ends the task as its end time would: who never checked in is a no-show.
  std::vector<Reply> no_shows = settle_no_shows(context, *task, context.now);
  // The thanks go to those who came: a no-show was just told so in private, and one the leader
  // did not confirm was told why.
  std::vector<store::Signup> came = context.signups.active(task->id);
  std::erase_if(came, [&](const store::Signup& signup) {
    if (signup.state != store::SignupState::signed_up) return true;
    const std::optional<store::Attendance> row = context.attendance.find(task->id, signup.person);
    return row && (row->outcome == store::AttendanceOutcome::no_show ||
                   row->outcome == store::AttendanceOutcome::refused);
  });
  replies =
      announce_per_chat(context, *task, came, {"finish_done", "finish_done_elsewhere", "finish_done_nobody"},
                        {{"task", std::to_string(task->number)}, {"title", task->title}});
  replies.insert(replies.end(), no_shows.begin(), no_shows.end());
  return replies;
}

std::vector<Reply> handle_cancel(Context& context, const Command& command) {
  // "撤销错了", "1号恢复": a cancel taken back, before anything reads the line as one to make (an
  // exploratory run of a snow day, 2026-12-07: silence, and a shift's five sign-ups were lost).
  if (takes_back_a_cancel(command.text)) return restore_cancelled_task(context, command);
  if (auto withdrawn = withdraw_reported_ticket(context, command)) return std::move(*withdrawn);
  // "撤销 @何大爷 5分 加错人了", "取消加分 @何大爷": points given by mistake, which a task's 撤销 does
  // not give back. Read as one, it cancelled the chat's only task and sent its volunteers home (an
  // exploratory run, 2026-12-06).
  if ((!command.task && speaks_of_points(command.text)) || names_points_undo(command.text)) {
    return {reply_to_sender(
        context,
        context.text("cancel_points_hint", {{"mention", mention_of(context.people, context.message.sender)},
                                            {"example", points_undo_example(context, command.text)}}))};
  }
  // "@刘阿姨 2号不用来了": those people are sent home, not the task called off (the final read,
  // 2026-12-06: it cancelled the task for everyone). "撤销 2 @张三 @李四 明天下雨" still calls it off,
  // naming whom to tell.
  const bool sends_people_home =
      !command.mentions.empty() && command.text.find("不用来") != std::string::npos;
  if (sends_people_home) {
    if (auto others = withdraw_named_people(context, command)) return std::move(*others);
  }
  // "撤销 1 2 3 连续降雨暂停巡逻": each, with the reason (an exploratory run of a week's rota,
  // 2026-12-07: #2 and #3 stayed open unsaid, and their volunteers were made 失约).
  if (const NumbersListed listed = further_task_numbers_and_remark(command); !listed.more.empty()) {
    Command each = command;
    each.reason = listed.remark.empty() ? std::nullopt : std::optional<std::string>(listed.remark);
    return for_each_number_listed(context, each, &Command::task, listed.more,
                                  [&](Context& inner, const Command& one) {
                                    Command with_reason = one;
                                    with_reason.reason = each.reason;
                                    return handle_cancel(inner, with_reason);
                                  });
  }
  std::vector<Reply> replies;
  const std::optional<store::Task> task = closable_task(context, command, Intent::cancel, replies);
  if (!task) return replies;
  if (sends_people_home) {
    return {reply_to_sender(context,
                            context.text("cancel_names_people",
                                         {{"task", std::to_string(task->number)},
                                          {"mention", mention_of(context.people, context.message.sender)}}))};
  }
  // A bare 撤销 takes the chat's one task; once people have answered it, it is asked again with the
  // number, so that a 撤销 meant for something else sends nobody home. So is a 删除/作废 N that says
  // more than a duplicate's reason: "删除 1号 张三的报名", "作废 1号的签到码" cancelled the task (a
  // review, 2026-12-06).
  const int answered = context.signups.count(task->id, store::SignupState::signed_up) +
                       context.signups.count(task->id, store::SignupState::waitlisted);
  if ((!command.task && answered > 0) || says_more_than_a_duplicate(command)) {
    if (said_in_passing(context.message, command)) return {};
    return {reply_to_sender(
        context, context.text(answered > 0 ? "cancel_confirm_number" : "cancel_confirm_number_nobody",
                              {{"task", std::to_string(task->number)},
                               {"mention", mention_of(context.people, context.message.sender)},
                               {"title", task->title},
                               {"count", std::to_string(answered)}}))};
  }
  // People already on site are no one to tell "不用再前往了", and a cancelled task pays nobody: a task
  // called off once begun is ended (结束), and who came is confirmed as usual.
  std::vector<std::string> on_site;
  for (const store::Attendance& row : context.attendance.of_task(task->id)) {
    if (row.checked_in_at) on_site.push_back(row.person);
  }
  if (!on_site.empty()) return call_off_with_people_on_site(context, *task, on_site);

  // Read who was coming before the status changes, so the waitlist is told too.
  const std::vector<store::Signup> signups = context.signups.active(task->id);
  const std::vector<std::string> people = people_in(signups, true);
  context.tasks.set_status(task->id, store::TaskStatus::cancelled, context.now);
  cancel_task_reminder(context, *task);
  cancel_attendance_jobs(context, *task);

  const std::vector<std::pair<std::string_view, std::string>> values{
      {"task", std::to_string(task->number)},
      {"title", task->title},
      {"when", task_when_text(context, *task, context.now)}};
  replies = announce_cancel(context, *task, signups, values);
  // Why, when the leader said ("撤销 2 下雨"): a volunteer told only "已撤销" asks the group.
  std::string told = context.text("cancel_private", values);
  if (command.reason && !command.reason->empty())
    told += context.text("cancel_private_reason", {{"reason", *command.reason}});
  for (const std::string& person : people) {
    replies.push_back(Reply{private_chat_of(person), told, {person}});
  }
  return replies;
}

}  // namespace whistle::handlers
