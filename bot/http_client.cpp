#include "bot/http_client.hpp"

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/empty_body.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/http/write.hpp>

namespace whistle::bot {

namespace http = beast::http;
using tcp = asio::ip::tcp;

namespace {

// An answer bigger than this is not a platform's acknowledgement; reading stops there.
constexpr std::size_t kMaxAnswerBytes = 1 << 20;

std::string describe(std::string_view step, const boost::system::error_code& ec) {
  if (ec == beast::error::timeout || ec == asio::error::operation_aborted)
    return std::string(step) + ": timeout";
  return std::string(step) + ": " + ec.message();
}

}  // namespace

std::optional<HttpUrl> parse_http_url(std::string_view url) {
  HttpUrl parsed;
  if (url.starts_with("https://")) {
    parsed.tls = true;
    parsed.port = "443";
    url.remove_prefix(8);
  } else if (url.starts_with("http://")) {
    url.remove_prefix(7);
  } else {
    return std::nullopt;
  }
  const auto slash = url.find('/');
  std::string_view authority = url.substr(0, slash);
  if (slash != std::string_view::npos) parsed.target = std::string(url.substr(slash));
  // A bracketed IPv6 literal keeps its colons.
  const auto colon = authority.rfind(':');
  const auto bracket = authority.rfind(']');
  if (colon != std::string_view::npos && (bracket == std::string_view::npos || colon > bracket)) {
    parsed.port = std::string(authority.substr(colon + 1));
    authority = authority.substr(0, colon);
    if (parsed.port.empty()) return std::nullopt;
  }
  if (authority.starts_with('[') && authority.ends_with(']'))
    authority = authority.substr(1, authority.size() - 2);
  if (authority.empty()) return std::nullopt;
  parsed.host = std::string(authority);
  return parsed;
}

// Filled in with the TLS context (issue 13); plain HTTP needs nothing.
struct HttpClient::Tls {};

HttpClient::HttpClient(const HttpClientOptions& /*options*/) : tls_(std::make_unique<Tls>()) {}
HttpClient::~HttpClient() = default;

asio::awaitable<HttpClientResult> HttpClient::send(OutboundRequest request,
                                                   std::chrono::milliseconds timeout) const {
  HttpClientResult result;
  const std::optional<HttpUrl> url = parse_http_url(request.url);
  if (!url || url->tls) {
    result.error = "unsupported URL (only http:// is supported)";
    co_return result;
  }
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  const auto executor = co_await asio::this_coro::executor;

  // The resolver has no deadline of its own: a timer cancels it. The handler touches the resolver
  // only when the timer really expired, which cannot happen after this frame is gone (destroying
  // the timer completes its wait with operation_aborted).
  tcp::resolver resolver(executor);
  asio::steady_timer resolve_deadline(executor, deadline);
  resolve_deadline.async_wait([&resolver](const boost::system::error_code& ec) {
    if (!ec) resolver.cancel();
  });
  auto [resolve_ec, endpoints] = co_await resolver.async_resolve(url->host, url->port, use_nothrow);
  resolve_deadline.cancel();
  if (resolve_ec) {
    result.error = describe("resolve", resolve_ec);
    co_return result;
  }

  beast::tcp_stream stream(executor);
  stream.expires_at(deadline);
  auto [connect_ec, endpoint] = co_await stream.async_connect(endpoints, use_nothrow);
  if (connect_ec) {
    result.error = describe("connect", connect_ec);
    co_return result;
  }

  http::request<http::string_body> message{http::string_to_verb(request.method), url->target, 11};
  message.set(http::field::host, url->host + ":" + url->port);
  message.set(http::field::user_agent, "whistle");
  message.set(http::field::content_type, request.content_type);
  for (const auto& [name, value] : request.headers)
    message.set(name, value);
  message.body() = std::move(request.body);
  message.prepare_payload();
  auto [write_ec, written] = co_await http::async_write(stream, message, use_nothrow);
  if (write_ec) {
    result.error = describe("write", write_ec);
    co_return result;
  }

  beast::flat_buffer buffer;
  http::response_parser<http::string_body> parser;
  parser.body_limit(kMaxAnswerBytes);
  auto [read_ec, read] = co_await http::async_read(stream, buffer, parser, use_nothrow);
  if (read_ec) {
    result.error = describe("read", read_ec);
    co_return result;
  }
  result.status = static_cast<int>(parser.get().result_int());
  result.body = std::move(parser.get().body());

  // Closing politely is a courtesy; its failure changes nothing about the answer we already have.
  boost::system::error_code ignored;
  stream.socket().shutdown(tcp::socket::shutdown_both, ignored);
  co_return result;
}

}  // namespace whistle::bot
