#include "tests/support/fake_platform_server.hpp"

#include <openssl/ssl.h>

#include <algorithm>
#include <cctype>
#include <condition_variable>
#include <exception>
#include <mutex>
#include <optional>
#include <thread>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl/context.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/http/write.hpp>
#include <boost/beast/ssl/ssl_stream.hpp>

#include "bot/net.hpp"

namespace whistle::testing {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
namespace ssl = asio::ssl;
using tcp = asio::ip::tcp;
using bot::use_nothrow;

namespace {

// A request bigger than this is nothing our client sends a platform.
constexpr std::size_t kMaxRequestBytes = 1 << 20;
// After the last answer, how long a TLS connection waits for the client's close_notify: a client
// that keeps the connection open without ever closing it must not hold the server.
constexpr auto kShutdownBound = std::chrono::seconds(2);

// TLS 1.2 and later only, as every platform requires today.
ssl::context make_tls_context(ServerCertificate certificate) {
  ssl::context context(ssl::context::tls_server);
  context.set_options(ssl::context::default_workarounds | ssl::context::no_sslv2 | ssl::context::no_sslv3 |
                      ssl::context::no_tlsv1 | ssl::context::no_tlsv1_1);
  const PemCredentials& credentials = server_credentials(certificate);
  context.use_certificate_chain(asio::buffer(credentials.certificate));
  context.use_private_key(asio::buffer(credentials.private_key), ssl::context::pem);
  return context;
}

RecordedRequest to_recorded(const http::request<http::string_body>& request, std::string sni) {
  RecordedRequest recorded;
  recorded.method = std::string(request.method_string());
  recorded.target = std::string(request.target());
  recorded.body = request.body();
  for (const auto& field : request) {
    std::string name(field.name_string());
    std::transform(name.begin(), name.end(), name.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    const auto [it, inserted] = recorded.headers.try_emplace(name, field.value());
    if (!inserted) it->second += ", " + std::string(field.value());
  }
  recorded.sni = std::move(sni);
  return recorded;
}

http::response<http::string_body> to_response(const CannedAnswer& answer, unsigned version, bool keep_alive) {
  http::response<http::string_body> response{static_cast<http::status>(answer.status), version};
  response.set(http::field::content_type, "application/json");
  for (const auto& [name, value] : answer.headers)
    response.set(name, value);
  response.body() = answer.body;
  // A canned `Connection: close` is honoured: the connection ends after this answer.
  const bool says_close = std::any_of(answer.headers.begin(), answer.headers.end(), [](const auto& header) {
    return beast::iequals(header.first, "connection") && beast::iequals(header.second, "close");
  });
  response.keep_alive(keep_alive && !says_close);
  response.prepare_payload();
  return response;
}

// A handler that throws is a bug in the test: let it end the process loudly rather than hang.
void rethrow(const std::exception_ptr& error) {
  if (error) std::rethrow_exception(error);
}

}  // namespace

struct FakePlatformServer::Impl {
  Impl(Mode mode, ServerCertificate certificate) {
    if (mode == Mode::tls) tls.emplace(make_tls_context(certificate));
  }

  // Declared before the io_context so that it outlives the connections destroyed with it.
  std::optional<ssl::context> tls;
  asio::io_context io;
  tcp::acceptor acceptor{io, tcp::endpoint(asio::ip::make_address("127.0.0.1"), 0)};
  const unsigned short port = acceptor.local_endpoint().port();
  std::thread thread;

  mutable std::mutex mutex;
  mutable std::condition_variable changed;
  std::vector<RecordedRequest> requests;
  std::function<CannedAnswer(const RecordedRequest&)> handler;
  std::size_t connections = 0;
  bool hang_up_after_answer = false;

  // Stores the request, wakes the waiters, then asks the test's handler what to answer.
  CannedAnswer record(RecordedRequest request) {
    std::function<CannedAnswer(const RecordedRequest&)> respond;
    {
      const std::lock_guard lock(mutex);
      respond = handler;
      requests.push_back(request);
    }
    changed.notify_all();
    return respond ? respond(request) : CannedAnswer{};
  }

  asio::awaitable<void> accept_loop() {
    for (;;) {
      auto [ec, socket] = co_await acceptor.async_accept(use_nothrow);
      if (ec) co_return;
      {
        const std::lock_guard lock(mutex);
        ++connections;
      }
      asio::co_spawn(io, serve(std::move(socket)), rethrow);
    }
  }

  asio::awaitable<void> serve(tcp::socket socket) {
    if (!tls) {
      beast::tcp_stream stream(std::move(socket));
      co_await converse(stream, std::string());
      co_return;
    }
    beast::ssl_stream<beast::tcp_stream> stream(std::move(socket), *tls);
    auto [handshake_ec] = co_await stream.async_handshake(ssl::stream_base::server, use_nothrow);
    // The client refused the certificate (the negative tests' point) or spoke no TLS: nothing to record.
    if (handshake_ec) co_return;
    // Null when the client sent no name (as it must not for an IP address).
    const char* server_name = SSL_get_servername(stream.native_handle(), TLSEXT_NAMETYPE_host_name);
    std::string sni;
    if (server_name) sni = server_name;
    co_await converse(stream, std::move(sni));
    beast::get_lowest_layer(stream).expires_after(kShutdownBound);
    // How the close went changes nothing: the answers are recorded already.
    co_await stream.async_shutdown(use_nothrow);
  }

  // Answers requests on one connection until the client closes it or asks for no keep-alive.
  template <class Stream>
  asio::awaitable<void> converse(Stream& stream, std::string sni) {
    beast::flat_buffer buffer;
    for (;;) {
      http::request_parser<http::string_body> parser;
      parser.body_limit(kMaxRequestBytes);
      auto [read_ec, read] = co_await http::async_read(stream, buffer, parser, use_nothrow);
      if (read_ec) co_return;
      const http::request<http::string_body>& request = parser.get();
      const CannedAnswer answer = record(to_recorded(request, sni));
      auto response = to_response(answer, request.version(), request.keep_alive());
      auto [write_ec, written] = co_await http::async_write(stream, response, use_nothrow);
      if (write_ec || !response.keep_alive()) co_return;
      bool hang_up = false;
      {
        const std::lock_guard lock(mutex);
        hang_up = hang_up_after_answer;
      }
      // As a server whose idle timeout passed: closed without having said so in the answer.
      if (hang_up) co_return;
    }
  }
};

FakePlatformServer::FakePlatformServer(Mode mode) : FakePlatformServer(mode, ServerCertificate::trusted) {}

FakePlatformServer::FakePlatformServer(Mode mode, ServerCertificate certificate)
    : impl_(std::make_unique<Impl>(mode, certificate)) {
  asio::co_spawn(impl_->io, impl_->accept_loop(), rethrow);
  impl_->thread = std::thread([impl = impl_.get()] { impl->io.run(); });
}

// Stopping the io_context abandons open connections; destroying it closes their sockets.
FakePlatformServer::~FakePlatformServer() {
  impl_->io.stop();
  impl_->thread.join();
}

std::string FakePlatformServer::base_url() const {
  return std::string(impl_->tls ? "https" : "http") + "://127.0.0.1:" + std::to_string(impl_->port);
}

std::string FakePlatformServer::ca_file() {
  return test_ca_file();
}

void FakePlatformServer::answer(std::function<CannedAnswer(const RecordedRequest&)> handler) {
  const std::lock_guard lock(impl_->mutex);
  impl_->handler = std::move(handler);
}

std::vector<RecordedRequest> FakePlatformServer::requests() const {
  const std::lock_guard lock(impl_->mutex);
  return impl_->requests;
}

bool FakePlatformServer::wait_for_requests(std::size_t count, std::chrono::milliseconds deadline) const {
  std::unique_lock lock(impl_->mutex);
  return impl_->changed.wait_for(lock, deadline, [&] { return impl_->requests.size() >= count; });
}

std::size_t FakePlatformServer::connections() const {
  const std::lock_guard lock(impl_->mutex);
  return impl_->connections;
}

void FakePlatformServer::hang_up_after_each_answer(bool hang_up) {
  const std::lock_guard lock(impl_->mutex);
  impl_->hang_up_after_answer = hang_up;
}

}  // namespace whistle::testing
