#include "handlers/task_lookup.hpp"

#include <string>

#include "handlers/people_names.hpp"

namespace whistle::handlers {

namespace {

Reply not_found(Context& context, std::int64_t number) {
  return reply_to_sender(
      context,
      context.text("task_not_found", {{"task", std::to_string(number)},
                                      {"mention", mention_of(context.people, context.message.sender)}}));
}

Reply ask_for_number(Context& context, Intent intent, const std::vector<store::Task>& tasks) {
  std::string list;
  for (const store::Task& task : tasks) {
    if (!list.empty()) list += '\n';
    list += context.text("task_choose_line", {{"task", std::to_string(task.number)}, {"title", task.title}});
  }
  const std::string example = command_word(context, intent) + " " + std::to_string(tasks.front().number);
  return reply_to_sender(
      context, context.text("task_choose", {{"mention", mention_of(context.people, context.message.sender)},
                                            {"count", std::to_string(tasks.size())},
                                            {"list", list},
                                            {"example", example}}));
}

}  // namespace

TaskChoice choose_task(Context& context, const Command& command, const TaskQuery& query) {
  TaskChoice choice;
  if (command.task) {
    if (context.community) choice.task = context.tasks.by_number(*context.community, *command.task);
    if (!choice.task) choice.replies.push_back(not_found(context, *command.task));
    return choice;
  }

  const std::string mention = mention_of(context.people, context.message.sender);
  const std::string example = command_word(context, query.intent) + " 12";
  if (context.message.is_private) {
    // Tasks are posted in groups; in a private chat only a number can say which one is meant.
    choice.replies.push_back(reply_to_sender(
        context, context.text("task_number_needed", {{"mention", mention}, {"example", example}})));
    return choice;
  }

  std::vector<store::Task> candidates;
  for (store::Task& task : context.tasks.open_in_chat(context.message.chat)) {
    if (!query.candidate || query.candidate(task)) candidates.push_back(std::move(task));
  }
  if (candidates.size() == 1) {
    choice.task = std::move(candidates.front());
  } else if (candidates.size() > 1) {
    choice.replies.push_back(ask_for_number(context, query.intent, candidates));
  } else if (!query.silent_when_nothing) {
    choice.replies.push_back(reply_to_sender(
        context, context.text(query.nothing_key, {{"mention", mention}, {"example", example}})));
  }
  return choice;
}

bool task_is_over(const store::Task& task, std::int64_t now) {
  constexpr std::int64_t kDay = 24 * 3600;
  if (task.end) return *task.end <= now;
  return task.start && *task.start + kDay <= now;
}

Reply reply_to_sender(const Context& context, std::string text) {
  return Reply{context.message.chat, std::move(text), {context.message.sender}};
}

std::string sender_mention(const Context& context) {
  return mention_of(context.people, context.message.sender);
}

std::string command_word(const Services& services, Intent intent) {
  return services.text("command_" + std::string(intent_name(intent)));
}

}  // namespace whistle::handlers
