#include "bot/server.hpp"

#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>

#include <algorithm>
#include <array>
#include <optional>
#include <stdexcept>

#include <spdlog/logger.h>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/dispatch.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/write.hpp>

#include "bot/connections.hpp"
#include "bot/metrics.hpp"
#include "bot/open_file_limit.hpp"
#include "bot/spawn.hpp"
#include "bot/trusted_proxies.hpp"

namespace whistle::bot {

using tcp = asio::ip::tcp;

namespace {

// Sessions still open this long after the forced close are abandoned; it only bounds shutdown.
constexpr std::chrono::seconds kForcedCloseGrace{1};

constexpr std::string_view kBusyResponse =
    "HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/json\r\nContent-Length: 43\r\n"
    "Connection: close\r\n\r\n{\"ok\":false,\"error\":\"too many connections\"}";

// Files the server needs beside its client connections: the listening socket, SQLite's database,
// WAL and shared-memory files for the writer and the checkpointer, the outbox sender's sockets,
// the event loop's own descriptors, the standard streams and log files.
constexpr std::size_t kReservedFiles = 256;

// After an accept failed for want of file descriptors, the loop waits this long before the next
// try, so that it does not spin while the descriptors are short.
constexpr std::chrono::milliseconds kAcceptRetryPause{50};

// Raises the open-file limit to fit the caps; when the hard limit is too low for them, lowers
// the global cap to what fits, and says so once.
ServerLimits fit_to_open_files(ServerLimits limits, spdlog::logger& log) {
  const OpenFileLimit files = raise_open_file_limit(limits.max_connections + kReservedFiles);
  if (files.soft >= limits.max_connections + kReservedFiles) {
    log.info("open file limit soft={} hard={} max_connections={}", files.soft, files.hard,
             limits.max_connections);
    return limits;
  }
  // Keep the reserve, but never let it take more than half of a tiny limit.
  const std::size_t reserve = std::min<std::uint64_t>(kReservedFiles, files.soft / 2);
  const std::size_t fits = std::max<std::uint64_t>(files.soft - reserve, 1);
  log.warn(
      "open file limit soft={} hard={} is too low for max_connections={}: serving at most {} connections",
      files.soft, files.hard, limits.max_connections, fits);
  limits.max_connections = fits;
  limits.max_connections_per_address = std::min(limits.max_connections_per_address, fits);
  return limits;
}

// Whether a whole request head already waits in the socket, looked at without taking it. An honest
// client sends its head at once, so by the time a busy server accepts it, it is usually all there;
// a slowloris's never is. Such a connection is spared when room must be made, even before its
// session first reads.
bool head_waiting(tcp::socket& socket) {
  constexpr std::size_t kPeekBytes = 4096;
  std::array<char, kPeekBytes> peeked;
  boost::system::error_code ec;
  socket.non_blocking(true, ec);
  if (ec) return false;
  const std::size_t n = socket.receive(asio::buffer(peeked), tcp::socket::message_peek, ec);
  if (ec) return false;
  return std::string_view(peeked.data(), n).find("\r\n\r\n") != std::string_view::npos;
}

// Linux's TCP_DEFER_ACCEPT (nginx's "deferred"): the kernel hands a connection over only once its
// client has sent something, or the timeout passed. A connection that never says a word then holds
// no place of ours, and an honest client's head is already there when we accept it (head_waiting).
void defer_accept_until_data(tcp::acceptor& acceptor, std::chrono::milliseconds timeout) {
  const int seconds = static_cast<int>(
      std::max<std::int64_t>(1, std::chrono::duration_cast<std::chrono::seconds>(timeout).count()));
  // Best effort: without it the caps and deadlines still hold, only less kindly.
  ::setsockopt(acceptor.native_handle(), IPPROTO_TCP, TCP_DEFER_ACCEPT, &seconds, sizeof seconds);
}

tcp::endpoint resolve_listen_address(asio::io_context& io, const std::string& host, std::uint16_t port) {
  boost::system::error_code ec;
  const asio::ip::address address = asio::ip::make_address(host, ec);
  if (!ec) return {address, port};
  // A name such as "localhost": the first address it resolves to.
  tcp::resolver resolver(io);
  const auto results = resolver.resolve(host, std::to_string(port), ec);
  if (ec || results.empty()) throw std::runtime_error("cannot resolve listen host '" + host + "'");
  return *results.begin();
}

}  // namespace

Server::Server(asio::io_context& io, const std::string& host, std::uint16_t port, int threads,
               SessionContext& context, ServerLimits limits)
    : io_(io),
      executor_(threads > 1 ? asio::any_io_executor(asio::make_strand(io))
                            : asio::any_io_executor(io.get_executor())),
      per_connection_strands_(threads > 1),
      context_(context),
      limits_(fit_to_open_files(limits, *context.log)),
      acceptor_(executor_),
      connections_(std::make_shared<Connections>(
          ConnectionLimits{.max_connections = limits_.max_connections,
                           .max_per_address = limits_.max_connections_per_address},
          &context.metrics)),
      drain_timer_(executor_) {
  const tcp::endpoint endpoint = resolve_listen_address(io, host, port);
  boost::system::error_code ec;
  acceptor_.open(endpoint.protocol(), ec);
  if (!ec) acceptor_.set_option(asio::socket_base::reuse_address(true), ec);
  if (!ec) acceptor_.bind(endpoint, ec);
  if (!ec) defer_accept_until_data(acceptor_, context.limits.header_timeout);
  if (!ec) acceptor_.listen(asio::socket_base::max_listen_connections, ec);
  if (ec) {
    throw std::runtime_error("cannot listen on " + host + ":" + std::to_string(port) + ": " + ec.message());
  }
  port_ = acceptor_.local_endpoint().port();
}

Server::~Server() {
  // A session frame destroyed after us (when the io_context goes) must not call back into us.
  connections_->on_empty(nullptr);
  connections_->detach_metrics();
}

void Server::start() {
  asio::co_spawn(executor_, accept_loop(), LogEscapedException{context_.log, "accept loop"});
}

std::size_t Server::connections() const {
  return connections_->size();
}

asio::awaitable<void> Server::accept_loop() {
  for (;;) {
    // Each connection gets its own strand when several threads run the io_context, so a session's
    // steps never run in parallel; with one thread the io_context itself is enough.
    asio::any_io_executor session_executor = per_connection_strands_
                                                 ? asio::any_io_executor(asio::make_strand(io_))
                                                 : asio::any_io_executor(io_.get_executor());
    auto [ec, socket] = co_await acceptor_.async_accept(session_executor, use_nothrow);
    if (ec) {
      if (shutting_down_ || ec == asio::error::operation_aborted) co_return;
      // Out of file descriptors and the like: the listener must survive it, without a line per
      // try. An idle connection gives its descriptor back; then a short pause, not a spin.
      if (const std::optional<std::uint64_t> suppressed = context_.refusal_log->admit()) {
        context_.log->warn("accept failed error={} suppressed={}", ec.message(), *suppressed);
      }
      if (ec == asio::error::no_descriptors || ec == asio::error::no_buffer_space) {
        connections_->evict_one();
        asio::steady_timer pause(executor_, kAcceptRetryPause);
        [[maybe_unused]] auto [pause_ec] = co_await pause.async_wait(use_nothrow);
      }
      continue;
    }
    boost::system::error_code peer_ec;
    const tcp::endpoint peer = socket.remote_endpoint(peer_ec);
    // A connection that is gone already (reset before we got to it) needs no session.
    if (peer_ec) continue;
    // Behind a trusted proxy, the client is named by the request's X-Forwarded-For, so the
    // per-address cap is applied by the session once the headers are in.
    const bool proxied = context_.trusted_proxies.contains(peer.address());
    Connections::Admission admission =
        connections_->open(session_executor, proxied ? std::string() : address_key(peer.address()), proxied,
                           head_waiting(socket));
    if (!admission.connection) {
      refuse(std::move(socket), admission.refusal);
      continue;
    }
    std::shared_ptr<Connection> connection = std::move(admission.connection);
    boost::system::error_code ignored;
    socket.set_option(tcp::no_delay(true), ignored);
    asio::co_spawn(session_executor,
                   run_session(std::move(socket), std::move(connection), connections_, context_),
                   LogEscapedException{context_.log, "session"});
  }
}

void Server::refuse(tcp::socket socket, ConnectionRefusal reason) {
  // A new connection's send buffer is empty, so this small write completes at once.
  boost::system::error_code ec;
  asio::write(socket, asio::buffer(kBusyResponse.data(), kBusyResponse.size()), ec);
  socket.shutdown(tcp::socket::shutdown_both, ec);
  socket.close(ec);
  context_.metrics.count_request(std::nullopt, 503, 0);
  // Under attack this happens thousands of times a second: a line every few seconds says it all.
  if (const std::optional<std::uint64_t> suppressed = context_.refusal_log->admit()) {
    context_.log->warn(
        "connections refused reason={} open={} max_connections={} per_address={} suppressed={}",
        reason == ConnectionRefusal::global_cap ? "global_cap" : "per_address_cap", connections_->size(),
        limits_.max_connections, limits_.max_connections_per_address, *suppressed);
  }
}

void Server::shutdown(std::function<void()> done) {
  asio::dispatch(executor_, [this, done = std::move(done)]() mutable {
    if (shutting_down_) return;
    shutting_down_ = true;
    asio::co_spawn(executor_, drain(std::move(done)), LogEscapedException{context_.log, "drain"});
  });
}

asio::awaitable<void> Server::drain(std::function<void()> done) {
  boost::system::error_code ignored;
  acceptor_.close(ignored);
  // The last session to close cuts the wait short.
  connections_->on_empty([this] { asio::post(executor_, [this] { drain_timer_.cancel(); }); });
  connections_->close_idle();
  context_.log->info("shutting down: open_connections={}", connections_->size());

  drain_timer_.expires_after(limits_.drain_timeout);
  if (connections_->size() > 0) {
    [[maybe_unused]] auto [ec] = co_await drain_timer_.async_wait(use_nothrow);
  }
  if (connections_->size() > 0) {
    context_.log->warn("drain deadline passed, closing open_connections={}", connections_->size());
    connections_->close_all();
    drain_timer_.expires_after(kForcedCloseGrace);
    [[maybe_unused]] auto [ec] = co_await drain_timer_.async_wait(use_nothrow);
  }
  connections_->on_empty(nullptr);
  done();
}

}  // namespace whistle::bot
