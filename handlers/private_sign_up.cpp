#include "handlers/private_sign_up.hpp"

#include <algorithm>
#include <string>

#include "handlers/held_places.hpp"
#include "handlers/ledger_scope.hpp"
#include "handlers/people_names.hpp"
#include "handlers/report_in.hpp"
#include "handlers/task_lookup.hpp"
#include "handlers/task_text.hpp"
#include "handlers/waitlist.hpp"

namespace whistle::handlers {

std::vector<store::Task> joinable_tasks(Context& context) {
  const std::string& person = context.message.sender;
  std::vector<store::Task> tasks;
  for (const std::string& node : nodes_of_person(context, person)) {
    for (const std::string& chat : context.org.chats_of(node)) {
      for (const store::ListedTask* listed : context.tasks.open_in_chat_view(chat)) {
        if (task_is_over(*listed, context.now) ||
            std::any_of(tasks.begin(), tasks.end(),
                        [&](const store::Task& seen) { return seen.id == listed->id; }) ||
            is_active(context.signups.find(listed->id, person)))
          continue;
        if (std::optional<store::Task> task = context.tasks.by_id(listed->id))
          tasks.push_back(std::move(*task));
      }
    }
  }
  return tasks;
}

std::optional<Reply> joinable_in_private(Context& context, const std::vector<store::Task>& tasks) {
  if (tasks.empty()) return std::nullopt;
  std::string list;
  for (const store::Task& task : tasks) {
    if (!list.empty()) list += '\n';
    // A full task is still one to wait for, and said to be (the second review, 2026-12-06).
    list += context.text("report_in_private_line",
                         {{"task", std::to_string(task.number)},
                          {"title", task.title},
                          {"when", task_when_text(context, task, context.now)},
                          {"full", is_full(context, task) ? context.text("report_in_private_full") : ""}});
  }
  return reply_to_sender(
      context,
      context.text("report_in_private_list", {{"mention", mention_of(context.people, context.message.sender)},
                                              {"list", list},
                                              {"task", std::to_string(tasks.front().number)}}));
}

std::optional<std::vector<Reply>> joinable_that_day(Context& context, const Command& command,
                                                    std::vector<store::Task> tasks) {
  // Someone of no group yet: the bot cannot see which tasks are theirs to join (a review of stop 66:
  // told the day had none).
  if (!command.start || nodes_of_person(context, context.message.sender).empty()) return std::nullopt;
  std::erase_if(tasks, [&](const store::Task& task) {
    return !on_day_said(context, task.start, *command.start, command.time_names_clock);
  });
  // A day that only hints ("报到 晚上到"): none that day leaves the list as it was.
  if (tasks.empty() && command.day_is_a_hint) return std::nullopt;
  if (tasks.size() == 1) {
    Command named = command;
    named.task = tasks.front().number;
    named.start.reset();
    return handle_report_in(context, named);
  }
  if (tasks.empty() && context.community) {
    // Already in that day's shift: what they hold.
    std::vector<store::Signup> held =
        context.signups.open_of_person(*context.community, context.message.sender);
    std::erase_if(held, [&](const store::Signup& signup) {
      const std::optional<store::Task> task = context.tasks.by_id(signup.task_id);
      return !task || !on_day_said(context, task->start, *command.start, command.time_names_clock);
    });
    if (!held.empty()) return std::vector<Reply>{held_places_reply(context, held, "report_in_private_held")};
  }
  if (tasks.empty())
    return std::vector<Reply>{reply_to_sender(
        context, context.text("report_in_private_none_that_day",
                              {{"mention", mention_of(context.people, context.message.sender)},
                               {"day", local_day_text(context, *command.start, context.now)}}))};
  return std::vector<Reply>{*joinable_in_private(context, tasks)};
}

}  // namespace whistle::handlers
