#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <vector>

#include <boost/asio/any_completion_handler.hpp>
#include <boost/asio/any_io_executor.hpp>

#include "bot/inbound_event.hpp"
#include "bot/net.hpp"

namespace spdlog {
class logger;
}

namespace whistle::bot {

class EventProcessor;
class Metrics;

/// What the writer made of one submission.
struct SubmitResult {
  /// False when the batch's commit failed: nothing of it was stored, so the request must be
  /// answered with an error (503) and the platform will redeliver.
  bool committed = false;
  std::vector<EventOutcome> outcomes;  ///< one per submitted event, in order, when committed
};

/// The async single writer. Sessions submit events and wait; the first submission of an event-loop
/// round posts a flush behind the requests already read in that round, and the flush applies
/// everything waiting in one transaction (group commit), then completes every waiter. All database
/// work runs on the writer executor (the io_context itself with one thread, a strand with more).
class Pipeline {
 public:
  /// What happened in a committed batch, for those who act after a commit.
  struct BatchStats {
    std::size_t events = 0;
    std::size_t applied = 0;
    std::size_t queued = 0;  ///< outbox messages the batch queued
  };

  /// Uses `processor` only on `writer`; `metrics` may be shared with other threads.
  Pipeline(asio::any_io_executor writer, EventProcessor& processor, Metrics& metrics);
  ~Pipeline();

  /// Queues the events for the next batch and resumes when their batch has committed (or failed).
  /// Can be awaited from any executor; resumes on the caller's.
  asio::awaitable<SubmitResult> submit(std::vector<InboundEvent> events);

  /// Registers a callback run on the writer after every successful commit (outbox wake-up,
  /// scheduler re-arm). Set before the first submission.
  void on_commit(std::function<void(const BatchStats&)> callback) { on_commit_ = std::move(callback); }

  /// The executor all writes run on.
  const asio::any_io_executor& writer() const { return writer_; }

  /// How many batches were flushed (for tests).
  std::size_t batches() const { return batches_; }

  /// The completion handler a submission waits with.
  using Handler = asio::any_completion_handler<void(SubmitResult)>;

  /// Starts a submission (used by submit()); runs `handler` on `executor` (its own) when done.
  void start_submit(std::vector<InboundEvent> events, Handler handler, asio::any_io_executor executor);

 private:
  struct Waiter {
    Handler handler;
    asio::any_io_executor executor;  ///< where the handler runs
    std::size_t first = 0;           ///< index of its first event in pending_
    std::size_t count = 0;
  };

  void accept(std::vector<InboundEvent> events, Handler handler, asio::any_io_executor executor);
  void flush();

  asio::any_io_executor writer_;
  EventProcessor& processor_;
  Metrics& metrics_;
  std::shared_ptr<spdlog::logger> log_;
  std::function<void(const BatchStats&)> on_commit_;
  // Only touched on the writer executor.
  std::vector<InboundEvent> pending_;
  std::vector<Waiter> waiters_;
  bool flush_posted_ = false;
  std::size_t batches_ = 0;
};

}  // namespace whistle::bot
