#include "tests/bot/adapters/interim_platform_server.hpp"

#include <cctype>
#include <thread>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/http/write.hpp>

#include "bot/net.hpp"

namespace whistle::testing {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;
using bot::use_nothrow;

struct FakePlatformServer::Impl {
  asio::io_context io;
  tcp::acceptor acceptor{io, tcp::endpoint(asio::ip::make_address("127.0.0.1"), 0)};
  std::thread thread;
};

namespace {

asio::awaitable<void> serve(tcp::socket socket, FakePlatformServer* server) {
  beast::tcp_stream stream(std::move(socket));
  beast::flat_buffer buffer;
  for (;;) {
    http::request<http::string_body> request;
    auto [read_ec, read] = co_await http::async_read(stream, buffer, request, use_nothrow);
    if (read_ec) co_return;
    RecordedRequest recorded;
    recorded.method = std::string(request.method_string());
    recorded.target = std::string(request.target());
    recorded.body = request.body();
    for (const auto& field : request) {
      std::string name(field.name_string());
      for (char& c : name)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      recorded.headers[name] = std::string(field.value());
    }
    const CannedAnswer answer = server->handle(std::move(recorded));
    http::response<http::string_body> response{static_cast<http::status>(answer.status), request.version()};
    response.set(http::field::content_type, "application/json");
    for (const auto& [name, value] : answer.headers)
      response.set(name, value);
    response.body() = answer.body;
    response.keep_alive(request.keep_alive());
    response.prepare_payload();
    auto [write_ec, written] = co_await http::async_write(stream, response, use_nothrow);
    if (write_ec || !request.keep_alive()) co_return;
  }
}

asio::awaitable<void> accept_loop(tcp::acceptor& acceptor, FakePlatformServer* server) {
  for (;;) {
    auto [ec, socket] = co_await acceptor.async_accept(use_nothrow);
    if (ec) co_return;
    asio::co_spawn(acceptor.get_executor(), serve(std::move(socket), server), asio::detached);
  }
}

}  // namespace

FakePlatformServer::FakePlatformServer(Mode /*mode*/) : impl_(std::make_unique<Impl>()) {
  asio::co_spawn(impl_->io, accept_loop(impl_->acceptor, this), asio::detached);
  impl_->thread = std::thread([this] { impl_->io.run(); });
}

FakePlatformServer::~FakePlatformServer() {
  impl_->io.stop();
  impl_->thread.join();
}

std::string FakePlatformServer::base_url() const {
  return "http://127.0.0.1:" + std::to_string(impl_->acceptor.local_endpoint().port());
}

void FakePlatformServer::answer(std::function<CannedAnswer(const RecordedRequest&)> handler) {
  const std::lock_guard lock(mutex_);
  handler_ = std::move(handler);
}

CannedAnswer FakePlatformServer::handle(RecordedRequest request) {
  CannedAnswer answer;
  {
    const std::lock_guard lock(mutex_);
    if (handler_) answer = handler_(request);
    requests_.push_back(std::move(request));
  }
  changed_.notify_all();
  return answer;
}

std::vector<RecordedRequest> FakePlatformServer::requests() const {
  const std::lock_guard lock(mutex_);
  return requests_;
}

bool FakePlatformServer::wait_for_requests(std::size_t count, std::chrono::milliseconds deadline) const {
  std::unique_lock lock(mutex_);
  return changed_.wait_for(lock, deadline, [&] { return requests_.size() >= count; });
}

}  // namespace whistle::testing
