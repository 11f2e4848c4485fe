#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <set>
#include <string>

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/cancellation_signal.hpp>
#include <boost/asio/steady_timer.hpp>

#include "bot/adapters/adapter.hpp"
#include "bot/http_client.hpp"
#include "bot/net.hpp"
#include "bot/send_pacer.hpp"
#include "store/outbox_queue.hpp"

namespace spdlog {
class logger;
}

namespace whistle::store {
class Database;
}

namespace whistle::bot {

class AdapterSet;
class Clock;
class Metrics;

/// Tuning of the outbox sender.
struct OutboxSenderOptions {
  std::chrono::milliseconds request_timeout{10'000};  ///< connect + request + answer
  std::size_t max_in_flight = 64;                     ///< deliveries at once, over all chats
  std::int64_t max_backoff_seconds = 300;             ///< retries wait 1 s, 2 s, 4 s, … up to this
  /// The pacing clock (the platforms' rate limits); tests inject their own.
  SendPacer::Now steady_now = [] { return std::chrono::steady_clock::now(); };
};

/// Delivers outbox messages through their platform's adapter: in order per chat (never two in
/// flight for one chat), within the platform's pace per chat and per instance, marked sent on
/// acceptance, retried with exponential backoff (or when the platform says) on a passing failure,
/// and set aside as dead when the platform refuses one for good, so its chat's queue goes on.
/// Runs entirely on the writer executor, so its reads and writes of the outbox are serialised with
/// the writer's batches (the single-writer rule).
class OutboxSender {
 public:
  /// Uses `db` only on `writer`; the other references must outlive the sender.
  OutboxSender(asio::any_io_executor writer, store::Database& db, const AdapterSet& adapters,
               const HttpClient& http, const Clock& clock, Metrics& metrics,
               OutboxSenderOptions options = {});
  ~OutboxSender();

  /// Starts delivering (from any thread; the work runs on the writer).
  void start();

  /// Looks for new work now: call on the writer after a commit that queued messages.
  void wake();

  /// Stops starting deliveries and cancels those in flight (their messages stay queued); on the writer.
  void stop();

  /// Stops starting deliveries and lets those in flight finish for up to `grace`, their outcome
  /// recorded: most platforms have no idempotency key, so a reply that arrived while we stopped
  /// must not go out again after the restart. Then cancels the rest (they stay queued) and calls
  /// `done`, on the writer. Call on the writer.
  void stop_after_in_flight(std::chrono::steady_clock::duration grace, std::function<void()> done);

  /// How many deliveries are in flight (for tests); on the writer.
  std::size_t in_flight() const { return in_flight_chats_.size(); }

 private:
  asio::awaitable<void> run();
  asio::awaitable<void> deliver(store::OutboxMessage message, const Adapter* adapter);
  std::chrono::steady_clock::duration start_due_deliveries();
  void finish(const store::OutboxMessage& message, const Adapter* adapter, const SendVerdict& verdict);
  /// Records outcomes the store refused earlier; throws while it still refuses.
  void record_unrecorded();

  /// An attempt's outcome that is known but not yet in the store (it failed when recording).
  struct Outcome {
    SendVerdict::Outcome kind = SendVerdict::Outcome::sent;
    std::int64_t at = 0;  ///< when it was sent or set aside, or when to try again
    std::string error;    ///< a dead message's reason
  };

  asio::any_io_executor writer_;
  store::OutboxQueue queue_;  ///< the queue's heads, kept between passes
  const AdapterSet& adapters_;
  const HttpClient& http_;
  const Clock& clock_;
  Metrics& metrics_;
  OutboxSenderOptions options_;
  std::shared_ptr<spdlog::logger> log_;
  asio::steady_timer timer_;
  bool stopped_ = false;
  bool cancelled_ = false;  ///< deliveries in flight were cut short: their outcome is not known
  bool wake_pending_ = false;
  /// Waiting for the deliveries in flight to finish before a stop completes.
  std::unique_ptr<asio::steady_timer> grace_timer_;
  std::function<void()> stopped_done_;
  std::set<std::string, std::less<>> in_flight_chats_;
  /// The signals that cancel deliveries in flight, by outbox id (shared with each delivery's
  /// completion handler, which must outlive the coroutine).
  std::map<std::int64_t, std::shared_ptr<asio::cancellation_signal>> cancels_;
  SendPacer pacer_;  ///< per chat and per instance
  /// Connections kept open between deliveries (on the writer, where the deliveries run): a
  /// message then costs no TCP connect or TLS handshake. Their sockets belong to the writer's
  /// io_context, which must outlive the sender (Service declares its io_contexts first).
  HttpConnectionPool connections_;
  /// Outcomes to record before anything else is sent: without this a message delivered while the
  /// disk is full would look unsent and go out again at once, over and over (by outbox id).
  std::map<std::int64_t, Outcome> unrecorded_;
};

}  // namespace whistle::bot
