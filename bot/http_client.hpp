#pragma once

#include <chrono>
#include <optional>
#include <string>

#include "bot/adapters/outbound_request.hpp"
#include "bot/net.hpp"

namespace whistle::bot {

/// What came back from a platform: the status and body, or why there was no answer.
struct HttpClientResult {
  int status = 0;  ///< 0 when no answer arrived
  std::string body;
  std::string error;  ///< empty when an answer arrived ("connect: Connection refused", "timeout", ...)
};

/// The parts of an `http://host[:port]/path` URL.
struct HttpUrl {
  std::string host;
  std::string port = "80";
  std::string target = "/";
};

/// Splits an absolute http URL; empty for anything else (https is not supported yet).
std::optional<HttpUrl> parse_http_url(std::string_view url);

/// Sends one request over a fresh connection and reads the answer, all within `timeout`
/// (resolve, connect, write and read together). Never throws for network failures: they come back
/// in `error`.
asio::awaitable<HttpClientResult> send_http_request(OutboundRequest request,
                                                    std::chrono::milliseconds timeout);

}  // namespace whistle::bot
