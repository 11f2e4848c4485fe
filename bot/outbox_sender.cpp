#include "bot/outbox_sender.hpp"

#include <algorithm>
#include <typeinfo>

#include <spdlog/logger.h>
#include <boost/asio/bind_cancellation_slot.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/post.hpp>

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

// The key an instance's own pace is kept under (a chat id never starts with '/').
std::string instance_key(const Adapter& adapter) {
  return "/" + std::string(adapter.platform()) + "/" + std::string(adapter.instance());
}

// A delivery's completion handler. Its coroutine is bound to a cancellation signal (so stop() can
// cut a request short), and asio requires that signal to outlive the coroutine: the coroutine's
// own unwinding, after `finish` has dropped the signal from `cancels_`, still clears the slot. This
// keeps the last reference and lets it go in a handler of its own, once the coroutine is gone.
// Without it, a delivery that finished without I/O (an adapter deciding at once) completed through
// freed memory.
struct DeliveryDone {
  LogEscapedException log;
  asio::any_io_executor writer;
  std::shared_ptr<asio::cancellation_signal> signal;

  void operator()(std::exception_ptr error) {
    log(error);
    asio::post(writer, [keep = std::move(signal)] {});
  }
};

}  // namespace

OutboxSender::OutboxSender(asio::any_io_executor writer, store::Database& db, const AdapterSet& adapters,
                           const HttpClient& http, const Clock& clock, Metrics& metrics,
                           OutboxSenderOptions options)
    : writer_(std::move(writer)),
      queue_(db),
      adapters_(adapters),
      http_(http),
      clock_(clock),
      metrics_(metrics),
      options_(std::move(options)),
      log_(named_logger("outbox")),
      timer_(writer_),
      pacer_(options_.steady_now) {}

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
  cancelled_ = true;
  timer_.cancel();
  if (grace_timer_) grace_timer_->cancel();
  for (auto& [id, signal] : cancels_)
    signal->emit(asio::cancellation_type::terminal);
}

void OutboxSender::stop_after_in_flight(steady_clock::duration grace, std::function<void()> done) {
  stopped_ = true;
  timer_.cancel();
  if (cancels_.empty()) {
    done();
    return;
  }
  log_->info("stopping after deliveries in flight={}", cancels_.size());
  stopped_done_ = std::move(done);
  grace_timer_ = std::make_unique<asio::steady_timer>(writer_, grace);
  grace_timer_->async_wait([this](const boost::system::error_code&) {
    // The grace ran out (or the last delivery finished and cut it short): what is still in
    // flight is cancelled and stays queued.
    if (!cancels_.empty())
      log_->warn("stop grace passed, deliveries cancelled in_flight={}", cancels_.size());
    stop();
    if (auto done_now = std::exchange(stopped_done_, nullptr)) done_now();
  });
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
  const steady_clock::time_point steady_now = pacer_.now();
  steady_clock::duration wait = kLongestWait;

  // One look at the queue for the whole pass: a pass runs for every message queued and every
  // delivery finished, and reads only what was queued since the last and the heads it may send
  // (store/outbox_queue). A chat with a delivery in flight is passed over unread.
  store::Outbox::Look queue =
      queue_.look(now, kDueBatch, [this](std::string_view chat) { return in_flight_chats_.contains(chat); });
  bool heads_moved = false;
  for (const store::OutboxMessage& message : queue.due) {
    if (in_flight_chats_.size() >= options_.max_in_flight) break;
    // The chat's head is already on its way: its successor waits, so the chat keeps its order.
    if (in_flight_chats_.contains(message.chat)) continue;
    const Adapter* adapter = adapters_.sender_for(message, now);
    if (adapter == nullptr) {
      // Nothing configured can send to this chat; it stays queued (visible in the backlog) and is
      // looked at again after the longest backoff, in case the configuration changes.
      log_->warn("no way to send id={} chat={} (no configured instance can send to it)", message.id,
                 message.chat);
      queue_.mark_failed(message.id, now + options_.max_backoff_seconds);
      metrics_.count_delivery(false);
      heads_moved = true;
      continue;
    }
    // The platform's pace, for the chat and for the instance as a whole.
    const SendLimits limits = adapter->send_limits_for(message);
    const std::string instance = instance_key(*adapter);
    const steady_clock::time_point allowed = std::max(pacer_.next_allowed(message.chat, limits.per_chat),
                                                      pacer_.next_allowed(instance, limits.per_instance));
    if (allowed > steady_now) {
      wait = std::min(wait, allowed - steady_now);
      continue;
    }
    // Counted when it leaves, not when it lands: a limit is on requests made.
    pacer_.record(message.chat, limits.per_chat);
    pacer_.record(instance, limits.per_instance);
    in_flight_chats_.insert(message.chat);
    auto signal = std::make_shared<asio::cancellation_signal>();
    cancels_[message.id] = signal;
    const asio::cancellation_slot slot = signal->slot();
    asio::co_spawn(writer_, deliver(message, adapter),
                   asio::bind_cancellation_slot(
                       slot, DeliveryDone{{log_, "outbox delivery"}, writer_, std::move(signal)}));
  }

  // A head set aside for later moved the next attempt: read it again (seldom: no way to send).
  if (heads_moved) queue = queue_.look(now, 0);
  metrics_.set_outbox_backlog(queue.backlog);
  if (const std::optional<std::int64_t> next = queue.next_attempt_at) {
    if (*next > now) {
      wait = std::min<steady_clock::duration>(wait, std::chrono::seconds(*next - now));
    } else {
      wait = std::min<steady_clock::duration>(wait, kBusyWait);
    }
  }
  return wait;
}

asio::awaitable<void> OutboxSender::deliver(store::OutboxMessage message, const Adapter* adapter) {
  // A token fetch, where the platform needs one, happens here; its failure is a verdict too.
  SendVerdict verdict;
  int status = 0;
  try {
    SendPlan plan = co_await adapter->prepare_send(message, http_, clock_.now());
    if (auto* request = std::get_if<OutboundRequest>(&plan)) {
      const HttpClientResult result =
          co_await http_.send(std::move(*request), options_.request_timeout, &connections_);
      status = result.status;
      verdict = adapter->read_send_answer(message, result);
    } else {
      verdict = std::get<SendVerdict>(std::move(plan));
    }
  } catch (const std::exception& error) {
    // An adapter that threw (an answer of an unexpected shape) must not leave the chat marked in
    // flight for ever. The exception's text may hold a URL with a key: only its type is logged.
    log_->error("delivery attempt threw id={} chat={} exception={}", message.id, message.chat,
                typeid(error).name());
    verdict = SendVerdict::retry("the adapter failed on this message");
  }
  if (cancelled_) {
    // Cut short by a stop: whether it arrived is not known, so the message stays queued as it
    // was and goes out after the restart (the generic receiver drops a repeat by
    // X-Whistle-Delivery; stop_after_in_flight makes this rare for the others).
    cancels_.erase(message.id);
    in_flight_chats_.erase(message.chat);
    co_return;
  }
  if (verdict.outcome == SendVerdict::Outcome::retry) {
    log_->warn("delivery failed id={} chat={} attempt={} status={} error={}", message.id, message.chat,
               message.attempts + 1, status, verdict.error.empty() ? "-" : verdict.error);
  } else if (verdict.outcome == SendVerdict::Outcome::dead) {
    log_->error("delivery refused for good, message set aside id={} chat={} attempt={} status={} error={}",
                message.id, message.chat, message.attempts + 1, status, verdict.error);
  } else if (log_->should_log(spdlog::level::debug)) {
    log_->debug("delivered id={} chat={} status={}", message.id, message.chat, status);
  }
  finish(message, adapter, verdict);
}

void OutboxSender::finish(const store::OutboxMessage& message, const Adapter* adapter,
                          const SendVerdict& verdict) {
  cancels_.erase(message.id);
  in_flight_chats_.erase(message.chat);
  const std::int64_t now = clock_.now();
  Outcome outcome{verdict.outcome, now, verdict.error};
  if (verdict.outcome == SendVerdict::Outcome::retry) {
    if (verdict.retry_after) {
      // The platform said when: its word, for the chat's whole queue.
      outcome.at = now + std::max<std::int64_t>(1, verdict.retry_after->count());
      const std::string key = verdict.whole_instance ? instance_key(*adapter) : message.chat;
      pacer_.hold(key, pacer_.now() + *verdict.retry_after);
    } else {
      // 1 s, 2 s, 4 s, … doubling with each failed attempt, capped.
      const int doublings = std::min(message.attempts, 30);
      outcome.at = now + std::min<std::int64_t>(options_.max_backoff_seconds, std::int64_t{1} << doublings);
    }
  }
  unrecorded_[message.id] = outcome;
  try {
    record_unrecorded();
  } catch (const std::exception& error) {
    // The database failed (disk full, read-only). The outcome waits in memory, and nothing more
    // is sent until it is recorded; only if the process dies first does the message go out again
    // after the restart, and the receiver drops that repeat by its X-Whistle-Delivery id.
    log_->error("could not record delivery id={} outcome={}: {}", message.id,
                static_cast<int>(verdict.outcome), error.what());
  }
  metrics_.count_delivery(verdict.outcome == SendVerdict::Outcome::sent);
  if (verdict.outcome == SendVerdict::Outcome::dead) metrics_.count_outbox_dead(1);
  if (stopped_) {
    // Stopping: the last delivery in flight ends the wait for them.
    if (cancels_.empty() && grace_timer_) grace_timer_->cancel();
    return;
  }
  // The chat's next message (or a retry) may now be due.
  wake();
}

void OutboxSender::record_unrecorded() {
  while (!unrecorded_.empty()) {
    const auto& [id, outcome] = *unrecorded_.begin();
    switch (outcome.kind) {
      case SendVerdict::Outcome::sent:
        queue_.mark_sent(id, outcome.at);
        break;
      case SendVerdict::Outcome::retry:
        queue_.mark_failed(id, outcome.at);
        break;
      case SendVerdict::Outcome::dead:
        queue_.mark_dead(id, outcome.at, outcome.error);
        break;
    }
    unrecorded_.erase(unrecorded_.begin());
  }
}

}  // namespace whistle::bot
