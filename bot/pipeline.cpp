#include "bot/pipeline.hpp"

#include <exception>

#include <spdlog/logger.h>
#include <boost/asio/associated_executor.hpp>
#include <boost/asio/async_result.hpp>
#include <boost/asio/dispatch.hpp>
#include <boost/asio/post.hpp>

#include "bot/event_processor.hpp"
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
    pipeline->start_submit(std::move(events), Pipeline::Handler(std::forward<Handler>(handler)),
                           std::move(executor));
  }
};

}  // namespace

Pipeline::Pipeline(asio::any_io_executor writer, EventProcessor& processor, Metrics& metrics)
    : writer_(std::move(writer)), processor_(processor), metrics_(metrics), log_(named_logger("pipeline")) {}

Pipeline::~Pipeline() = default;

asio::awaitable<SubmitResult> Pipeline::submit(std::vector<InboundEvent> events) {
  SubmitResult result = co_await asio::async_initiate<const asio::use_awaitable_t<>&, void(SubmitResult)>(
      SubmitInitiation{this}, asio::use_awaitable, std::move(events));
  co_return result;
}

void Pipeline::start_submit(std::vector<InboundEvent> events, Handler handler,
                            asio::any_io_executor executor) {
  metrics_.add_writer_queue(static_cast<std::int64_t>(events.size()));
  // With one thread the writer is the io_context itself and this runs inline; with more, it hops
  // onto the writer's strand.
  asio::dispatch(writer_, [this, events = std::move(events), handler = std::move(handler),
                           executor = std::move(executor)]() mutable {
    accept(std::move(events), std::move(handler), std::move(executor));
  });
}

void Pipeline::accept(std::vector<InboundEvent> events, Handler handler, asio::any_io_executor executor) {
  Waiter waiter{std::move(handler), std::move(executor), pending_.size(), events.size()};
  for (InboundEvent& event : events)
    pending_.push_back(std::move(event));
  waiters_.push_back(std::move(waiter));
  // The first submission of a round posts the flush; it runs after the handlers already queued in
  // this round (the other requests read together with this one), so they share one commit.
  if (!flush_posted_) {
    flush_posted_ = true;
    asio::post(writer_, [this] { flush(); });
  }
}

void Pipeline::flush() {
  flush_posted_ = false;
  std::vector<InboundEvent> events = std::move(pending_);
  std::vector<Waiter> waiters = std::move(waiters_);
  pending_.clear();
  waiters_.clear();
  metrics_.add_writer_queue(-static_cast<std::int64_t>(events.size()));

  SubmitResult batch;
  try {
    batch.outcomes = processor_.apply(events);
    batch.committed = true;
  } catch (const std::exception& error) {
    // Nothing of the batch is stored; every waiter answers with an error and the platforms
    // redeliver, which the inbox makes harmless.
    log_->error("batch commit failed events={} error={}", events.size(), error.what());
  }
  ++batches_;

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

  for (Waiter& waiter : waiters) {
    SubmitResult result;
    result.committed = batch.committed;
    if (batch.committed) {
      const auto first = batch.outcomes.begin() + static_cast<std::ptrdiff_t>(waiter.first);
      result.outcomes.assign(std::make_move_iterator(first),
                             std::make_move_iterator(first + static_cast<std::ptrdiff_t>(waiter.count)));
    }
    // Posted, not dispatched: the session resumes after this flush, never inside it.
    asio::post(waiter.executor, [handler = std::move(waiter.handler), result = std::move(result)]() mutable {
      std::move(handler)(std::move(result));
    });
  }

  if (batch.committed && on_commit_) on_commit_(stats);
}

}  // namespace whistle::bot
