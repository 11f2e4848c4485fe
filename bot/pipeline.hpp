#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <mutex>
#include <span>
#include <utility>
#include <vector>

#include <boost/asio/any_completion_handler.hpp>
#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/steady_timer.hpp>

#include "bot/inbound_event.hpp"
#include "bot/linger.hpp"
#include "bot/net.hpp"

namespace spdlog {
class logger;
}

namespace whistle::bot {

class Metrics;

/// What the writer made of one submission.
struct SubmitResult {
  /// False when the batch's commit failed: nothing of it was stored, so the request must be
  /// answered with an error (503) and the platform will redeliver.
  bool committed = false;
  std::vector<EventOutcome> outcomes;  ///< one per submitted event, in order, when committed
};

/// Knobs of the pipeline that the configuration file does not carry.
struct PipelineOptions {
  LingerOptions linger;
  /// The linger's clock; tests give their own (the wait itself is a real timer, which a test
  /// never waits for: it fills the batch instead).
  std::function<std::chrono::steady_clock::time_point()> steady_now = [] {
    return std::chrono::steady_clock::now();
  };
};

/// The async single writer. Sessions, on any thread, put their events in a queue and wait; the
/// first event into an empty queue posts one flush to the writer, and the flush applies everything
/// waiting in one transaction (group commit), then posts each waiter's answer back to it. A flush
/// that finds only a few events while they arrive fast waits a little for more (bot/linger).
/// All database work runs on the writer executor, which must run one handler at a time.
class Pipeline {
 public:
  /// Applies a batch in one transaction; throws when the storage fails (EventProcessor::apply).
  using Apply = std::function<std::vector<EventOutcome>(std::span<const InboundEvent>)>;

  /// What happened in a committed batch, for those who act after a commit.
  struct BatchStats {
    std::size_t events = 0;
    std::size_t applied = 0;
    std::size_t queued = 0;  ///< outbox messages the batch queued
  };

  /// Calls `apply` only on `writer`; `metrics` may be shared with other threads.
  Pipeline(asio::any_io_executor writer, Apply apply, Metrics& metrics, PipelineOptions options = {});
  ~Pipeline();

  /// Queues the events for the next batch and resumes, on the caller's executor, when their batch
  /// has committed (or failed). Thread-safe.
  asio::awaitable<SubmitResult> submit(std::vector<InboundEvent> events);

  /// Registers a callback run on the writer after every successful commit (outbox wake-up,
  /// scheduler re-arm). Set before the first submission.
  void on_commit(std::function<void(const BatchStats&)> callback) { on_commit_ = std::move(callback); }

  /// The executor all writes run on.
  const asio::any_io_executor& writer() const { return writer_; }

  /// How many batches were flushed (for tests; read it on the writer).
  std::size_t batches() const { return batches_; }

  /// The completion handler a submission waits with, and the executor it runs on.
  using Handler = asio::any_completion_handler<void(SubmitResult)>;

  /// Queues a submission (submit()'s initiation); thread-safe.
  void enqueue(std::vector<InboundEvent> events, Handler handler, asio::any_io_executor executor);

 private:
  struct Waiter {
    Handler handler;
    asio::any_io_executor executor;  ///< where the handler runs
    std::size_t count = 0;           ///< its events, next in the batch's order
  };

  /// A batch's answers for the sessions of one executor, in the batch's order, and their events.
  struct Answers {
    asio::any_io_executor executor;
    std::vector<std::pair<Handler, SubmitResult>> answers;
    /// The sessions' events, applied: they go back to be freed on the thread that allocated them.
    std::vector<InboundEvent> spent;
  };

  /// On the writer: lingers or takes the queue, applies it and answers its waiters.
  void flush();
  /// Hands each waiter its share of the batch's outcomes, one post per executor, with its events.
  void answer_waiters(std::vector<Waiter> waiters, std::vector<InboundEvent> events, SubmitResult batch);

  asio::any_io_executor writer_;
  Apply apply_;
  Metrics& metrics_;
  std::shared_ptr<spdlog::logger> log_;
  std::function<std::chrono::steady_clock::time_point()> steady_now_;
  std::function<void(const BatchStats&)> on_commit_;

  std::mutex mutex_;  ///< guards the queue: sessions fill it on their threads, the writer empties it
  std::vector<InboundEvent> pending_;
  std::vector<Waiter> waiters_;
  bool flush_scheduled_ = false;   ///< one flush is posted or lingering; the next event need not post
  std::size_t linger_target_ = 0;  ///< while lingering: the queue length that ends the wait early

  // Only touched on the writer.
  Linger linger_;
  asio::steady_timer linger_timer_;
  bool lingered_ = false;  ///< this flush has waited once already
  std::size_t batches_ = 0;
};

}  // namespace whistle::bot
