#include "handlers/task_lookup.hpp"

#include <algorithm>
#include <iterator>
#include <string>

#include "handlers/language/argument_readers.hpp"
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

NumbersListed numbers_listed(std::string_view words, std::int64_t first, const NumberReader& read) {
  NumbersListed listed;
  std::size_t at = language::skip_separators(words, 0);
  while (at < words.size()) {
    if (language::starts_with_at(words, at, "和")) {
      at = language::skip_separators(words, at + std::string_view("和").size());
      continue;
    }
    const std::optional<std::pair<std::int64_t, std::size_t>> number = read(words, at);
    if (!number) break;
    if (number->first != first &&
        std::find(listed.more.begin(), listed.more.end(), number->first) == listed.more.end())
      listed.more.push_back(number->first);
    at = language::skip_separators(words, number->second);
  }
  listed.remark = std::string(language::trim_spaces(words.substr(std::min(at, words.size()))));
  return listed;
}

namespace {

// A task's number at `at`, and where it ends; not one that counts something ("2天后再说").
std::optional<std::pair<std::int64_t, std::size_t>> task_number_at(std::string_view words, std::size_t at) {
  const auto reference = language::read_task_reference(words, at);
  if (!reference || !reference->number || language::number_counts_something(words.substr(reference->end)))
    return std::nullopt;
  return std::pair{*reference->number, reference->end};
}

}  // namespace

std::vector<std::int64_t> further_task_numbers(const Command& command) {
  if (!command.task || !command.reason) return {};
  NumbersListed listed = numbers_listed(*command.reason, *command.task, task_number_at);
  // Only numbers: "报到 1 2 带上扫帚" is one task and a remark.
  return listed.remark.empty() ? std::move(listed.more) : std::vector<std::int64_t>{};
}

NumbersListed further_task_numbers_and_remark(const Command& command) {
  if (!command.task || !command.reason) return {};
  // Before a remark a number written as a day is one ("撤销 1 2号再安排" rearranges #1 on the 2nd; a
  // review of stop 65: it called #2 off too): only bare numbers and #N list tasks here.
  return numbers_listed(
      *command.reason, *command.task,
      [](std::string_view words, std::size_t at) -> std::optional<std::pair<std::int64_t, std::size_t>> {
        const auto number = task_number_at(words, at);
        if (!number) return std::nullopt;
        const std::string_view written = words.substr(at, number->second - at);
        if (written.find("号") != std::string_view::npos || written.find("日") != std::string_view::npos)
          return std::nullopt;
        return number;
      });
}

namespace {

// The answers given in the sender's chat, as one message: a line naming many numbers answered each
// in a post of its own (an exploratory run of a week's rota, 2026-12-07: "报到 1 2 … 60" posted 62
// messages in the group).
std::vector<Reply> joined_in_senders_chat(const Context& context, std::vector<Reply> replies) {
  std::vector<Reply> joined;
  std::optional<std::size_t> own;
  for (Reply& reply : replies) {
    if (reply.chat != context.message.chat) {
      joined.push_back(std::move(reply));
      continue;
    }
    if (!own) {
      own = joined.size();
      joined.push_back(std::move(reply));
      continue;
    }
    Reply& first = joined[*own];
    first.text += '\n';
    first.text += reply.text;
    for (std::string& person : reply.mentions) {
      if (std::find(first.mentions.begin(), first.mentions.end(), person) == first.mentions.end())
        first.mentions.push_back(std::move(person));
    }
  }
  return joined;
}

// More numbers than anyone means in one line: refused whole, before any is acted on.
constexpr std::size_t kMostNumbersListed = 10;

}  // namespace

std::vector<Reply> for_each_number_listed(Context& context, const Command& command,
                                          std::optional<std::int64_t> Command::*field,
                                          const std::vector<std::int64_t>& more,
                                          const CommandHandler& handle) {
  if (more.size() + 1 > kMostNumbersListed) {
    return {reply_to_sender(
        context, context.text("numbers_listed_too_many", {{"mention", sender_mention(context)},
                                                          {"count", std::to_string(more.size() + 1)},
                                                          {"most", std::to_string(kMostNumbersListed)}}))};
  }
  Command each = command;
  each.reason.reset();
  std::vector<Reply> replies = handle(context, each);
  for (const std::int64_t number : more) {
    each.*field = number;
    std::vector<Reply> next = handle(context, each);
    replies.insert(replies.end(), std::make_move_iterator(next.begin()), std::make_move_iterator(next.end()));
  }
  return joined_in_senders_chat(context, std::move(replies));
}

std::optional<std::vector<Reply>> for_each_task_listed(Context& context, const Command& command,
                                                       const CommandHandler& handle) {
  const std::vector<std::int64_t> more = further_task_numbers(command);
  if (more.empty()) return std::nullopt;
  return for_each_number_listed(context, command, &Command::task, more, handle);
}

}  // namespace whistle::handlers
