#include "bot/adapters/wecom_robot_adapter.hpp"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "bot/adapters/chat_address.hpp"
#include "bot/adapters/query_string.hpp"
#include "bot/adapters/wecom_send.hpp"
#include "handlers/message.hpp"

namespace whistle::bot {

namespace {

using nlohmann::json;

const HttpError kSendOnly{404, "this instance only sends"};

// The platforms whose people a robot can @-mention: WeCom user ids, whichever WeCom door they
// came in by.
bool is_wecom_person(const std::string& person) {
  const std::optional<ChatAddress> address = parse_chat_address(person);
  return address && (address->platform == "wecom" || address->platform == "wecom_bot" ||
                     address->platform == "wecom_robot");
}

}  // namespace

WecomRobotAdapter::WecomRobotAdapter(const config::WecomRobotInstance& instance)
    : name_(instance.name), api_base_(instance.api_base) {
  for (const auto& [chat, key] : instance.webhook_keys)
    keys_.emplace(chat, key);
}

std::optional<HttpError> WecomRobotAdapter::verify(const InboundRequest& /*request*/) const {
  return kSendOnly;
}

Decoded WecomRobotAdapter::decode(const InboundRequest& /*request*/, std::string_view /*plaintext*/) const {
  return kSendOnly;
}

HttpAnswer WecomRobotAdapter::acknowledge(std::span<const EventOutcome> /*outcomes*/) const {
  HttpAnswer answer;
  answer.content_type = "text/plain";
  return answer;
}

const std::string* WecomRobotAdapter::key_for(const store::OutboxMessage& message) const {
  const std::optional<ChatAddress> address = parse_chat_address(message.chat);
  if (!address) return nullptr;
  // Its own chats, and the AI bot's groups it relays for; never a private chat (a robot lives in
  // a group).
  if (address->platform != "wecom_robot" && address->platform != "wecom_bot") return nullptr;
  if (address->platform == "wecom_robot" && address->instance != name_) return nullptr;
  const auto it = keys_.find(address->local);
  if (it == keys_.end() || it->second.empty()) return nullptr;
  return &it->second;
}

bool WecomRobotAdapter::can_send(const store::OutboxMessage& message, std::int64_t /*now*/) const {
  return key_for(message) != nullptr;
}

std::optional<OutboundRequest> WecomRobotAdapter::build_send(const store::OutboxMessage& message) const {
  const std::string* key = key_for(message);
  if (key == nullptr) return std::nullopt;
  json mentioned = json::array();
  for (const std::string& person : message.mentions) {
    if (!is_wecom_person(person)) continue;
    std::string user = handlers::local_part(person);
    // The robot notifies the user ids in mentioned_list; the "@name" in the text stays as written.
    if (!user.empty() && user.front() != '@' &&
        std::find(mentioned.begin(), mentioned.end(), user) == mentioned.end())
      mentioned.push_back(std::move(user));
  }
  json text{{"content", fit_content(message.text)}};
  if (!mentioned.empty()) text["mentioned_list"] = std::move(mentioned);
  OutboundRequest request;
  request.url = api_base_ + "/cgi-bin/webhook/send?key=" + percent_encode(*key);
  request.body = json{{"msgtype", "text"}, {"text", std::move(text)}}.dump(-1, ' ', false,
                                                                           json::error_handler_t::replace);
  return request;
}

SendVerdict WecomRobotAdapter::read_send_answer(const store::OutboxMessage& /*message*/,
                                                const HttpClientResult& result) const {
  return read_wecom_answer(result).verdict;
}

SendLimits WecomRobotAdapter::send_limits() const {
  return SendLimits{Pace{20, std::chrono::minutes(1)}, Pace{}};
}

}  // namespace whistle::bot
