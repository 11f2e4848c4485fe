#pragma once

#include <string>

#include "bot/adapters/adapter.hpp"
#include "bot/adapters/token_cache.hpp"
#include "bot/adapters/wecom_callback.hpp"
#include "config/config.hpp"

namespace whistle::bot {

/// A WeCom self-built app (企业自建应用, platforms.md 1.4): the callback URL
/// `/hooks/wecom/{instance}` (GET URL check with echostr; POST encrypted XML, signed with SHA-1
/// msg_signature, receive id = the CorpID), and the send API (message/send to a person,
/// appchat/send to a group the app created) with a cached access token. An app only ever receives
/// 1:1 messages: every chat it decodes is the private chat of the sender ("wecom:@userid").
class WecomAdapter final : public Adapter {
 public:
  /// Serves one `[platforms.wecom.<name>]`; throws std::invalid_argument when its
  /// encoding_aes_key is not 43 Base64 characters.
  explicit WecomAdapter(const config::WecomInstance& instance, const config::BotConfig& bot = {});

  static constexpr std::string_view kPlatform = "wecom";
  std::string_view platform() const override { return kPlatform; }
  std::string_view instance() const override { return name_; }
  bool answers_get() const override { return true; }

  /// 401 when msg_signature, timestamp or nonce is missing, the timestamp is outside
  /// kWecomReplayWindowSeconds, or the signature over Encrypt (POST) or echostr (GET) is wrong;
  /// 400 when the POST body has no Encrypt.
  std::optional<HttpError> verify(const InboundRequest& request) const override;

  /// The decrypted echostr (GET) or inner XML (POST); 400 undecryptable, 401 another receive id.
  std::variant<std::string, HttpError> decrypt(const InboundRequest& request) const override;

  /// The GET URL check's answer: the decrypted echostr, bare, as text/plain.
  std::optional<HttpAnswer> url_check(const InboundRequest& request,
                                      std::string_view plaintext) const override;

  /// text, image and location messages become one event each (dedupe "wecom:<instance>:<MsgId>");
  /// events and other message types none; 400 for XML that is malformed or lacks a field.
  Decoded decode(const InboundRequest& request, std::string_view plaintext) const override;

  bool replies_inline() const override { return false; }

  /// An empty 200 (text/plain): WeCom then neither shows nor redelivers anything.
  HttpAnswer acknowledge(std::span<const EventOutcome> outcomes) const override;

  /// Any chat of this instance: "@userid" through message/send, anything else through appchat/send;
  /// and the private chats of the AI bot of the same instance name, once its response_url is gone
  /// (one corp, one userid).
  bool can_send(const store::OutboxMessage& message, std::int64_t now) const override;

  /// The AI bot's private chats (`wecom_bot:@userid`), which only the app can start.
  bool relays_for(std::string_view platform) const override { return platform == "wecom_bot"; }

  /// The message/send or appchat/send request with a cached (or freshly fetched) access token; a
  /// retry verdict when no token could be had.
  asio::awaitable<SendPlan> prepare_send(const store::OutboxMessage& message, const HttpClient& http,
                                         std::int64_t now) const override;

  /// read_wecom_answer; a refused token is forgotten so the retry fetches another.
  SendVerdict read_send_answer(const store::OutboxMessage& message,
                               const HttpClientResult& result) const override;

  /// 20 a minute to one chat; 600 a minute through the app.
  SendLimits send_limits() const override;

 private:
  /// The signed ciphertext: echostr for the GET URL check, the envelope's encrypted text for a POST.
  static std::variant<std::string, HttpError> encrypted_of(const InboundRequest& request,
                                                           const WecomCallbackQuery& query);
  asio::awaitable<std::variant<std::string, SendVerdict>> access_token(const HttpClient& http,
                                                                       std::int64_t now) const;

  std::string name_;
  std::string corp_id_;
  std::int64_t agent_id_ = 0;
  std::string secret_;
  std::string api_base_;
  WecomCallback callback_;
  mutable TokenCache tokens_;
};

}  // namespace whistle::bot
