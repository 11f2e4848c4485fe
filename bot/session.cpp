#include "bot/session.hpp"

#include <exception>
#include <optional>
#include <string_view>

#include <spdlog/logger.h>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/http/write.hpp>

#include "bot/adapters/inbound_request.hpp"
#include "bot/clock.hpp"
#include "bot/connections.hpp"
#include "bot/endpoints.hpp"
#include "bot/http_error.hpp"
#include "bot/metrics.hpp"
#include "bot/router.hpp"

namespace whistle::bot {

namespace http = beast::http;
using Request = http::request<http::string_body>;
using Response = http::response<http::string_body>;

namespace {

// The first read of a request asks for this much; a larger request is read on by Beast.
constexpr std::size_t kFirstReadBytes = 8192;

std::string_view view(beast::string_view text) {
  return {text.data(), text.size()};
}

// Adapters read headers through this, so that they never see Beast.
class BeastHeaders final : public RequestHeaders {
 public:
  explicit BeastHeaders(const Request& request) : request_(request) {}

  std::string_view get(std::string_view name) const override {
    const auto it = request_.find(beast::string_view(name.data(), name.size()));
    return it == request_.end() ? std::string_view() : view(it->value());
  }

 private:
  const Request& request_;
};

// Forgets the connection when the session ends, however it ends.
class ConnectionGuard {
 public:
  ConnectionGuard(std::shared_ptr<Connection> connection, std::shared_ptr<Connections> connections)
      : connection_(std::move(connection)), connections_(std::move(connections)) {}
  ~ConnectionGuard() {
    connection_->cancel = nullptr;
    connections_->close(connection_);
  }
  ConnectionGuard(const ConnectionGuard&) = delete;
  ConnectionGuard& operator=(const ConnectionGuard&) = delete;

 private:
  std::shared_ptr<Connection> connection_;
  std::shared_ptr<Connections> connections_;
};

// The end of a connection by the client, a deadline or our own shutdown: not worth a log line.
bool ordinary_ending(const boost::system::error_code& ec) {
  return ec == http::error::end_of_stream || ec == beast::error::timeout ||
         ec == asio::error::operation_aborted || ec == asio::error::eof ||
         ec == asio::error::connection_reset || ec == asio::error::bad_descriptor ||
         ec == http::error::partial_message;
}

// The answer to a request that could not be read, when the client deserves one.
std::optional<HttpError> read_error_answer(const boost::system::error_code& ec) {
  if (ec == http::error::body_limit) return HttpError{413, "request body too large"};
  if (ec == http::error::header_limit) return HttpError{431, "request headers too large"};
  if (ec.category() == make_error_code(http::error::end_of_stream).category() && !ordinary_ending(ec)) {
    return HttpError{400, "malformed HTTP request"};
  }
  return std::nullopt;
}

Response make_response(const HttpAnswer& answer, unsigned version, bool keep_alive) {
  Response response{static_cast<http::status>(answer.status), version};
  response.set(http::field::server, "whistle");
  response.set(http::field::content_type, answer.content_type);
  for (const auto& [name, value] : answer.headers)
    response.set(name, value);
  response.body() = answer.body;
  response.keep_alive(keep_alive);
  response.prepare_payload();
  return response;
}

// Closing a socket with unread data sends a reset, and the client may lose our answer with it. So
// after refusing a request whose body we did not read, we stop sending and read (and drop) what
// the client still sends, for a little while, before closing — a lingering close, as nginx does.
asio::awaitable<void> linger(beast::tcp_stream& stream, beast::flat_buffer& buffer) {
  constexpr std::size_t kMaxDrainBytes = 1 << 20;
  constexpr std::chrono::seconds kMaxDrainTime{2};
  boost::system::error_code ignored;
  stream.socket().shutdown(asio::ip::tcp::socket::shutdown_send, ignored);
  stream.expires_after(kMaxDrainTime);
  std::size_t drained = 0;
  while (drained < kMaxDrainBytes) {
    buffer.clear();
    auto [ec, n] = co_await stream.async_read_some(buffer.prepare(16384), use_nothrow);
    if (ec) break;
    drained += n;
  }
}

}  // namespace

// g++ 12 wrongly reports Asio's coroutine frame allocator (aligned_alloc, freed by the matching
// aligned delete) as mismatched for this large frame: GCC bug 109224.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmismatched-new-delete"
asio::awaitable<void> run_session(asio::ip::tcp::socket socket, std::shared_ptr<Connection> connection,
                                  std::shared_ptr<Connections> connections, SessionContext& context) {
  beast::tcp_stream stream(std::move(socket));
  // Runs on this connection's executor (Connections posts it there), so it never races our own I/O.
  connection->cancel = [&stream] {
    boost::system::error_code ignored;
    stream.socket().close(ignored);
  };
  const ConnectionGuard guard(connection, connections);
  spdlog::logger& log = *context.log;
  beast::flat_buffer buffer;

  for (;;) {
    // Idle phase: a keep-alive client may wait this long before its next request. Shutdown closes
    // the socket here, which ends the read with operation_aborted.
    if (buffer.size() == 0) {
      stream.expires_after(context.limits.idle_timeout);
      auto [ec, n] = co_await stream.async_read_some(buffer.prepare(kFirstReadBytes), use_nothrow);
      if (ec) break;
      buffer.commit(n);
    }
    const auto started = std::chrono::steady_clock::now();

    // A fresh parser per request, so the body limit and the parser state never leak between them.
    http::request_parser<http::string_body> parser;
    parser.body_limit(context.limits.max_body_bytes);
    stream.expires_after(context.limits.read_timeout);
    auto [header_ec, header_bytes] = co_await http::async_read_header(stream, buffer, parser, use_nothrow);
    boost::system::error_code read_ec = header_ec;
    if (!read_ec && parser.get()[http::field::expect] == "100-continue") {
      // curl and others hold back a larger body until told to go on.
      Response go_on{http::status::continue_, parser.get().version()};
      auto [continue_ec, continue_bytes] = co_await http::async_write(stream, go_on, use_nothrow);
      read_ec = continue_ec;
    }
    if (!read_ec) {
      auto [body_ec, body_bytes] = co_await http::async_read(stream, buffer, parser, use_nothrow);
      read_ec = body_ec;
    }
    if (read_ec) {
      const std::optional<HttpError> refusal = read_error_answer(read_ec);
      if (!refusal) break;
      // The rest of the request is unread, so the connection cannot go on after this answer.
      const HttpAnswer answer = error_answer(*refusal);
      Response response = make_response(answer, 11, false);
      stream.expires_after(context.limits.write_timeout);
      [[maybe_unused]] auto [write_ec, written] = co_await http::async_write(stream, response, use_nothrow);
      context.metrics.count_request(
          std::nullopt, answer.status,
          std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count());
      log.warn("request refused status={} reason=\"{}\"", answer.status, refusal->message);
      co_await linger(stream, buffer);
      co_return;
    }

    // The read may have completed just as shutdown closed the socket: no answer could be written,
    // so the request is not taken at all (the client sees the connection close and redelivers).
    if (connection->closed) break;
    connection->busy = true;
    const Request request = parser.release();
    const Route route = context.router.route(view(request.method_string()), view(request.target()));
    EndpointResult result;
    if (!route.endpoint) {
      result.answer = error_answer(route.error);
      if (!route.allow.empty()) result.answer.headers.emplace_back("Allow", route.allow);
    } else {
      const BeastHeaders headers(request);
      const InboundRequest inbound{view(request.method_string()), view(request.target()), request.body(),
                                   headers, context.clock.now()};
      try {
        co_await context.endpoints.handle(*route.endpoint, route.instance, inbound, result);
      } catch (const std::exception& error) {
        // A bug or an infrastructure failure: the client learns nothing of it, the log does.
        log.error("request failed target={} event={} error={}", view(request.target()),
                  result.event.empty() ? "-" : result.event, error.what());
        result.answer = error_answer(HttpError{500, "internal error"});
      }
    }

    // After shutdown began, the answer in progress is the connection's last.
    const bool keep_alive = request.keep_alive() && !connection->closing;
    Response response = make_response(result.answer, request.version(), keep_alive);
    stream.expires_after(context.limits.write_timeout);
    auto [write_ec, written] = co_await http::async_write(stream, response, use_nothrow);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    context.metrics.count_request(route.endpoint, result.answer.status, seconds);
    // One line per request, built only when it will be written (the benchmarks run at 50k req/s).
    if (log.should_log(spdlog::level::info)) {
      log.info("method={} target={} status={} ms={:.3f} event={}", view(request.method_string()),
               view(request.target()), result.answer.status, seconds * 1000,
               result.event.empty() ? "-" : result.event);
    }
    connection->busy = false;
    if (write_ec || !keep_alive || connection->closing) break;
  }

  // Tell the client we are done; failures here change nothing.
  boost::system::error_code ignored;
  stream.socket().shutdown(asio::ip::tcp::socket::shutdown_send, ignored);
}
#pragma GCC diagnostic pop

}  // namespace whistle::bot
