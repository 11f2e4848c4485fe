#include "bot/adapters/adapter.hpp"

#include <algorithm>

#include "bot/event_digest.hpp"

namespace whistle::bot {

Decoded Adapter::inbound(const InboundRequest& request) const {
  // Nothing is decrypted or parsed before the signature holds: an unauthenticated body is
  // untrusted input and costs us no more than one HMAC.
  if (std::optional<HttpError> refused = verify(request)) return *std::move(refused);
  std::variant<std::string, HttpError> opened = decrypt(request);
  if (auto* error = std::get_if<HttpError>(&opened)) return std::move(*error);
  const std::string& plaintext = std::get<std::string>(opened);
  if (std::optional<HttpAnswer> answer = url_check(request, plaintext)) return *std::move(answer);
  Decoded decoded = decode(request, plaintext);
  // Every platform's events carry the digest the inbox compares a redelivery with.
  if (auto* events = std::get_if<std::vector<InboundEvent>>(&decoded)) {
    for (InboundEvent& event : *events)
      event.digest = event_digest(event.message);
  }
  return decoded;
}

}  // namespace whistle::bot

namespace whistle::bot {

namespace {

// Retry-After in seconds (the HTTP-date form is not used by any platform we speak to).
std::optional<std::chrono::seconds> retry_after_of(const HttpClientResult& result) {
  if (result.retry_after.empty()) return std::nullopt;
  std::int64_t seconds = 0;
  for (char c : result.retry_after) {
    if (c < '0' || c > '9') return std::nullopt;
    seconds = std::min<std::int64_t>(seconds * 10 + (c - '0'), 86'400);
  }
  return std::chrono::seconds(seconds);
}

}  // namespace

SendVerdict classify_http_answer(const HttpClientResult& result) {
  if (!result.error.empty()) return SendVerdict::retry(result.error);
  const int status = result.status;
  if (status >= 200 && status < 300) return SendVerdict::sent();
  const std::string why = "HTTP " + std::to_string(status);
  if (status == 429 || status == 503) return SendVerdict::retry(why, retry_after_of(result));
  if (status == 408 || status == 425 || status >= 500) return SendVerdict::retry(why);
  return SendVerdict::dead(why);
}

std::string unreadable_answer(const HttpClientResult& result) {
  return "HTTP " + std::to_string(result.status) + " with an answer that is not JSON";
}

asio::awaitable<SendPlan> Adapter::prepare_send(const store::OutboxMessage& message,
                                                const HttpClient& /*http*/, std::int64_t /*now*/) const {
  std::optional<OutboundRequest> request = build_send(message);
  if (!request) co_return SendVerdict::retry("this instance has nowhere to send");
  co_return std::move(*request);
}

}  // namespace whistle::bot
