// The DingTalk and Telegram fuzz targets never send, but their adapters' send step refers to
// HttpClient::send. clang 14 cannot compile the real client's coroutines with the fuzzer's
// instrumentation ("Cannot represent a difference across sections"), so the targets link this
// client, which answers every request with an error and opens no socket.
#include "bot/http_client.hpp"

namespace whistle::bot {

struct HttpClient::Tls {};

HttpClient::HttpClient(const HttpClientOptions& /*options*/) {}

HttpClient::~HttpClient() = default;

asio::awaitable<HttpClientResult> HttpClient::send(OutboundRequest /*request*/,
                                                   std::chrono::milliseconds /*timeout*/) const {
  HttpClientResult result;
  result.error = "no network in the fuzzer";
  co_return result;
}

}  // namespace whistle::bot
