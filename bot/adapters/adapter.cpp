#include "bot/adapters/adapter.hpp"

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
