#include "bot/session.hpp"

#include <algorithm>
#include <exception>
#include <iterator>
#include <optional>
#include <string>
#include <string_view>

#include <spdlog/logger.h>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/serializer.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/http/write.hpp>

#include "bot/adapters/inbound_request.hpp"
#include "bot/adapters/untrusted_text.hpp"
#include "bot/clock.hpp"
#include "bot/connections.hpp"
#include "bot/endpoints.hpp"
#include "bot/http_error.hpp"
#include "bot/metrics.hpp"
#include "bot/request_head.hpp"
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

// Takes the answer's body over rather than copying it (an answer is written once). The answer to a
// HEAD says what the GET's would, Content-Length included, and ends at its header: a body there
// would be read by the client as the start of the next answer on the connection.
Response make_response(HttpAnswer& answer, unsigned version, bool keep_alive, bool head_request) {
  Response response{static_cast<http::status>(answer.status), version};
  response.set(http::field::server, "whistle");
  response.set(http::field::content_type, answer.content_type);
  for (const auto& [name, value] : answer.headers)
    response.set(name, value);
  response.body() = std::move(answer.body);
  response.keep_alive(keep_alive);
  response.prepare_payload();
  if (head_request) response.body().clear();
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

// The body's deadline: the header timeout, plus the time its declared length takes at the slowest
// rate accepted (a chunked body, whose length is unknown, is given the largest body allowed).
std::chrono::milliseconds body_timeout(const SessionLimits& limits, std::optional<std::uint64_t> length) {
  const std::uint64_t bytes =
      std::min<std::uint64_t>(length.value_or(limits.max_body_bytes), limits.max_body_bytes);
  const std::uint64_t rate = std::max<std::size_t>(limits.min_body_rate, 1);
  return limits.header_timeout + std::chrono::milliseconds(bytes * 1000 / rate);
}

// What the head says that the parser lets through but RFC 9112 refuses (bot/request_head.hpp).
std::optional<HttpError> refusal_of_head(const Request& request) {
  RequestHead head;
  head.version = request.version();
  const auto [host, hosts_end] = request.equal_range(http::field::host);
  head.host_lines = static_cast<std::size_t>(std::distance(host, hosts_end));
  if (host != hosts_end) head.host = view(host->value());
  std::string codings;
  const auto [coding, codings_end] = request.equal_range(http::field::transfer_encoding);
  for (auto it = coding; it != codings_end; ++it) {
    if (!codings.empty()) codings += ',';
    codings.append(it->value().data(), it->value().size());
  }
  head.transfer_encoding = codings;
  return head_refusal(head);
}

// Every X-Forwarded-For line, in order, as one comma-separated list (RFC 9110 5.3).
std::string forwarded_for(const Request& request) {
  std::string joined;
  const auto [first, last] = request.equal_range("X-Forwarded-For");
  for (auto it = first; it != last; ++it) {
    if (!joined.empty()) joined += ',';
    joined.append(it->value().data(), it->value().size());
  }
  return joined;
}

// The session's deadlines passed at this phase: counted, not logged (an ordinary ending).
void count_timeout(const boost::system::error_code& ec, Metrics& metrics, ConnectionTimeout phase) {
  if (ec == beast::error::timeout) metrics.count_connection_timed_out(phase);
}

// A webhook's head and body nearly always come in the first read. Parsing what the buffer already
// holds, before asking for more, spares the asynchronous reads that would find nothing new: each
// arms and cancels a deadline, posts its completion and resumes this coroutine. What the buffer
// lacks is read as before, and Beast's asynchronous read parses the same bytes the same way.
// Returns whether the parser has its head; `ec` holds a malformed or over-limit request's error.
bool head_from_buffer(http::request_parser<http::string_body>& parser, beast::flat_buffer& buffer,
                      boost::system::error_code& ec) {
  if (!parser.is_header_done() && buffer.size() > 0) {
    buffer.consume(parser.put(buffer.data(), ec));
    if (ec == http::error::need_more) ec = {};
  }
  return !ec && parser.is_header_done();
}

// The body's part of the same: whether the whole request is parsed from what was read already.
bool body_from_buffer(http::request_parser<http::string_body>& parser, beast::flat_buffer& buffer,
                      boost::system::error_code& ec) {
  while (!parser.is_done() && buffer.size() > 0) {
    const std::size_t used = parser.put(buffer.data(), ec);
    buffer.consume(used);
    if (ec == http::error::need_more) ec = {};
    if (ec || used == 0) break;
  }
  return !ec && parser.is_done();
}

// Writes as much of the answer as the socket takes now, which for an answer of a few hundred bytes
// is all of it: no deadline armed and cancelled, no completion posted. Returns false (the rest is
// for an asynchronous write, under the write deadline) when the socket would block or cannot be
// written without blocking at all; `ec` holds any other failure.
bool write_at_once(beast::tcp_stream& stream, bool non_blocking,
                   http::response_serializer<http::string_body>& serializer, boost::system::error_code& ec) {
  if (!non_blocking) return false;
  http::write(stream.socket(), serializer, ec);
  if (ec == asio::error::would_block || ec == asio::error::try_again) {
    ec = {};
    return false;
  }
  return true;
}

}  // namespace

// g++ 12 wrongly reports Asio's coroutine frame allocator (aligned_alloc, freed by the matching
// aligned delete) as mismatched for this large frame: GCC bug 109224.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmismatched-new-delete"
asio::awaitable<void> run_session(asio::ip::tcp::socket socket, std::shared_ptr<Connection> connection,
                                  std::shared_ptr<Connections> connections, SessionContext& context) {
  using steady = std::chrono::steady_clock;
  const steady::time_point accepted = steady::now();
  beast::tcp_stream stream(std::move(socket));
  // Only a socket that never blocks may be written to at once (write_at_once); Asio's own
  // asynchronous operations work the same either way.
  boost::system::error_code mode_ec;
  stream.socket().non_blocking(true, mode_ec);
  const bool non_blocking = !mode_ec;
  // Runs on this connection's executor (Connections posts it there), so it never races our own I/O.
  connection->cancel = [&stream] {
    boost::system::error_code ignored;
    stream.socket().close(ignored);
  };
  const ConnectionGuard guard(connection, connections);
  // Evicted before this session first ran (a flood at a cap): nothing to read, the socket goes now.
  if (connection->closed) co_return;
  spdlog::logger& log = *context.log;
  const SessionLimits& limits = context.limits;
  beast::flat_buffer buffer;
  bool first_request = true;

  for (;;) {
    // A new connection is not idle until its first request is answered: at a cap it is evicted
    // only after every idle one (Connections' order), and its header deadline runs from the
    // accept (a connection that never says a word is gone after header_timeout, or idle_timeout
    // if that is shorter).
    steady::time_point header_deadline = accepted + limits.header_timeout;
    if (buffer.size() == 0) {
      // Idle phase: a keep-alive client may wait idle_timeout before its next request, unless the
      // room is needed first (at a cap Connections evicts idle connections before any other).
      // Shutdown or eviction closes the socket here, which ends the read with operation_aborted.
      if (first_request) {
        stream.expires_at(accepted + std::min(limits.header_timeout, limits.idle_timeout));
      } else {
        connections->idle(connection);
        stream.expires_after(limits.idle_timeout);
      }
      auto [ec, n] = co_await stream.async_read_some(buffer.prepare(kFirstReadBytes), use_nothrow);
      const bool kept = connections->active(connection);
      if (ec) {
        if (kept)
          count_timeout(ec, context.metrics,
                        first_request ? ConnectionTimeout::header : ConnectionTimeout::idle);
        break;
      }
      // Evicted just as a request began: dropped, as with any keep-alive close racing a request.
      if (!kept) break;
      buffer.commit(n);
    }
    if (!first_request) header_deadline = steady::now() + limits.header_timeout;
    first_request = false;
    const auto started = steady::now();

    // A fresh parser per request, so the body limit and the parser state never leak between them.
    http::request_parser<http::string_body> parser;
    parser.body_limit(limits.max_body_bytes);
    boost::system::error_code read_ec;
    if (!head_from_buffer(parser, buffer, read_ec) && !read_ec) {
      stream.expires_at(header_deadline);
      auto [header_ec, header_bytes] = co_await http::async_read_header(stream, buffer, parser, use_nothrow);
      read_ec = header_ec;
      count_timeout(header_ec, context.metrics, ConnectionTimeout::header);
    }
    connections->head_read(connection);
    std::optional<HttpError> refusal;
    if (!read_ec) refusal = refusal_of_head(parser.get());
    if (!read_ec && !refusal && connection->proxied) {
      // Known only now: the client behind our proxy, who is held to the per-address cap while
      // this request lasts (the proxy's own address is not capped).
      if (const std::optional<std::string> client =
              context.trusted_proxies.client(forwarded_for(parser.get()))) {
        if (!connections->attribute(connection, *client)) {
          refusal = HttpError{503, "too many connections"};
          if (const std::optional<std::uint64_t> suppressed = context.refusal_log->admit()) {
            // The client is X-Forwarded-For text, which need not be an address: quoted.
            log.warn("connections refused reason=per_address_cap client={} suppressed={}",
                     log_quoted(*client), *suppressed);
          }
        }
      }
    }
    if (!read_ec && !refusal &&
        expects_continue(parser.get().version(), view(parser.get()[http::field::expect]))) {
      // curl and others hold back a larger body until told to go on.
      Response go_on{http::status::continue_, parser.get().version()};
      auto [continue_ec, continue_bytes] = co_await http::async_write(stream, go_on, use_nothrow);
      read_ec = continue_ec;
    }
    if (!read_ec && !refusal && !body_from_buffer(parser, buffer, read_ec) && !read_ec) {
      stream.expires_after(body_timeout(limits, parser.content_length()
                                                    ? std::optional<std::uint64_t>(*parser.content_length())
                                                    : std::nullopt));
      auto [body_ec, body_bytes] = co_await http::async_read(stream, buffer, parser, use_nothrow);
      read_ec = body_ec;
      count_timeout(body_ec, context.metrics, ConnectionTimeout::body);
    }
    if (read_ec && !refusal) {
      refusal = read_error_answer(read_ec);
      if (!refusal) break;
    }
    if (refusal) {
      // The rest of the request is unread, so the connection cannot go on after this answer.
      HttpAnswer answer = error_answer(*refusal);
      const bool head_request = !read_ec && parser.get().method() == http::verb::head;
      Response response = make_response(answer, 11, false, head_request);
      stream.expires_after(limits.write_timeout);
      [[maybe_unused]] auto [write_ec, written] = co_await http::async_write(stream, response, use_nothrow);
      // A refusal once the request line was read (a body over the limit: 413, which Beast reports
      // before it marks the head done) is counted under the route it was sent to, not "unmatched"
      // (an exploratory run of the platforms, 2026-12-07).
      std::optional<Endpoint> endpoint;
      if (!parser.get().target().empty()) {
        std::string absolute_target;
        const std::string_view target = origin_form(view(parser.get().target()), absolute_target);
        endpoint = context.router.route(view(parser.get().method_string()), target).endpoint;
      }
      context.metrics.count_request(endpoint, answer.status,
                                    std::chrono::duration<double>(steady::now() - started).count());
      // A client's own mistake, one per request: the access line's level, so that an attack of
      // malformed requests is quiet at SPDLOG_LEVEL=warn.
      if (log.should_log(spdlog::level::info)) {
        log.info("request refused status={} reason=\"{}\"", answer.status, refusal->message);
      }
      co_await linger(stream, buffer);
      co_return;
    }

    // The read may have completed just as shutdown closed the socket: no answer could be written,
    // so the request is not taken at all (the client sees the connection close and redelivers).
    if (connection->closed) break;
    connection->busy = true;
    const Request request = parser.release();
    std::string absolute_target;  // the rare target that is a whole URL, in origin form
    const std::string_view target = origin_form(view(request.target()), absolute_target);
    const Route route = context.router.route(view(request.method_string()), target);
    EndpointResult result;
    if (!route.endpoint) {
      result.answer = error_answer(route.error);
      if (!route.allow.empty()) result.answer.headers.emplace_back("Allow", route.allow);
    } else {
      const BeastHeaders headers(request);
      const InboundRequest inbound{view(request.method_string()), target, request.body(), headers,
                                   context.clock.now()};
      try {
        co_await context.endpoints.handle(route, inbound, result);
      } catch (const std::exception& error) {
        // A bug or an infrastructure failure: the client learns nothing of it, the log does.
        // The event's id is the client's text (it may hold spaces): quoted, as in every line.
        log.error("request failed target={} event={} error={}", target,
                  result.event.empty() ? "-" : log_quoted(result.event), error.what());
        result.answer = error_answer(HttpError{500, "internal error"});
      }
    }

    // After shutdown began, the answer in progress is the connection's last.
    const bool keep_alive = request.keep_alive() && !connection->closing;
    Response response =
        make_response(result.answer, request.version(), keep_alive, request.method() == http::verb::head);
    http::response_serializer<http::string_body> serializer(response);
    boost::system::error_code write_ec;
    if (!write_at_once(stream, non_blocking, serializer, write_ec)) {
      stream.expires_after(context.limits.write_timeout);
      auto [async_ec, written] = co_await http::async_write(stream, serializer, use_nothrow);
      write_ec = async_ec;
    }
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    context.metrics.count_request(route.endpoint, result.answer.status, seconds);
    // One line per request, built only when it will be written (the benchmarks run at 50k req/s).
    if (log.should_log(spdlog::level::info)) {
      log.info("method={} target={} status={} ms={:.3f} event={}", view(request.method_string()), target,
               result.answer.status, seconds * 1000, result.event.empty() ? "-" : log_quoted(result.event));
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
