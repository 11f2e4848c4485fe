#pragma once

#include <map>
#include <mutex>
#include <string>
#include <vector>

#include "bot/adapters/adapter.hpp"
#include "bot/adapters/wecom_callback.hpp"
#include "config/config.hpp"

namespace whistle::bot {

/// How long the bot answers through an AI bot message's response_url: WeCom keeps it valid for an
/// hour (platforms.md 1.5); five minutes are kept back for clock drift and a queue that waited.
inline constexpr std::int64_t kResponseUrlSeconds = 55 * 60;

/// A WeCom AI bot (智能机器人) in API mode with a callback URL (platforms.md 1.5):
/// `/hooks/wecom_bot/{instance}`, the same SHA-1 signature and AES as the app but receive id ""
/// and JSON (`{"encrypt": …}` outside, the message inside). It sees 1:1 messages and the group
/// messages that @-mention it; it answers a conversation once, through its response_url, within
/// the hour. Everything else it would say in a group goes through that group's robot key
/// (WecomRobotAdapter relays for it).
class WecomBotAdapter final : public Adapter {
 public:
  /// Serves one `[platforms.wecom_bot.<name>]`; `bot` gives the names whose @-mention is the bot's
  /// own. Throws std::invalid_argument when its encoding_aes_key is not 43 Base64 characters.
  explicit WecomBotAdapter(const config::WecomBotInstance& instance, const config::BotConfig& bot = {});

  static constexpr std::string_view kPlatform = "wecom_bot";
  std::string_view platform() const override { return kPlatform; }
  std::string_view instance() const override { return name_; }
  bool answers_get() const override { return true; }

  /// 401 when msg_signature, timestamp or nonce is missing, the timestamp is outside
  /// kWecomReplayWindowSeconds, or the signature over `encrypt` (POST) or echostr (GET) is wrong;
  /// 400 when the POST body is not `{"encrypt": "…"}`.
  std::optional<HttpError> verify(const InboundRequest& request) const override;

  /// The decrypted echostr (GET) or message JSON (POST); 400 undecryptable, 401 another receive id.
  std::variant<std::string, HttpError> decrypt(const InboundRequest& request) const override;

  /// The GET URL check's answer: the decrypted echostr, bare, as text/plain.
  std::optional<HttpAnswer> url_check(const InboundRequest& request,
                                      std::string_view plaintext) const override;

  /// text, mixed, voice (its transcript), image and file messages become one event each (dedupe
  /// "wecom_bot:<instance>:<msgid>", sender "wecom:<userid>" as for the app, chat
  /// "wecom_bot:<chatid>" or "wecom_bot:@<userid>", reply_url = response_url for
  /// kResponseUrlSeconds); events,
  /// stream refreshes and the bot's own messages none; 400 for JSON lacking a field.
  Decoded decode(const InboundRequest& request, std::string_view plaintext) const override;

  bool replies_inline() const override { return false; }

  /// An empty 200 (text/plain): no passive reply; the answer goes through response_url.
  HttpAnswer acknowledge(std::span<const EventOutcome> outcomes) const override;

  /// A chat of this instance while its message's response_url is unused and valid; otherwise the
  /// group's robot relays (WecomRobotAdapter), or in a private chat the app of the same instance
  /// name (WecomAdapter), and with neither the message waits in the outbox.
  bool can_send(const store::OutboxMessage& message, std::int64_t now) const override;

  /// `{"msgtype":"markdown","markdown":{"content":…}}` POSTed to the response_url; a retry verdict
  /// when it expired in between.
  asio::awaitable<SendPlan> prepare_send(const store::OutboxMessage& message, const HttpClient& http,
                                         std::int64_t now) const override;

  /// read_wecom_answer; a response_url WeCom answered is spent, whatever it said.
  SendVerdict read_send_answer(const store::OutboxMessage& message,
                               const HttpClientResult& result) const override;

  /// 20 a minute to one chat.
  SendLimits send_limits() const override;

 private:
  /// The signed ciphertext: echostr for the GET URL check, the envelope's encrypted text for a POST.
  static std::variant<std::string, HttpError> encrypted_of(const InboundRequest& request,
                                                           const WecomCallbackQuery& query);
  bool usable(const store::OutboxMessage& message, std::int64_t now) const;

  std::string name_;
  std::string bot_id_;
  std::vector<std::string> parser_bot_names_;
  WecomCallback callback_;
  /// response_urls already answered (single use), until they expire anyway.
  mutable std::mutex spent_mutex_;
  mutable std::map<std::string, std::int64_t, std::less<>> spent_;
};

}  // namespace whistle::bot
