#pragma once

#include <string>
#include <vector>

#include "bot/adapters/adapter.hpp"
#include "bot/adapters/token_cache.hpp"
#include "bot/crypto/hmac.hpp"
#include "config/config.hpp"

namespace whistle::bot {

/// A DingTalk (钉钉) enterprise app robot in HTTP mode (platforms.md §3): DingTalk POSTs each
/// @-message in a group and each 1:1 message to `/hooks/dingtalk/{instance}`, signed with the
/// `timestamp` and `sign` headers. Replies go through the message's sessionWebhook while it is
/// valid, else through the robot send API with an app access token. See docs/platforms/dingtalk.md.
class DingtalkAdapter final : public Adapter {
 public:
  /// Serves one `[platforms.dingtalk.<name>]` instance; `bot` names the bot's own ids, whose
  /// messages are acknowledged and dropped.
  explicit DingtalkAdapter(const config::DingtalkInstance& instance, const config::BotConfig& bot = {});

  static constexpr std::string_view kPlatform = "dingtalk";
  std::string_view platform() const override { return kPlatform; }
  std::string_view instance() const override { return name_; }

  /// 401 when `timestamp` or `sign` is missing or malformed, the timestamp is more than an hour
  /// from the bot's clock, or `sign` is not Base64(HMAC-SHA256(app secret, timestamp "\n" secret)).
  std::optional<HttpError> verify(const InboundRequest& request) const override;

  /// One event (none for the robot's own message or a message type the bot cannot read), or 400
  /// naming the field that is missing or of the wrong type.
  Decoded decode(const InboundRequest& request, std::string_view plaintext) const override;

  bool replies_inline() const override { return false; }
  /// DingTalk does not document its patience (platforms.md §0: [?]); 3 s is the shortest any
  /// platform we serve allows, so answering within it is safe.

  /// An empty JSON object: DingTalk reads nothing from the answer.
  HttpAnswer acknowledge(std::span<const EventOutcome> outcomes) const override;

  /// True while the message's sessionWebhook is valid, or when the send API is configured
  /// (app_key, app_secret and robot_code).
  bool can_send(const store::OutboxMessage& message, std::int64_t now) const override;

  /// The sessionWebhook request on a first attempt while it is valid (mentions as `at.atUserIds`
  /// and "@staffId" in the text); otherwise the robot send API (group or 1:1) with an access
  /// token, fetched and cached first. A retry always takes the send API: a sessionWebhook that
  /// failed once has usually expired early.
  asio::awaitable<SendPlan> prepare_send(const store::OutboxMessage& message, const HttpClient& http,
                                         std::int64_t now) const override;

  /// Reads both answers: the sessionWebhook's `errcode`, the send API's HTTP status and `code`
  /// (docs/platforms/dingtalk.md has the table).
  SendVerdict read_send_answer(const store::OutboxMessage& message,
                               const HttpClientResult& result) const override;

  /// 20 messages a minute per chat, the robots' documented limit.
  SendLimits send_limits() const override;

  /// Base64(HMAC-SHA256(key = secret, message = timestamp + "\n" + secret)): DingTalk's `sign`.
  static std::string sign(std::string_view timestamp, std::string_view secret);

  /// The request header carrying the access token on the send API.
  static constexpr std::string_view kTokenHeader = "x-acs-dingtalk-access-token";

 private:
  asio::awaitable<std::variant<std::string, SendVerdict>> access_token(const HttpClient& http,
                                                                       std::int64_t now) const;
  OutboundRequest session_webhook_request(const store::OutboxMessage& message) const;

  std::string name_;
  std::string app_key_;
  std::string app_secret_;
  std::string robot_code_;
  std::string api_base_;
  std::string oapi_base_;  ///< the only origin a sessionWebhook is followed to
  HmacKey key_;
  std::vector<std::string> own_ids_;  ///< local ids of the bot on this instance (from `[bot] ids`)
  mutable TokenCache tokens_;
};

}  // namespace whistle::bot
