#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <mutex>
#include <unordered_set>

#include <boost/asio/any_io_executor.hpp>

#include "bot/net.hpp"

namespace whistle::bot {

/// One open connection as the server sees it. `busy`, `closing` and `cancel` are only touched on
/// the connection's own executor.
struct Connection {
  asio::any_io_executor executor;
  bool busy = false;             ///< a request has been read and is not yet answered
  bool closing = false;          ///< shutting down: close after the current answer
  bool closed = false;           ///< the server closed the socket; a request read just before is dropped
  std::function<void()> cancel;  ///< closes the socket, aborting a pending read; set by the session
};

/// The open connections, with a cap, so that shutdown can close the idle ones and wait for the
/// busy ones. Thread-safe; shared (by shared_ptr) between the server and its sessions.
class Connections {
 public:
  /// Allows at most `limit` connections at once.
  explicit Connections(std::size_t limit) : limit_(limit) {}

  /// Registers a new connection; null when the cap is reached (the caller closes the socket).
  std::shared_ptr<Connection> open(asio::any_io_executor executor);

  /// Forgets a connection; when it was the last, runs the on-empty callback.
  void close(const std::shared_ptr<Connection>& connection);

  /// Marks every connection closing and closes those that are not answering a request.
  void close_idle();

  /// Closes every connection, busy or not (after the drain deadline).
  void close_all();

  /// How many connections are open.
  std::size_t size() const;

  /// Sets what runs (on the closing session's thread) when the last connection closes; empty to clear.
  void on_empty(std::function<void()> callback);

 private:
  void for_each(void (*action)(Connection&));

  const std::size_t limit_;
  mutable std::mutex mutex_;
  std::unordered_set<std::shared_ptr<Connection>> open_;
  std::function<void()> on_empty_;
};

}  // namespace whistle::bot
