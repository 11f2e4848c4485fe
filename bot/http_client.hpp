#pragma once

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "bot/adapters/outbound_request.hpp"
#include "bot/net.hpp"

namespace whistle::bot {

/// What came back from a platform: the status and body, or why there was no answer.
struct HttpClientResult {
  int status = 0;  ///< 0 when no answer arrived
  std::string body;
  std::string error;        ///< empty when an answer arrived ("connect: Connection refused", "timeout", ...)
  std::string retry_after;  ///< the answer's Retry-After header, as sent; empty when absent
};

/// The parts of an `http://host[:port]/path` or `https://...` URL.
struct HttpUrl {
  bool tls = false;
  std::string host;
  std::string port = "80";  ///< "443" by default for https
  std::string target = "/";
};

/// Splits an absolute http or https URL; empty for anything else.
std::optional<HttpUrl> parse_http_url(std::string_view url);

/// `[http_client]`: the trust the client starts from.
struct HttpClientOptions {
  /// A PEM bundle trusted besides the system's roots (tests trust their own CA); empty: none.
  std::string ca_file;
};

/// Open connections kept between requests for one caller that sends often (the outbox sender):
/// a delivery then costs no name lookup, no TCP connect and no TLS handshake. Holds only idle
/// connections, at most `max_idle`, each for at most `max_idle_age`; a connection is kept only
/// when the server answered in full and did not say `Connection: close`.
///
/// Used on one executor (its sockets' own), by one caller at a time per request, and destroyed
/// before that executor's io_context: the owner's lifetime says so.
class HttpConnectionPool {
 public:
  explicit HttpConnectionPool(std::size_t max_idle = 16,
                              std::chrono::steady_clock::duration max_idle_age = std::chrono::seconds(30));
  ~HttpConnectionPool();
  HttpConnectionPool(const HttpConnectionPool&) = delete;
  HttpConnectionPool& operator=(const HttpConnectionPool&) = delete;

  /// Connections waiting for a request now (tests).
  std::size_t idle() const;

 private:
  friend class HttpClient;
  struct Connection;
  /// An idle connection to `origin` young enough to use, taken out of the pool; null if none.
  std::unique_ptr<Connection> take(const std::string& origin);
  void keep(std::unique_ptr<Connection> connection);

  std::size_t max_idle_;
  std::chrono::steady_clock::duration max_idle_age_;
  std::vector<std::unique_ptr<Connection>> idle_;  ///< oldest first
};

/// The bot's one way to call out: plain HTTP to bridges on the same machine, HTTPS (certificates
/// verified against the system's roots and `ca_file`, SNI set) to every real platform. A request
/// opens its own connection unless the caller brings an HttpConnectionPool; safe to use from
/// several coroutines at once.
class HttpClient {
 public:
  /// Loads the trusted roots once; throws std::runtime_error naming `ca_file` when it cannot.
  explicit HttpClient(const HttpClientOptions& options = {});
  ~HttpClient();
  HttpClient(const HttpClient&) = delete;
  HttpClient& operator=(const HttpClient&) = delete;

  /// Sends one request and reads the answer, all within `timeout` (resolve, connect, handshake,
  /// write and read together). Never throws for network or TLS failures: they come back in `error`.
  ///
  /// With a `pool` (used on this coroutine's executor), an idle connection to the same origin is
  /// used first, and the connection is kept for the next request when the server allows it. A kept
  /// connection the server has closed meanwhile fails before any answer arrives; the request then
  /// goes once more over a fresh connection, as it would have without a pool, unless the deadline
  /// has passed or the caller was cancelled (then that failure is the answer).
  asio::awaitable<HttpClientResult> send(OutboundRequest request, std::chrono::milliseconds timeout,
                                         HttpConnectionPool* pool = nullptr) const;

 private:
  struct Tls;
  std::unique_ptr<Tls> tls_;
};

}  // namespace whistle::bot
