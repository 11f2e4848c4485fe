#include "bot/adapters/dingtalk_adapter.hpp"

#include <algorithm>
#include <charconv>

#include <nlohmann/json.hpp>

#include "bot/adapters/chat_address.hpp"
#include "bot/adapters/message_time.hpp"
#include "bot/adapters/payload_fields.hpp"
#include "bot/adapters/strict_json.hpp"
#include "bot/adapters/untrusted_text.hpp"
#include "bot/crypto/base64.hpp"
#include "bot/crypto/digest.hpp"
#include "handlers/message.hpp"

namespace whistle::bot {

namespace {

using nlohmann::json;

// platforms.md §3.2: a request signed more than an hour from our clock is refused.
constexpr std::int64_t kSignatureWindowMs = 60 * 60 * 1000;
// The longest a millisecond timestamp can be written (year 9999 is 14 digits).
constexpr std::size_t kMaxTimestampDigits = 15;

std::string trim(std::string_view text) {
  // ASCII whitespace and the ideographic space DingTalk leaves where it cut the robot's @-mention.
  constexpr std::string_view kIdeographicSpace = "\xE3\x80\x80";
  for (;;) {
    if (!text.empty() &&
        (text.front() == ' ' || text.front() == '\t' || text.front() == '\n' || text.front() == '\r')) {
      text.remove_prefix(1);
    } else if (text.starts_with(kIdeographicSpace)) {
      text.remove_prefix(kIdeographicSpace.size());
    } else {
      break;
    }
  }
  for (;;) {
    if (!text.empty() &&
        (text.back() == ' ' || text.back() == '\t' || text.back() == '\n' || text.back() == '\r')) {
      text.remove_suffix(1);
    } else if (text.ends_with(kIdeographicSpace)) {
      text.remove_suffix(kIdeographicSpace.size());
    } else {
      break;
    }
  }
  return std::string(text);
}

std::optional<HttpError> checked_id(std::string_view field, const std::string& id, IdSpaces spaces) {
  if (std::optional<std::string> problem = id_problem(id, spaces)) return bad_field(field, *problem);
  return std::nullopt;
}

// A downloadCode as an attachment URL: not fetchable as such, but it names the file for
// /v1.0/robot/messageFiles/download (with robotCode), which is how DingTalk hands files out.
std::optional<handlers::Attachment> attachment_of(const json& content, std::string_view type) {
  std::string code;
  if (read_string(content, "downloadCode", false, code) || code.empty() || code.size() > 2048 ||
      token_problem(code)) {
    return std::nullopt;
  }
  return handlers::Attachment{std::string(type), "dingtalk-download:" + code};
}

// The text and files of the message by its type: text, picture, richText (text parts joined,
// pictures as attachments), audio (DingTalk's own speech recognition), file and video. Empty for
// a type the bot cannot read.
std::optional<HttpError> read_content(const json& body, handlers::Message& message, bool& readable) {
  std::string type = "text";
  if (auto error = read_string(body, "msgtype", false, type)) return error;
  readable = true;
  if (type == "text") {
    const json* text = member(body, "text");
    if (text == nullptr || !text->is_object()) return bad_field("text", "must be {\"content\": string}");
    return read_string(*text, "content", true, message.text);
  }
  const json* content = member(body, "content");
  if (content != nullptr && !content->is_object()) return bad_field("content", "must be an object");
  const json empty = json::object();
  const json& fields = content != nullptr ? *content : empty;
  if (type == "picture") {
    if (auto attachment = attachment_of(fields, "image")) message.attachments.push_back(*attachment);
  } else if (type == "richText") {
    const json* parts = member(fields, "richText");
    if (parts != nullptr && !parts->is_array()) return bad_field("richText", "must be an array");
    if (parts != nullptr) {
      for (const json& part : *parts) {
        std::string text;
        if (read_string(part, "text", false, text))
          return bad_field("richText", "has a text that is not a string");
        message.text += text;
        if (text.empty()) {
          if (auto attachment = attachment_of(part, "image")) message.attachments.push_back(*attachment);
        }
      }
    }
  } else if (type == "audio") {
    if (auto error = read_string(fields, "recognition", false, message.text)) return error;
    if (auto attachment = attachment_of(fields, "voice")) message.attachments.push_back(*attachment);
  } else if (type == "file" || type == "video") {
    if (auto attachment = attachment_of(fields, type)) message.attachments.push_back(*attachment);
  } else {
    readable = false;
  }
  return std::nullopt;
}

// `atUsers[].staffId` of everyone @-mentioned but the robot itself (whose dingtalkId is
// chatbotUserId). People from outside the org come without a staffId and cannot be named.
std::optional<HttpError> read_mentions(const json& body, std::string_view robot_id, std::string_view instance,
                                       handlers::Message& message) {
  const json* users = member(body, "atUsers");
  if (users == nullptr) return std::nullopt;
  if (!users->is_array()) return bad_field("atUsers", "must be an array");
  for (const json& user : *users) {
    if (!user.is_object()) return bad_field("atUsers", "must be an array of objects");
    std::string dingtalk_id;
    std::string staff_id;
    if (read_string(user, "dingtalkId", false, dingtalk_id) ||
        read_string(user, "staffId", false, staff_id)) {
      return bad_field("atUsers", "has an id that is not a string");
    }
    if (!robot_id.empty() && dingtalk_id == robot_id) continue;
    if (staff_id.empty()) continue;
    if (auto error = checked_id("atUsers", staff_id, IdSpaces::refused)) return error;
    std::string person = qualify(DingtalkAdapter::kPlatform, instance, staff_id);
    if (std::find(message.mentions.begin(), message.mentions.end(), person) == message.mentions.end())
      message.mentions.push_back(std::move(person));
  }
  return std::nullopt;
}

// The sessionWebhook and until when it holds (ms → s). Ignored unless it is an http(s) URL.
// DingTalk's `sign` covers the timestamp, not the body: whoever saw one signed request's headers
// could post another body within the hour. So the bot follows a sessionWebhook only on DingTalk's
// own origin (`oapi_base`), never to an address a forged body names.
std::optional<store::ReplyUrl> read_reply_url(const json& body, const std::string& oapi_base) {
  std::string url;
  std::int64_t expires_ms = 0;
  if (read_string(body, "sessionWebhook", false, url) || url.empty() || url.size() > 2048 ||
      token_problem(url) || !url.starts_with(oapi_base + "/")) {
    return std::nullopt;
  }
  if (read_integer(body, "sessionWebhookExpiredTime", false, expires_ms) || expires_ms <= 0)
    return std::nullopt;
  return store::ReplyUrl{std::move(url), expires_ms / 1000};
}

}  // namespace

DingtalkAdapter::DingtalkAdapter(const config::DingtalkInstance& instance, const config::BotConfig& bot)
    : name_(instance.name),
      app_key_(instance.app_key),
      app_secret_(instance.app_secret),
      robot_code_(instance.robot_code),
      api_base_(instance.api_base),
      oapi_base_(instance.oapi_base),
      key_(instance.app_secret) {
  for (const std::string& id : bot.ids) {
    const std::optional<ChatAddress> address = parse_chat_address(id);
    if (address && address->platform == kPlatform && address->instance == name_)
      own_ids_.push_back(address->local);
  }
}

std::string DingtalkAdapter::sign(std::string_view timestamp, std::string_view secret) {
  HmacSha256 hmac(secret);
  std::string message(timestamp);
  message += '\n';
  message += secret;
  const Sha256Digest digest = hmac.digest(message);
  return base64_encode(std::string_view(reinterpret_cast<const char*>(digest.data()), digest.size()));
}

std::optional<HttpError> DingtalkAdapter::verify(const InboundRequest& request) const {
  const std::string_view timestamp = request.headers.get("timestamp");
  const std::string_view signature = request.headers.get("sign");
  if (timestamp.empty() || signature.empty()) return HttpError{401, "missing timestamp or sign"};
  std::int64_t sent_ms = 0;
  const auto [end, error] = std::from_chars(timestamp.data(), timestamp.data() + timestamp.size(), sent_ms);
  if (timestamp.size() > kMaxTimestampDigits || error != std::errc() ||
      end != timestamp.data() + timestamp.size() || sent_ms < 0) {
    return HttpError{401, "bad timestamp"};
  }
  // Stale or future: a replay of a captured request, or a clock that needs NTP (platforms.md §3.8).
  const std::int64_t now_ms = request.received_at * 1000;
  const std::int64_t skew = sent_ms > now_ms ? sent_ms - now_ms : now_ms - sent_ms;
  if (skew > kSignatureWindowMs) return HttpError{401, "timestamp outside the allowed window"};
  // The signature covers only the timestamp and the secret, not the body: the window above is what
  // keeps a captured request from being replayed later.
  std::string message(timestamp);
  message += '\n';
  message += app_secret_;
  const Sha256Digest digest = key_.context().digest(message);
  const std::string expected =
      base64_encode(std::string_view(reinterpret_cast<const char*>(digest.data()), digest.size()));
  if (!constant_time_equal(expected, signature)) return HttpError{401, "bad signature"};
  return std::nullopt;
}

Decoded DingtalkAdapter::decode(const InboundRequest& request, std::string_view plaintext) const {
  std::variant<json, std::string> parsed = parse_strict_json(plaintext);
  if (auto* problem = std::get_if<std::string>(&parsed)) return HttpError{400, std::move(*problem)};
  const json& body = std::get<json>(parsed);
  if (!body.is_object()) return HttpError{400, "the body must be a JSON object"};

  std::string msg_id;
  std::int64_t conversation_type = 0;
  std::string conversation_id;
  std::string staff_id;
  std::string sender_id;
  std::string robot_id;
  InboundEvent event;
  handlers::Message& message = event.message;
  if (auto error = read_string(body, "msgId", true, msg_id)) return *error;
  if (auto error = checked_id("msgId", msg_id, IdSpaces::allowed)) return *error;
  if (auto error = read_integer(body, "conversationType", true, conversation_type)) return *error;
  if (conversation_type != 1 && conversation_type != 2) {
    return bad_field("conversationType", "must be \"1\" (single chat) or \"2\" (group)");
  }
  if (auto error = read_string(body, "senderStaffId", false, staff_id)) return *error;
  if (auto error = read_string(body, "senderId", false, sender_id)) return *error;
  if (auto error = read_string(body, "chatbotUserId", false, robot_id)) return *error;
  // The staff id is the person's userid in the org (the one the send API and atUserIds take);
  // people from outside the org have none, and their encrypted senderId is the only stable id.
  const std::string& person = !staff_id.empty() ? staff_id : sender_id;
  if (person.empty()) return bad_field("senderStaffId", "is required (or senderId)");
  if (auto error = checked_id(!staff_id.empty() ? "senderStaffId" : "senderId", person, IdSpaces::refused))
    return *error;
  message.sender = qualify(kPlatform, name_, person);
  message.is_private = conversation_type == 1;
  if (message.is_private) {
    message.chat = handlers::private_chat_of(message.sender);
  } else {
    if (auto error = read_string(body, "conversationId", true, conversation_id)) return *error;
    if (auto error = checked_id("conversationId", conversation_id, IdSpaces::refused)) return *error;
    message.chat = qualify(kPlatform, name_, conversation_id);
  }
  bool readable = true;
  if (auto error = read_content(body, message, readable)) return *error;
  message.text = trim(message.text);
  if (auto error = read_bool(body, "isInAtList", message.mentions_bot)) return *error;
  if (auto error = read_mentions(body, robot_id, name_, message)) return *error;
  if (auto error = read_string(body, "senderNick", false, message.sender_name)) return *error;
  if (auto error = read_string(body, "conversationTitle", false, message.chat_title)) return *error;
  message.sender_name = clean_display_name(message.sender_name);
  message.chat_title = clean_display_name(message.chat_title);
  std::int64_t created_ms = 0;
  if (auto error = read_integer(body, "createAt", false, created_ms)) return *error;
  if (created_ms < 0 || created_ms / 1000 > kMaxUnixSeconds) return bad_field("createAt", "is out of range");
  message.at =
      created_ms > 0 ? accepted_message_time(created_ms / 1000, request.received_at) : request.received_at;

  std::vector<InboundEvent> events;
  // The robot's own message (DingTalk does not echo it today, but a second robot of the same app
  // could): acknowledged, never answered.
  const bool own = (!robot_id.empty() && sender_id == robot_id) ||
                   std::find(own_ids_.begin(), own_ids_.end(), person) != own_ids_.end();
  // A message type the bot cannot read (a card, a link) is acknowledged and dropped, so DingTalk
  // does not redeliver it.
  if (own || !readable) return events;
  // "@吹哨助手" alone reaches the robot with the mention cut and no words: addressed, and answered
  // with the hint like any line it cannot place (an exploratory run of the platforms, 2026-12-07).
  if (message.text.empty() && message.attachments.empty() && !message.is_private && !message.mentions_bot)
    return events;
  event.dedupe_key = std::string(kPlatform) + ":" + name_ + ":" + msg_id;
  event.received_at = request.received_at;
  event.replies_inline = false;
  event.reply_url = read_reply_url(body, oapi_base_);
  events.push_back(std::move(event));
  return events;
}

HttpAnswer DingtalkAdapter::acknowledge(std::span<const EventOutcome> /*outcomes*/) const {
  HttpAnswer answer;
  answer.body = "{}";
  return answer;
}

bool DingtalkAdapter::can_send(const store::OutboxMessage& message, std::int64_t now) const {
  if (message.reply_url && now < message.reply_url->until) return true;
  return !app_key_.empty() && !app_secret_.empty() && !robot_code_.empty();
}

SendLimits DingtalkAdapter::send_limits() const {
  return SendLimits{Pace{20, std::chrono::seconds(60)}, Pace{}};
}

}  // namespace whistle::bot
