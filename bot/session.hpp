#pragma once

#include <chrono>
#include <cstddef>
#include <memory>

#include <boost/asio/ip/tcp.hpp>

#include "bot/log_throttle.hpp"
#include "bot/net.hpp"
#include "bot/trusted_proxies.hpp"

namespace spdlog {
class logger;
}

namespace whistle::bot {

class Clock;
class Connections;
class Endpoints;
class Metrics;
class Router;
struct Connection;

/// How long a client may take, and how much it may send. See docs/connections.md.
struct SessionLimits {
  std::size_t max_body_bytes = 65536;  ///< larger bodies are answered 413
  /// A request's headers must be in within this of its first byte; a new connection's first
  /// request's headers within this of the accept.
  std::chrono::milliseconds header_timeout{5'000};
  /// The slowest body accepted, in bytes per second: a body of n bytes must be in within
  /// header_timeout + n / min_body_rate of the end of its headers.
  std::size_t min_body_rate = 1024;
  std::chrono::milliseconds idle_timeout{30'000};  ///< between keep-alive requests
  std::chrono::milliseconds write_timeout{10'000};
};

/// What every session shares; all of it outlives the server.
struct SessionContext {
  const Router& router;
  Endpoints& endpoints;
  Metrics& metrics;
  const Clock& clock;
  SessionLimits limits;
  std::shared_ptr<spdlog::logger> log;  ///< the `http` logger
  TrustedProxies trusted_proxies;       ///< peers whose X-Forwarded-For names the client
  /// Refused connections are logged through this, a line every few seconds at most.
  std::shared_ptr<LogThrottle> refusal_log = std::make_shared<LogThrottle>(std::chrono::seconds(10));
};

/// Serves one connection: a keep-alive loop with a fresh parser per request, a body limit, header,
/// body and idle deadlines, the per-address cap of a proxied request's client, one access-log line per
/// request, and exceptions turned into 500. Ends when the client closes, a deadline passes, or the server
/// shuts down (after the answer in progress).
asio::awaitable<void> run_session(asio::ip::tcp::socket socket, std::shared_ptr<Connection> connection,
                                  std::shared_ptr<Connections> connections, SessionContext& context);

}  // namespace whistle::bot
