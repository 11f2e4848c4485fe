// The fuzz build's HttpClient: the WeCom, DingTalk and Telegram adapters' prepare_send refers to
// HttpClient::send, which the fuzzers never call, and bot/http_client.cpp does not compile under clang 14
// with the sanitizers ("Cannot represent a difference across sections" in Beast's coroutines). This stand-in
// answers every request with an error and touches no network.
#include "bot/http_client.hpp"

namespace whistle::bot {

struct HttpClient::Tls {};

HttpClient::HttpClient(const HttpClientOptions& /*options*/) {}

HttpClient::~HttpClient() = default;

asio::awaitable<HttpClientResult> HttpClient::send(OutboundRequest /*request*/,
                                                   std::chrono::milliseconds /*timeout*/) const {
  HttpClientResult result;
  result.error = "no network in the fuzz build";
  co_return result;
}

}  // namespace whistle::bot
