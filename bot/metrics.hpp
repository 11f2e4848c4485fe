#pragma once

#include <array>
#include <atomic>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "bot/histogram.hpp"
#include "bot/router.hpp"

namespace whistle::bot {

/// Why a connection was refused (the `reason` label of whistle_connections_refused_total).
enum class ConnectionRefusal { global_cap = 0, per_address_cap = 1 };

/// Which deadline ended a connection (the `phase` label of whistle_connections_timed_out_total).
enum class ConnectionTimeout { header = 0, idle = 1, body = 2 };

/// The server's counters, rendered in Prometheus text format at GET /metrics. Every update is one
/// relaxed atomic operation, so sessions on any thread count without a lock.
class Metrics {
 public:
  Metrics();

  /// Counts an answered request (`endpoint` empty: it matched no route) and its duration.
  void count_request(std::optional<Endpoint> endpoint, int status, double seconds);

  /// Counts one committed batch and what became of its events.
  void count_batch(std::size_t events, std::size_t applied, std::size_t duplicates, std::size_t failed);

  /// Counts due jobs that failed (undone, to be tried again) and those set aside as dead.
  /// A dead job failed too: the failure is counted first and the death published after it, so a
  /// scrape that shows the death shows its failure (render() reads them the other way round).
  void count_job_failures(std::size_t failed, std::size_t dead) {
    jobs_failed_.fetch_add(failed, std::memory_order_relaxed);
    jobs_dead_.fetch_add(dead, std::memory_order_release);
  }
  std::uint64_t jobs_dead() const { return jobs_dead_.load(std::memory_order_relaxed); }

  /// Counts one outbox delivery.
  void count_delivery(bool sent);

  /// Counts outbox messages set aside as dead (a platform refused them for good).
  void count_outbox_dead(std::size_t dead) { outbox_dead_.fetch_add(dead, std::memory_order_relaxed); }
  std::uint64_t outbox_dead() const { return outbox_dead_.load(std::memory_order_relaxed); }

  /// Sets how many outbox messages wait for delivery.
  void set_outbox_backlog(std::int64_t backlog) { outbox_backlog_.store(backlog, std::memory_order_relaxed); }

  /// Sets how many client connections are open.
  void set_connections_open(std::int64_t open) { connections_open_.store(open, std::memory_order_relaxed); }

  /// Counts a connection refused at a cap.
  void count_connection_refused(ConnectionRefusal reason);

  /// Counts a connection closed because a deadline passed.
  void count_connection_timed_out(ConnectionTimeout phase);

  /// Counts an idle keep-alive connection closed to make room for a new one.
  void count_connection_evicted() { connections_evicted_.fetch_add(1, std::memory_order_relaxed); }

  /// Adds `delta` (negative when the writer takes them) to the events waiting for the writer.
  void add_writer_queue(std::int64_t delta) { writer_queue_.fetch_add(delta, std::memory_order_relaxed); }

  /// Counts one round of the WAL checkpointer (on its thread): how long it took, and whether it
  /// started the WAL over.
  void count_checkpoint(double seconds, bool restarted);

  /// How many events wait for the writer (submitted, not yet taken into a batch).
  std::int64_t writer_queue() const { return writer_queue_.load(std::memory_order_relaxed); }

  /// The whole exposition, `# HELP`/`# TYPE` lines included.
  std::string render() const;

  /// The number of requests counted for a route (empty: unmatched) and status.
  std::uint64_t requests(std::optional<Endpoint> endpoint, int status) const;

  /// Events applied, redeliveries dropped, deliveries made and failed so far.
  std::uint64_t events_processed() const { return events_processed_.load(std::memory_order_relaxed); }
  std::uint64_t events_duplicate() const { return events_duplicate_.load(std::memory_order_relaxed); }
  std::uint64_t outbox_sent() const { return outbox_sent_.load(std::memory_order_relaxed); }
  std::uint64_t outbox_failed() const { return outbox_failed_.load(std::memory_order_relaxed); }

  /// Connections open now, refused for a reason, timed out in a phase, and evicted so far.
  std::int64_t connections_open() const { return connections_open_.load(std::memory_order_relaxed); }
  std::uint64_t connections_refused(ConnectionRefusal reason) const;
  std::uint64_t connections_timed_out(ConnectionTimeout phase) const;
  std::uint64_t connections_evicted() const { return connections_evicted_.load(std::memory_order_relaxed); }

 private:
  static constexpr std::size_t kRoutes = kEndpointCount + 1;  ///< every endpoint and "unmatched"
  static constexpr std::size_t kStatuses = 600;               ///< one slot per possible status code

  std::unique_ptr<std::array<std::atomic<std::uint64_t>, kStatuses>[]> requests_;
  std::atomic<std::uint64_t> events_processed_{0};
  std::atomic<std::uint64_t> events_duplicate_{0};
  std::atomic<std::uint64_t> events_failed_{0};
  std::atomic<std::uint64_t> jobs_failed_{0};
  std::atomic<std::uint64_t> jobs_dead_{0};
  std::atomic<std::uint64_t> outbox_sent_{0};
  std::atomic<std::uint64_t> outbox_failed_{0};
  std::atomic<std::uint64_t> outbox_dead_{0};
  std::atomic<std::int64_t> outbox_backlog_{0};
  std::atomic<std::int64_t> writer_queue_{0};
  std::atomic<std::uint64_t> wal_restarts_{0};
  void render_connections(std::string& out) const;

  std::atomic<std::int64_t> connections_open_{0};
  std::array<std::atomic<std::uint64_t>, 2> connections_refused_{};    ///< by ConnectionRefusal
  std::array<std::atomic<std::uint64_t>, 3> connections_timed_out_{};  ///< by ConnectionTimeout
  std::atomic<std::uint64_t> connections_evicted_{0};
  Histogram batch_size_;
  Histogram request_duration_;
  Histogram checkpoint_duration_;
};

}  // namespace whistle::bot
