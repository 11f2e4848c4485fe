#include "handlers/private_task_number.hpp"

#include <algorithm>

#include "handlers/language/normalize.hpp"
#include "handlers/ledger_scope.hpp"
#include "handlers/people_names.hpp"
#include "handlers/rights.hpp"
#include "handlers/task_lookup.hpp"
#include "handlers/task_text.hpp"
#include "handlers/ticket_rate.hpp"
#include "handlers/waitlist.hpp"

namespace whistle::handlers {

namespace {

using Values = std::vector<std::pair<std::string_view, std::string>>;

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
  const std::string digits = std::to_string(*number);
  auto ask = [&](std::string_view key, Values values) {
    values.emplace_back("mention", mention);
    values.emplace_back("number", digits);
    return std::vector<Reply>{reply_to_sender(context, context.text(key, values))};
  };
  // "请回复「满意」或「不满意」" was the bot's latest question as often as a list of tasks: a "1" may be
  // a star, a task or a choice, and a rating cannot be taken back, so it is asked.
  if (const std::optional<std::int64_t> ticket = ticket_awaiting_rating(context))
    return ask("number_alone_rating", {{"ticket", std::to_string(*ticket)}});
  // A ticket of the sender's by that number (reported, or held): "要撤回哪一件？" is answered "2" as
  // often as a task's list is (a review, 2026-12-07: a "2" meant for 撤回 T2 signed up for task 2).
  if (const std::optional<store::Ticket> ticket = context.tickets.by_number(*context.community, *number);
      ticket && !ticket->is_closed() &&
      (ticket->reporter == person || ticket->assignee_person == person || ticket->claimed_by == person))
    return ask("number_alone_ticket", {});
  const std::optional<store::Task> task = context.tasks.by_number(*context.community, *number);
  if (!task || task->status != store::TaskStatus::open || task_is_over(*task, context.now))
    return std::nullopt;
  Values about{{"task", std::to_string(task->number)},
               {"title", task->title},
               {"when", task_when_text(context, *task, context.now)}};
  // After "要取消哪一个？" as after anything else: leaving is said in words, never read off a digit.
  if (const std::optional<store::Signup> signup = context.signups.find(task->id, person); is_active(signup))
    return ask(
        signup->state == store::SignupState::waitlisted ? "number_alone_waitlisted" : "number_alone_held",
        about);
  // The task's leader answering "撤销哪一个？", a volunteer answering the bot's list: which is not known
  // here, so nothing is done on a digit; the commands are said.
  if (may_close_task(context, person, *task)) return ask("number_alone_leader", about);
  if (!posted_where_person_is(context, *task, person)) return std::nullopt;
  return ask("number_alone_task", about);
}

}  // namespace whistle::handlers
