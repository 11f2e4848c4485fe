#pragma once

// Helpers shared by the platform adapters' tests: headers from a map, and one delivery through an
// adapter run to its verdict on a private io_context (no threads, no sleeps).

#include <algorithm>
#include <cctype>
#include <chrono>
#include <exception>
#include <map>
#include <optional>
#include <string>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>

#include "bot/adapters/adapter.hpp"
#include "bot/http_client.hpp"
#include "tests/support/fake_platform_server.hpp"

namespace whistle::bot::testing {

/// The fake platforms speak HTTPS with a certificate of the test CA, as the real ones do.
inline constexpr auto kFakeMode = whistle::testing::FakePlatformServer::Mode::tls;

/// A client that trusts the test CA besides the system's roots (`[http_client] ca_file`).
inline HttpClientOptions fake_client_options() {
  return HttpClientOptions{whistle::testing::FakePlatformServer::ca_file()};
}

class MapHeaders final : public RequestHeaders {
 public:
  std::map<std::string, std::string> values;
  std::string_view get(std::string_view name) const override {
    for (const auto& [key, value] : values) {
      if (key.size() == name.size() && std::equal(key.begin(), key.end(), name.begin(), [](char a, char b) {
            return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
          })) {
        return value;
      }
    }
    return {};
  }
};

/// What one delivery attempt came to: the plan's verdict when it made no request, else the
/// adapter's reading of the platform's answer.
inline asio::awaitable<SendVerdict> deliver_once(const Adapter* adapter, const HttpClient* http,
                                                 store::OutboxMessage message, std::int64_t now) {
  SendPlan plan = co_await adapter->prepare_send(message, *http, now);
  if (auto* verdict = std::get_if<SendVerdict>(&plan)) co_return *verdict;
  const HttpClientResult result =
      co_await http->send(std::get<OutboundRequest>(std::move(plan)), std::chrono::seconds(10));
  co_return adapter->read_send_answer(message, result);
}

/// Runs deliver_once to its end on a fresh io_context.
inline SendVerdict deliver(const Adapter& adapter, const HttpClient& http,
                           const store::OutboxMessage& message, std::int64_t now) {
  asio::io_context io;
  std::optional<SendVerdict> verdict;
  std::exception_ptr failure;
  asio::co_spawn(io, deliver_once(&adapter, &http, message, now),
                 [&verdict, &failure](std::exception_ptr error, SendVerdict result) {
                   failure = error;
                   if (!error) verdict = std::move(result);
                 });
  io.run();
  if (failure) std::rethrow_exception(failure);
  return *verdict;
}

}  // namespace whistle::bot::testing
