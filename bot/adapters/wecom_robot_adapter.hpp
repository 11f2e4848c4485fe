#pragma once

#include <map>
#include <string>

#include "bot/adapters/adapter.hpp"
#include "config/config.hpp"

namespace whistle::bot {

/// WeCom group robots (消息推送 / 群机器人, platforms.md 1.7): send only, one webhook key per
/// chat, `POST {api_base}/cgi-bin/webhook/send?key=KEY` with a text message whose mentions go in
/// `mentioned_list`. It sends to its own chats ("wecom_robot:<chat id>") and relays for the AI
/// bot's group chats ("wecom_bot:<chat id>") that have a key here, at 20 a minute per robot.
/// The key is the robot's only credential: it never appears in a log line, an error or a verdict.
class WecomRobotAdapter final : public Adapter {
 public:
  /// Sends for one `[platforms.wecom_robot.<name>]`.
  explicit WecomRobotAdapter(const config::WecomRobotInstance& instance);

  std::string_view platform() const override { return "wecom_robot"; }
  std::string_view instance() const override { return name_; }

  /// Always 404: a group robot has no callback, so nothing may be posted to its URL.
  std::optional<HttpError> verify(const InboundRequest& request) const override;

  /// Never reached (verify refuses every request); 404 as well.
  Decoded decode(const InboundRequest& request, std::string_view plaintext) const override;

  bool replies_inline() const override { return false; }
  HttpAnswer acknowledge(std::span<const EventOutcome> outcomes) const override;

  /// When the chat's own id (without its platform prefix) has a key here.
  bool can_send(const store::OutboxMessage& message, std::int64_t now) const override;

  /// The AI bot's chats: what the bot starts there goes through the same chat's robot.
  bool relays_for(std::string_view platform) const override { return platform == "wecom_bot"; }

  /// The text message, its mentions' user ids in mentioned_list.
  std::optional<OutboundRequest> build_send(const store::OutboxMessage& message) const override;

  /// read_wecom_answer: 0 sent, 45009 retried after a minute, 93000 (a bad key) dead.
  SendVerdict read_send_answer(const store::OutboxMessage& message,
                               const HttpClientResult& result) const override;

  /// 20 a minute per robot, and a robot is one chat's key.
  SendLimits send_limits() const override;

 private:
  const std::string* key_for(const store::OutboxMessage& message) const;

  std::string name_;
  std::map<std::string, std::string, std::less<>> keys_;
  std::string api_base_;
};

}  // namespace whistle::bot
