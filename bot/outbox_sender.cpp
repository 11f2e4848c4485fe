#include "bot/outbox_sender.hpp"

#include <algorithm>

#include <spdlog/logger.h>
#include <boost/asio/bind_cancellation_slot.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/post.hpp>

#include "bot/adapters/adapter.hpp"
#include "bot/adapters/adapter_set.hpp"
#include "bot/clock.hpp"
#include "bot/http_client.hpp"
#include "bot/logging.hpp"
#include "bot/metrics.hpp"
#include "bot/spawn.hpp"

namespace whistle::bot {

namespace {

using std::chrono::steady_clock;

// Even with nothing due, look again now and then: a message queued by another process (the CLI on
// the same database) or a clock jump is noticed within this.
constexpr std::chrono::seconds kLongestWait{60};

// While every due chat already has a delivery in flight, their completion wakes the sender; this
// is only the fallback.
constexpr std::chrono::seconds kBusyWait{1};

// After the store failed, how long the sender waits before looking at the queue again.
constexpr std::chrono::seconds kStorageRetryWait{1};

// How many due chat heads to read per pass.
constexpr std::size_t kDueBatch = 256;

// The gap a platform's limits require between two sends to one chat; zero for none.
std::chrono::milliseconds send_spacing(const SendLimits& limits) {
  std::chrono::milliseconds spacing{0};
  if (limits.per_chat_per_second > 0) spacing = std::chrono::milliseconds(1000 / limits.per_chat_per_second);
  if (limits.per_chat_per_minute > 0) {
    spacing = std::max(spacing, std::chrono::milliseconds(60'000 / limits.per_chat_per_minute));
  }
  return spacing;
}

}  // namespace

OutboxSender::OutboxSender(asio::any_io_executor writer, store::Database& db, const AdapterSet& adapters,
                           const Clock& clock, Metrics& metrics, OutboxSenderOptions options)
    : writer_(std::move(writer)),
      outbox_(db),
      adapters_(adapters),
      clock_(clock),
      metrics_(metrics),
      options_(options),
      log_(named_logger("outbox")),
      timer_(writer_) {}

OutboxSender::~OutboxSender() = default;

void OutboxSender::start() {
  asio::co_spawn(writer_, run(), LogEscapedException{log_, "outbox sender"});
}

void OutboxSender::wake() {
  wake_pending_ = true;
  timer_.cancel();
}

void OutboxSender::stop() {
  stopped_ = true;
  timer_.cancel();
  for (auto& [id, signal] : cancels_)
    signal->emit(asio::cancellation_type::terminal);
}

asio::awaitable<void> OutboxSender::run() {
  while (!stopped_) {
    wake_pending_ = false;
    steady_clock::duration wait = kStorageRetryWait;
    try {
      wait = start_due_deliveries();
    } catch (const std::exception& error) {
      // The database failed (disk full, read-only): nothing was sent or marked. Try again soon;
      // the queue is intact and the sender must outlive the failure.
      log_->error("outbox unavailable, retrying in {} ms: {}",
                  std::chrono::duration_cast<std::chrono::milliseconds>(kStorageRetryWait).count(),
                  error.what());
    }
    // A wake-up that came while we looked (it cannot, on one strand, but cheap to honour) or
    // one that arrives while we wait both cut the wait short; cancellation is how they do it.
    if (wake_pending_) continue;
    timer_.expires_after(wait);
    [[maybe_unused]] auto [ec] = co_await timer_.async_wait(use_nothrow);
  }
}

steady_clock::duration OutboxSender::start_due_deliveries() {
  record_unrecorded();
  const std::int64_t now = clock_.now();
  const steady_clock::time_point steady_now = steady_clock::now();
  steady_clock::duration wait = kLongestWait;

  for (const store::OutboxMessage& message : outbox_.due(now, kDueBatch)) {
    if (in_flight_chats_.size() >= options_.max_in_flight) break;
    // The chat's head is already on its way: its successor waits, so the chat keeps its order.
    if (in_flight_chats_.contains(message.chat)) continue;
    if (const auto allowed = next_allowed_.find(message.chat); allowed != next_allowed_.end()) {
      if (allowed->second > steady_now) {
        wait = std::min(wait, allowed->second - steady_now);
        continue;
      }
      next_allowed_.erase(allowed);
    }
    const Adapter* adapter = adapters_.sender_for(message.chat);
    std::optional<OutboundRequest> request;
    if (adapter != nullptr) request = adapter->build_send(message);
    if (!request) {
      // Nothing configured can send to this chat; it stays queued (visible in the backlog) and is
      // looked at again after the longest backoff, in case the configuration changes.
      log_->warn("no way to send id={} chat={} (no adapter with a send URL for its platform)", message.id,
                 message.chat);
      outbox_.mark_failed(message.id, now + options_.max_backoff_seconds);
      metrics_.count_delivery(false);
      continue;
    }
    in_flight_chats_.insert(message.chat);
    auto& signal = cancels_[message.id];
    signal = std::make_unique<asio::cancellation_signal>();
    asio::co_spawn(
        writer_, deliver(message, std::move(*request), adapter),
        asio::bind_cancellation_slot(signal->slot(), LogEscapedException{log_, "outbox delivery"}));
  }

  metrics_.set_outbox_backlog(outbox_.backlog());
  if (const std::optional<std::int64_t> next = outbox_.next_attempt_at()) {
    if (*next > now) {
      wait = std::min<steady_clock::duration>(wait, std::chrono::seconds(*next - now));
    } else {
      wait = std::min<steady_clock::duration>(wait, kBusyWait);
    }
  }
  return wait;
}

asio::awaitable<void> OutboxSender::deliver(store::OutboxMessage message, OutboundRequest request,
                                            const Adapter* adapter) {
  const HttpClientResult result = co_await send_http_request(std::move(request), options_.request_timeout);
  if (stopped_) {
    // Shutting down: the message stays queued as it was and goes out after the restart (the
    // receiver drops a repeat by X-Whistle-Delivery if this attempt did arrive).
    cancels_.erase(message.id);
    in_flight_chats_.erase(message.chat);
    co_return;
  }
  const bool sent = result.error.empty() && adapter->delivered(result.status, result.body);
  if (!sent) {
    log_->warn("delivery failed id={} chat={} attempt={} status={} error={}", message.id, message.chat,
               message.attempts + 1, result.status, result.error.empty() ? "-" : result.error);
  } else if (log_->should_log(spdlog::level::debug)) {
    log_->debug("delivered id={} chat={} status={}", message.id, message.chat, result.status);
  }
  finish(message, adapter, sent);
}

void OutboxSender::finish(const store::OutboxMessage& message, const Adapter* adapter, bool sent) {
  cancels_.erase(message.id);
  in_flight_chats_.erase(message.chat);
  const std::int64_t now = clock_.now();
  Outcome outcome{sent, now};
  if (sent) {
    const std::chrono::milliseconds spacing = send_spacing(adapter->send_limits());
    if (spacing.count() > 0) next_allowed_[message.chat] = steady_clock::now() + spacing;
  } else {
    // 1 s, 2 s, 4 s, … doubling with each failed attempt, capped.
    const int doublings = std::min(message.attempts, 30);
    outcome.at = now + std::min<std::int64_t>(options_.max_backoff_seconds, std::int64_t{1} << doublings);
  }
  unrecorded_[message.id] = outcome;
  try {
    record_unrecorded();
  } catch (const std::exception& error) {
    // The database failed (disk full, read-only). The outcome waits in memory, and nothing more
    // is sent until it is recorded; only if the process dies first does the message go out again
    // after the restart, and the receiver drops that repeat by its X-Whistle-Delivery id.
    log_->error("could not record delivery id={} sent={}: {}", message.id, sent, error.what());
  }
  metrics_.count_delivery(sent);
  // The chat's next message (or a retry) may now be due.
  wake();
}

void OutboxSender::record_unrecorded() {
  while (!unrecorded_.empty()) {
    const auto& [id, outcome] = *unrecorded_.begin();
    if (outcome.sent) {
      outbox_.mark_sent(id, outcome.at);
    } else {
      outbox_.mark_failed(id, outcome.at);
    }
    unrecorded_.erase(unrecorded_.begin());
  }
}

}  // namespace whistle::bot
