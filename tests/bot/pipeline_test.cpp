// The single writer's queue: what is submitted together is committed together, a lone event is
// flushed without waiting, a lingering flush is cut short by the events it waits for, a failed
// commit answers every waiter of its batch, and sessions on another thread than the writer are
// answered on their own executor. The batch is applied by a fake: these tests are about the queue.
#include "bot/pipeline.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <optional>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>

#include "bot/metrics.hpp"

namespace whistle::bot {
namespace {

InboundEvent pipeline_event(const std::string& key) {
  InboundEvent event;
  event.dedupe_key = key;
  return event;
}

// A fake writer: records each batch's keys, answers each event with `queued` = its place in the
// batch (so a test can see which outcome went to whom), or throws when told to.
class PipelineTest : public ::testing::Test {
 protected:
  using Time = std::chrono::steady_clock::time_point;

  Pipeline make_pipeline(asio::any_io_executor writer, LingerOptions linger = {}) {
    PipelineOptions options;
    options.linger = linger;
    options.steady_now = [this] { return now_; };
    return Pipeline(
        std::move(writer),
        [this](std::span<const InboundEvent> events) {
          if (fail_) throw std::runtime_error("disk I/O error");
          std::vector<std::string>& keys = applied_.emplace_back();
          std::vector<EventOutcome> outcomes(events.size());
          for (std::size_t i = 0; i < events.size(); ++i) {
            keys.push_back(events[i].dedupe_key);
            outcomes[i].queued = i;
          }
          return outcomes;
        },
        metrics_, options);
  }

  // Submits `keys` as one request; the result lands in `results_[slot]`.
  void submit(asio::io_context& io, Pipeline& pipeline, std::vector<std::string> keys) {
    const std::size_t slot = results_.size();
    results_.emplace_back();
    std::vector<InboundEvent> events;
    for (const std::string& key : keys)
      events.push_back(pipeline_event(key));
    asio::co_spawn(io, run_submit(pipeline, std::move(events), slot), asio::detached);
  }

  asio::awaitable<void> run_submit(Pipeline& pipeline, std::vector<InboundEvent> events, std::size_t slot) {
    SubmitResult result = co_await pipeline.submit(std::move(events));
    results_[slot] = std::move(result);
  }

  // Runs what is ready now; the io_context stops whenever it runs out of work, so it is restarted.
  static void run_ready(asio::io_context& io) {
    io.restart();
    io.poll();
  }

  Metrics metrics_;
  Time now_ = Time{} + std::chrono::hours(1);
  bool fail_ = false;
  std::vector<std::vector<std::string>> applied_;
  std::vector<std::optional<SubmitResult>> results_;
};

TEST_F(PipelineTest, RequestsReadInOneRoundShareOneCommit) {
  asio::io_context io;
  Pipeline pipeline = make_pipeline(io.get_executor());
  std::size_t commits = 0;
  pipeline.on_commit([&commits](const Pipeline::BatchStats& stats) {
    ++commits;
    EXPECT_EQ(stats.events, 4u);
  });
  submit(io, pipeline, {"a"});
  submit(io, pipeline, {"b", "c"});
  submit(io, pipeline, {"d"});
  io.run();

  EXPECT_EQ(pipeline.batches(), 1u);
  EXPECT_EQ(commits, 1u);
  ASSERT_EQ(applied_.size(), 1u);
  EXPECT_EQ(applied_[0], (std::vector<std::string>{"a", "b", "c", "d"}));
  // Each request gets its own events' outcomes, in order.
  ASSERT_TRUE(results_[1] && results_[1]->committed);
  ASSERT_EQ(results_[1]->outcomes.size(), 2u);
  EXPECT_EQ(results_[1]->outcomes[0].queued, 1u);
  EXPECT_EQ(results_[1]->outcomes[1].queued, 2u);
  ASSERT_TRUE(results_[2] && results_[2]->committed);
  EXPECT_EQ(results_[2]->outcomes.at(0).queued, 3u);
  EXPECT_EQ(metrics_.writer_queue(), 0);
}

TEST_F(PipelineTest, ALoneEventIsFlushedWithoutWaiting) {
  asio::io_context io;
  // A bound of an hour: had the flush waited, poll() would come back with nothing answered.
  Pipeline pipeline = make_pipeline(io.get_executor(), LingerOptions{.max_wait = std::chrono::hours(1)});
  submit(io, pipeline, {"first"});
  run_ready(io);
  ASSERT_TRUE(results_[0] && results_[0]->committed);

  // Another lone event, long after: the server was idle, so it does not wait either.
  now_ += std::chrono::hours(2);
  submit(io, pipeline, {"second"});
  run_ready(io);
  ASSERT_TRUE(results_[1] && results_[1]->committed);
  EXPECT_EQ(pipeline.batches(), 2u);
}

TEST_F(PipelineTest, ALingeringFlushGoesAsSoonAsItsBatchIsFull) {
  asio::io_context io;
  // One event every 25 s is, against a bound of an hour, fast: the pipeline lingers for more.
  Pipeline pipeline =
      make_pipeline(io.get_executor(), LingerOptions{.max_wait = std::chrono::hours(1), .enough = 4});
  submit(io, pipeline, {"warm-1"});
  run_ready(io);
  now_ += std::chrono::seconds(25);
  submit(io, pipeline, {"warm-2"});
  run_ready(io);
  ASSERT_EQ(pipeline.batches(), 2u);

  now_ += std::chrono::seconds(5);
  submit(io, pipeline, {"a"});
  run_ready(io);
  EXPECT_FALSE(results_[2].has_value());  // held back
  EXPECT_EQ(pipeline.batches(), 2u);
  submit(io, pipeline, {"b", "c"});
  submit(io, pipeline, {"d"});
  run_ready(io);

  EXPECT_EQ(pipeline.batches(), 3u);
  ASSERT_EQ(applied_.size(), 3u);
  EXPECT_EQ(applied_[2], (std::vector<std::string>{"a", "b", "c", "d"}));
  ASSERT_TRUE(results_[2] && results_[2]->committed);
  ASSERT_TRUE(results_[4] && results_[4]->committed);
}

TEST_F(PipelineTest, AFailedCommitAnswersTheWholeBatch) {
  asio::io_context io;
  Pipeline pipeline = make_pipeline(io.get_executor());
  bool committed = false;
  pipeline.on_commit([&committed](const Pipeline::BatchStats&) { committed = true; });
  fail_ = true;
  submit(io, pipeline, {"a"});
  submit(io, pipeline, {"b", "c"});
  io.run();

  EXPECT_EQ(pipeline.batches(), 1u);
  EXPECT_FALSE(committed);
  for (const std::optional<SubmitResult>& result : results_) {
    ASSERT_TRUE(result.has_value());
    EXPECT_FALSE(result->committed);
    EXPECT_TRUE(result->outcomes.empty());
  }
  EXPECT_EQ(metrics_.writer_queue(), 0);
}

TEST_F(PipelineTest, SessionsOnAnotherThreadAreAnsweredOnTheirOwn) {
  asio::io_context network;
  asio::io_context store;
  auto busy = asio::make_work_guard(store);
  std::thread writer([&store] { store.run(); });
  Pipeline pipeline = make_pipeline(store.get_executor());
  constexpr int kRequests = 200;
  std::atomic<int> on_network{0};
  for (int i = 0; i < kRequests; ++i) {
    asio::co_spawn(
        network,
        [&, i]() -> asio::awaitable<void> {
          std::vector<InboundEvent> events;
          events.push_back(pipeline_event("k" + std::to_string(i)));
          SubmitResult result = co_await pipeline.submit(std::move(events));
          if (result.committed && network.get_executor().running_in_this_thread()) ++on_network;
        },
        asio::detached);
  }
  network.run();
  busy.reset();
  writer.join();

  EXPECT_EQ(on_network.load(), kRequests);
  std::size_t applied = 0;
  for (const std::vector<std::string>& batch : applied_)
    applied += batch.size();
  EXPECT_EQ(applied, static_cast<std::size_t>(kRequests));
}

TEST_F(PipelineTest, ABatchAnswersTheSessionsOfOneExecutorWithOnePost) {
  // Each post into a sleeping io_context wakes its thread; a batch of many requests must not
  // wake the network once per request.
  asio::io_context network;
  asio::io_context store;
  Pipeline pipeline = make_pipeline(store.get_executor());
  submit(network, pipeline, {"a"});
  submit(network, pipeline, {"b", "c"});
  submit(network, pipeline, {"d"});
  run_ready(network);  // the sessions queue their events
  run_ready(store);    // the writer commits them as one batch
  ASSERT_EQ(pipeline.batches(), 1u);
  for (const std::optional<SubmitResult>& result : results_)
    EXPECT_FALSE(result.has_value());

  network.restart();
  EXPECT_EQ(network.poll_one(), 1u);
  for (const std::optional<SubmitResult>& result : results_)
    ASSERT_TRUE(result && result->committed);
  EXPECT_EQ(results_[1]->outcomes.at(1).queued, 2u);
  EXPECT_EQ(results_[2]->outcomes.at(0).queued, 3u);
}

TEST_F(PipelineTest, SessionsOfTwoNetworkThreadsShareABatchEachWithItsOwnAnswers) {
  // With several network threads, one batch holds sessions of each: every executor gets one post
  // with its own sessions' outcomes (and their events, to be freed there), in the batch's order.
  asio::io_context first;
  asio::io_context second;
  asio::io_context store;
  Pipeline pipeline = make_pipeline(store.get_executor());
  submit(first, pipeline, {"a"});
  submit(second, pipeline, {"b", "c"});
  submit(first, pipeline, {"d"});
  submit(second, pipeline, {"e"});
  run_ready(first);
  run_ready(second);
  run_ready(store);
  ASSERT_EQ(pipeline.batches(), 1u);
  ASSERT_EQ(applied_.at(0), (std::vector<std::string>{"a", "d", "b", "c", "e"}));

  first.restart();
  EXPECT_EQ(first.poll_one(), 1u);
  ASSERT_TRUE(results_[0] && results_[2]);
  EXPECT_FALSE(results_[1] || results_[3]);  // the second thread's sessions wait for its own post
  EXPECT_EQ(results_[0]->outcomes.at(0).queued, 0u);
  EXPECT_EQ(results_[2]->outcomes.at(0).queued, 1u);

  second.restart();
  EXPECT_EQ(second.poll_one(), 1u);
  ASSERT_TRUE(results_[1] && results_[3]);
  ASSERT_EQ(results_[1]->outcomes.size(), 2u);
  EXPECT_EQ(results_[1]->outcomes[0].queued, 2u);
  EXPECT_EQ(results_[1]->outcomes[1].queued, 3u);
  EXPECT_EQ(results_[3]->outcomes.at(0).queued, 4u);
}

TEST_F(PipelineTest, AThrowingSessionDoesNotStrandTheRestOfItsBatch) {
  asio::io_context network;
  asio::io_context store;
  Pipeline pipeline = make_pipeline(store.get_executor());
  std::vector<bool> answered(3, false);
  for (std::size_t i = 0; i < answered.size(); ++i) {
    std::vector<InboundEvent> events;
    events.push_back(pipeline_event("k" + std::to_string(i)));
    pipeline.enqueue(std::move(events), Pipeline::Handler([&answered, i](SubmitResult) {
                       answered[i] = true;
                       if (i == 0) throw std::runtime_error("a session's bug");
                     }),
                     network.get_executor());
  }
  run_ready(store);
  network.restart();
  EXPECT_THROW(network.poll(), std::runtime_error);
  EXPECT_EQ(answered, (std::vector<bool>{true, true, true}));
}

}  // namespace
}  // namespace whistle::bot
