#include "bot/http_client.hpp"

#include <openssl/ssl.h>
#include <openssl/x509_vfy.h>

#include <algorithm>
#include <stdexcept>

#include <boost/asio/ip/address.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl/context.hpp>
#include <boost/asio/ssl/host_name_verification.hpp>
#include <boost/asio/ssl/verify_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/empty_body.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/http/write.hpp>
#include <boost/beast/ssl/ssl_stream.hpp>

namespace whistle::bot {

namespace http = beast::http;
namespace ssl = asio::ssl;
using tcp = asio::ip::tcp;

namespace {

// An answer bigger than this is not a platform's acknowledgement; reading stops there.
constexpr std::size_t kMaxAnswerBytes = 1 << 20;
// How long a TLS close may wait for the server's close_notify once the answer is in.
constexpr auto kShutdownBound = std::chrono::seconds(1);

// The port is left out when it is the scheme's default, as browsers do; an IPv6 literal gets its
// brackets back.
std::string host_header(const HttpUrl& url) {
  std::string host = url.host.find(':') == std::string::npos ? url.host : "[" + url.host + "]";
  if (url.port != (url.tls ? "443" : "80")) host += ":" + url.port;
  return host;
}

std::string describe(std::string_view step, const boost::system::error_code& ec) {
  if (ec == beast::error::timeout || ec == asio::error::operation_aborted)
    return std::string(step) + ": timeout";
  return std::string(step) + ": " + ec.message();
}

// The reason OpenSSL recorded for refusing the server's certificate says more than the handshake's
// "certificate verify failed".
std::string describe_handshake(const boost::system::error_code& ec, SSL* ssl) {
  const long verdict = SSL_get_verify_result(ssl);
  if (ec != beast::error::timeout && verdict != X509_V_OK)
    return std::string("handshake: certificate verification failed: ") +
           X509_verify_cert_error_string(verdict);
  return describe("handshake", ec);
}

bool is_ip_literal(const std::string& host) {
  boost::system::error_code ec;
  asio::ip::make_address(host, ec);
  return !ec;
}

// SNI carries DNS names only (RFC 6066 forbids IP literals there); false when OpenSSL refuses it.
bool set_server_name(SSL* ssl, const std::string& host) {
  return is_ip_literal(host) || SSL_set_tlsext_host_name(ssl, host.c_str()) == 1;
}

// Asio's host_name_verification refuses a certificate for another name without saying why;
// recording the reason lets the error text say "hostname mismatch" rather than a bare refusal.
class VerifyHostName {
 public:
  explicit VerifyHostName(const std::string& host) : check_(host), ip_(is_ip_literal(host)) {}

  bool operator()(bool preverified, ssl::verify_context& context) const {
    if (check_(preverified, context)) return true;
    X509_STORE_CTX* store = context.native_handle();
    if (X509_STORE_CTX_get_error(store) == X509_V_OK)
      X509_STORE_CTX_set_error(store, ip_ ? X509_V_ERR_IP_ADDRESS_MISMATCH : X509_V_ERR_HOSTNAME_MISMATCH);
    return false;
  }

 private:
  ssl::host_name_verification check_;
  bool ip_;
};

// Writes the request and reads the answer over a connected (and, for https, handshaken) stream.
template <class Stream>
asio::awaitable<HttpClientResult> exchange(Stream& stream, HttpUrl url, OutboundRequest request) {
  HttpClientResult result;
  http::request<http::string_body> message{http::string_to_verb(request.method), url.target, 11};
  message.set(http::field::host, host_header(url));
  message.set(http::field::user_agent, "whistle");
  message.set(http::field::content_type, request.content_type);
  for (const auto& [name, value] : request.headers)
    message.set(name, value);
  // One connection per request: say so, and the server closes when it has answered.
  message.keep_alive(false);
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
  result.retry_after = std::string(parser.get()[http::field::retry_after]);
  result.body = std::move(parser.get().body());
  co_return result;
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

// One TLS context for every request: the trusted roots are loaded once, and OpenSSL's SSL_CTX is
// safe to share between connections.
struct HttpClient::Tls {
  ssl::context context{ssl::context::tls_client};
};

HttpClient::HttpClient(const HttpClientOptions& options) : tls_(std::make_unique<Tls>()) {
  ssl::context& context = tls_->context;
  // Every platform speaks TLS 1.2 or later; older versions have known breaks.
  SSL_CTX_set_min_proto_version(context.native_handle(), TLS1_2_VERSION);
  context.set_default_verify_paths();
  if (!options.ca_file.empty()) {
    boost::system::error_code ec;
    context.load_verify_file(options.ca_file, ec);
    if (ec)
      throw std::runtime_error("[http_client] ca_file " + options.ca_file +
                               ": cannot load certificates: " + ec.message());
  }
  context.set_verify_mode(ssl::verify_peer);
}

HttpClient::~HttpClient() = default;

asio::awaitable<HttpClientResult> HttpClient::send(OutboundRequest request,
                                                   std::chrono::milliseconds timeout) const {
  HttpClientResult result;
  // The URL itself never goes into an error text: some platforms put the token in its query.
  const std::optional<HttpUrl> url = parse_http_url(request.url);
  if (!url) {
    result.error = "unsupported URL (only http:// and https:// are supported)";
    co_return result;
  }
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  const auto executor = co_await asio::this_coro::executor;

  // The resolver has no deadline of its own: a timer cancels it. The timer's handler shares the
  // resolver: a wait that expired just as the resolve finished is already queued, cancel() cannot
  // take it back, and it may run after this frame is gone.
  auto resolver = std::make_shared<tcp::resolver>(executor);
  asio::steady_timer resolve_deadline(executor, deadline);
  resolve_deadline.async_wait([resolver](const boost::system::error_code& ec) {
    if (!ec) resolver->cancel();
  });
  auto [resolve_ec, endpoints] = co_await resolver->async_resolve(url->host, url->port, use_nothrow);
  resolve_deadline.cancel();
  if (resolve_ec) {
    result.error = describe("resolve", resolve_ec);
    co_return result;
  }

  if (!url->tls) {
    beast::tcp_stream stream(executor);
    stream.expires_at(deadline);
    auto [connect_ec, endpoint] = co_await stream.async_connect(endpoints, use_nothrow);
    if (connect_ec) {
      result.error = describe("connect", connect_ec);
      co_return result;
    }
    HttpClientResult answer = co_await exchange(stream, *url, std::move(request));
    // Closing politely is a courtesy; its failure changes nothing about the answer we already have.
    boost::system::error_code ignored;
    stream.socket().shutdown(tcp::socket::shutdown_both, ignored);
    co_return answer;
  }

  beast::ssl_stream<beast::tcp_stream> stream(executor, tls_->context);
  if (!set_server_name(stream.native_handle(), url->host)) {
    result.error = "tls: cannot set the server name";
    co_return result;
  }
  stream.set_verify_callback(VerifyHostName(url->host));
  beast::get_lowest_layer(stream).expires_at(deadline);
  auto [connect_ec, endpoint] =
      co_await beast::get_lowest_layer(stream).async_connect(endpoints, use_nothrow);
  if (connect_ec) {
    result.error = describe("connect", connect_ec);
    co_return result;
  }
  auto [handshake_ec] = co_await stream.async_handshake(ssl::stream_base::client, use_nothrow);
  if (handshake_ec) {
    result.error = describe_handshake(handshake_ec, stream.native_handle());
    co_return result;
  }
  HttpClientResult answer = co_await exchange(stream, *url, std::move(request));
  // A polite close_notify, bounded: a server that never answers it must not hold the caller.
  beast::get_lowest_layer(stream).expires_at(
      std::min(deadline, std::chrono::steady_clock::now() + kShutdownBound));
  co_await stream.async_shutdown(use_nothrow);
  co_return answer;
}

}  // namespace whistle::bot
