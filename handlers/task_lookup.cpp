#include "handlers/task_lookup.hpp"

#include <algorithm>
#include <string>

#include "handlers/language/references.hpp"
#include "handlers/language/text_util.hpp"
#include "handlers/people_names.hpp"
#include "handlers/task_text.hpp"

namespace whistle::handlers {

namespace {

// A line of a list to choose from: its number and title, and its time when titles repeat in the
// list, since a week's rota has one title for every shift (an exploratory run of a week's rota,
// 2026-12-07: "#1 消防巡逻 #2 消防巡逻 #3 消防巡逻"). Only then: the time's words cost a tenth of an
// event's instructions on the storm, whose bare 报到 meet lists of differently titled tasks (measured
// with callgrind, 2026-12-07).
std::string choose_line(const Context& context, std::int64_t number, const std::string& title,
                        const std::optional<std::int64_t>& start, const std::optional<std::int64_t>& end,
                        bool with_time) {
  std::string line = context.text("task_choose_line", {{"task", std::to_string(number)}, {"title", title}});
  if (!with_time) return line;
  const std::string when = task_when_text(context, start, end, context.now);
  if (!when.empty()) line += context.text("task_choose_when", {{"when", when}});
  return line;
}

template <typename Tasks>
bool titles_repeat(const Tasks& tasks) {
  for (std::size_t i = 0; i < tasks.size(); ++i) {
    for (std::size_t j = i + 1; j < tasks.size(); ++j) {
      if (tasks[i]->title == tasks[j]->title) return true;
    }
  }
  return false;
}

// "报到 12" where no #12 exists: the tasks the number may have meant are named with the line that
// takes them. "没有找到任务#12，请核对编号" left the newcomer to find #1 on their own (an exploratory run
// of newcomers, 2026-12-06). In a group: its open tasks the command could act on; in private: the
// sender's own.
Reply not_found(Context& context, std::int64_t number, const TaskQuery& query) {
  const std::string mention = mention_of(context.people, context.message.sender);
  std::vector<std::int64_t> ids;
  // In private, one's own signups are what a volunteer's command may have meant; a leader's 验收 9 or
  // 撤销 9 is not about the tasks they volunteered for (the final read, 2026-12-06).
  const bool volunteers_command = query.intent == Intent::report_in || query.intent == Intent::withdraw ||
                                  query.intent == Intent::check_in || query.intent == Intent::check_out;
  if (context.message.is_private) {
    if (context.community && volunteers_command) {
      for (const store::Signup& signup :
           context.signups.open_of_person(*context.community, context.message.sender))
        ids.push_back(signup.task_id);
    }
  } else {
    for (const store::ListedTask* task : context.tasks.open_in_chat_view(context.message.chat)) {
      if (!query.candidate || query.candidate(*task)) ids.push_back(task->id);
    }
  }
  std::vector<std::optional<store::Task>> tasks;
  for (const std::int64_t id : ids) {
    if (std::optional<store::Task> task = context.tasks.by_id(id)) tasks.push_back(std::move(task));
  }
  const bool with_time = titles_repeat(tasks);
  std::string list;
  std::int64_t first = 0;
  for (const std::optional<store::Task>& task : tasks) {
    if (first == 0) first = task->number;
    if (!list.empty()) list += '\n';
    list += choose_line(context, task->number, task->title, task->start, task->end, with_time);
  }
  if (list.empty())
    return reply_to_sender(
        context, context.text("task_not_found", {{"task", std::to_string(number)}, {"mention", mention}}));
  return reply_to_sender(
      context,
      context.text(context.message.is_private ? "task_not_found_yours" : "task_not_found_here",
                   {{"task", std::to_string(number)},
                    {"mention", mention},
                    {"list", list},
                    {"example", command_word(context, query.intent) + " " + std::to_string(first)}}));
}

Reply ask_for_number(Context& context, Intent intent, const std::vector<const store::ListedTask*>& tasks) {
  const bool with_time = titles_repeat(tasks);
  std::string list;
  for (const store::ListedTask* task : tasks) {
    if (!list.empty()) list += '\n';
    list += choose_line(context, task->number, task->title, task->start, task->end, with_time);
  }
  const std::string example = command_word(context, intent) + " " + std::to_string(tasks.front()->number);
  return reply_to_sender(
      context, context.text("task_choose", {{"mention", mention_of(context.people, context.message.sender)},
                                            {"count", std::to_string(tasks.size())},
                                            {"list", list},
                                            {"example", example}}));
}

// The one candidate whose title is a whole line of the text, before its list's first entry.
const store::ListedTask* titled_on_a_line(std::string_view text,
                                          const std::vector<const store::ListedTask*>& candidates) {
  if (text.find('\n') == std::string_view::npos) return nullptr;
  const store::ListedTask* found = nullptr;
  for (std::size_t start = 0; start < text.size();) {
    const std::size_t end = std::min(text.find('\n', start), text.size());
    const std::string_view line = language::trim_spaces(text.substr(start, end - start));
    start = end + 1;
    if (!line.empty() && language::is_ascii_digit(static_cast<unsigned char>(line.front()))) break;
    for (const store::ListedTask* task : candidates) {
      if (task->title != line) continue;
      if (found && found != task) return nullptr;
      found = task;
    }
  }
  return found;
}

// Of the candidates, those on the day said and in the part of the day said, if one was: "下午我有空" of
// a day whose one shift is in the evening is no sign-up for it (a review of stop 66).
std::vector<const store::ListedTask*> candidates_of_day(Context& context,
                                                        std::vector<const store::ListedTask*> candidates,
                                                        std::int64_t said, bool part_said) {
  std::erase_if(candidates, [&](const store::ListedTask* task) {
    return !on_day_said(context, task->start, said, part_said);
  });
  return candidates;
}

}  // namespace

TaskChoice choose_task(Context& context, const Command& command, const TaskQuery& query) {
  TaskChoice choice;
  if (command.task) {
    if (context.community) choice.task = context.tasks.by_number(*context.community, *command.task);
    if (!choice.task) choice.replies.push_back(not_found(context, *command.task, query));
    return choice;
  }
  if (command.ticket) {
    // "撤销 T5": the number is a ticket's; the chat's only open task is not what was meant.
    const std::string example = command_word(context, query.intent) + " 12";
    choice.replies.push_back(reply_to_sender(
        context,
        context.text("task_given_ticket", {{"mention", mention_of(context.people, context.message.sender)},
                                           {"ticket", std::to_string(*command.ticket)},
                                           {"example", example}})));
    return choice;
  }

  // The mention and the example are only for the answers that find no task.
  auto nothing = [&](std::string_view key) {
    const std::string example = command_word(context, query.intent) + " 12";
    return reply_to_sender(context,
                           context.text(key, {{"mention", mention_of(context.people, context.message.sender)},
                                              {"example", example}}));
  };
  if (context.message.is_private) {
    // Tasks are posted in groups; in a private chat only a number can say which one is meant.
    choice.replies.push_back(nothing("task_number_needed"));
    return choice;
  }

  // The chat's open tasks as the writer's list holds them: only the one chosen is read whole.
  // Handlers run inside the batch's transaction and nothing here changes a task or a list (the
  // candidate test reads signups), so the pointers hold until the answer is written.
  std::vector<const store::ListedTask*> candidates = context.tasks.open_in_chat_view(context.message.chat);
  if (query.candidate)
    std::erase_if(candidates, [&query](const store::ListedTask* task) { return !query.candidate(*task); });
  if (query.day_said && !candidates.empty()) {
    std::vector<const store::ListedTask*> that_day =
        candidates_of_day(context, candidates, *query.day_said, query.part_said);
    if (!that_day.empty()) {
      candidates = std::move(that_day);
    } else if (!query.day_is_a_hint) {
      // None that day, others on other days: the example names one of those.
      const std::string example =
          command_word(context, query.intent) + " " + std::to_string(candidates.front()->number);
      if (!query.silent_when_nothing)
        choice.replies.push_back(reply_to_sender(
            context,
            context.text(query.day_none_key, {{"mention", mention_of(context.people, context.message.sender)},
                                              {"day", local_day_text(context, *query.day_said, context.now)},
                                              {"example", example}})));
      return choice;
    }
  }
  // A 接龙 whose header names one of them by its title, on a line of its own ("接龙\n扫雪下午班\n1. 老马"):
  // that one (an exploratory run of a snow day, 2026-12-07: asked for the number it named).
  if (candidates.size() > 1) {
    if (const store::ListedTask* named = titled_on_a_line(command.text, candidates)) candidates = {named};
  }
  if (candidates.size() == 1) {
    choice.task = context.tasks.by_id(candidates.front()->id);
  } else if (candidates.size() > 1) {
    choice.replies.push_back(ask_for_number(context, query.intent, candidates));
  } else if (!query.silent_when_nothing) {
    choice.replies.push_back(nothing(query.nothing_key));
  }
  return choice;
}

namespace {

bool time_is_over(const std::optional<std::int64_t>& start, const std::optional<std::int64_t>& end,
                  std::int64_t now) {
  if (end) return *end <= now;
  return start && *start + kOpenEndedTaskSeconds <= now;
}

}  // namespace

bool task_is_over(const store::Task& task, std::int64_t now) {
  return time_is_over(task.start, task.end, now);
}

bool task_is_over(const store::ListedTask& task, std::int64_t now) {
  return time_is_over(task.start, task.end, now);
}

std::vector<std::string> task_chats(const Services& services, const store::Task& task) {
  std::vector<std::string> chats = services.tasks.posted_chats(task.id);
  std::erase_if(chats, [&](const std::string& chat) { return !services.org.binding_of(chat); });
  if (chats.empty()) chats = services.org.chats_of(task.node);
  return chats;
}

std::string task_home_chat(const Services& services, const store::Task& task) {
  const std::vector<std::string> chats = task_chats(services, task);
  return chats.empty() ? std::string() : chats.front();
}

std::string chat_of_signup(const Services& services, const std::optional<std::string>& node,
                           const std::vector<std::string>& posted) {
  if (node) {
    for (const std::string& chat : services.org.chats_of(*node)) {
      if (std::find(posted.begin(), posted.end(), chat) != posted.end()) return chat;
    }
  }
  return posted.empty() ? std::string() : posted.front();
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
