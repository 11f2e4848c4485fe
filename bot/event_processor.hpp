#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "bot/command/parser.hpp"
#include "config/config.hpp"
#include "handlers/dispatcher.hpp"
#include "handlers/message.hpp"
#include "store/database.hpp"
#include "store/inbox.hpp"
#include "store/jobs.hpp"
#include "store/outbox.hpp"

namespace whistle::bot {

/// One decoded inbound event, ready for the writer.
struct InboundEvent {
  std::string dedupe_key;  ///< platform + instance + platform message id
  handlers::Message message;
  /// The platform takes replies to the event's own chat in the HTTP answer; when false (platforms
  /// that answer through a send API) every reply goes to the outbox.
  bool replies_inline = true;
};

/// What became of one event after its batch committed.
struct EventOutcome {
  enum class Status { applied, duplicate, failed };
  Status status = Status::applied;
  /// The replies for the event's own chat, answered in the HTTP body (kept for redeliveries too).
  std::vector<handlers::Reply> inline_replies;
};

/// The heart of the single writer: applies a batch of events in one transaction
/// (inbox dedupe → parse → handler → outbox rows → jobs rows → commit), one savepoint per event so a
/// failing event is undone alone. Synchronous and network-free: the async pipeline and the
/// simulator both drive it.
class EventProcessor {
 public:
  EventProcessor(store::Database& db, handlers::Dispatcher& dispatcher, const config::Config& config);

  /// Applies the batch and commits; one outcome per event, in order. Throws if the commit fails
  /// (then nothing of the batch is stored and every event must be answered with an error).
  std::vector<EventOutcome> apply(std::span<const InboundEvent> events);

  /// Runs the jobs due at `now` in one transaction; their messages go to the outbox.
  /// Returns how many messages were queued.
  std::size_t run_due_jobs(std::int64_t now);

 private:
  store::Database& db_;
  handlers::Dispatcher& dispatcher_;
  const config::Config& config_;
  store::Inbox inbox_;
  store::Outbox outbox_;
  ParseContext parse_context_;
};

}  // namespace whistle::bot
