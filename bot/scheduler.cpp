#include "bot/scheduler.hpp"

#include <algorithm>
#include <exception>

#include <spdlog/logger.h>
#include <boost/asio/co_spawn.hpp>

#include "bot/clock.hpp"
#include "bot/event_processor.hpp"
#include "bot/logging.hpp"
#include "bot/spawn.hpp"

namespace whistle::bot {

namespace {

// Look again at least this often, so a job written by another process or a clock jump is noticed.
constexpr std::int64_t kLongestWaitSeconds = 60;

// After a failed run, wait this long before trying again rather than spinning on the writer.
constexpr std::int64_t kRetryAfterFailureSeconds = 5;

}  // namespace

Scheduler::Scheduler(asio::any_io_executor writer, store::Database& db, EventProcessor& processor,
                     const Clock& clock, std::function<void(const DueJobsOutcome&)> on_run,
                     std::int64_t keep_seconds)
    : writer_(std::move(writer)),
      db_(db),
      jobs_(db),
      processor_(processor),
      clock_(clock),
      on_run_(std::move(on_run)),
      pruner_(db, keep_seconds),
      log_(named_logger("pipeline")),
      timer_(writer_) {}

Scheduler::~Scheduler() = default;

void Scheduler::start() {
  asio::co_spawn(writer_, run(), LogEscapedException{log_, "scheduler"});
}

void Scheduler::poke() {
  poked_ = true;
  timer_.cancel();
}

void Scheduler::notice_commit() {
  // A job written since (it may be due earlier), or one already due by the clock that the timer
  // has not fired for yet (a clock that jumps, as the tests' does, or a timer about to fire).
  const bool due_now = next_due_seen_ && *next_due_seen_ <= clock_.now();
  if (db_.job_writes() != job_writes_seen_ || due_now) poke();
}

void Scheduler::stop() {
  stopped_ = true;
  timer_.cancel();
}

asio::awaitable<void> Scheduler::run() {
  std::int64_t last_run_at = -1;
  while (!stopped_) {
    poked_ = false;
    const std::int64_t now = clock_.now();
    std::int64_t wait = kLongestWaitSeconds;
    try {
      job_writes_seen_ = db_.job_writes();
      const std::optional<std::int64_t> next = jobs_.next_due();
      next_due_seen_ = next;
      // One run per clock second at most: run_due_jobs carries out everything due, so a job still
      // due afterwards in the same second would only make the loop spin.
      if (next && *next <= now && now != last_run_at) {
        last_run_at = now;
        const DueJobsOutcome outcome = processor_.run_due_jobs(now);
        if (on_run_) on_run_(outcome);
        continue;
      }
      if (next) wait = std::clamp<std::int64_t>(*next - now, 1, kLongestWaitSeconds);
      // Between runs of jobs, never inside one: a pass is its own short transaction.
      pruner_.run_if_due(now);
    } catch (const std::exception& error) {
      log_->error("due jobs failed at={} error={}", now, error.what());
      wait = kRetryAfterFailureSeconds;
    }
    if (poked_) continue;
    timer_.expires_after(std::chrono::seconds(wait));
    [[maybe_unused]] auto [ec] = co_await timer_.async_wait(use_nothrow);
  }
}

}  // namespace whistle::bot
