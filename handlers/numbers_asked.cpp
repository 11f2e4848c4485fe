#include "handlers/numbers_asked.hpp"

#include <string>

#include "handlers/addressing.hpp"
#include "handlers/language/acknowledgement_asks.hpp"

namespace whistle::handlers {

void note_numbers_asked(Context& context, const Command& command) {
  if (context.message.is_private || !context.community) return;
  const std::string& chat = context.message.chat;
  const std::string kind(kNumbersAsked);
  if (command.intent == Intent::whistle || language::asks_numbers_for_sign_up(command.text)) {
    if (context.jobs.pending(kind, chat)) context.jobs.cancel(kind, chat);
    return;
  }
  if (command.intent != Intent::unknown || !language::asks_numbers_back(command.text)) return;
  // An ask that names an open task here ("明早扫雪的 收到扣1") asks for its sign-ups.
  for (const store::ListedTask* task : context.tasks.open_in_chat_view(chat)) {
    if (command.text.find(task->title) != std::string::npos) return;
  }
  // A second notice renews the window from its own time.
  if (context.jobs.pending(kind, chat)) context.jobs.cancel(kind, chat);
  context.jobs.schedule_once(kind, *context.community, context.now + kNumbersAskedWindow, chat);
}

bool answers_numbers_asked(Context& context, const Command& command) {
  if (context.message.is_private || command.text != "1" || !said_in_passing(context.message, command))
    return false;
  return context.jobs.pending(std::string(kNumbersAsked), context.message.chat);
}

std::vector<Reply> run_numbers_asked_end(const Services&, const store::Job&, std::int64_t) {
  return {};
}

}  // namespace whistle::handlers
