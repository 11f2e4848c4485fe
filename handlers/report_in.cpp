#include "handlers/report_in.hpp"

#include <algorithm>
#include <string>
#include <vector>

#include "handlers/addressing.hpp"
#include "handlers/check_in.hpp"
#include "handlers/held_places.hpp"
#include "handlers/holder_words.hpp"
#include "handlers/language/calendar.hpp"
#include "handlers/language/references.hpp"
#include "handlers/language/text_util.hpp"
#include "handlers/language/typed_names.hpp"
#include "handlers/language/utf8.hpp"
#include "handlers/language/volunteer_replies.hpp"
#include "handlers/numbers_asked.hpp"
#include "handlers/numbers_listed.hpp"
#include "handlers/people_names.hpp"
#include "handlers/places_per_node.hpp"
#include "handlers/private_sign_up.hpp"
#include "handlers/private_task_number.hpp"
#include "handlers/report_in_others.hpp"
#include "handlers/rights.hpp"
#include "handlers/sign_up.hpp"
#include "handlers/task_lookup.hpp"
#include "handlers/task_text.hpp"
#include "handlers/ticket_clock.hpp"
#include "handlers/ticket_work.hpp"
#include "handlers/waitlist.hpp"
#include "handlers/withdraw_others.hpp"

namespace whistle::handlers {

namespace {

using Values = std::vector<std::pair<std::string_view, std::string>>;

Reply closed_task(Context& context, const store::Task& task) {
  return reply_to_sender(
      context, context.text("task_closed", {{"task", std::to_string(task.number)},
                                            {"mention", mention_of(context.people, context.message.sender)},
                                            {"status", status_text(context, task.status)}}));
}

// Whether two ways of writing a name may be one person's ("刘阿姨", "刘桂兰"): they share a
// character. A 接龙 entry is typed by hand, the sender's name comes from the platform.
bool names_may_be_one(std::string_view a, std::string_view b) {
  for (std::size_t pos = 0; pos < a.size();) {
    const language::CodePoint cp = language::decode_utf8(a, pos);
    if (cp.value > 0x7F && b.find(a.substr(pos, cp.length)) != std::string_view::npos) return true;
    pos += cp.length;
  }
  return !a.empty() && a == b;
}

// What a 接龙 means for its sender (the design: the newly added person reports in, where the
// platform gives the sender). A copy whose last entry is already signed up, and which does not
// name the sender anywhere, adds nobody: nothing is done. An entry that shares no character with
// any name of the sender's may be someone else (or a nickname: "快乐每一天" writing "王秀兰
// 3-201"), so the sender is signed up as before and told whose name was added, to put it right.
enum class ChainReading { sender, nobody_new, maybe_someone_else };

// The sender's names: as the people table knows them and as the platform gave them. Names only, never an
// id shown for want of one.
std::vector<std::string> names_of_sender(Context& context) {
  std::vector<std::string> names;
  if (const std::optional<store::Person> known = context.people.find(context.message.sender);
      known && !known->name.empty())
    names.push_back(known->name);
  if (!context.message.sender_name.empty()) names.push_back(context.message.sender_name);
  return names;
}

// Whether a name typed in a 接龙 may be one of these (one shares a character with it).
bool may_be_one_of(std::string_view typed, const std::vector<std::string>& names) {
  return std::any_of(names.begin(), names.end(), [typed](const std::string& name) {
    return names_may_be_one(typed, name) || names_may_be_one(name, typed);
  });
}

ChainReading read_chain(Context& context, const Command& command, const store::Task& task) {
  if (!command.implicit || !command.title || command.title->empty()) return ChainReading::sender;
  const std::string& added = *command.title;
  const std::string& sender = context.message.sender;
  // With no name known there is nothing to compare.
  const std::vector<std::string> names = names_of_sender(context);
  if (names.empty()) return ChainReading::sender;
  const auto named = [&](const std::string& name) { return command.text.find(name) != std::string::npos; };
  if (std::none_of(names.begin(), names.end(), named)) {
    for (const store::Signup& signup : context.signups.active(task.id)) {
      if (signup.person != sender && name_as_given(context.people, signup.person) == added)
        return ChainReading::nobody_new;
    }
  }
  return may_be_one_of(added, names) ? ChainReading::sender : ChainReading::maybe_someone_else;
}

// "取消1号，报2号", "请假 1 改报2号": the other task the words after a withdrawal sign up for. The
// 报2号 was dropped and the volunteer left on no task (an exploratory run of corrections, 2026-12-06).
std::optional<std::int64_t> task_switched_to(const Command& command) {
  if (!command.reason) return std::nullopt;
  const std::string_view words = *command.reason;
  for (const std::string_view verb :
       {"改报名", "改报到", "改报", "换报", "我报", "报名", "报到", "报", "换成", "改成"}) {
    if (!words.starts_with(verb)) continue;
    const std::size_t at = language::skip_separators(words, verb.size());
    const auto reference = language::read_task_reference(words, at);
    if (!reference || !reference->number) return std::nullopt;
    // Only the number may follow ("报2号吧"), not another sentence about it ("报2号的人多吗").
    if (!language::is_filler(words.substr(reference->end))) return std::nullopt;
    return reference->number;
  }
  return std::nullopt;
}

// Why the task a withdrawal switches to cannot take the person, or empty when it can: a switch that
// left them on a full or cancelled task's waitlist, or on nothing, was no switch (a review,
// 2026-12-06). The place they hold is kept then.
std::string switch_blocked(Context& context, std::int64_t number) {
  const std::optional<store::Task> other =
      context.community ? context.tasks.by_number(*context.community, number) : std::nullopt;
  if (!other) return context.text("withdraw_switch_missing");
  if (other->status != store::TaskStatus::open || task_is_over(*other, context.now))
    return context.text("withdraw_switch_closed");
  const std::optional<store::Signup> mine = context.signups.find(other->id, context.message.sender);
  if (is_full(context, *other) && !(mine && mine->state == store::SignupState::signed_up))
    return context.text("withdraw_switch_full");
  return {};
}

// The withdrawal's answer, followed by the report-in its words asked for.
std::vector<Reply> and_then_switch(Context& context, const Command& command, const store::Task& left,
                                   std::vector<Reply> replies) {
  const std::optional<std::int64_t> other = task_switched_to(command);
  if (!other || *other == left.number) return replies;
  Command join;
  join.intent = Intent::report_in;
  join.task = other;
  join.addressed = command.addressed;
  join.text = command.text;
  std::vector<Reply> joined = handle_report_in(context, join);
  replies.insert(replies.end(), joined.begin(), joined.end());
  return replies;
}

// "我和老伴一起去", "报到 1 我们俩": a place is one person's, and so are its points; the other is
// asked to report in themselves (an exploratory run of an urgent night, 2026-12-06: the reply said
// nothing, and 老伴 believed they were counted).
bool speaks_for_two(const Command& command) {
  // A 接龙 copy holds the others' lines: only the sender's own entry speaks for them (the final read).
  const std::string& own = command.implicit && command.title ? *command.title : command.text;
  for (const std::string_view words :
       {"老伴", "爱人", "我俩", "我们俩", "两个人", "俩人", "两口子", "夫妻"}) {
    if (own.find(words) != std::string::npos) return true;
  }
  // "我带孩子一起去", "我和我弟都报名" (an exploratory run of the winter holiday, stop 69: silence).
  return language::names_family_going_along(own);
}

// Where a task is: its place, else its node's name.
std::string task_place_text(Context& context, const store::Task& task) {
  if (task.place) return *task.place;
  const std::optional<store::OrgNode> node = context.org.node(task.node);
  return node ? node->name : task.node;
}

// The notes a report-in's answer ends with: for two people, and for a task of another group's, named
// by its number ("报到 2" in 3号楼's group took 5号楼's task #2 unseen, and its taker was made 失约).
std::string report_in_notes(Context& context, const Command& command, const store::Task& task) {
  std::string notes;
  const std::string number = std::to_string(task.number);
  if (speaks_for_two(command)) notes += context.text("report_in_two_note", {{"task", number}});
  if (!context.message.is_private && task.chat != context.message.chat) {
    // The chats it was posted in, as stored: one read, and only for a task whistled elsewhere.
    const std::vector<std::string> posted = context.tasks.posted_chats(task.id);
    if (std::find(posted.begin(), posted.end(), context.message.chat) == posted.end()) {
      notes += context.text("report_in_elsewhere_note", {{"task", number},
                                                         {"title", task.title},
                                                         {"when", task_when_text(context, task, context.now)},
                                                         {"place", task_place_text(context, task)}});
    }
  }
  return notes;
}

// "每单元1人" and no unit of the task's to count the place for (said in the community's group by
// someone the community has not placed, a building's leader, someone of another unit): the places
// are the units', and which have one free is said, not "report in from your unit's group", which
// looped for whoever has no such unit (a review, 2026-12-06).
Reply quota_needs_node(Context& context, const store::Task& task) {
  const std::string level = level_name(context, task.per_node->level);
  const std::string room = nodes_with_room(context, task);
  return reply_to_sender(
      context, context.text("report_in_quota_no_node",
                            {{"task", std::to_string(task.number)},
                             {"mention", mention_of(context.people, context.message.sender)},
                             {"level", level},
                             {"each", std::to_string(task.per_node->each)},
                             {"room", room.empty() ? context.text("report_in_quota_full", {{"level", level}})
                                                   : context.text("report_in_quota_room",
                                                                  {{"nodes", room}, {"level", level}})}}));
}

// The node's places are taken: the person waits for one of that node's, in its own line.
std::string quota_waitlisted(Context& context, const store::Task& task, const Placement& placement,
                             Values values) {
  values.emplace_back("node", placement.quota_node->name);
  values.emplace_back("level", level_name(context, task.per_node->level));
  values.emplace_back("each", std::to_string(task.per_node->each));
  values.emplace_back("position", std::to_string(place_in_node_line(context, task, context.message.sender)));
  return context.text("report_in_quota_waitlisted", values);
}

bool same_local_day(const Context& context, std::int64_t a, std::int64_t b) {
  const int offset = context.config.locale.utc_offset_seconds;
  return (a + offset) / language::kSecondsPerDay == (b + offset) / language::kSecondsPerDay;
}

// "到了 报到" from someone on site: their check-in, of the task named or of the one open for it now.
std::vector<Reply> as_check_in(Context& context, const Command& command, std::optional<std::int64_t> task) {
  Command check_in = command;
  check_in.intent = Intent::check_in;
  check_in.task = task;
  return handle_check_in(context, check_in);
}

bool posted_here(Context& context, std::int64_t number) {
  if (!context.community) return false;
  const std::optional<store::Task> task = context.tasks.by_number(*context.community, number);
  if (!task) return false;
  const std::vector<std::string> chats = context.tasks.posted_chats(task->id);
  return std::find(chats.begin(), chats.end(), context.message.chat) != chats.end();
}

}  // namespace

std::vector<Reply> handle_report_in(Context& context, const Command& command) {
  if (context.message.is_private && !command.task && !command.ticket) {
    // "1" in private is a task's number, not the group's "+1".
    if (auto answered = answer_task_number_alone(context, command)) return std::move(*answered);
    const std::vector<store::Task> joinable = joinable_tasks(context);
    if (auto that_day = joinable_that_day(context, command, joinable)) return std::move(*that_day);
    if (std::optional<Reply> listed = joinable_in_private(context, joinable)) return {std::move(*listed)};
    // "还有名额吗？我报名" from someone already in every task open to them: what they hold, not "例如：
    // 报到 12" (a review, 2026-12-07).
    if (context.community) {
      const std::vector<store::Signup> held =
          context.signups.open_of_person(*context.community, context.message.sender);
      if (!held.empty()) return {held_places_reply(context, held, "report_in_private_held")};
    }
  }
  // "1" after a neighbour's "收到请扣1" says they read it (stop 67: it signed them up for #1).
  if (answers_numbers_asked(context, command)) return {};
  // "橘子+1", "反对+1": a name and +1 that is not the sender's is a group buy's or a vote's, not theirs.
  if (command.name_plus_one && !may_be_one_of(*command.title, names_of_sender(context))) return {};
  // "报到 1和2", "报到 1 2": each task in turn (a second review, 2026-12-06: #2 was dropped unsaid).
  if (auto each = for_each_task_listed(context, command, handle_report_in)) return std::move(*each);
  // "2号我来" said among neighbours is a date or a duty roster as often: a number counts only for a
  // task posted in this chat (a review, 2026-12-07: it joined other buildings' tasks, and "14号我来"
  // was told there is no #14).
  if (command.task && said_in_passing(context.message, command) && !posted_here(context, *command.task))
    return {};
  // "到了 报到" on the day from someone in one of that day's tasks: their check-in, though the chat
  // has another task open (a review, 2026-12-07: asked for a number, and shown 报到 1 while holding #2).
  if (command.arrived && !command.task && context.community) {
    std::optional<std::int64_t> todays;
    int found = 0;
    for (const store::Signup& signup :
         context.signups.open_of_person(*context.community, context.message.sender)) {
      const std::optional<store::Task> task = context.tasks.by_id(signup.task_id);
      if (!task || !task->start || !same_local_day(context, *task->start, context.now) ||
          signup.state != store::SignupState::signed_up)
        continue;
      todays = task->number;
      ++found;
    }
    // Of two that day, the check-in says which it is open for, or asks.
    if (found >= 1) return as_check_in(context, command, found == 1 ? todays : std::nullopt);
  }
  TaskQuery query;
  query.intent = Intent::report_in;
  query.nothing_key = "report_in_nothing_open";
  // "1" or "+1" in a group with nothing open is people answering each other, not the bot; said to
  // the bot (a reply to its message, an @-mention) it is answered.
  query.silent_when_nothing = said_in_passing(context.message, command);
  // A task whose time is over is no longer what a bare 报到 means.
  query.candidate = [&](const store::ListedTask& task) { return !task_is_over(task, context.now); };
  // "周三晚上我来", "报到 周五": that day's shift (an exploratory run of a week's rota, stop 65).
  query.day_said = command.start;
  query.part_said = command.time_names_clock;
  query.day_is_a_hint = command.day_is_a_hint;
  TaskChoice choice = choose_task(context, command, query);
  if (!choice.task) return std::move(choice.replies);
  const store::Task& task = *choice.task;
  if (task.status != store::TaskStatus::open) return {closed_task(context, task)};
  if (task_is_over(task, context.now)) {
    // Reporting in after the work is done would only make a no-show of the person at its close.
    return {reply_to_sender(
        context,
        context.text("report_in_task_over", {{"task", std::to_string(task.number)},
                                             {"mention", mention_of(context.people, context.message.sender)},
                                             {"when", task_when_text(context, task, context.now)}}))};
  }

  // "帮@何大爷 报到 1", "报到 1 @何大爷": a sign-up asked for others (代报).
  if (!command.mentions.empty() || command.on_behalf || context.message.mentions.size() >= 2) {
    if (auto others = report_in_named_people(context, command, task)) return std::move(*others);
  }
  const std::string& person = context.message.sender;
  const std::string number = std::to_string(task.number);
  const std::string mention = mention_of(context.people, person);
  const ChainReading chain = read_chain(context, command, task);
  const std::optional<store::Signup> existing = context.signups.find(task.id, person);
  if (chain == ChainReading::nobody_new) {
    // A copy without one's own line is how a 接龙 is left: 张三 stayed signed up and was marked 失约
    // (an exploratory run of corrections, 2026-12-06). Asked, not done: a copy may also just lose a
    // line by mistake.
    if (!is_active(existing)) return {};
    return {reply_to_sender(context,
                            context.text("report_in_chain_left", {{"task", number}, {"mention", mention}}))};
  }
  if (existing && existing->state == store::SignupState::signed_up) {
    // "到了 报到" on the day from someone already in: their check-in.
    if (command.arrived && task.start && same_local_day(context, *task.start, context.now))
      return as_check_in(context, command, task.number);
    // "我来啦" once check-in is open: the arrival, not a second sign-up.
    if (command.implicit && language::says_here_now(command.text) && task.start &&
        check_in_is_open(task, context.now))
      return as_check_in(context, command, task.number);
    return {reply_to_sender(
        context,
        context.text("report_in_already",
                     {{"task", number}, {"mention", mention}, {"count", signup_count_text(context, task)}}))};
  }
  if (existing && existing->state == store::SignupState::waitlisted) {
    const int position = place_in_node_line(context, task, person);
    return {reply_to_sender(
        context,
        context.text("report_in_already_waitlisted",
                     {{"task", number}, {"mention", mention}, {"position", std::to_string(position)}}))};
  }

  const Placement placement = place_person(context, task, person);
  if (!placement.placed) return {quota_needs_node(context, task)};
  Values values{{"task", number}, {"mention", mention}, {"count", signup_count_text(context, task)}};
  if (placement.waits_for_node)
    return {reply_to_sender(context, quota_waitlisted(context, task, placement, values))};
  if (placement.waitlisted) {
    values.emplace_back("position", std::to_string(place_in_node_line(context, task, person)));
    // Not the note for two: the other would only join the waitlist too.
    Command alone = command;
    alone.text.clear();
    return {reply_to_sender(
        context, context.text("report_in_waitlisted", values) + report_in_notes(context, alone, task))};
  }
  std::string text = context.text("report_in_ok", values);
  if (placement.quota_node) {
    text += context.text("report_in_quota_note", {{"node", placement.quota_node->name},
                                                  {"count", std::to_string(placement.quota_taken + 1)},
                                                  {"each", std::to_string(task.per_node->each)}});
  }
  if (chain == ChainReading::maybe_someone_else)
    text += context.text("report_in_chain_note", {{"task", number}, {"name", *command.title}});
  text += report_in_notes(context, command, task);
  return {reply_to_sender(context, std::move(text))};
}

std::vector<Reply> handle_withdraw(Context& context, const Command& command) {
  if (auto withdrawn = withdraw_reported_ticket(context, command)) return std::move(*withdrawn);
  if (auto others = withdraw_named_people(context, command)) return std::move(*others);
  // "替@张三 请假 1" from someone who does not run the task: never the sender's own place (a review of
  // stop 65: it withdrew the sender).
  if (command.on_behalf && !command.mentions.empty()) {
    Reply told = reply_to_sender(
        context,
        context.text("withdraw_for_someone", {{"mention", mention_of(context.people, context.message.sender)},
                                              {"names", join_list(context, command.mentions)},
                                              {"task", command.task ? std::to_string(*command.task)
                                                                    : context.text("task_number_word")}}));
    // Those named hear it too, by the platform's mentions.
    for (const std::string& person : context.message.mentions) {
      if (std::find(told.mentions.begin(), told.mentions.end(), person) == told.mentions.end())
        told.mentions.push_back(person);
    }
    return {std::move(told)};
  }
  // "取消报到 1 2", "请假 1、2号": each task named, in turn (an exploratory run of roles changing,
  // 2026-12-06: the 2 was taken for a reason and the place on #2 kept unsaid).
  if (auto each = for_each_task_listed(context, command, handle_withdraw)) return std::move(*each);
  const std::string& person = context.message.sender;
  if (context.message.is_private && !command.task && !command.ticket && context.community) {
    // "我不去了" in private from someone signed up for one task only: that one (in a group the
    // chat's tasks say which; in private nothing else could).
    std::vector<store::Signup> mine = context.signups.open_of_person(*context.community, person);
    // "明天去不了了": only that day's (the final read, 2026-12-07: asked for a number).
    if (command.start) {
      std::vector<store::Signup> held = mine;
      std::erase_if(mine, [&](const store::Signup& signup) {
        const std::optional<store::Task> task = context.tasks.by_id(signup.task_id);
        return !task || !on_day_said(context, task->start, *command.start, command.time_names_clock);
      });
      // "请假 明天回老家" from someone whose place is on Friday: the reason's day is when they leave.
      if (mine.empty() && command.day_is_a_hint) mine = held;
      // Someone who holds nothing at all is not told "那天" (the final read of stop 66).
      if (mine.empty() && !held.empty())
        return {reply_to_sender(context, context.text("withdraw_none_that_day",
                                                      {{"mention", mention_of(context.people, person)}}))};
    }
    if (mine.size() == 1) {
      if (const std::optional<store::Task> task = context.tasks.by_id(mine.front().task_id)) {
        Command named = command;
        named.task = task->number;
        return handle_withdraw(context, named);
      }
    }
    // Of several, the ones held are shown to choose from: "请写上任务编号" alone left the volunteer to
    // find numbers said in groups days before (a review, 2026-12-07).
    if (mine.size() > 1) return {held_places_reply(context, mine, "withdraw_private_list")};
    // "我发烧了 去不了了" from the neighbour who took an errand (a ticket) and holds no task's place:
    // how to hand the job back, not "请写上任务编号" (an exploratory run of the leaders' side,
    // 2026-12-07).
    if (mine.empty()) {
      if (auto job = answer_holder_cannot_go(context)) return std::move(*job);
      // Holding nothing, "请假" was asked for a task's number to leave (the final read of stop 66).
      return {reply_to_sender(context, context.text("withdraw_nothing_private",
                                                    {{"mention", mention_of(context.people, person)}}))};
    }
  }
  TaskQuery query;
  query.intent = Intent::withdraw;
  query.nothing_key = "withdraw_nothing";
  // "我不去了" in a group from someone signed up for nothing is about something else (a dinner, a
  // trip): it is answered only where it frees a place, or when said to the bot.
  query.silent_when_nothing = said_in_passing(context.message, command);
  // Without a number, only the tasks this person is signed up for (or waiting on) are meant; with a
  // day said ("周六来不了了"), only that day's.
  query.candidate = [&](const store::ListedTask& task) {
    return is_active(context.signups.find(task.id, person));
  };
  query.day_said = command.start;
  query.part_said = command.time_names_clock;
  query.day_is_a_hint = command.day_is_a_hint;
  query.day_none_key = "withdraw_none_that_day";
  TaskChoice choice = choose_task(context, command, query);
  if (!choice.task) return std::move(choice.replies);
  const store::Task& task = *choice.task;
  if (task.status != store::TaskStatus::open) return {closed_task(context, task)};

  const std::string number = std::to_string(task.number);
  const std::string mention = mention_of(context.people, person);
  const std::optional<store::Signup> signup = context.signups.find(task.id, person);
  if (!is_active(signup)) {
    // A leader who says "取消 12" most likely means the whole task: point them to 撤销 rather
    // than call it off on a word that also frees a volunteer's place.
    if (may_close_task(context, person, task)) {
      const std::string cancel = command_word(context, Intent::cancel) + " " + number;
      return {reply_to_sender(context,
                              context.text("withdraw_not_signed_up_leader",
                                           {{"task", number}, {"mention", mention}, {"cancel", cancel}}))};
    }
    return {reply_to_sender(
        context, context.text("withdraw_not_signed_up", {{"task", number}, {"mention", mention}}))};
  }

  if (task_is_over(task, context.now)) {
    // After the work, a withdrawal would rewrite who came: the leader settles it instead (a place
    // freed now would also promote someone the task's close would then call a no-show).
    return {reply_to_sender(
        context, context.text("withdraw_task_over", {{"task", number},
                                                     {"mention", mention},
                                                     {"when", task_when_text(context, task, context.now)}}))};
  }
  const std::optional<store::Attendance> attendance = context.attendance.find(task.id, person);
  if (attendance && (attendance->checked_in_at || attendance->outcome)) {
    // On site already: leaving is a check-out, so the stay is recorded and the leader settles it.
    return {reply_to_sender(
        context, context.text("withdraw_after_check_in", {{"task", number}, {"mention", mention}}))};
  }
  if (signup->state == store::SignupState::signed_up && task.start && context.now >= *task.start) {
    // Under way: a place freed now would move the next person in too late to come, and the
    // task's end would then call them the no-show while the one who left escaped it.
    return {reply_to_sender(context, context.text("withdraw_task_started",
                                                  {{"task", number},
                                                   {"mention", mention},
                                                   {"when", task_when_text(context, task, context.now)}}))};
  }

  // Said among neighbours, not to the bot: "不能去了", "不好意思 去不了了 你们吃" answered a hike or a
  // dinner as often, and emptied a task (a review, 2026-12-07). Asked, with the command that does
  // it; said to the bot (an @-mention, a reply to its post) or in private it is done.
  if (said_in_passing(context.message, command))
    return {reply_to_sender(context, context.text("withdraw_ask", {{"task", number}, {"mention", mention}}))};

  if (const std::optional<std::int64_t> other = task_switched_to(command); other && *other != task.number) {
    if (const std::string why = switch_blocked(context, *other); !why.empty()) {
      return {reply_to_sender(
          context,
          context.text(
              "withdraw_switch_blocked",
              {{"task", number}, {"mention", mention}, {"other", std::to_string(*other)}, {"why", why}}))};
    }
  }
  context.signups.set_state(task.id, person, store::SignupState::withdrawn);
  if (signup->state == store::SignupState::waitlisted) {
    return and_then_switch(
        context, command, task,
        {reply_to_sender(context,
                         context.text("withdraw_waitlist_ok", {{"task", number}, {"mention", mention}}))});
  }
  std::vector<Reply> moved = move_up_first_waitlisted(context, task);
  std::vector<Reply> replies{reply_to_sender(
      context,
      context.text("withdraw_ok",
                   {{"task", number}, {"mention", mention}, {"count", signup_count_text(context, task)}}))};
  replies.insert(replies.end(), moved.begin(), moved.end());
  return and_then_switch(context, command, task, std::move(replies));
}

}  // namespace whistle::handlers
