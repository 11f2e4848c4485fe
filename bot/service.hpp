#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>

#include "bot/clock.hpp"
#include "bot/linger.hpp"
#include "config/config.hpp"
#include "handlers/message.hpp"
#include "store/checkpointer.hpp"

namespace whistle::bot {

class Metrics;

/// Knobs of a service that the configuration file does not carry (tests and benchmarks set them).
/// The connection caps and the header deadline come from `[server]` in the configuration.
struct ServiceOptions {
  std::size_t min_body_rate = 1024;                 ///< bytes/s: the slowest request body accepted
  std::chrono::milliseconds write_timeout{10'000};  ///< one answer
  std::chrono::milliseconds idle_timeout{30'000};   ///< between keep-alive requests
  std::chrono::milliseconds drain_timeout{5'000};   ///< graceful shutdown waits this long for answers
  /// One delivery: connect + request + answer; a stop also waits this long for those in flight.
  std::chrono::milliseconds outbox_timeout{10'000};
  /// How often the WAL is copied into the database file (store/checkpointer says why).
  std::chrono::milliseconds checkpoint_interval = store::Checkpointer::kInterval;
  const Clock* clock = nullptr;  ///< null: the system clock
  bool handle_signals = true;    ///< stop gracefully on SIGTERM/SIGINT
  /// How long the writer may wait for a small batch to fill (docs/architecture.md).
  LingerOptions linger{.max_wait = std::chrono::microseconds(500), .enough = 8};
  /// EventProcessorOptions::after_handling: empty in production; tests make an event fail with it.
  std::function<void(const handlers::Message&)> after_handling{};
};

/// The whole server assembled from a configuration: the database (org synced at start), the
/// dispatcher, the single writer (pipeline), the scheduler, the outbox sender, the HTTP server and
/// the signal handling.
class Service {
 public:
  /// Opens the database, syncs the org and binds the listening socket (so port() is known before
  /// run()). Throws std::runtime_error (or config::Error) when any of it fails. The config is
  /// kept; pass it with std::move when the caller has no more use for it (a district's org is tens
  /// of MB, and a copy would double it).
  explicit Service(config::Config config, ServiceOptions options = {});
  ~Service();
  Service(const Service&) = delete;
  Service& operator=(const Service&) = delete;

  /// The bound port (the configured one, or the one the system chose for port 0).
  std::uint16_t port() const;

  /// Serves until stop() or SIGTERM/SIGINT, then drains gracefully and returns. Call once.
  void run();

  /// Asks run() to drain and return; thread-safe, and harmless before run() or twice.
  void stop();

  /// The configuration it runs with, less its org's nodes: those are in the database after the
  /// start-up sync and are dropped then.
  const config::Config& config() const;

  /// The service's counters (for tests).
  const Metrics& metrics() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace whistle::bot
