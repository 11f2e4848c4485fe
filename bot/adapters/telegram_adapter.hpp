#pragma once

#include <string>
#include <vector>

#include "bot/adapters/adapter.hpp"
#include "config/config.hpp"

namespace whistle::bot {

/// A Telegram bot with a webhook (platforms.md §4): Telegram POSTs each Update to
/// `/hooks/telegram/{instance}` with the secret set in setWebhook in
/// `X-Telegram-Bot-Api-Secret-Token`; replies go out through `sendMessage`, mentions as
/// `text_mention` entities. See docs/platforms/telegram.md.
///
/// The bot token is part of every Bot API URL: it is never logged and never put in an error.
class TelegramAdapter final : public Adapter {
 public:
  /// Serves one `[platforms.telegram.<name>]` instance; `bot` names the bot's own ids, whose
  /// messages are acknowledged and dropped.
  explicit TelegramAdapter(const config::TelegramInstance& instance, const config::BotConfig& bot = {});

  static constexpr std::string_view kPlatform = "telegram";
  std::string_view platform() const override { return kPlatform; }
  std::string_view instance() const override { return name_; }

  /// 401 unless X-Telegram-Bot-Api-Secret-Token equals the configured secret_token (constant
  /// time). An instance without a secret_token refuses everything.
  std::optional<HttpError> verify(const InboundRequest& request) const override;

  /// One event for a `message` from a person in a private chat, a group or a supergroup; none for
  /// edits, channel posts, other update kinds, messages of bots and service messages; 400 when
  /// the Update is malformed.
  Decoded decode(const InboundRequest& request, std::string_view plaintext) const override;

  bool replies_inline() const override { return false; }
  /// Telegram does not document its patience (platforms.md §4.3); 5 s is well inside it.

  /// An empty JSON object: no method call rides on the answer, replies go through the outbox.
  HttpAnswer acknowledge(std::span<const EventOutcome> outcomes) const override;

  bool can_send(const store::OutboxMessage& /*message*/, std::int64_t /*now*/) const override {
    return !bot_token_.empty();
  }

  /// `POST {api_base}/bot<token>/sendMessage` with chat_id, text and the mentions as text_mention
  /// entities (UTF-16 offsets).
  std::optional<OutboundRequest> build_send(const store::OutboxMessage& message) const override;

  /// `"ok": true` sent; 429 retried after `parameters.retry_after`; a chat that is gone, a bot
  /// that was kicked or blocked dead; 5xx retried; see docs/platforms/telegram.md.
  SendVerdict read_send_answer(const store::OutboxMessage& message,
                               const HttpClientResult& result) const override;

  /// 1 a second per chat, 30 a second per bot.
  SendLimits send_limits() const override;

  /// 20 a minute for a group (negative chat id), else send_limits().
  SendLimits send_limits_for(const store::OutboxMessage& message) const override;

  /// The header carrying the webhook's secret.
  static constexpr std::string_view kSecretHeader = "X-Telegram-Bot-Api-Secret-Token";

 private:
  std::string name_;
  std::string bot_token_;
  std::string secret_token_;
  std::string bot_username_;  ///< lower-cased, without '@'
  std::string api_base_;
  std::vector<std::string> own_ids_;  ///< the bot's numeric ids on this instance (from `[bot] ids`)
};

}  // namespace whistle::bot
