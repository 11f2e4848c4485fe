#include "handlers/private_task_number.hpp"

#include <algorithm>

#include "handlers/language/normalize.hpp"
#include "handlers/ledger_scope.hpp"
#include "handlers/people_names.hpp"
#include "handlers/report_in.hpp"
#include "handlers/task_lookup.hpp"
#include "handlers/task_text.hpp"
#include "handlers/ticket_rate.hpp"
#include "handlers/waitlist.hpp"

namespace whistle::handlers {

namespace {

// A task this person could have found in a group of their places: posted in one of its chats.
bool posted_where_person_is(Context& context, const store::Task& task, const std::string& person) {
  const std::vector<std::string> posted = context.tasks.posted_chats(task.id);
  for (const std::string& node : nodes_of_person(context, person)) {
    for (const std::string& chat : context.org.chats_of(node)) {
      if (chat == task.chat || std::find(posted.begin(), posted.end(), chat) != posted.end()) return true;
    }
  }
  return false;
}

}  // namespace

std::optional<std::int64_t> task_number_alone(std::string_view text) {
  std::string line = language::normalize_characters(text);
  const auto first = line.find_first_not_of(' ');
  if (first == std::string::npos) return std::nullopt;
  line = line.substr(first, line.find_last_not_of(' ') + 1 - first);
  if (line.ends_with("号")) line.resize(line.size() - std::string_view("号").size());
  if (line.empty() || line.size() > 3 || line.front() == '0') return std::nullopt;
  std::int64_t number = 0;
  for (const char c : line) {
    if (c < '0' || c > '9') return std::nullopt;
    number = number * 10 + (c - '0');
  }
  return number;
}

std::optional<std::vector<Reply>> answer_task_number_alone(Context& context, const Command& command) {
  if (!context.message.is_private || command.task || command.ticket || !context.community)
    return std::nullopt;
  const std::optional<std::int64_t> number = task_number_alone(command.text);
  if (!number) return std::nullopt;
  const std::string& person = context.message.sender;
  const std::string mention = mention_of(context.people, person);
  // "请回复「满意」或「不满意」" was the bot's latest question as often as a list of tasks: a "1" may be
  // a star, a task or a choice, and a rating cannot be taken back, so it is asked.
  if (const std::optional<std::int64_t> ticket = ticket_awaiting_rating(context)) {
    return std::vector<Reply>{
        reply_to_sender(context, context.text("number_alone_rating", {{"mention", mention},
                                                                      {"ticket", std::to_string(*ticket)},
                                                                      {"task", std::to_string(*number)}}))};
  }
  const std::optional<store::Task> task = context.tasks.by_number(*context.community, *number);
  if (!task || task->status != store::TaskStatus::open || task_is_over(*task, context.now))
    return std::nullopt;
  if (is_active(context.signups.find(task->id, person))) {
    // After "要取消哪一个？" as after anything else: leaving is said in words, never read off a digit.
    return std::vector<Reply>{reply_to_sender(
        context, context.text("number_alone_held", {{"mention", mention},
                                                    {"task", std::to_string(task->number)},
                                                    {"title", task->title},
                                                    {"when", task_when_text(context, *task, context.now)}}))};
  }
  if (!posted_where_person_is(context, *task, person)) return std::nullopt;
  // The answer to "你所在的群正在报名的任务：… 例如：报到 1".
  Command join = command;
  join.intent = Intent::report_in;
  join.task = task->number;
  return handle_report_in(context, join);
}

}  // namespace whistle::handlers
