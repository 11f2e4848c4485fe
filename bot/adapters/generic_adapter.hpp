#pragma once

#include <set>
#include <string>
#include <vector>

#include "bot/adapters/adapter.hpp"
#include "bot/crypto/hmac.hpp"
#include "config/config.hpp"

namespace whistle::bot {

/// The bot's own JSON webhook (design.md, "The generic webhook"): `POST /hooks/generic/{instance}`
/// signed with `X-Whistle-Signature: sha256=<hex HMAC-SHA256 of the raw body>`, replies inline in
/// the 200 answer, everything else POSTed, signed the same way, to the instance's deliver_url.
class GenericAdapter final : public Adapter {
 public:
  /// Serves one `[platforms.generic.<name>]` instance; `bot` names the bot's own names and ids, whose
  /// messages are acknowledged and dropped and whose mentions address the bot.
  /// `ids_as` names the instance whose ids the events carry when it is not this one: the simulator
  /// decodes as `sim` (its own dedupe keys) with the ids of `default` ("generic:b3u2", design.md).
  explicit GenericAdapter(const config::GenericInstance& instance, const config::BotConfig& bot = {},
                          std::string ids_as = {});

  std::string_view platform() const override { return "generic"; }
  std::string_view instance() const override { return name_; }

  /// 401 when X-Whistle-Signature is missing or does not match the body.
  std::optional<HttpError> verify(const InboundRequest& request) const override;

  /// One event (none for the bot's own message), or 400 naming the field that is missing, of the
  /// wrong type, out of range, or repeated.
  Decoded decode(const InboundRequest& request, std::string_view plaintext) const override;

  bool replies_inline() const override { return true; }

  /// `{"ok": true, "replies": [{"chat": "b3u2", "text": "...", "mentions": ["u-zhang"]}]}`.
  HttpAnswer acknowledge(std::span<const EventOutcome> outcomes) const override;

  bool can_send(const store::OutboxMessage& /*message*/, std::int64_t /*now*/) const override {
    return !deliver_url_.empty();
  }

  /// The reply object POSTed to deliver_url, signed, with `X-Whistle-Delivery: <outbox id>`.
  std::optional<OutboundRequest> build_send(const store::OutboxMessage& message) const override;

  /// 2xx sent. A bridge is ours and passing trouble is likely (a proxy's 404 during a deploy, a
  /// secret rotated on one side first): 401, 403, 404 and every 5xx are retried; only 400, 410,
  /// 413 and 422 (this message will never be taken) set it aside.
  SendVerdict read_send_answer(const store::OutboxMessage& message,
                               const HttpClientResult& result) const override;

  /// The header carrying the signature.
  static constexpr std::string_view kSignatureHeader = "X-Whistle-Signature";

  /// The header carrying the outbox id of a delivery, so a receiver can drop a repeat.
  static constexpr std::string_view kDeliveryHeader = "X-Whistle-Delivery";

 private:
  std::string name_;
  std::string ids_as_;  ///< the instance named in ids: this one, or the one the constructor was told
  std::string deliver_url_;
  HmacKey key_;
  std::set<std::string, std::less<>> bot_names_;  ///< lower-cased (ASCII) names and own local ids
  std::vector<std::string> parser_bot_names_;     ///< `[bot] names` as the parser matches them
};

}  // namespace whistle::bot
