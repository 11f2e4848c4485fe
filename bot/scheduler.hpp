#pragma once

#include <cstdint>
#include <functional>
#include <memory>

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/steady_timer.hpp>

#include "bot/net.hpp"
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
/// minute. Runs on the writer executor, so jobs are serialised with event batches.
class Scheduler {
 public:
  /// Uses `db` and `processor` only on `writer`; `on_queued` runs there after jobs queued messages.
  Scheduler(asio::any_io_executor writer, store::Database& db, EventProcessor& processor, const Clock& clock,
            std::function<void()> on_queued);
  ~Scheduler();

  /// Starts the timer loop (from any thread; the work runs on the writer).
  void start();

  /// Looks at the next due time again (a commit may have scheduled an earlier job); on the writer.
  void poke();

  /// Stops the loop; on the writer.
  void stop();

 private:
  asio::awaitable<void> run();

  asio::any_io_executor writer_;
  store::Jobs jobs_;
  EventProcessor& processor_;
  const Clock& clock_;
  std::function<void()> on_queued_;
  std::shared_ptr<spdlog::logger> log_;
  asio::steady_timer timer_;
  bool stopped_ = false;
  bool poked_ = false;
};

}  // namespace whistle::bot
