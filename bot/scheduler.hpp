#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/steady_timer.hpp>

#include "bot/event_processor.hpp"
#include "bot/net.hpp"
#include "bot/record_pruner.hpp"
#include "store/jobs.hpp"

namespace spdlog {
class logger;
}

namespace whistle::store {
class Database;
}

namespace whistle::bot {

class Clock;
class EventProcessor;

/// Fires due jobs (reminders, deadlines, escalations, publications) through the writer: a timer to
/// the next job's time, re-armed after each commit that may have scheduled one and at least every
/// minute. Runs on the writer executor, so jobs are serialised with event batches. The same loop
/// prunes the inbox and outbox of rows older than the keep window.
class Scheduler {
 public:
  /// Uses `db` and `processor` only on `writer`; `on_run` runs there after each run of due jobs.
  /// `keep_seconds`: how long the inbox and outbox keep their rows (0: for ever), pruned on the
  /// same loop (RecordPruner).
  Scheduler(asio::any_io_executor writer, store::Database& db, EventProcessor& processor, const Clock& clock,
            std::function<void(const DueJobsOutcome&)> on_run, std::int64_t keep_seconds = 0);
  ~Scheduler();

  /// Starts the timer loop (from any thread; the work runs on the writer).
  void start();

  /// After a commit: pokes only when a job was written since the last look or the next one is due
  /// by the clock already; on the writer.
  void notice_commit();

  /// Stops the loop; on the writer.
  void stop();

 private:
  asio::awaitable<void> run();
  /// Looks at the next due time again now, without waiting out the timer; on the writer.
  void poke();

  asio::any_io_executor writer_;
  store::Database& db_;
  store::Jobs jobs_;
  EventProcessor& processor_;
  const Clock& clock_;
  std::function<void(const DueJobsOutcome&)> on_run_;
  RecordPruner pruner_;
  std::shared_ptr<spdlog::logger> log_;
  asio::steady_timer timer_;
  bool stopped_ = false;
  bool poked_ = false;
  std::uint64_t job_writes_seen_ = 0;          ///< store::Database::job_writes() at the last look
  std::optional<std::int64_t> next_due_seen_;  ///< the next due time it read then
};

}  // namespace whistle::bot
