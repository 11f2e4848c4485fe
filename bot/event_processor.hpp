#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "bot/inbound_event.hpp"
#include "bot/log_throttle.hpp"
#include "config/config.hpp"
#include "config/templates.hpp"
#include "handlers/dispatcher.hpp"
#include "handlers/language/parser.hpp"
#include "handlers/message.hpp"
#include "store/database.hpp"
#include "store/inbox.hpp"
#include "store/jobs.hpp"
#include "store/outbox.hpp"
#include "store/people.hpp"

namespace whistle::bot {

class CommandReader;

/// Knobs of the processor that the configuration does not carry.
struct EventProcessorOptions {
  /// Runs after each event's handler returned, before its replies are kept; whatever it throws is
  /// handled as the handler's own failure. Empty in production: tests use it to make one event fail
  /// after its writes. A batch with a failing event is applied twice (together, then one by one),
  /// so it may run twice for the events of that batch.
  std::function<void(const handlers::Message&)> after_handling;
  /// Where the parser's context is published once the place names are loaded, so the network
  /// threads read commands before the writer (the server's; none in the simulator).
  CommandReader* command_reader = nullptr;
};

/// What a run of due jobs did, for the scheduler and /metrics.
struct DueJobsOutcome {
  std::size_t queued = 0;  ///< messages put in the outbox
  std::size_t failed = 0;  ///< jobs that threw and were undone (to be tried again, or dead)
  std::size_t dead = 0;    ///< of those, jobs set aside after their last attempt
};

/// The heart of the single writer: applies a batch of events in one transaction
/// (inbox dedupe → parse → handler → outbox rows → jobs rows → commit). A failing event is undone
/// alone: the batch is first applied together (no savepoints, the inbox rows written at its end);
/// if an event throws, all of it is rolled back and applied again one savepoint per event.
/// Synchronous and network-free: the async pipeline and the simulator both drive it.
class EventProcessor {
 public:
  /// Keeps references to all four; they must outlive the processor.
  EventProcessor(store::Database& db, handlers::Dispatcher& dispatcher, const config::Templates& templates,
                 const config::Config& config, EventProcessorOptions options = {});

  /// Applies the batch and commits; one outcome per event, in order. An event whose reading or
  /// handling throws (a bug, std::bad_alloc) is undone alone, logged, and answered with an apology
  /// that is recorded like any answer (status `failed`). Throws if the storage fails (then nothing
  /// of the batch is stored and every event must be answered with an error).
  std::vector<EventOutcome> apply(std::span<const InboundEvent> events);

  /// Runs the jobs due at `now` in one transaction; their messages go to the outbox. A job that
  /// fails is undone alone and logged; the others still run.
  DueJobsOutcome run_due_jobs(std::int64_t now);

 private:
  /// The batch in one go, no savepoints, the inbox rows written once at the end; empty (and
  /// everything rolled back) when an event's handling threw. Throws if the storage fails.
  std::optional<std::vector<EventOutcome>> apply_together(std::span<const InboundEvent> events);
  /// The batch one savepoint per event: a failing event is undone alone and answered.
  std::vector<EventOutcome> apply_one_by_one(std::span<const InboundEvent> events);
  /// Records and answers one event: in `batch` when given (apply_together), else in the inbox
  /// inside a savepoint of its own. Throws what its handling throws.
  EventOutcome apply_one(const InboundEvent& event, store::InboxBatch* batch);
  /// The outcome of an event whose handling threw `error` and was undone: logged, answered with
  /// an apology, and recorded with that answer.
  EventOutcome answer_failure(const InboundEvent& event, const std::exception& error);
  /// Puts a reply in the HTTP answer (the event's own chat, when its platform takes replies there)
  /// or in the outbox.
  void route(const InboundEvent& event, handlers::Reply reply, EventOutcome& outcome);
  /// Queues a reply in the outbox with where its mentions stand and, for the event's own chat,
  /// the platform's reply URL.
  void enqueue(handlers::Reply reply, std::optional<store::ReplyUrl> reply_url, std::int64_t at);

  store::Database& db_;
  handlers::Dispatcher& dispatcher_;
  const config::Templates& templates_;
  const config::Config& config_;
  EventProcessorOptions options_;
  store::Inbox inbox_;
  store::Outbox outbox_;
  store::PeopleRepository people_;
  language::ParseContext parse_context_;
  /// The place names are read on first use: the org may be synced after construction.
  bool place_names_loaded_ = false;
  LogThrottle conflict_log_{std::chrono::seconds(10)};  ///< the reused-id warning, once per interval
};

}  // namespace whistle::bot
