#pragma once

#include <chrono>
#include <cstddef>
#include <memory>

#include <boost/asio/ip/tcp.hpp>

#include "bot/net.hpp"

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

/// How long a client may take, and how much it may send.
struct SessionLimits {
  std::size_t max_body_bytes = 65536;              ///< larger bodies are answered 413
  std::chrono::milliseconds read_timeout{10'000};  ///< for a whole request, once its first byte came
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
};

/// Serves one connection: a keep-alive loop with a fresh parser per request, a body limit, read
/// and idle deadlines, one access-log line per request, and exceptions turned into 500. Ends when
/// the client closes, a deadline passes, or the server shuts down (after the answer in progress).
asio::awaitable<void> run_session(asio::ip::tcp::socket socket, std::shared_ptr<Connection> connection,
                                  std::shared_ptr<Connections> connections, SessionContext& context);

}  // namespace whistle::bot
