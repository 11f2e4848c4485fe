#include "bot/service.hpp"

#include <csignal>
#include <optional>
#include <span>
#include <thread>
#include <vector>

#include <spdlog/logger.h>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/signal_set.hpp>

#include "bot/adapters/adapter_set.hpp"
#include "bot/allocator.hpp"
#include "bot/board/board.hpp"
#include "bot/board/board_reader.hpp"
#include "bot/command_reader.hpp"
#include "bot/endpoints.hpp"
#include "bot/event_processor.hpp"
#include "bot/http_client.hpp"
#include "bot/logging.hpp"
#include "bot/metrics.hpp"
#include "bot/outbox_sender.hpp"
#include "bot/pipeline.hpp"
#include "bot/router.hpp"
#include "bot/scheduler.hpp"
#include "bot/server.hpp"
#include "bot/thread_name.hpp"
#include "config/templates.hpp"
#include "handlers/dispatcher.hpp"
#include "store/checkpointer.hpp"
#include "store/database.hpp"
#include "store/health_probe.hpp"
#include "store/jobs.hpp"

namespace whistle::bot {

namespace {

// Whether the process was started with `signal_number` ignored (nohup ignores SIGHUP).
bool signal_is_ignored(int signal_number) {
  struct sigaction current {};
  return sigaction(signal_number, nullptr, &current) == 0 && current.sa_handler == SIG_IGN;
}

store::Database& synced(store::Database& db, handlers::Dispatcher& dispatcher) {
  // The sync writes every page of the org once (a 100k-node org would fill the whole cache while
  // the parsed config is still in memory); events then fill the cache with what they read.
  db.use_small_cache(true);
  store::Transaction transaction(db);
  dispatcher.sync_org();
  transaction.commit();
  db.use_small_cache(false);
  db.release_cache();
  return db;
}

int thread_count(const config::Config& config) {
  return config.server.threads < 1 ? 1 : config.server.threads;
}

// With two threads or more, one of them is the writer's alone; the others serve the network.
int network_threads(int threads) {
  return threads > 1 ? threads - 1 : 1;
}

}  // namespace

// Declaration order is construction order: the io_contexts first (so they are destroyed last, after
// everything that holds their sockets and timers), then the store, the domain and the network.
struct Service::Impl {
  config::Config config;
  ServiceOptions options;
  SystemClock system_clock;
  const Clock& clock;
  int threads;                ///< in all: with two or more, one is the writer's and the rest the network's
  asio::io_context io;        ///< the network's (and, with one thread, everything's)
  asio::io_context store_io;  ///< the writer's own, run by one thread when there are two or more
  std::shared_ptr<spdlog::logger> log;
  config::Templates templates;
  store::Database db;
  handlers::Dispatcher dispatcher;
  // The writer publishes the parser's context here; the network threads read commands with it.
  CommandReader command_reader;
  EventProcessor processor;
  Metrics metrics;
  AdapterSet adapters;
  HttpClient http;
  // All database work runs here, one handler at a time: the one io_context with one thread, the
  // writer's own io_context and thread with more, so HTTP, HMAC and JSON never wait for a commit.
  asio::any_io_executor writer;
  Pipeline pipeline;
  OutboxSender sender;
  Scheduler scheduler;
  Router router;
  store::HealthProbe health;
  // The public board reads on its own thread with its own read-only connection.
  board::BoardReader board_reader;
  board::Board board;
  Endpoints endpoints;
  SessionContext session_context;
  Server server;
  asio::signal_set signals;
  // WAL checkpoints on a helper thread with its own connection, so commits never wait for one.
  std::optional<store::Checkpointer> checkpointer;
  bool stopping = false;  ///< on the io_context only
  /// Holds the network's loop open from the start of a shutdown until io.stop() (begin_shutdown).
  std::unique_ptr<asio::executor_work_guard<asio::io_context::executor_type>> network_kept;

  Impl(config::Config c, ServiceOptions o)
      : config(std::move(c)),
        options(o),
        clock(o.clock != nullptr ? *o.clock : system_clock),
        threads(thread_count(config)),
        io(network_threads(threads)),
        store_io(1),
        log(named_logger("http")),
        templates(config::Templates::builtin(config.locale.language)),
        db(store::DatabaseOptions{
            .path = config.store.path, .synchronous = config.store.synchronous, .manual_checkpoints = true}),
        dispatcher(db, config, templates),
        processor(
            synced(db, dispatcher), dispatcher, templates, config,
            EventProcessorOptions{.after_handling = o.after_handling, .command_reader = &command_reader}),
        adapters(AdapterSet::from_config(config)),
        http(HttpClientOptions{.ca_file = config.http_client.ca_file}),
        writer(threads > 1 ? asio::any_io_executor(store_io.get_executor())
                           : asio::any_io_executor(io.get_executor())),
        pipeline(
            writer, [this](std::span<const InboundEvent> events) { return processor.apply(events); }, metrics,
            PipelineOptions{.linger = o.linger}),
        sender(writer, db, adapters, http, clock, metrics,
               OutboxSenderOptions{.request_timeout = o.outbox_timeout}),
        scheduler(
            writer, db, processor, clock,
            [this](const DueJobsOutcome& outcome) {
              if (outcome.queued > 0) sender.wake();
              metrics.count_job_failures(outcome.failed, outcome.dead);
            },
            std::int64_t{config.store.keep_days} * 86400),
        health(config.store.path),
        board_reader(config.store.path),
        board(config, board_reader),
        endpoints(adapters, pipeline, metrics, health, board, &command_reader),
        session_context{router,
                        endpoints,
                        metrics,
                        clock,
                        SessionLimits{.max_body_bytes = config.server.max_body_bytes,
                                      .header_timeout = std::chrono::seconds(config.server.header_timeout_s),
                                      .min_body_rate = o.min_body_rate,
                                      .idle_timeout = o.idle_timeout,
                                      .write_timeout = o.write_timeout},
                        log,
                        TrustedProxies(config.server.trusted_proxies)},
        server(io, config.server.host, config.server.port, network_threads(threads), session_context,
               ServerLimits{.max_connections = config.server.max_connections,
                            .max_connections_per_address = config.server.max_connections_per_address,
                            .drain_timeout = o.drain_timeout}),
        signals(io) {
    // Caught from here on, before `serve` prints where it listens: a supervisor that stops the
    // server as soon as it read that line gets a drain and a clean exit, not the default death.
    // A signal that comes before run() waits in the set until run() asks for it.
    // SIGHUP too: a terminal closed on a server started without nohup, or an operator's habit of
    // "reload", killed it on the spot, with no drain and no line in the log. There is no reload;
    // it drains and stops, and a supervisor's restart reads the config again. Unless SIGHUP is
    // ignored already: `nohup whistle serve &` asked to outlive the terminal.
    if (options.handle_signals) {
      signals.add(SIGINT);
      signals.add(SIGTERM);
      if (!signal_is_ignored(SIGHUP)) signals.add(SIGHUP);
    }
    // Another connection to ":memory:" would be another database, and it has no WAL to copy.
    if (config.store.path != ":memory:") {
      checkpointer.emplace(config.store.path, o.checkpoint_interval, store::Checkpointer::kRestartFrames,
                           [this](const store::CheckpointRound& round) {
                             metrics.count_checkpoint(std::chrono::duration<double>(round.took).count(),
                                                      round.restarted);
                           });
    }
    // Dead jobs stay in the database; the counter starts from them, so a restart does not hide one.
    metrics.count_job_failures(0, static_cast<std::size_t>(store::Jobs(db).dead_count()));
    metrics.count_outbox_dead(static_cast<std::size_t>(store::Outbox(db).dead_count()));
    // The org is in the database now, and the parser has its place names: the config's node list
    // (~30 MB at 100k groups) has done its work. Nothing reads config.nodes after the sync.
    std::vector<config::Node>().swap(config.nodes);
    // Without this the start-up peak (config loading and the sync) would stay the size at rest.
    release_free_memory();
    pipeline.on_commit([this](const Pipeline::BatchStats& stats) {
      if (stats.queued > 0) sender.wake();
      // Any applied event may have scheduled a job earlier than the one the timer waits for.
      if (stats.applied > 0) scheduler.notice_commit();
    });
  }

  void begin_shutdown() {
    if (stopping) return;
    stopping = true;
    boost::system::error_code ignored;
    signals.cancel(ignored);
    // With two threads or more the network's loop has nothing left once the server drained, and
    // its return would stop the writer's in the middle of the wait for the replies in flight: it
    // keeps running until the writer says it is done.
    network_kept = std::make_unique<asio::executor_work_guard<asio::io_context::executor_type>>(
        asio::make_work_guard(io));
    server.shutdown([this] {
      // Every request in flight has been answered; what is left runs on the writer, which then
      // stops both event loops (the writer's may be the network's).
      asio::post(writer, [this] {
        scheduler.stop();
        // A reply the platform is accepting now must be recorded as sent, or it goes out again
        // after the restart (only the generic webhook drops repeats): wait for it, boundedly.
        sender.stop_after_in_flight(options.outbox_timeout, [this] {
          board_reader.stop();
          log->info("stopped");
          io.stop();
          store_io.stop();
        });
      });
    });
  }
};

Service::Service(config::Config config, ServiceOptions options)
    : impl_(std::make_unique<Impl>(std::move(config), std::move(options))) {}

Service::~Service() = default;

std::uint16_t Service::port() const {
  return impl_->server.port();
}

const config::Config& Service::config() const {
  return impl_->config;
}

const Metrics& Service::metrics() const {
  return impl_->metrics;
}

void Service::stop() {
  Impl* impl = impl_.get();
  asio::post(impl->io, [impl] { impl->begin_shutdown(); });
}

void Service::run() {
  Impl& impl = *impl_;
  if (impl.options.handle_signals) {
    impl.signals.async_wait([&impl](const boost::system::error_code& ec, int signal) {
      if (ec) return;
      impl.log->info("signal={} received, draining", signal);
      impl.begin_shutdown();
    });
  }
  impl.server.start();
  impl.scheduler.start();
  impl.sender.start();
  impl.log->info("listening host={} port={} threads={} allocator={}", impl.config.server.host,
                 impl.server.port(), impl.threads, allocator_name());

  std::vector<std::thread> helpers;
  if (impl.threads > 1) {
    // The writer's loop runs until shutdown stops it, even while it has nothing to do.
    helpers.emplace_back([&impl] {
      name_this_thread("whistle-writer");
      const auto busy = asio::make_work_guard(impl.store_io);
      impl.store_io.run();
    });
  }
  for (int i = 1; i < network_threads(impl.threads); ++i)
    helpers.emplace_back([&impl] {
      name_this_thread("whistle-net");
      impl.io.run();
    });
  impl.io.run();
  // The network's loop ended: the writer's must too, or its work guard would keep the join waiting.
  impl.store_io.stop();
  for (std::thread& helper : helpers)
    helper.join();
  impl.checkpointer.reset();
}

}  // namespace whistle::bot
