#include "bot/connections.hpp"

#include <vector>

#include <boost/asio/post.hpp>

namespace whistle::bot {

namespace {

// Each connection's state belongs to its own executor (its session's strand), so the close runs
// there rather than on the caller's thread.
void close_on_its_executor(std::shared_ptr<Connection> connection) {
  asio::any_io_executor executor = connection->executor;
  asio::post(executor, [connection = std::move(connection)] {
    connection->closed = true;
    if (connection->cancel) connection->cancel();
  });
}

}  // namespace

Connections::Connections(ConnectionLimits limits, Metrics* metrics) : limits_(limits), metrics_(metrics) {}

Connections::Admission Connections::open(asio::any_io_executor executor, std::string address, bool proxied,
                                         bool head_arrived) {
  std::shared_ptr<Connection> victim;
  Admission admission;
  {
    const std::lock_guard lock(mutex_);
    const bool address_full = !address.empty() && per_address_[address] >= limits_.max_per_address;
    if (address_full) {
      // An idle connection of the same client frees both its address's slot and a global one.
      victim = evict_locked(&address);
      if (!victim) admission.refusal = ConnectionRefusal::per_address_cap;
    } else if (open_.size() >= limits_.max_connections) {
      victim = evict_locked(nullptr);
      if (!victim) admission.refusal = ConnectionRefusal::global_cap;
    }
    if (victim || (!address_full && open_.size() < limits_.max_connections)) {
      auto connection = std::make_shared<Connection>();
      connection->executor = std::move(executor);
      connection->proxied = proxied;
      count_locked(*connection, std::move(address));
      open_.insert(connection);
      if (!head_arrived) wait_locked(connection, true);
      publish_size_locked();
      admission.connection = std::move(connection);
    } else {
      if (per_address_[address] == 0) per_address_.erase(address);
      if (metrics_ != nullptr) metrics_->count_connection_refused(admission.refusal);
    }
  }
  if (victim) close_on_its_executor(std::move(victim));
  return admission;
}

bool Connections::attribute(const std::shared_ptr<Connection>& connection, std::string client) {
  std::shared_ptr<Connection> victim;
  {
    const std::lock_guard lock(mutex_);
    if (!open_.contains(connection)) return false;
    if (connection->address == client) return true;
    uncount_locked(*connection);
    if (per_address_[client] >= limits_.max_per_address) {
      victim = evict_locked(&client);
      if (!victim) {
        if (per_address_[client] == 0) per_address_.erase(client);
        if (metrics_ != nullptr) metrics_->count_connection_refused(ConnectionRefusal::per_address_cap);
        return false;
      }
    }
    count_locked(*connection, std::move(client));
  }
  if (victim) close_on_its_executor(std::move(victim));
  return true;
}

void Connections::idle(const std::shared_ptr<Connection>& connection) {
  const std::lock_guard lock(mutex_);
  if (!open_.contains(connection) || connection->idle_hook.is_linked()) return;
  // Between requests a proxied connection belongs to the proxy, not to its last client.
  if (connection->proxied) uncount_locked(*connection);
  idle_.push_back(*connection);
}

bool Connections::active(const std::shared_ptr<Connection>& connection) {
  const std::lock_guard lock(mutex_);
  if (connection->idle_hook.is_linked()) idle_.erase(idle_.iterator_to(*connection));
  if (connection->evicted) return false;
  if (open_.contains(connection)) {
    // Bytes came: no longer silent, and slow until its head is in.
    unwait_locked(*connection);
    wait_locked(connection, false);
  }
  return true;
}

void Connections::head_read(const std::shared_ptr<Connection>& connection) {
  const std::lock_guard lock(mutex_);
  unwait_locked(*connection);
}

void Connections::wait_locked(const std::shared_ptr<Connection>& connection, bool silent) {
  if (connection->waiting_hook.is_linked()) return;
  connection->silent = silent;
  (silent ? silent_ : waiting_).push_back(*connection);
}

void Connections::unwait_locked(Connection& connection) {
  if (!connection.waiting_hook.is_linked()) return;
  WaitQueue& queue = connection.silent ? silent_ : waiting_;
  queue.erase(queue.iterator_to(connection));
  connection.silent = false;
}

bool Connections::evict_one() {
  std::shared_ptr<Connection> victim;
  {
    const std::lock_guard lock(mutex_);
    victim = evict_locked(nullptr);
  }
  if (!victim) return false;
  close_on_its_executor(std::move(victim));
  return true;
}

void Connections::close(const std::shared_ptr<Connection>& connection) {
  std::function<void()> callback;
  {
    const std::lock_guard lock(mutex_);
    if (open_.contains(connection)) forget_locked(connection);
    if (open_.empty()) callback = on_empty_;
  }
  // Outside the lock: the callback may ask for size().
  if (callback) callback();
}

void Connections::close_idle() {
  for_each([](Connection& connection) {
    connection.closing = true;
    if (!connection.busy && connection.cancel) {
      connection.closed = true;
      connection.cancel();
    }
  });
}

void Connections::close_all() {
  for_each([](Connection& connection) {
    connection.closing = true;
    if (connection.cancel) {
      connection.closed = true;
      connection.cancel();
    }
  });
}

std::size_t Connections::size() const {
  const std::lock_guard lock(mutex_);
  return open_.size();
}

std::size_t Connections::open_from(const std::string& address) const {
  const std::lock_guard lock(mutex_);
  const auto it = per_address_.find(address);
  return it == per_address_.end() ? 0 : it->second;
}

std::size_t Connections::idle_count() const {
  const std::lock_guard lock(mutex_);
  return idle_.size();
}

void Connections::detach_metrics() {
  const std::lock_guard lock(mutex_);
  metrics_ = nullptr;
}

void Connections::on_empty(std::function<void()> callback) {
  const std::lock_guard lock(mutex_);
  on_empty_ = std::move(callback);
}

std::shared_ptr<Connection> Connections::evict_locked(const std::string* address) {
  // Each queue is ordered by when its connections entered it, so the first match is the one that
  // has waited longest. An idle connection goes first (its client loses nothing it sent); then the
  // one that has spent longest sending a request's head, which only a slowloris does; then a new
  // one that has not been read from yet. So an attacker's connections make room for an honest
  // client even on the attacker's own address, and the honest one, whose head comes in its first
  // read, is not taken before that read.
  const auto first_in = [address](auto& queue) -> std::shared_ptr<Connection> {
    for (Connection& connection : queue) {
      if (address == nullptr || connection.address == *address) return connection.shared_from_this();
    }
    return nullptr;
  };
  std::shared_ptr<Connection> victim = first_in(idle_);
  if (!victim) victim = first_in(waiting_);
  if (!victim) victim = first_in(silent_);
  if (!victim) return nullptr;
  victim->evicted = true;
  // It stops counting now, though its socket closes a moment later on its own executor: the room
  // is handed to the new connection at once.
  forget_locked(victim);
  if (metrics_ != nullptr) metrics_->count_connection_evicted();
  return victim;
}

void Connections::count_locked(Connection& connection, std::string address) {
  if (!address.empty()) ++per_address_[address];
  connection.address = std::move(address);
}

void Connections::uncount_locked(Connection& connection) {
  if (connection.address.empty()) return;
  const auto it = per_address_.find(connection.address);
  if (it != per_address_.end() && --it->second == 0) per_address_.erase(it);
  connection.address.clear();
}

void Connections::forget_locked(const std::shared_ptr<Connection>& connection) {
  if (connection->idle_hook.is_linked()) idle_.erase(idle_.iterator_to(*connection));
  unwait_locked(*connection);
  uncount_locked(*connection);
  open_.erase(connection);
  publish_size_locked();
}

void Connections::publish_size_locked() {
  if (metrics_ != nullptr) metrics_->set_connections_open(static_cast<std::int64_t>(open_.size()));
}

void Connections::for_each(void (*action)(Connection&)) {
  std::vector<std::shared_ptr<Connection>> connections;
  {
    const std::lock_guard lock(mutex_);
    connections.assign(open_.begin(), open_.end());
  }
  // Each connection's state belongs to its own executor, so the action runs there.
  for (std::shared_ptr<Connection>& connection : connections) {
    asio::post(connection->executor, [connection, action] { action(*connection); });
  }
}

}  // namespace whistle::bot
