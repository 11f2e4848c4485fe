#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>

#include "bot/adapters/adapter.hpp"
#include "bot/adapters/feishu_crypto.hpp"
#include "bot/adapters/feishu_event.hpp"
#include "bot/adapters/token_cache.hpp"
#include "config/config.hpp"

namespace whistle::bot {

/// A Feishu / Lark app bot (platforms.md section 2, docs/platforms/feishu.md): events POSTed to
/// `/hooks/feishu/{instance}`, signed with `X-Lark-Signature` and encrypted when the app has an
/// encrypt key, the URL challenge answered at once, `im.message.receive_v1` decoded; replies sent
/// with the IM API and a cached tenant_access_token.
class FeishuAdapter final : public Adapter {
 public:
  /// Serves one `[platforms.feishu.<name>]` instance; `bot` names the bot (its names, and its
  /// open_id when `[bot] ids` lists "feishu:ou_…"), so its mentions address it.
  explicit FeishuAdapter(const config::FeishuInstance& instance, const config::BotConfig& bot = {});

  std::string_view platform() const override { return "feishu"; }
  std::string_view instance() const override { return name_; }

  /// With an encrypt key: 401 when the signature headers are incomplete, the signature does not
  /// match the raw body, or the timestamp is more than kReplayWindowSeconds from the bot's clock. A
  /// request with no signature headers at all passes here, but only a URL challenge may then
  /// proceed (Feishu does not sign it); decode refuses anything else.
  std::optional<HttpError> verify(const InboundRequest& request) const override;

  /// With an encrypt key: the plaintext of `{"encrypt": "…"}`; 400 when the body is not that or
  /// does not decrypt. Without: the body as it came.
  std::variant<std::string, HttpError> decrypt(const InboundRequest& request) const override;

  /// `{"challenge": …}` for a `url_verification` with the right verification token (401 with a
  /// wrong one); empty for anything else.
  std::optional<HttpAnswer> url_check(const InboundRequest& request,
                                      std::string_view plaintext) const override;

  /// The message of an `im.message.receive_v1` event; no event for other event types, for the bot's
  /// own messages and for message types the bot does not read; 401 for a wrong verification token
  /// or an unsigned event when signatures are on; 400 for malformed JSON or fields.
  Decoded decode(const InboundRequest& request, std::string_view plaintext) const override;

  bool replies_inline() const override { return false; }

  /// `{"msg":"success"}`, as the official SDKs answer.
  HttpAnswer acknowledge(std::span<const EventOutcome> outcomes) const override;

  /// Any chat of this instance: a group ("oc_…") or a person ("@ou_…").
  bool can_send(const store::OutboxMessage& message, std::int64_t now) const override;

  /// Fetches (or reuses) the tenant token, then `POST {api_base}/open-apis/im/v1/messages` with the
  /// text and its `<at>` mentions and the outbox id's `uuid`; a retry verdict when no token could
  /// be had.
  asio::awaitable<SendPlan> prepare_send(const store::OutboxMessage& message, const HttpClient& http,
                                         std::int64_t now) const override;

  /// By Feishu's codes: sent; retry (token refused → forgotten; rate limit → its hint); dead.
  SendVerdict read_send_answer(const store::OutboxMessage& message,
                               const HttpClientResult& result) const override;

  /// 5 a second per chat (Feishu's limit per group and per user); 16 a second per app, which keeps
  /// both of its app limits (50 a second and 1000 a minute).
  SendLimits send_limits() const override;

  /// How far `X-Lark-Request-Timestamp` may be from the bot's clock (platforms.md 2.2 and 7:
  /// Feishu names no window; ±5 minutes, as Slack's and most Feishu adapters).
  static constexpr std::int64_t kReplayWindowSeconds = 5 * 60;

  /// How long a token request may take.
  static constexpr std::chrono::seconds kTokenTimeout{10};

 private:
  bool signing() const { return !encrypt_key_.empty(); }
  std::optional<HttpAnswer> challenge_answer(const nlohmann::json& body) const;
  bool token_matches(const nlohmann::json& body) const;
  void remember_token(std::int64_t outbox_id, const std::string& token) const;
  std::string take_token(std::int64_t outbox_id) const;

  std::string name_;
  std::string app_id_;
  std::string app_secret_;
  std::string verification_token_;
  std::string encrypt_key_;
  std::string api_base_;
  FeishuCipher cipher_;
  FeishuEventDecoder decoder_;
  mutable TokenCache tokens_;
  /// The token each send in flight used, by outbox id: a refusal forgets exactly that token.
  mutable std::mutex used_mutex_;
  mutable std::map<std::int64_t, std::string> used_tokens_;
};

}  // namespace whistle::bot
