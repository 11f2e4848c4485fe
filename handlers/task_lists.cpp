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
#include "handlers/rota_questions.hpp"
#include "handlers/task_list_lines.hpp"
#include "handlers/task_lookup.hpp"
#include "handlers/task_state.hpp"
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

// "今天有活动吗", "明天的活动还去吗", "今晚我值班吗", "周三的巡逻还去吗": the day asked about, in days
// from today.
std::optional<int> days_ahead_asked(Context& context, const Command& command) {
  if (command.start)
    return static_cast<int>(local_day(context, *command.start) - local_day(context, context.now));
  if (command.text.starts_with("今天")) return 0;
  if (command.text.starts_with("明天")) return 1;
  return std::nullopt;
}

// How the answer names that day: 今天, 明天, 11月25日(周三).
std::string day_words_of(Context& context, std::optional<int> days_ahead) {
  if (!days_ahead) return {};
  return local_day_text(context, context.now + std::int64_t{*days_ahead} * language::kSecondsPerDay,
                        context.now);
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
  const std::optional<int> days_ahead = days_ahead_asked(context, command);
  const std::string day_words = day_words_of(context, days_ahead);
  // "明天的活动取消了吗" when it was: its state says 已撤销, where "明天没有活动" left the asker
  // unsure and maybe on the way (the second review, 2026-12-06).
  const auto called_off_asked = [&]() -> std::optional<store::Task> {
    return days_ahead ? called_off_that_day(context, *days_ahead) : std::nullopt;
  };
  if (context.message.is_private) {
    const std::optional<store::Task> called_off = called_off_asked();
    // "今天有什么活动", "活动几点开始": in private, as 活动 there, one's own with their times; of a
    // day, that day's.
    if (command.text.find("活动") != std::string::npos || command.text.find("任务") != std::string::npos ||
        command.day_question == language::DayQuestion::still_on) {
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
  const bool asks_still_on = language::holds_any_of(command.text, kAsksStillOn) ||
                             command.day_question == language::DayQuestion::still_on;
  if (tasks.empty() && in_passing && !asks_still_on) return {};
  // "今天有活动吗", "明天有什么活动": the tasks of that day (a review, 2026-12-06: one two days away
  // answered 今天有活动吗).
  if (days_ahead) {
    const std::int64_t day = local_day(context, context.now) + *days_ahead;
    // A task with no time may be done any day.
    std::erase_if(
        tasks, [&](const store::Task& task) { return task.start && local_day(context, *task.start) != day; });
    // "明天晚上巡逻还去吗" of a day with a morning shift too: the evening's.
    if (command.day_question == language::DayQuestion::still_on && command.time_names_clock) {
      std::erase_if(tasks, [&](const store::Task& task) {
        return task.start &&
               local_part_of_day(context, *task.start) != local_part_of_day(context, *command.start);
      });
    }
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
  switch (command.day_question) {
    case language::DayQuestion::who_on_duty:
    case language::DayQuestion::short_of_people:
      return answer_rota_question(context, command);
    case language::DayQuestion::own_duty: {
      // "今晚我值班吗": one's own places that day.
      const std::optional<int> days_ahead = days_ahead_asked(context, command);
      return own_signups(context, said_in_passing(context.message, command), days_ahead,
                         day_words_of(context, days_ahead));
    }
    case language::DayQuestion::still_on:
      // In private, the day's task of the asker's groups, held or not (a review of stop 66: "你今天没有
      // 报到的活动" with tonight's patrol on).
      if (context.message.is_private) {
        if (std::vector<Reply> state = answer_rota_question(context, command); !state.empty()) return state;
      }
      break;
    case language::DayQuestion::none:
      break;
  }
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
