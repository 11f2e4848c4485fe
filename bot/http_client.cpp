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

// What one request over one connection came to, and what it says about the connection.
struct Exchange {
  HttpClientResult result;
  bool heard = false;     ///< some of an answer arrived: the server took the request
  bool reusable = false;  ///< answered in full, nothing left over, and the server keeps the connection
};

// Writes the request and reads the answer over a connected (and, for https, handshaken) stream.
template <class Stream>
asio::awaitable<Exchange> exchange(Stream& stream, const HttpUrl& url, OutboundRequest request,
                                   bool keep_alive) {
  Exchange exchanged;
  HttpClientResult& result = exchanged.result;
  http::request<http::string_body> message{http::string_to_verb(request.method), url.target, 11};
  message.set(http::field::host, host_header(url));
  message.set(http::field::user_agent, "whistle");
  message.set(http::field::content_type, request.content_type);
  for (const auto& [name, value] : request.headers)
    message.set(name, value);
  // Without a pool to keep it, say so, and the server closes when it has answered.
  message.keep_alive(keep_alive);
  message.body() = std::move(request.body);
  message.prepare_payload();
  auto [write_ec, written] = co_await http::async_write(stream, message, use_nothrow);
  if (write_ec) {
    result.error = describe("write", write_ec);
    co_return exchanged;
  }

  beast::flat_buffer buffer;
  http::response_parser<http::string_body> parser;
  parser.body_limit(kMaxAnswerBytes);
  auto [read_ec, read] = co_await http::async_read(stream, buffer, parser, use_nothrow);
  exchanged.heard = parser.got_some();
  if (read_ec) {
    result.error = describe("read", read_ec);
    co_return exchanged;
  }
  result.status = static_cast<int>(parser.get().result_int());
  result.retry_after = std::string(parser.get()[http::field::retry_after]);
  result.body = std::move(parser.get().body());
  exchanged.reusable = keep_alive && parser.get().keep_alive() && buffer.size() == 0;
  co_return exchanged;
}

using PlainStream = beast::tcp_stream;
using TlsStream = beast::ssl_stream<beast::tcp_stream>;

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

// A connection with its stream: plain or TLS, one of the two.
struct HttpConnectionPool::Connection {
  std::string origin;  ///< "https://host:port": what it may carry requests to
  std::unique_ptr<PlainStream> plain;
  std::unique_ptr<TlsStream> tls;
  std::chrono::steady_clock::time_point idle_since;

  beast::tcp_stream& tcp() { return plain ? *plain : beast::get_lowest_layer(*tls); }
  asio::awaitable<Exchange> exchange(const HttpUrl& url, OutboundRequest request, bool keep_alive) {
    if (plain) co_return co_await whistle::bot::exchange(*plain, url, std::move(request), keep_alive);
    co_return co_await whistle::bot::exchange(*tls, url, std::move(request), keep_alive);
  }
};

HttpConnectionPool::HttpConnectionPool(std::size_t max_idle, std::chrono::steady_clock::duration max_idle_age)
    : max_idle_(max_idle), max_idle_age_(max_idle_age) {}

HttpConnectionPool::~HttpConnectionPool() = default;

std::size_t HttpConnectionPool::idle() const {
  return idle_.size();
}

std::unique_ptr<HttpConnectionPool::Connection> HttpConnectionPool::take(const std::string& origin) {
  const auto now = std::chrono::steady_clock::now();
  // Too old to trust: servers close idle connections after a while (nginx's default is 75 s).
  std::erase_if(idle_, [&](const auto& connection) { return now - connection->idle_since > max_idle_age_; });
  // The most recently used first: the others then age out rather than all staying half-warm.
  for (auto it = idle_.rbegin(); it != idle_.rend(); ++it) {
    if ((*it)->origin != origin) continue;
    std::unique_ptr<Connection> taken = std::move(*it);
    idle_.erase(std::next(it).base());
    return taken;
  }
  return nullptr;
}

void HttpConnectionPool::keep(std::unique_ptr<Connection> connection) {
  if (max_idle_ == 0) return;
  connection->tcp().expires_never();
  connection->idle_since = std::chrono::steady_clock::now();
  if (idle_.size() >= max_idle_) idle_.erase(idle_.begin());
  idle_.push_back(std::move(connection));
}

asio::awaitable<HttpClientResult> HttpClient::send(OutboundRequest request, std::chrono::milliseconds timeout,
                                                   HttpConnectionPool* pool) const {
  HttpClientResult result;
  // The URL itself never goes into an error text: some platforms put the token in its query.
  const std::optional<HttpUrl> url = parse_http_url(request.url);
  if (!url) {
    result.error = "unsupported URL (only http:// and https:// are supported)";
    co_return result;
  }
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  const auto executor = co_await asio::this_coro::executor;
  const std::string origin = (url->tls ? "https://" : "http://") + url->host + ":" + url->port;

  if (pool != nullptr) {
    if (std::unique_ptr<HttpConnectionPool::Connection> kept = pool->take(origin)) {
      kept->tcp().expires_at(deadline);
      // A copy: if the server closed this connection while it waited, the request goes again.
      Exchange reused = co_await kept->exchange(*url, request, true);
      // Out of time or cancelled (shutting down): the answer is that failure, not another attempt.
      const bool cancelled =
          (co_await asio::this_coro::cancellation_state).cancelled() != asio::cancellation_type::none;
      if (reused.heard || cancelled || std::chrono::steady_clock::now() >= deadline) {
        if (reused.reusable) pool->keep(std::move(kept));
        co_return reused.result;
      }
      // Nothing came back in time: the server had closed it (or never read the request). A fresh one below.
    }
  }

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

  auto connection = std::make_unique<HttpConnectionPool::Connection>();
  connection->origin = origin;
  if (!url->tls) {
    connection->plain = std::make_unique<PlainStream>(executor);
    PlainStream& stream = *connection->plain;
    stream.expires_at(deadline);
    auto [connect_ec, endpoint] = co_await stream.async_connect(endpoints, use_nothrow);
    if (connect_ec) {
      result.error = describe("connect", connect_ec);
      co_return result;
    }
    Exchange fresh = co_await connection->exchange(*url, std::move(request), pool != nullptr);
    if (fresh.reusable) {
      pool->keep(std::move(connection));
      co_return fresh.result;
    }
    // Closing politely is a courtesy; its failure changes nothing about the answer we already have.
    boost::system::error_code ignored;
    stream.socket().shutdown(tcp::socket::shutdown_both, ignored);
    co_return fresh.result;
  }

  connection->tls = std::make_unique<TlsStream>(executor, tls_->context);
  TlsStream& stream = *connection->tls;
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
  Exchange fresh = co_await connection->exchange(*url, std::move(request), pool != nullptr);
  if (fresh.reusable) {
    pool->keep(std::move(connection));
    co_return fresh.result;
  }
  // A polite close_notify, bounded: a server that never answers it must not hold the caller.
  beast::get_lowest_layer(stream).expires_at(
      std::min(deadline, std::chrono::steady_clock::now() + kShutdownBound));
  co_await stream.async_shutdown(use_nothrow);
  co_return fresh.result;
}

}  // namespace whistle::bot
