#include "bot/pipeline.hpp"

#include <algorithm>
#include <exception>
#include <iterator>

#include <spdlog/logger.h>
#include <boost/asio/associated_executor.hpp>
#include <boost/asio/async_result.hpp>
#include <boost/asio/post.hpp>

#include "bot/logging.hpp"
#include "bot/metrics.hpp"

namespace whistle::bot {

namespace {

// The initiation of submit() as a named function object: g++ 12 miscompiles a capturing lambda
// inside a co_await expression (conventions.md, "Async").
struct SubmitInitiation {
  Pipeline* pipeline;

  template <typename Handler>
  void operator()(Handler&& handler, std::vector<InboundEvent> events) const {
    // The handler's own executor is taken while its type is still known: the type-erased
    // handler's executor cannot be posted to.
    asio::any_io_executor executor = asio::get_associated_executor(handler, pipeline->writer());
    pipeline->enqueue(std::move(events), Pipeline::Handler(std::forward<Handler>(handler)),
                      std::move(executor));
  }
};

}  // namespace

Pipeline::Pipeline(asio::any_io_executor writer, Apply apply, Metrics& metrics, PipelineOptions options)
    : writer_(std::move(writer)),
      apply_(std::move(apply)),
      metrics_(metrics),
      log_(named_logger("pipeline")),
      steady_now_(std::move(options.steady_now)),
      linger_(options.linger),
      linger_timer_(writer_) {}

Pipeline::~Pipeline() = default;

asio::awaitable<SubmitResult> Pipeline::submit(std::vector<InboundEvent> events) {
  SubmitResult result = co_await asio::async_initiate<const asio::use_awaitable_t<>&, void(SubmitResult)>(
      SubmitInitiation{this}, asio::use_awaitable, std::move(events));
  co_return result;
}

void Pipeline::enqueue(std::vector<InboundEvent> events, Handler handler, asio::any_io_executor executor) {
  metrics_.add_writer_queue(static_cast<std::int64_t>(events.size()));
  bool post_flush = false;
  bool cut_linger = false;
  {
    const std::lock_guard lock(mutex_);
    waiters_.push_back(Waiter{std::move(handler), std::move(executor), events.size()});
    for (InboundEvent& event : events)
      pending_.push_back(std::move(event));
    if (!flush_scheduled_) {
      // The first event into an empty queue posts the flush. With one thread it runs after the
      // handlers already queued in this round (the other requests read with this one); with a
      // writer thread of its own, after the batch it is applying now. Either way everything that
      // came meanwhile shares one commit.
      flush_scheduled_ = true;
      post_flush = true;
    } else if (linger_target_ != 0 && pending_.size() >= linger_target_) {
      // The lingering flush has what it waited for: it need not wait out its timer.
      linger_target_ = 0;
      cut_linger = true;
    }
  }
  if (post_flush) asio::post(writer_, [this] { flush(); });
  if (cut_linger) asio::post(writer_, [this] { linger_timer_.cancel(); });
}

void Pipeline::flush() {
  const std::chrono::steady_clock::time_point now = steady_now_();
  std::vector<InboundEvent> events;
  std::vector<Waiter> waiters;
  {
    const std::lock_guard lock(mutex_);
    if (!lingered_) {
      const Linger::Decision decision = linger_.decide(pending_.size(), now);
      if (decision.wait.count() > 0) {
        // Few events while they arrive fast: wait for more, once, until the timer or the target.
        // A cancelled wait (the target reached) flushes as well.
        lingered_ = true;
        linger_target_ = decision.target;
        linger_timer_.expires_after(decision.wait);
        linger_timer_.async_wait([this](const boost::system::error_code&) { flush(); });
        return;
      }
    }
    lingered_ = false;
    linger_target_ = 0;
    flush_scheduled_ = false;
    events.swap(pending_);
    waiters.swap(waiters_);
    // Room for a batch like this one: the sessions then move their events in without the queue
    // growing (and moving every event already in it) five times a batch.
    pending_.reserve(events.size());
    waiters_.reserve(waiters.size());
  }
  linger_.taken(events.size(), now);
  metrics_.add_writer_queue(-static_cast<std::int64_t>(events.size()));

  SubmitResult batch;
  try {
    batch.outcomes = apply_(events);
    batch.committed = true;
  } catch (const std::exception& error) {
    // Nothing of the batch is stored; every waiter answers with an error and the platforms
    // redeliver, which the inbox makes harmless.
    log_->error("batch commit failed events={} error={}", events.size(), error.what());
  }
  ++batches_;
  linger_.finished(steady_now_());

  BatchStats stats;
  stats.events = events.size();
  if (batch.committed) {
    std::size_t duplicates = 0;
    std::size_t failed = 0;
    for (const EventOutcome& outcome : batch.outcomes) {
      if (outcome.status == EventOutcome::Status::applied) ++stats.applied;
      stats.queued += outcome.queued;
      if (outcome.status == EventOutcome::Status::duplicate) ++duplicates;
      if (outcome.status == EventOutcome::Status::failed || outcome.status == EventOutcome::Status::undone)
        ++failed;
    }
    metrics_.count_batch(events.size(), stats.applied, duplicates, failed);
  }

  const bool committed = batch.committed;
  answer_waiters(std::move(waiters), std::move(events), std::move(batch));
  if (committed && on_commit_) on_commit_(stats);
}

void Pipeline::answer_waiters(std::vector<Waiter> waiters, std::vector<InboundEvent> events,
                              SubmitResult batch) {
  // One post per executor, not one per waiter. Each post into an io_context whose thread sleeps
  // in epoll wakes it (an epoll_ctl and a futex wake on this side, a wake-up on the other): per
  // waiter, that was two system calls on the writer's thread and a context switch for every
  // request. Posted, not dispatched: the sessions resume on their own executor, never inside
  // this flush. Their order within one executor is the batch's. With several network threads one
  // of them resumes the batch's sessions, each only as far as its next write.
  //
  // The events go back with the answers: their strings were allocated on the sessions' thread, and
  // mimalloc frees a block fastest on the thread that allocated it (from another, the free is an
  // atomic push the owner collects later). What that saves is below this host's noise
  // (bench/README.md, 2026-12-03 10:05 UTC): it is kept for the reason, not for a number.
  std::vector<Answers> deliveries;
  std::vector<std::size_t> delivery_of;  // per waiter, its executor's place in `deliveries`
  delivery_of.reserve(waiters.size());
  auto next = std::make_move_iterator(batch.outcomes.begin());
  for (Waiter& waiter : waiters) {
    SubmitResult result;
    result.committed = batch.committed;
    if (batch.committed) {
      const auto end = next + static_cast<std::ptrdiff_t>(waiter.count);
      result.outcomes.assign(next, end);
      next = end;
    }
    auto same = std::find_if(deliveries.begin(), deliveries.end(), [&waiter](const Answers& answers) {
      return answers.executor == waiter.executor;
    });
    if (same == deliveries.end())
      same = deliveries.insert(deliveries.end(), Answers{std::move(waiter.executor), {}, {}});
    same->answers.emplace_back(std::move(waiter.handler), std::move(result));
    delivery_of.push_back(static_cast<std::size_t>(same - deliveries.begin()));
  }
  // One network thread: the batch's events go back whole. Several: each its sessions' share.
  if (deliveries.size() == 1) {
    deliveries.front().spent = std::move(events);
  } else {
    auto next_event = std::make_move_iterator(events.begin());
    for (std::size_t i = 0; i < waiters.size(); ++i) {
      const auto end = next_event + static_cast<std::ptrdiff_t>(waiters[i].count);
      std::vector<InboundEvent>& spent = deliveries[delivery_of[i]].spent;
      spent.insert(spent.end(), next_event, end);
      next_event = end;
    }
  }
  for (Answers& delivery : deliveries) {
    asio::any_io_executor executor = delivery.executor;
    // The delivery's events are freed with it, on that executor's thread.
    asio::post(executor, [delivery = std::move(delivery)]() mutable {
      // A handler that throws must not leave the others of the batch waiting for ever: they are
      // all resumed, and the first exception then goes on to the io_context as before.
      std::exception_ptr first_error;
      for (auto& [handler, result] : delivery.answers) {
        try {
          std::move(handler)(std::move(result));
        } catch (...) {
          if (!first_error) first_error = std::current_exception();
        }
      }
      if (first_error) std::rethrow_exception(first_error);
    });
  }
}

}  // namespace whistle::bot
