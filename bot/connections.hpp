#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include <boost/asio/any_io_executor.hpp>
#include <boost/intrusive/list.hpp>

#include "bot/metrics.hpp"
#include "bot/net.hpp"

namespace whistle::bot {

/// One open connection as the server sees it. `busy`, `closing`, `closed` and `cancel` are only
/// touched on the connection's own executor; `address`, the queues' hooks, `silent` and `evicted`
/// only by Connections, under its lock.
struct Connection : std::enable_shared_from_this<Connection> {
  /// A place in one of Connections' queues, linked in the connection itself: entering or leaving a
  /// queue (twice a request) allocates nothing. Safe mode: linked or not is always known.
  using QueueHook =
      boost::intrusive::list_member_hook<boost::intrusive::link_mode<boost::intrusive::safe_link>>;

  asio::any_io_executor executor;
  bool proxied = false;          ///< the peer is a trusted proxy; set at open, never changed
  bool busy = false;             ///< a request has been read and is not yet answered
  bool closing = false;          ///< shutting down: close after the current answer
  bool closed = false;           ///< the server closed the socket; a request read just before is dropped
  std::function<void()> cancel;  ///< closes the socket, aborting a pending read; set by the session

  std::string address;  ///< counted against this address's cap; empty: not counted
  QueueHook idle_hook;  ///< linked: in the idle queue
  /// Linked: in the queue of connections still sending a request's head, or, when `silent`, of new
  /// connections from which nothing has been read yet.
  QueueHook waiting_hook;
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
  using IdleQueue = boost::intrusive::list<
      Connection, boost::intrusive::member_hook<Connection, Connection::QueueHook, &Connection::idle_hook>>;
  using WaitQueue =
      boost::intrusive::list<Connection, boost::intrusive::member_hook<Connection, Connection::QueueHook,
                                                                       &Connection::waiting_hook>>;

  /// Owns the open connections. A queue links only connections in here (forget_locked unlinks one
  /// before it leaves), so none dies while linked; the queues, declared after, go first.
  std::unordered_set<std::shared_ptr<Connection>> open_;
  std::unordered_map<std::string, std::size_t> per_address_;
  // Each queue is in the order its connections entered it, oldest first.
  IdleQueue idle_;
  WaitQueue waiting_;  ///< slow heads
  WaitQueue silent_;   ///< nothing read yet
  std::function<void()> on_empty_;
};

}  // namespace whistle::bot
