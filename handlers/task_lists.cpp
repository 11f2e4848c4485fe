#include "handlers/task_lists.hpp"

#include <algorithm>
#include <array>
#include <string>

#include "handlers/addressing.hpp"
#include "handlers/language/calendar.hpp"
#include "handlers/language/intent_table.hpp"
#include "handlers/language/references.hpp"
#include "handlers/language/text_util.hpp"
#include "handlers/people_names.hpp"
#include "handlers/places_per_node.hpp"
#include "handlers/rights.hpp"
#include "handlers/task_lookup.hpp"
#include "handlers/task_text.hpp"

namespace whistle::handlers {

namespace {

// The parser reads 活动 and 我的报到 (我的活动, 我的任务, 我报上了吗, 我签到了吗) as one intent; the
// words say which list.
bool asks_for_own(const Command& command) {
  for (const std::string_view own : {"我的", "我报", "我签"}) {
    if (command.text.starts_with(own)) return true;
  }
  return false;
}

// A task whistled without a time reads 时间待定 in the list, not an empty field ("｜｜").
std::string when_or_unset(Context& context, const store::Task& task) {
  std::string when = task_when_text(context, task, context.now);
  return when.empty() ? context.text("tasks_when_unset") : when;
}

std::string places_left_text(Context& context, const store::Task& task) {
  const std::string count = signup_count_text(context, task);
  if (!task.places) return context.text("tasks_unlimited", {{"count", count}});
  const int signed_up = context.signups.count(task.id, store::SignupState::signed_up);
  if (signed_up < *task.places) {
    return context.text("tasks_left", {{"left", std::to_string(*task.places - signed_up)}, {"count", count}});
  }
  return context.text(
      "tasks_full",
      {{"count", count},
       {"waiting", std::to_string(context.signups.count(task.id, store::SignupState::waitlisted))}});
}

// "｜社区广场": where to meet, as the whistle said it, else the place it was whistled for.
std::string where_text(Context& context, const store::Task& task) {
  if (task.place) return "｜" + *task.place;
  const std::optional<store::OrgNode> node = context.org.node(task.node);
  return node ? "｜" + node->name : "";
}

// The chat's open tasks still ahead or under way: one whose end has passed is waiting for its
// leader's 验收, not for volunteers.
std::vector<store::Task> open_here(Context& context) {
  std::vector<store::Task> tasks = context.tasks.open_in_chat(context.message.chat);
  std::erase_if(tasks, [&](const store::Task& task) { return task.end && *task.end <= context.now; });
  return tasks;
}

// The open tasks of the nodes `leader` leads and those under them, wherever posted.
std::vector<store::Task> open_in_led_area(Context& context, const std::string& leader) {
  std::vector<store::Task> found;
  for (const std::string& led : context.people.nodes_with_role(leader, store::Role::leader)) {
    std::vector<store::OrgNode> area = context.org.descendants(led);
    if (const std::optional<store::OrgNode> self = context.org.node(led)) area.insert(area.begin(), *self);
    for (const store::OrgNode& node : area) {
      for (const std::string& chat : context.org.chats_of(node.id)) {
        for (store::Task& task : context.tasks.open_in_chat(chat)) {
          if (task.end && *task.end <= context.now) continue;
          if (std::none_of(found.begin(), found.end(),
                           [&](const store::Task& other) { return other.id == task.id; }))
            found.push_back(std::move(task));
        }
      }
    }
  }
  std::sort(found.begin(), found.end(),
            [](const store::Task& a, const store::Task& b) { return a.number < b.number; });
  return found;
}

std::vector<Reply> tasks_here(Context& context, const std::vector<store::Task>& tasks,
                              std::string_view header_key = "tasks_header",
                              std::string_view footer_key = "tasks_footer") {
  const std::string mention = mention_of(context.people, context.message.sender);
  if (tasks.empty()) return {reply_to_sender(context, context.text("tasks_none", {{"mention", mention}}))};
  std::string text =
      context.text(header_key, {{"mention", mention}, {"count", std::to_string(tasks.size())}});
  for (const store::Task& task : tasks) {
    text += '\n';
    text += context.text("tasks_line", {{"task", std::to_string(task.number)},
                                        {"title", task.title},
                                        {"when", when_or_unset(context, task)},
                                        {"where", where_text(context, task)},
                                        {"left", places_left_text(context, task)}});
  }
  text += '\n';
  text += context.text(footer_key);
  return {reply_to_sender(context, std::move(text))};
}

std::string state_text(Context& context, const store::Signup& signup) {
  if (signup.state == store::SignupState::waitlisted) {
    // The line one waits in: the unit's, when the places are counted per unit.
    const std::optional<store::Task> task = context.tasks.by_id(signup.task_id);
    const int position = task ? place_in_node_line(context, *task, signup.person)
                              : context.signups.waitlist_position(signup.task_id, signup.person);
    return context.text("my_signup_waitlisted", {{"position", std::to_string(position)}});
  }
  const std::optional<store::Attendance> row = context.attendance.find(signup.task_id, signup.person);
  // A task stays open after 验收 (flagged people may still be vouched for): the list says how the
  // person's attendance was settled rather than "checked out" for work already paid.
  if (row && row->outcome) {
    switch (*row->outcome) {
      case store::AttendanceOutcome::confirmed:
      case store::AttendanceOutcome::vouched:
        return context.text("my_signup_confirmed");
      case store::AttendanceOutcome::refused:
        return context.text("my_signup_refused");
      case store::AttendanceOutcome::no_show:
        return context.text("my_signup_no_show");
    }
  }
  if (row && row->checked_out_at) return context.text("my_signup_checked_out");
  if (row && row->checked_in_at) return context.text("my_signup_checked_in");
  return context.text("my_signup_signed_up");
}

// "今天有活动吗", "明天的活动还去吗": the day asked about, 0 for today, 1 for tomorrow.
std::optional<int> days_ahead_asked(const Command& command) {
  if (command.text.starts_with("今天")) return 0;
  if (command.text.starts_with("明天")) return 1;
  return std::nullopt;
}

std::vector<Reply> own_signups(Context& context, bool quiet_when_none = false,
                               std::optional<int> days_ahead = std::nullopt,
                               std::string_view day_words = {}) {
  const std::string mention = mention_of(context.people, context.message.sender);
  std::vector<store::Signup> signups;
  if (context.community) signups = context.signups.open_of_person(*context.community, context.message.sender);
  // A volunteer of several communities, in private: theirs in each, each line naming its community
  // (both may have a #1).
  const bool several = !context.community && context.person_communities.size() > 1;
  if (several) {
    for (const std::string& community : context.person_communities) {
      std::vector<store::Signup> in = context.signups.open_of_person(community, context.message.sender);
      signups.insert(signups.end(), in.begin(), in.end());
    }
  }
  if (days_ahead) {
    // In private, "今天有什么活动" listed one's places on every day (a review, 2026-12-06). A task with
    // no time may be done any day.
    const std::int64_t day = local_day(context, context.now) + *days_ahead;
    std::erase_if(signups, [&](const store::Signup& signup) {
      const std::optional<store::Task> task = context.tasks.by_id(signup.task_id);
      return task && task->start && local_day(context, *task->start) != day;
    });
    if (signups.empty() && !quiet_when_none)
      return {reply_to_sender(
          context,
          context.text("my_signups_none_that_day", {{"mention", mention}, {"day", std::string(day_words)}}))};
  }
  if (signups.empty()) {
    // "我报上了吗" under a group-buy 接龙, from someone with no place: not about our tasks.
    if (quiet_when_none) return {};
    return {reply_to_sender(context, context.text("my_signups_none", {{"mention", mention}}))};
  }
  std::string text =
      context.text("my_signups_header", {{"mention", mention}, {"count", std::to_string(signups.size())}});
  for (const store::Signup& signup : signups) {
    const std::optional<store::Task> task = context.tasks.by_id(signup.task_id);
    if (!task) continue;
    text += '\n';
    if (several) {
      const std::optional<store::OrgNode> community = context.org.node(task->community);
      text +=
          context.text("my_signup_community", {{"community", community ? community->name : task->community}});
    }
    text += context.text("my_signup_line", {{"task", std::to_string(task->number)},
                                            {"title", task->title},
                                            {"when", when_or_unset(context, *task)},
                                            {"state", state_text(context, signup)}});
  }
  return {reply_to_sender(context, std::move(text))};
}

// "请假 1？", "撤销 2？": the act the question is about, as typed, when it is one the asker may do on
// this open task; empty otherwise. Asked, it is not done (an exploratory run, 2026-12-06: 取消 1？
// withdrew the asker), so the answer says how (the next one: no hint how to act).
std::string act_asked_about(Context& context, const Command& command, const store::Task& task) {
  if (task.status != store::TaskStatus::open || task_is_over(task, context.now)) return {};
  // "1号要撤销吗": the act after the number and a 要.
  std::string_view words = command.text;
  if (const auto reference = language::read_task_reference(words, 0)) words = words.substr(reference->end);
  words = language::trim_spaces(words);
  if (words.starts_with("要")) words.remove_prefix(std::string_view("要").size());
  for (const language::IntentRule* rule : language::rules_starting(words)) {
    const bool withdraws = rule->intent == Intent::withdraw;
    const bool closes = rule->intent == Intent::cancel || rule->intent == Intent::finish;
    // "取消 1" calls a task off only when named as one ("取消1号任务"): for 取消 the withdrawal is meant.
    if ((!withdraws && !closes) || rule->extra == "named") continue;
    const std::string& person = context.message.sender;
    if (withdraws) {
      const std::optional<store::Signup> signup = context.signups.find(task.id, person);
      if (!signup || signup->state == store::SignupState::withdrawn) return {};
    } else if (!may_close_task(context, person, task)) {
      return {};
    } else if (rule->intent == Intent::finish && task.start && context.now < *task.start) {
      return {};  // ended before it began, everyone signed up would be a no-show: not suggested
    }
    return std::string(rule->keyword);
  }
  return {};
}

// "签到情况", "谁还没签到", "都到了吗": asked who came, not who signed up.
bool asks_who_came(std::string_view text) {
  return text.find("签到") != std::string_view::npos || text.find("都到了") != std::string_view::npos ||
         text.find("到了几个") != std::string_view::npos || text.find("到了多少") != std::string_view::npos ||
         text.find("没到") != std::string_view::npos;
}

// "1号谁报名了", "1号都有谁" from a leader of the task: who holds a place, and who waits. Others get
// the count only: a private signup is no one else's business.
std::string names_asked_for(Context& context, const Command& command, const store::Task& task) {
  const bool asks_who =
      asks_who_came(command.text) || command.text.find("谁") != std::string::npos ||
      command.text.find("哪些人") != std::string::npos || command.text.find("名单") != std::string::npos ||
      command.text.find("报名情况") != std::string::npos || command.text.find("报名表") != std::string::npos;
  // Of a task called off, nobody is coming: no names (the second review, 2026-12-06).
  if (!asks_who || task.status != store::TaskStatus::open) return {};
  // The leader of a level it was sent down to reads their own people's (an exploratory run of a snow
  // day, 2026-12-07: the building's leader saw the whole count and no name).
  const std::string& asker = context.message.sender;
  const bool whole = may_close_task(context, asker, task);
  if (!whole && !runs_task_below(context, asker, task)) return {};
  std::vector<std::string> signed_up;
  std::vector<std::string> waiting;
  for (const store::Signup& signup : context.signups.active(task.id)) {
    if (!whole && !signup_in_area_of(context, asker, task, signup.node)) continue;
    (signup.state == store::SignupState::signed_up ? signed_up : waiting).push_back(signup.person);
  }
  // "1号签到情况", "谁还没签到": who of those signed up checked in (a regression hunt of the volunteer
  // loop, 2026-12-07: the leader was shown the sign-ups only, or checked in himself).
  if (asks_who_came(command.text)) {
    std::vector<std::string> came;
    std::vector<std::string> not_yet;
    for (const std::string& person : signed_up) {
      const std::optional<store::Attendance> attendance = context.attendance.find(task.id, person);
      (attendance && attendance->checked_in_at ? came : not_yet).push_back(person);
    }
    const std::string nobody = context.text("task_state_nobody");
    return context.text("task_state_checked_in",
                        {{"came", came.empty() ? nobody : names_of(context, came)},
                         {"not_yet", not_yet.empty() ? nobody : names_of(context, not_yet)}});
  }
  std::string text = context.text(
      "task_state_names",
      {{"names", signed_up.empty() ? context.text("task_state_nobody") : names_of(context, signed_up)}});
  if (!waiting.empty())
    text += context.text("task_state_waiting_names", {{"names", names_of(context, waiting)}});
  return text;
}

// One task's state, and its places while it is open; with the command asked, how to do the act it
// asks about and, for a leader, who answered.
std::vector<Reply> task_state(Context& context, const store::Task& task, const Command* command = nullptr) {
  const bool open = task.status == store::TaskStatus::open;
  const bool over = open && task_is_over(task, context.now);
  const bool begun = task.start && context.now >= *task.start;
  const std::string status = over             ? context.text("status_awaiting_confirm")
                             : open && !begun ? context.text("status_signing_up")
                                              : status_text(context, task.status);
  // "1号报到了吗" asks, often, whether the asker is in: their own place, when they have one. Of a
  // cancelled task "你：已报到" read as if it still stood.
  const std::optional<store::Signup> signup = context.signups.find(task.id, context.message.sender);
  const bool holds_one =
      signup && signup->state != store::SignupState::withdrawn && task.status != store::TaskStatus::cancelled;
  std::string more;
  if (command) {
    more = names_asked_for(context, *command, task);
    if (const std::string act = act_asked_about(context, *command, task); !act.empty())
      more += context.text("task_state_act_hint", {{"act", act}, {"task", std::to_string(task.number)}});
  }
  return {reply_to_sender(
      context,
      context.text("task_state", {{"mention", mention_of(context.people, context.message.sender)},
                                  {"task", std::to_string(task.number)},
                                  {"title", task.title},
                                  {"when", when_or_unset(context, task)},
                                  {"where", where_text(context, task)},
                                  {"status", status},
                                  {"left", open && !over ? "｜" + places_left_text(context, task) : ""},
                                  {"mine", holds_one ? context.text("task_state_mine",
                                                                    {{"state", state_text(context, *signup)}})
                                                     : ""}}) +
          more)};
}

// Whether the task was posted in the chat the message came from.
bool posted_here(Context& context, const store::Task& task) {
  if (task.chat == context.message.chat) return true;
  const std::vector<std::string> chats = context.tasks.posted_chats(task.id);
  return std::find(chats.begin(), chats.end(), context.message.chat) != chats.end();
}

// A leader asking in the group of a node they lead, above the task: its names are theirs to read
// there, not in another grid's building (a review, 2026-12-07).
bool asked_above_it(Context& context, const store::Task& task) {
  // The group's own node, which the asker leads (a final read, 2026-12-07: the grid's leader in the
  // community's group read its names there).
  if (!context.node || !leads_node_or_above(context, context.message.sender, context.node->id)) return false;
  const std::vector<store::OrgNode> up = context.org.ancestors_and_self(task.node);
  return std::any_of(up.begin(), up.end(),
                     [&](const store::OrgNode& level) { return level.id == context.node->id; });
}

// "1号活动取消了吗", "2号任务结束了吗", "1号还有名额吗".
std::vector<Reply> one_task(Context& context, const Command& command) {
  // Asked in passing ("12号几点开始" of the 12th, "1号满了吗" in another building's group): answered
  // only of a task this chat holds.
  if (said_in_passing(context.message, command)) {
    const std::optional<store::Task> task =
        context.community ? context.tasks.by_number(*context.community, *command.task) : std::nullopt;
    // A leader's "#1 报名情况" about a task of the area they lead, though posted below: the 书记 met
    // silence in the community's group (an exploratory run of the leaders' side, 2026-12-07).
    if (!task || (!posted_here(context, *task) && !asked_above_it(context, *task))) return {};
    return task_state(context, *task, &command);
  }
  TaskQuery query;
  query.intent = Intent::tasks;
  TaskChoice choice = choose_task(context, command, query);
  if (!choice.task) return std::move(choice.replies);
  return task_state(context, *choice.task, &command);
}

// The task of the day asked about that was called off and concerns the asker: posted in this group,
// or, in private, one they held a place on. The latest when there are several.
std::optional<store::Task> called_off_that_day(Context& context, int days_ahead) {
  if (!context.community) return std::nullopt;
  const std::int64_t offset = context.config.locale.utc_offset_seconds;
  const std::int64_t day = local_day(context, context.now) + days_ahead;
  std::vector<store::Task> tasks =
      context.tasks.cancelled_between(*context.community, day * language::kSecondsPerDay - offset,
                                      (day + 1) * language::kSecondsPerDay - offset);
  std::erase_if(tasks, [&](const store::Task& task) {
    if (!context.message.is_private) return !posted_here(context, task);
    const std::optional<store::Signup> signup = context.signups.find(task.id, context.message.sender);
    return !signup || signup->state == store::SignupState::withdrawn;
  });
  if (tasks.empty()) return std::nullopt;
  return tasks.back();
}

// Whether a task still happens, asked ("明天的活动取消了吗", "还去吗", "照常吗").
constexpr auto kAsksStillOn =
    std::to_array<std::string_view>({"取消", "撤销", "还去", "还搞", "还办", "还举行", "照常"});

// "还有名额吗", "几点开始？" without a number: the chat's one open task, or its list. Said in passing
// in a group with nothing open, it was not about a task of ours.
std::vector<Reply> question_without_number(Context& context, const Command& command) {
  const std::string mention = mention_of(context.people, context.message.sender);
  const std::optional<int> days_ahead = days_ahead_asked(command);
  const std::string day_words = days_ahead ? command.text.substr(0, std::string_view("今天").size()) : "";
  // "明天的活动取消了吗" when it was: its state says 已撤销, where "明天没有活动" left the asker
  // unsure and maybe on the way (the second review, 2026-12-06).
  const auto called_off_asked = [&]() -> std::optional<store::Task> {
    return days_ahead ? called_off_that_day(context, *days_ahead) : std::nullopt;
  };
  if (context.message.is_private) {
    const std::optional<store::Task> called_off = called_off_asked();
    // "今天有什么活动", "活动几点开始": in private, as 活动 there, one's own with their times; of a
    // day, that day's.
    if (command.text.find("活动") != std::string::npos || command.text.find("任务") != std::string::npos) {
      std::vector<Reply> own = own_signups(context, called_off.has_value(), days_ahead, day_words);
      if (own.empty() && called_off) return task_state(context, *called_off, &command);
      return own;
    }
    // "几点开始" from someone with one place: that task (the fourth review, 2026-12-06, asked which).
    if (context.community) {
      const std::vector<store::Signup> mine =
          context.signups.open_of_person(*context.community, context.message.sender);
      if (mine.size() == 1) {
        if (const std::optional<store::Task> task = context.tasks.by_id(mine.front().task_id))
          return task_state(context, *task, &command);
      }
    }
    return {reply_to_sender(context, context.text("task_question_number_needed", {{"mention", mention}}))};
  }
  std::vector<store::Task> tasks = open_here(context);
  // "明天几点集合？" among neighbours of a group with nothing open: talk of something else, read
  // without a statement of its own (the event budget), unless it asks whether a task still happens.
  const bool in_passing = said_in_passing(context.message, command);
  const bool asks_still_on = language::holds_any_of(command.text, kAsksStillOn);
  if (tasks.empty() && in_passing && !asks_still_on) return {};
  // "今天有活动吗", "明天有什么活动": the tasks of that day (a review, 2026-12-06: one two days away
  // answered 今天有活动吗).
  if (days_ahead) {
    const std::int64_t day = local_day(context, context.now) + *days_ahead;
    // A task with no time may be done any day.
    std::erase_if(
        tasks, [&](const store::Task& task) { return task.start && local_day(context, *task.start) != day; });
    if (tasks.empty()) {
      // Of another day than the group's task, said in passing, only a question whether one still
      // happens looks further (the event budget: "明天几点集合？" among neighbours runs no statement).
      if (!in_passing || asks_still_on) {
        if (const std::optional<store::Task> called_off = called_off_asked())
          return task_state(context, *called_off, &command);
      }
      if (in_passing) return {};
      return {reply_to_sender(
          context, context.text("tasks_none_that_day", {{"mention", mention}, {"day", day_words}}))};
    }
  }
  if (tasks.size() == 1) return task_state(context, tasks.front(), &command);
  if (tasks.empty() && in_passing) return {};
  return tasks_here(context, tasks);
}

}  // namespace

std::vector<Reply> handle_tasks(Context& context, const Command& command) {
  if (command.task) return one_task(context, command);
  if (asks_for_own(command)) return own_signups(context, said_in_passing(context.message, command));
  if (command.implicit) return question_without_number(context, command);
  // A private chat has no tasks of its own: there 活动 means one's own; to a leader with none, the
  // ones of the area they lead (an exploratory run of the leaders' side, 2026-12-07: a grid's
  // leader who had whistled #1 was told to ask in a building's group).
  const std::string& sender = context.message.sender;
  if (context.message.is_private) {
    std::vector<Reply> own = own_signups(context, true);
    if (!own.empty()) return own;
    const std::vector<store::Task> led = open_in_led_area(context, sender);
    if (!led.empty()) return tasks_here(context, led, "tasks_led_area_header", "tasks_elsewhere_footer");
    return own_signups(context);
  }
  // In a group where nothing is posted, its leader sees what runs under it: the 书记's 活动 in the
  // community's group read "本群现在没有进行中的任务" with two tasks open below (the same run).
  std::vector<store::Task> here = open_here(context);
  if (here.empty() && context.node && leads_node_or_above(context, sender, context.node->id)) {
    std::vector<store::Task> below = open_in_led_area(context, sender);
    std::erase_if(below, [&](const store::Task& task) {
      const std::vector<store::OrgNode> up = context.org.ancestors_and_self(task.node);
      return std::none_of(up.begin(), up.end(),
                          [&](const store::OrgNode& level) { return level.id == context.node->id; });
    });
    if (!below.empty()) return tasks_here(context, below, "tasks_below_header", "tasks_elsewhere_footer");
  }
  return tasks_here(context, here);
}

}  // namespace whistle::handlers
