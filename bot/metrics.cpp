#include "bot/metrics.hpp"

#include <fmt/format.h>

namespace whistle::bot {

namespace {

std::size_t route_index(std::optional<Endpoint> endpoint) {
  return endpoint ? static_cast<std::size_t>(*endpoint) : kEndpointCount;
}

std::string_view route_label(std::size_t index) {
  return index < kEndpointCount ? endpoint_route(static_cast<Endpoint>(index)) : kUnmatchedRoute;
}

void header(std::string& out, std::string_view name, std::string_view type, std::string_view help) {
  fmt::format_to(std::back_inserter(out), "# HELP {} {}\n# TYPE {} {}\n", name, help, name, type);
}

template <typename T>
void single(std::string& out, std::string_view name, std::string_view type, std::string_view help,
            const std::atomic<T>& value) {
  header(out, name, type, help);
  fmt::format_to(std::back_inserter(out), "{} {}\n", name, value.load(std::memory_order_relaxed));
}

// A value read beforehand, where two counters must be read in an order.
void single(std::string& out, std::string_view name, std::string_view type, std::string_view help,
            std::uint64_t value) {
  header(out, name, type, help);
  fmt::format_to(std::back_inserter(out), "{} {}\n", name, value);
}

}  // namespace

Metrics::Metrics()
    : requests_(std::make_unique<std::array<std::atomic<std::uint64_t>, kStatuses>[]>(kRoutes)),
      batch_size_({1, 2, 4, 8, 16, 32, 64, 128, 256, 512}),
      request_duration_(
          {0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10}),
      checkpoint_duration_({0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10}) {}

void Metrics::count_request(std::optional<Endpoint> endpoint, int status, double seconds) {
  if (status >= 0 && static_cast<std::size_t>(status) < kStatuses) {
    requests_[route_index(endpoint)][static_cast<std::size_t>(status)].fetch_add(1,
                                                                                 std::memory_order_relaxed);
  }
  request_duration_.observe(seconds);
}

void Metrics::count_batch(std::size_t events, std::size_t applied, std::size_t duplicates,
                          std::size_t failed) {
  batch_size_.observe(static_cast<double>(events));
  events_processed_.fetch_add(applied, std::memory_order_relaxed);
  events_duplicate_.fetch_add(duplicates, std::memory_order_relaxed);
  events_failed_.fetch_add(failed, std::memory_order_relaxed);
}

void Metrics::count_checkpoint(double seconds, bool restarted) {
  checkpoint_duration_.observe(seconds);
  if (restarted) wal_restarts_.fetch_add(1, std::memory_order_relaxed);
}

void Metrics::count_delivery(bool sent) {
  (sent ? outbox_sent_ : outbox_failed_).fetch_add(1, std::memory_order_relaxed);
}

void Metrics::count_connection_refused(ConnectionRefusal reason) {
  connections_refused_[static_cast<std::size_t>(reason)].fetch_add(1, std::memory_order_relaxed);
}

void Metrics::count_connection_timed_out(ConnectionTimeout phase) {
  connections_timed_out_[static_cast<std::size_t>(phase)].fetch_add(1, std::memory_order_relaxed);
}

std::uint64_t Metrics::connections_refused(ConnectionRefusal reason) const {
  return connections_refused_[static_cast<std::size_t>(reason)].load(std::memory_order_relaxed);
}

std::uint64_t Metrics::connections_timed_out(ConnectionTimeout phase) const {
  return connections_timed_out_[static_cast<std::size_t>(phase)].load(std::memory_order_relaxed);
}

void Metrics::render_connections(std::string& out) const {
  single(out, "whistle_connections_open", "gauge", "Client connections open.", connections_open_);
  header(out, "whistle_connections_refused_total", "counter", "Connections refused at a cap, by reason.");
  constexpr std::array<std::string_view, 2> kReasons{"global_cap", "per_address_cap"};
  for (std::size_t i = 0; i < kReasons.size(); ++i) {
    fmt::format_to(std::back_inserter(out), "whistle_connections_refused_total{{reason=\"{}\"}} {}\n",
                   kReasons[i], connections_refused_[i].load(std::memory_order_relaxed));
  }
  header(out, "whistle_connections_timed_out_total", "counter",
         "Connections closed because a deadline passed, by phase.");
  constexpr std::array<std::string_view, 3> kPhases{"header", "idle", "body"};
  for (std::size_t i = 0; i < kPhases.size(); ++i) {
    fmt::format_to(std::back_inserter(out), "whistle_connections_timed_out_total{{phase=\"{}\"}} {}\n",
                   kPhases[i], connections_timed_out_[i].load(std::memory_order_relaxed));
  }
  single(out, "whistle_connections_evicted_total", "counter",
         "Idle, slow or new connections closed to make room for new ones.", connections_evicted_);
}

std::uint64_t Metrics::requests(std::optional<Endpoint> endpoint, int status) const {
  if (status < 0 || static_cast<std::size_t>(status) >= kStatuses) return 0;
  return requests_[route_index(endpoint)][static_cast<std::size_t>(status)].load(std::memory_order_relaxed);
}

std::string Metrics::render() const {
  std::string out;
  out.reserve(4096);
  header(out, "whistle_http_requests_total", "counter", "HTTP requests answered, by route and status.");
  for (std::size_t route = 0; route < kRoutes; ++route) {
    for (std::size_t status = 0; status < kStatuses; ++status) {
      const std::uint64_t n = requests_[route][status].load(std::memory_order_relaxed);
      if (n == 0) continue;
      fmt::format_to(std::back_inserter(out),
                     "whistle_http_requests_total{{route=\"{}\",status=\"{}\"}} {}\n", route_label(route),
                     status, n);
    }
  }
  single(out, "whistle_events_processed_total", "counter", "Inbound events applied (first deliveries).",
         events_processed_);
  single(out, "whistle_events_duplicate_total", "counter", "Inbound events dropped as redeliveries.",
         events_duplicate_);
  single(out, "whistle_events_failed_total", "counter",
         "Inbound events whose handling failed and was undone.", events_failed_);
  header(out, "whistle_batch_size", "histogram", "Events per writer commit.");
  batch_size_.render(out, "whistle_batch_size");
  header(out, "whistle_request_duration_seconds", "histogram",
         "Time from a request's arrival to its answer.");
  request_duration_.render(out, "whistle_request_duration_seconds");
  // The checkpointer's rounds: their fsyncs are the disk work the event path causes, and what
  // slows the requests that arrive meanwhile (bench/README.md, "where the tail at half load
  // comes from").
  header(out, "whistle_checkpoint_duration_seconds", "histogram",
         "Rounds of the WAL checkpointer: copying the WAL into the database file, its fsyncs, any restart.");
  checkpoint_duration_.render(out, "whistle_checkpoint_duration_seconds");
  single(out, "whistle_wal_restarts_total", "counter", "Times the checkpointer started the WAL over.",
         wal_restarts_);
  single(out, "whistle_outbox_backlog", "gauge", "Outbox messages waiting for delivery.", outbox_backlog_);
  single(out, "whistle_writer_queue_depth", "gauge", "Events received and waiting for the single writer.",
         writer_queue_);
  // The deaths before the failures (count_job_failures publishes them the other way round): read
  // after them, the failures were read first and a scrape could show a dead job that never failed.
  const std::uint64_t jobs_dead = jobs_dead_.load(std::memory_order_acquire);
  const std::uint64_t jobs_failed = jobs_failed_.load(std::memory_order_relaxed);
  single(out, "whistle_jobs_failed_total", "counter",
         "Due jobs (deadlines, reminders, publications) whose run failed and was undone.", jobs_failed);
  single(out, "whistle_jobs_dead_total", "counter",
         "Due jobs set aside after their last failed attempt: those in the database at start, then new ones "
         "(see the jobs table's last_error).",
         jobs_dead);
  single(out, "whistle_outbox_sent_total", "counter", "Outbox messages delivered.", outbox_sent_);
  single(out, "whistle_outbox_failed_total", "counter", "Outbox delivery attempts that failed.",
         outbox_failed_);
  single(out, "whistle_outbox_dead_total", "counter",
         "Outbox messages a platform refused for good (a 4xx retrying cannot fix, a chat the bot left), "
         "set aside so their chat's later messages go on.",
         outbox_dead_);
  render_connections(out);
  return out;
}

}  // namespace whistle::bot
