#include "bot/command_reader.hpp"

#include <exception>
#include <utility>

namespace whistle::bot {

void CommandReader::publish(const language::ParseContext& context) {
  auto published = std::make_shared<const language::ParseContext>(context);
  const std::lock_guard lock(mutex_);
  context_ = std::move(published);
}

void CommandReader::read(InboundEvent& event) const {
  std::shared_ptr<const language::ParseContext> shared;
  {
    const std::lock_guard lock(mutex_);
    shared = context_;
  }
  if (!shared) return;
  try {
    // A copy for the message's time; the place names' index is shared, not copied.
    language::ParseContext context = *shared;
    context.now = event.message.at;
    event.command = language::parse_command(event.message.text, context);
  } catch (const std::exception&) {
    // Only std::bad_alloc can come out of the copy or the parser: the writer reads the line again,
    // and if it fails there too it answers the person and logs the line (bot/event_processor).
    event.command.reset();
  }
}

}  // namespace whistle::bot
