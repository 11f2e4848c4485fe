#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

#include "bot/adapters/inbound_request.hpp"
#include "bot/adapters/wecom_crypto.hpp"
#include "bot/http_answer.hpp"
#include "bot/http_error.hpp"

namespace whistle::bot {

/// How far a callback's `timestamp` may be from the bot's clock: WeCom stamps each callback when it
/// sends it and retries within seconds, so five minutes either way covers clock drift, and an old
/// signed request replayed later is refused (401).
inline constexpr std::int64_t kWecomReplayWindowSeconds = 5 * 60;

/// The signed parameters of a WeCom callback's query, URL-decoded once.
struct WecomCallbackQuery {
  std::string signature;  ///< msg_signature
  std::string timestamp;
  std::string nonce;
  std::string echostr;  ///< only on the GET URL check
};

/// The callback steps shared by the self-built app and the AI bot: reading the query, checking the
/// signature and the replay window, opening the ciphertext, answering the URL check.
class WecomCallback {
 public:
  explicit WecomCallback(WecomCrypto crypto) : crypto_(std::move(crypto)) {}

  /// The query's msg_signature, timestamp and nonce (and echostr for a GET); 401 when one is
  /// missing or the query is malformed.
  static std::variant<WecomCallbackQuery, HttpError> read_query(const InboundRequest& request);

  /// 401 when the timestamp is not Unix seconds within kWecomReplayWindowSeconds of `now`, or the
  /// signature over `encrypted` (the Encrypt field, or echostr) does not match.
  std::optional<HttpError> check(const WecomCallbackQuery& query, std::string_view encrypted,
                                 std::int64_t now) const;

  /// The plaintext sealed in `encrypted`: 400 when it cannot be decrypted, 401 when it was sealed
  /// for another receiver.
  std::variant<std::string, HttpError> open(std::string_view encrypted) const;

  /// Where a request's ciphertext is: the query's echostr for the URL check, else the body's
  /// envelope (XML `Encrypt` for the app, JSON `encrypt` for the AI bot).
  using EncryptedOf = std::variant<std::string, HttpError> (*)(const InboundRequest& request,
                                                               const WecomCallbackQuery& query);

  /// The adapter's verify step: the query read, the replay window and the signature over the
  /// ciphertext `encrypted_of` finds checked.
  std::optional<HttpError> verify(const InboundRequest& request, EncryptedOf encrypted_of) const;

  /// The adapter's decrypt step: the ciphertext `encrypted_of` finds, opened.
  std::variant<std::string, HttpError> decrypt(const InboundRequest& request, EncryptedOf encrypted_of) const;

  /// The answer to the GET URL check: the bare decrypted echostr as text/plain.
  static HttpAnswer echo(std::string_view plaintext);

  const WecomCrypto& crypto() const { return crypto_; }

 private:
  WecomCrypto crypto_;
};

}  // namespace whistle::bot
