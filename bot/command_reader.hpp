#pragma once

#include <memory>
#include <mutex>

#include "bot/inbound_event.hpp"
#include "handlers/language/parser.hpp"

namespace whistle::bot {

/// Reads each event's command on the network thread that decoded it, so the single writer only
/// decides. The parser is a pure function of the text, the message's time and a context whose
/// place names come from the store; the writer loads them on its first batch and publishes the
/// context here. Until then, or when reading throws, an event goes on without a command and the
/// writer reads it, exactly as it would have: the same text, time and context give the same
/// command on either thread.
class CommandReader {
 public:
  /// The writer's context, place names loaded (`now` is ignored: each event brings its own).
  void publish(const language::ParseContext& context);

  /// Sets `event.command` when a context is published; otherwise leaves it empty. Thread-safe.
  void read(InboundEvent& event) const;

 private:
  mutable std::mutex mutex_;  ///< guards context_: published by the writer, read by the network
  std::shared_ptr<const language::ParseContext> context_;
};

}  // namespace whistle::bot
