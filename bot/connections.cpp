#include "bot/connections.hpp"

#include <vector>

#include <boost/asio/post.hpp>

namespace whistle::bot {

std::shared_ptr<Connection> Connections::open(asio::any_io_executor executor) {
  const std::lock_guard lock(mutex_);
  if (open_.size() >= limit_) return nullptr;
  auto connection = std::make_shared<Connection>();
  connection->executor = std::move(executor);
  open_.insert(connection);
  return connection;
}

void Connections::close(const std::shared_ptr<Connection>& connection) {
  std::function<void()> callback;
  {
    const std::lock_guard lock(mutex_);
    open_.erase(connection);
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

void Connections::on_empty(std::function<void()> callback) {
  const std::lock_guard lock(mutex_);
  on_empty_ = std::move(callback);
}

void Connections::for_each(void (*action)(Connection&)) {
  std::vector<std::shared_ptr<Connection>> connections;
  {
    const std::lock_guard lock(mutex_);
    connections.assign(open_.begin(), open_.end());
  }
  // Each connection's state belongs to its own executor (its session's strand), so the action
  // runs there rather than here.
  for (std::shared_ptr<Connection>& connection : connections) {
    asio::post(connection->executor, [connection, action] { action(*connection); });
  }
}

}  // namespace whistle::bot
