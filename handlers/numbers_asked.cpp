#include "handlers/numbers_asked.hpp"

#include <string>

#include "handlers/addressing.hpp"
#include "handlers/language/acknowledgement_asks.hpp"
#include "handlers/rights.hpp"
#include "handlers/task_text.hpp"

namespace whistle::handlers {

namespace {

// Whether the line names a task open in the chat by a word of its title ("明天扫雪，收到请扣1" of a task
// titled "扫雪 门口"): its 1s are sign-ups (a review of stop 67).
bool names_an_open_task(Context& context, std::string_view text) {
  for (const store::ListedTask* task : context.tasks.open_in_chat_view(context.message.chat)) {
    for (const std::string_view word : title_words(task->title)) {
      if (text.find(word) != std::string_view::npos) return true;
    }
  }
  return false;
}

// Whether the sender runs tasks in this chat (leads its node or a level above).
bool runs_tasks_here(Context& context) {
  return context.node && leads_node_or_above(context, context.message.sender, context.node->id);
}

// "1", "+1", "收到1", "1 收到": a number given back, with the words of reading at most.
bool a_number_given_back(std::string_view text) {
  std::string left(text);
  for (const std::string_view noise : {"收到", "已阅", "+", " ", ",", "，"}) {
    for (std::size_t at = left.find(noise); at != std::string::npos; at = left.find(noise))
      left.erase(at, noise.size());
  }
  return left == "1";
}

}  // namespace

void note_numbers_asked(Context& context, const Command& command) {
  if (context.message.is_private || !context.community) return;
  const bool whistled = command.intent == Intent::whistle;
  const std::string& chat = context.message.chat;
  const std::string kind(kNumbersAsked);
  // "还差人 大家踊跃报名" from whoever runs the chat's tasks, after a landlord's "想看房的扣1": the 1s that
  // follow sign up (a review of stop 70: they were dropped for twelve hours).
  if (!whistled && command.intent == Intent::unknown && language::calls_for_sign_ups(command.text) &&
      context.jobs.pending(kind, chat) && runs_tasks_here(context)) {
    context.jobs.cancel(kind, chat);
    return;
  }
  // Only a line no command placed asks for numbers back (a notice, a call, a poll): every command of
  // the storm returns here before a scan of its words (measured: 800 instructions an event before).
  if (!whistled && (command.intent != Intent::unknown || !language::asks_for_a_number(command.text))) return;
  // A whistle, a call for sign-ups, or any ask naming an open task ends the window; a notice read or a
  // poll opens it, or renews it from its own time. With no task open here a bare 1 signs nobody up
  // anyway: no window is kept.
  // An ad's ask from a leader of the chat ("周六消防检查 有意向的扣1") calls volunteers.
  const bool opens = !whistled && language::asks_numbers_back(command.text) &&
                     !context.tasks.open_in_chat_view(chat).empty() &&
                     !names_an_open_task(context, command.text) &&
                     !(language::asks_numbers_for_an_ad(command.text) && runs_tasks_here(context));
  if (context.jobs.pending(kind, chat)) context.jobs.cancel(kind, chat);
  if (opens) context.jobs.schedule_once(kind, *context.community, context.now + kNumbersAskedWindow, chat);
}

bool answers_numbers_asked(Context& context, const Command& command) {
  // "+1" and "收到1" answer the notice as a bare "1" does (an exploratory run of scams, stop 70: a fake
  // gas fee's "收到请回复1" had its +1s signed up for the unit's task).
  if (context.message.is_private || !a_number_given_back(command.text) ||
      !said_in_passing(context.message, command))
    return false;
  return context.jobs.pending(std::string(kNumbersAsked), context.message.chat);
}

std::vector<Reply> run_numbers_asked_end(const Services&, const store::Job&, std::int64_t) {
  return {};
}

}  // namespace whistle::handlers
