#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include <boost/asio/any_io_executor.hpp>

#include "bot/metrics.hpp"
#include "bot/net.hpp"

namespace whistle::bot {

/// One open connection as the server sees it. `busy`, `closing`, `closed` and `cancel` are only
/// touched on the connection's own executor; `address`, `idle_position` and `evicted` only by
/// Connections, under its lock.
struct Connection {
  asio::any_io_executor executor;
  bool proxied = false;          ///< the peer is a trusted proxy; set at open, never changed
  bool busy = false;             ///< a request has been read and is not yet answered
  bool closing = false;          ///< shutting down: close after the current answer
  bool closed = false;           ///< the server closed the socket; a request read just before is dropped
  std::function<void()> cancel;  ///< closes the socket, aborting a pending read; set by the session

  std::string address;              ///< counted against this address's cap; empty: not counted
  std::uint64_t idle_position = 0;  ///< place in the idle queue (older is smaller); 0: not idle
  /// Place in the queue of connections still sending a request's head (older is smaller); 0: not.
  std::uint64_t waiting_position = 0;
  /// Whether it waits in the queue of new connections from which nothing has been read yet.
  bool silent = false;
  bool evicted = false;  ///< closed to make room; its session must not take another request
};

/// The caps on open connections.
struct ConnectionLimits {
  std::size_t max_connections = 10000;  ///< all clients together
  std::size_t max_per_address = 256;    ///< one client address
};

/// The open connections, with a global and a per-address cap. At a cap one connection is closed to
/// make room, the first found of: the oldest idle keep-alive connection (between requests, nothing
/// pending); the one that has been sending a request's head the longest (a slowloris: an honest
/// client's head comes in its first read); the oldest new one from which nothing was read yet.
/// Only when there is none is the new one refused. Also lets shutdown close the idle ones
/// and wait for the busy ones. Thread-safe; shared (by shared_ptr) between the server and its sessions.
class Connections {
 public:
  /// Enforces `limits`; counts opens, refusals and evictions in `metrics` when it is not null.
  explicit Connections(ConnectionLimits limits, Metrics* metrics = nullptr);

  /// A new connection, or why there was no room for it.
  struct Admission {
    std::shared_ptr<Connection> connection;  ///< null when refused (the caller closes the socket)
    ConnectionRefusal refusal = ConnectionRefusal::global_cap;
  };

  /// Registers a new connection from `address` (empty: a trusted proxy, counted only globally),
  /// evicting the oldest idle connection (of that address, at its cap) to make room if needed.
  /// `head_arrived`: its first request head was already there when it was accepted, so it is not
  /// one of the new connections that may be evicted before their first read.
  Admission open(asio::any_io_executor executor, std::string address, bool proxied = false,
                 bool head_arrived = false);

  /// Counts a proxied connection's current request against `client` (replacing what it was counted
  /// against), evicting the oldest idle connection of that client at its cap; false when the client
  /// is at its cap and none of its connections is idle (the caller refuses the request).
  bool attribute(const std::shared_ptr<Connection>& connection, std::string client);

  /// Marks a connection idle (waiting for its next request): from now on it may be evicted. A
  /// proxied connection stops counting against its last client.
  void idle(const std::shared_ptr<Connection>& connection);

  /// Marks a connection active again (bytes of a request arrived, its head is awaited); false if
  /// it was evicted meanwhile, and then the session ends without taking the request.
  bool active(const std::shared_ptr<Connection>& connection);

  /// Marks a request's head as read (or its reading as over): the connection is no longer one of
  /// the slow ones that may be evicted.
  void head_read(const std::shared_ptr<Connection>& connection);

  /// Closes one connection in the eviction order, if there is one (the server is out of file descriptors).
  bool evict_one();

  /// Forgets a connection; when it was the last, runs the on-empty callback.
  void close(const std::shared_ptr<Connection>& connection);

  /// Marks every connection closing and closes those that are not answering a request.
  void close_idle();

  /// Closes every connection, busy or not (after the drain deadline).
  void close_all();

  /// How many connections are open (evicted ones no longer count).
  std::size_t size() const;

  /// How many open connections count against `address`.
  std::size_t open_from(const std::string& address) const;

  /// How many connections are idle.
  std::size_t idle_count() const;

  /// The caps in force.
  const ConnectionLimits& limits() const { return limits_; }

  /// Stops counting in the metrics (they are destroyed before the last session may be).
  void detach_metrics();

  /// Sets what runs (on the closing session's thread) when the last connection closes; empty to clear.
  void on_empty(std::function<void()> callback);

 private:
  std::shared_ptr<Connection> evict_locked(const std::string* address);
  void count_locked(Connection& connection, std::string address);
  void uncount_locked(Connection& connection);
  void forget_locked(const std::shared_ptr<Connection>& connection);
  void publish_size_locked();
  void wait_locked(const std::shared_ptr<Connection>& connection, bool silent);
  void unwait_locked(Connection& connection);
  void for_each(void (*action)(Connection&));

  const ConnectionLimits limits_;
  Metrics* metrics_;
  mutable std::mutex mutex_;
  std::unordered_set<std::shared_ptr<Connection>> open_;
  std::unordered_map<std::string, std::size_t> per_address_;
  std::map<std::uint64_t, std::shared_ptr<Connection>> idle_;  ///< oldest first
  std::uint64_t next_idle_position_ = 1;
  std::map<std::uint64_t, std::shared_ptr<Connection>> waiting_;  ///< slow heads, oldest first
  std::map<std::uint64_t, std::shared_ptr<Connection>> silent_;   ///< nothing read yet, oldest first
  std::uint64_t next_waiting_position_ = 1;
  std::function<void()> on_empty_;
};

}  // namespace whistle::bot
