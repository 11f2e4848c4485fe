#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "bot/inbound_event.hpp"
#include "bot/log_throttle.hpp"
#include "config/config.hpp"
#include "handlers/dispatcher.hpp"
#include "handlers/language/parser.hpp"
#include "handlers/message.hpp"
#include "store/database.hpp"
#include "store/inbox.hpp"
#include "store/jobs.hpp"
#include "store/outbox.hpp"

namespace whistle::bot {

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
  language::ParseContext parse_context_;
  /// The place names are read on first use: the org may be synced after construction.
  bool place_names_loaded_ = false;
  LogThrottle conflict_log_{std::chrono::seconds(10)};  ///< the reused-id warning, once per interval
};

}  // namespace whistle::bot
