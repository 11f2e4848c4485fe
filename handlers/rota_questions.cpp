#include "handlers/rota_questions.hpp"

#include <algorithm>
#include <limits>
#include <string>

#include "handlers/addressing.hpp"
#include "handlers/ledger_scope.hpp"
#include "handlers/people_names.hpp"
#include "handlers/task_list_lines.hpp"
#include "handlers/task_lookup.hpp"
#include "handlers/task_state.hpp"
#include "handlers/task_text.hpp"

namespace whistle::handlers {

namespace {

// The shift sooner first; tasks with no time after them, by number.
bool sooner(const store::Task& a, const store::Task& b) {
  const std::int64_t never = std::numeric_limits<std::int64_t>::max();
  if (a.start.value_or(never) != b.start.value_or(never))
    return a.start.value_or(never) < b.start.value_or(never);
  return a.number < b.number;
}

void add_once(std::vector<store::Task>& tasks, store::Task task) {
  if (std::none_of(tasks.begin(), tasks.end(), [&](const store::Task& other) { return other.id == task.id; }))
    tasks.push_back(std::move(task));
}

// In private: the open tasks of the groups of the asker's places, those they hold a place on, and
// those of the area they lead.
std::vector<store::Task> open_for_asker(Context& context) {
  const std::string& asker = context.message.sender;
  std::vector<store::Task> tasks;
  if (context.community) {
    for (const store::Signup& signup : context.signups.open_of_person(*context.community, asker)) {
      if (std::optional<store::Task> task = context.tasks.by_id(signup.task_id))
        add_once(tasks, std::move(*task));
    }
  }
  for (const std::string& node : nodes_of_person(context, asker)) {
    for (const std::string& chat : context.org.chats_of(node)) {
      for (store::Task& task : context.tasks.open_in_chat(chat))
        add_once(tasks, std::move(task));
    }
  }
  for (store::Task& task : open_in_led_area(context, asker))
    add_once(tasks, std::move(task));
  std::erase_if(tasks, [&](const store::Task& task) {
    return task.status != store::TaskStatus::open || task_is_over(task, context.now);
  });
  std::sort(tasks.begin(), tasks.end(), sooner);
  return tasks;
}

std::vector<store::Task> open_asked_of(Context& context) {
  return context.message.is_private ? open_for_asker(context) : open_here(context);
}

// In private, someone the bot knows no place of: it cannot see their groups (a review of stop 66:
// "本群现在没有进行中的任务" told a newcomer nothing needed people).
std::optional<Reply> unplaced_in_private(Context& context, const std::vector<store::Task>& tasks) {
  if (!context.message.is_private || !tasks.empty() ||
      !nodes_of_person(context, context.message.sender).empty())
    return std::nullopt;
  return reply_to_sender(context,
                         context.text("rota_private_unplaced",
                                      {{"mention", mention_of(context.people, context.message.sender)}}));
}

// "今晚谁值班", "周三晚上谁巡逻"; in private, "今晚巡逻还去吗" too. Empty in private when none is that day,
// for the caller's own answer.
std::vector<Reply> who_on_duty(Context& context, const Command& command) {
  std::vector<store::Task> tasks = open_asked_of(context);
  if (std::optional<Reply> unplaced = unplaced_in_private(context, tasks)) return {std::move(*unplaced)};
  // "今晚" of a day with a morning and an evening shift: the evening's; the day's when none is then.
  std::vector<store::Task> same_part = tasks;
  std::erase_if(same_part, [&](const store::Task& task) {
    return !on_day_said(context, task.start, *command.start, command.time_names_clock);
  });
  std::erase_if(tasks, [&](const store::Task& task) {
    return !on_day_said(context, task.start, *command.start, false);
  });
  if (!same_part.empty()) tasks = std::move(same_part);
  const std::string mention = mention_of(context.people, context.message.sender);
  const std::string day_words = local_day_text(context, *command.start, context.now);
  if (tasks.empty()) {
    // Among neighbours, a duty of something else (the guard's, a shop's).
    if (said_in_passing(context.message, command)) return {};
    if (command.day_question == language::DayQuestion::still_on) return {};
    return {reply_to_sender(context,
                            context.text("rota_none_that_day", {{"mention", mention}, {"day", day_words}}))};
  }
  std::string text = context.text(
      "rota_day_header", {{"mention", mention}, {"day", day_words}, {"count", std::to_string(tasks.size())}});
  for (const store::Task& task : tasks) {
    text += '\n';
    text += task_state_text(context, task, &command, "");
  }
  return {reply_to_sender(context, std::move(text))};
}

// "哪天还缺人", "哪些班还没满".
std::vector<Reply> short_of_people(Context& context, const Command& command) {
  std::vector<store::Task> tasks = open_asked_of(context);
  const std::string mention = mention_of(context.people, context.message.sender);
  if (std::optional<Reply> unplaced = unplaced_in_private(context, tasks)) return {std::move(*unplaced)};
  if (tasks.empty()) {
    if (said_in_passing(context.message, command)) return {};
    return {
        reply_to_sender(context, context.text(context.message.is_private ? "rota_none_private" : "tasks_none",
                                              {{"mention", mention}}))};
  }
  std::erase_if(tasks, [&](const store::Task& task) {
    return task.places && context.signups.count(task.id, store::SignupState::signed_up) >= *task.places;
  });
  if (tasks.empty())
    return {reply_to_sender(context, context.text("rota_none_short", {{"mention", mention}}))};
  std::sort(tasks.begin(), tasks.end(), sooner);
  return tasks_here(context, tasks, "rota_short_header",
                    context.message.is_private ? "rota_short_private_footer" : "tasks_footer");
}

}  // namespace

std::vector<Reply> answer_rota_question(Context& context, const Command& command) {
  if (command.day_question == language::DayQuestion::short_of_people)
    return short_of_people(context, command);
  const bool still_on_in_private =
      command.day_question == language::DayQuestion::still_on && context.message.is_private;
  if ((command.day_question == language::DayQuestion::who_on_duty || still_on_in_private) && command.start)
    return who_on_duty(context, command);
  return {};
}

}  // namespace whistle::handlers
