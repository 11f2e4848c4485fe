#include "tests/support/fake_deliver_server.hpp"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/http/write.hpp>

#include "bot/net.hpp"

namespace whistle::bot::testing {

namespace http = beast::http;
using tcp = asio::ip::tcp;

struct FakeDeliverServer::Impl {
  asio::io_context io;
  tcp::acceptor acceptor{io, tcp::endpoint(asio::ip::make_address("127.0.0.1"), 0)};
  std::thread thread;
};

namespace {

asio::awaitable<void> serve(tcp::socket socket, FakeDeliverServer* server) {
  beast::tcp_stream stream(std::move(socket));
  beast::flat_buffer buffer;
  for (;;) {
    http::request<http::string_body> request;
    auto [read_ec, read] = co_await http::async_read(stream, buffer, request, use_nothrow);
    if (read_ec) co_return;
    Delivery delivery;
    delivery.target = std::string(request.target());
    delivery.signature = std::string(request["X-Whistle-Signature"]);
    delivery.delivery_id = std::string(request["X-Whistle-Delivery"]);
    delivery.body = request.body();
    const int status = server->record(std::move(delivery));
    http::response<http::string_body> response{static_cast<http::status>(status), request.version()};
    response.set(http::field::content_type, "application/json");
    response.body() = status == 200 ? R"({"ok":true})" : R"({"ok":false})";
    response.keep_alive(request.keep_alive());
    response.prepare_payload();
    auto [write_ec, written] = co_await http::async_write(stream, response, use_nothrow);
    if (write_ec || !request.keep_alive()) co_return;
  }
}

asio::awaitable<void> accept_loop(tcp::acceptor& acceptor, FakeDeliverServer* server) {
  for (;;) {
    auto [ec, socket] = co_await acceptor.async_accept(use_nothrow);
    if (ec) co_return;
    asio::co_spawn(acceptor.get_executor(), serve(std::move(socket), server), asio::detached);
  }
}

}  // namespace

FakeDeliverServer::FakeDeliverServer() : impl_(std::make_unique<Impl>()) {
  asio::co_spawn(impl_->io, accept_loop(impl_->acceptor, this), asio::detached);
  impl_->thread = std::thread([this] { impl_->io.run(); });
}

FakeDeliverServer::~FakeDeliverServer() {
  release_answers();
  impl_->io.stop();
  impl_->thread.join();
}

std::string FakeDeliverServer::url() const {
  return "http://127.0.0.1:" + std::to_string(impl_->acceptor.local_endpoint().port()) + "/deliver";
}

void FakeDeliverServer::fail_next(int count, int status, std::string body_has) {
  const std::lock_guard lock(mutex_);
  failures_left_ = count;
  failure_status_ = status;
  failure_body_has_ = std::move(body_has);
}

int FakeDeliverServer::record(Delivery delivery) {
  int status = 200;
  std::unique_lock lock(mutex_);
  if (failures_left_ > 0 && delivery.body.find(failure_body_has_) != std::string::npos) {
    --failures_left_;
    status = failure_status_;
  }
  delivery.status = status;
  deliveries_.push_back(std::move(delivery));
  changed_.notify_all();
  changed_.wait(lock, [this] { return !holding_; });
  return status;
}

void FakeDeliverServer::hold_answers() {
  const std::lock_guard lock(mutex_);
  holding_ = true;
}

void FakeDeliverServer::release_answers() {
  {
    const std::lock_guard lock(mutex_);
    holding_ = false;
  }
  changed_.notify_all();
}

bool FakeDeliverServer::wait_for_accepted(std::size_t count, std::chrono::milliseconds deadline) {
  std::unique_lock lock(mutex_);
  return changed_.wait_for(lock, deadline, [&] {
    std::size_t accepted = 0;
    for (const Delivery& delivery : deliveries_)
      accepted += delivery.status / 100 == 2 ? 1 : 0;
    return accepted >= count;
  });
}

std::vector<Delivery> FakeDeliverServer::deliveries() const {
  const std::lock_guard lock(mutex_);
  return deliveries_;
}

}  // namespace whistle::bot::testing
