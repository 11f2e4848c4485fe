#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>

#include "bot/metrics.hpp"
#include "bot/net.hpp"
#include "bot/session.hpp"

namespace whistle::bot {

class Connections;

/// Limits of the listener.
struct ServerLimits {
  /// Over this (lowered to fit the open-file limit), the oldest idle connection is closed to make
  /// room, or the new one is answered 503 and closed when none is idle.
  std::size_t max_connections = 10000;
  std::size_t max_connections_per_address = 256;  ///< the same, for one client address
  std::chrono::milliseconds drain_timeout{5000};  ///< how long shutdown waits for answers in progress
};

/// The listener: accepts connections and runs a session for each, within the caps of
/// Connections (docs/connections.md); raises the open-file limit to fit them; shuts down
/// gracefully (stop accepting, close idle connections, let answers in progress finish, then close
/// whatever is left after the drain deadline).
class Server {
 public:
  /// Raises the open-file limit, binds and listens on host:port (port 0: any free port); throws
  /// std::runtime_error naming the address when it cannot. `threads` > 1 gives each connection its own
  /// strand.
  Server(asio::io_context& io, const std::string& host, std::uint16_t port, int threads,
         SessionContext& context, ServerLimits limits);
  ~Server();

  /// The port actually bound.
  std::uint16_t port() const { return port_; }

  /// Starts accepting (from any thread; the work runs on the io_context).
  void start();

  /// Shuts down gracefully, then runs `done` on the server's executor. Thread-safe; once only.
  void shutdown(std::function<void()> done);

  /// How many connections are open.
  std::size_t connections() const;

 private:
  asio::awaitable<void> accept_loop();
  asio::awaitable<void> drain(std::function<void()> done);
  void refuse(asio::ip::tcp::socket socket, ConnectionRefusal reason);

  asio::io_context& io_;
  asio::any_io_executor executor_;  ///< the acceptor's and the drain's
  bool per_connection_strands_;
  SessionContext& context_;
  ServerLimits limits_;
  asio::ip::tcp::acceptor acceptor_;
  std::uint16_t port_ = 0;
  std::shared_ptr<Connections> connections_;
  asio::steady_timer drain_timer_;
  bool shutting_down_ = false;
};

}  // namespace whistle::bot
