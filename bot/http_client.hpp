#pragma once

#include <chrono>
#include <memory>
#include <optional>
#include <string>

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

/// The bot's one way to call out: plain HTTP to bridges on the same machine, HTTPS (certificates
/// verified against the system's roots and `ca_file`, SNI set) to every real platform. One
/// connection per request; safe to use from several coroutines at once.
class HttpClient {
 public:
  /// Loads the trusted roots once; throws std::runtime_error naming `ca_file` when it cannot.
  explicit HttpClient(const HttpClientOptions& options = {});
  ~HttpClient();
  HttpClient(const HttpClient&) = delete;
  HttpClient& operator=(const HttpClient&) = delete;

  /// Sends one request over a fresh connection and reads the answer, all within `timeout`
  /// (resolve, connect, handshake, write and read together). Never throws for network or TLS
  /// failures: they come back in `error`.
  asio::awaitable<HttpClientResult> send(OutboundRequest request, std::chrono::milliseconds timeout) const;

 private:
  struct Tls;
  std::unique_ptr<Tls> tls_;
};

}  // namespace whistle::bot
