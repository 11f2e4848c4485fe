#include "bot/adapters/dingtalk_adapter.hpp"

#include <algorithm>
#include <charconv>

#include <spdlog/logger.h>
#include <nlohmann/json.hpp>

#include "bot/adapters/chat_address.hpp"
#include "bot/adapters/message_time.hpp"
#include "bot/adapters/payload_fields.hpp"
#include "bot/adapters/strict_json.hpp"
#include "bot/adapters/untrusted_text.hpp"
#include "bot/crypto/base64.hpp"
#include "bot/crypto/digest.hpp"
#include "bot/logging.hpp"
#include "handlers/message.hpp"

namespace whistle::bot {

namespace {

using nlohmann::json;

constexpr std::string_view kPlatform = "dingtalk";
// platforms.md §3.2: a request signed more than an hour from our clock is refused.
constexpr std::int64_t kSignatureWindowMs = 60 * 60 * 1000;
// The longest a millisecond timestamp can be written (year 9999 is 14 digits).
constexpr std::size_t kMaxTimestampDigits = 15;
constexpr auto kTokenTimeout = std::chrono::seconds(10);
// What the send API's answers call a refused or expired token, and throttling (see the table in
// docs/platforms/dingtalk.md).
constexpr std::string_view kAuthCodes[] = {"InvalidAuthentication", "InvalidAccessToken"};
constexpr std::string_view kThrottleCodes[] = {"QpsLimit", "Throttling", "FlowControl"};
// The sessionWebhook's errcode for "too fast" (custom robots: 20 a minute, then a 10-minute block).
constexpr std::int64_t kTooFastErrcode = 130101;
constexpr auto kTooFastHold = std::chrono::minutes(10);
constexpr auto kQpsHold = std::chrono::seconds(2);

spdlog::logger& log() {
  static const std::shared_ptr<spdlog::logger> logger = named_logger("outbox");
  return *logger;
}

bool contains_any(std::string_view text, std::span<const std::string_view> needles) {
  return std::any_of(needles.begin(), needles.end(),
                     [text](std::string_view needle) { return text.find(needle) != std::string_view::npos; });
}

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
    std::string person = qualify(kPlatform, instance, staff_id);
    if (std::find(message.mentions.begin(), message.mentions.end(), person) == message.mentions.end())
      message.mentions.push_back(std::move(person));
  }
  return std::nullopt;
}

// The sessionWebhook and until when it holds (ms → s). Ignored unless it is an http(s) URL.
std::optional<store::ReplyUrl> read_reply_url(const json& body) {
  std::string url;
  std::int64_t expires_ms = 0;
  if (read_string(body, "sessionWebhook", false, url) || url.empty() || url.size() > 2048 ||
      token_problem(url) || !parse_http_url(url)) {
    return std::nullopt;
  }
  if (read_integer(body, "sessionWebhookExpiredTime", false, expires_ms) || expires_ms <= 0)
    return std::nullopt;
  return store::ReplyUrl{std::move(url), expires_ms / 1000};
}

// The spans of `message` that name people of this instance, in order, inside the text and not
// overlapping; the rest are left as the "@name" text they are.
std::vector<store::MentionSpan> own_spans(const store::OutboxMessage& message, std::string_view prefix) {
  std::vector<store::MentionSpan> spans;
  for (const store::MentionSpan& span : message.spans) {
    if (!span.person.starts_with(prefix) || span.length == 0 || span.offset > message.text.size() ||
        span.length > message.text.size() - span.offset) {
      continue;
    }
    spans.push_back(span);
  }
  std::sort(spans.begin(), spans.end(),
            [](const store::MentionSpan& a, const store::MentionSpan& b) { return a.offset < b.offset; });
  std::vector<store::MentionSpan> kept;
  for (const store::MentionSpan& span : spans) {
    if (!kept.empty() && span.offset < kept.back().offset + kept.back().length) continue;
    kept.push_back(span);
  }
  return kept;
}

// Retry-After in seconds, when the answer has one.
std::optional<std::chrono::seconds> header_seconds(const HttpClientResult& result) {
  const std::string& text = result.retry_after;
  std::int64_t seconds = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), seconds);
  if (text.empty() || error != std::errc() || end != text.data() + text.size() || seconds < 0)
    return std::nullopt;
  return std::chrono::seconds(std::min<std::int64_t>(seconds, 86'400));
}

}  // namespace

DingtalkAdapter::DingtalkAdapter(const config::DingtalkInstance& instance, const config::BotConfig& bot)
    : name_(instance.name),
      app_key_(instance.app_key),
      app_secret_(instance.app_secret),
      robot_code_(instance.robot_code),
      api_base_(instance.api_base),
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
  if (message.text.empty() && message.attachments.empty()) return events;
  event.dedupe_key = std::string(kPlatform) + ":" + name_ + ":" + msg_id;
  event.received_at = request.received_at;
  event.replies_inline = false;
  event.reply_url = read_reply_url(body);
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

OutboundRequest DingtalkAdapter::session_webhook_request(const store::OutboxMessage& message) const {
  // The mention renders (and notifies) when the person's staff id is in at.atUserIds and
  // "@<staffId>" stands in the text (platforms.md §3.4): each span "@张三" becomes "@<staffId>",
  // and a mention without a span is added at the end.
  const std::string prefix = id_prefix(kPlatform, name_);
  std::string content;
  std::size_t copied = 0;
  json at_ids = json::array();
  std::vector<std::string> rendered;
  for (const store::MentionSpan& span : own_spans(message, prefix)) {
    const std::string staff_id = span.person.substr(prefix.size());
    content.append(message.text, copied, span.offset - copied);
    content += "@" + staff_id;
    copied = span.offset + span.length;
    rendered.push_back(staff_id);
  }
  content.append(message.text, copied);
  for (const std::string& person : message.mentions) {
    if (!person.starts_with(prefix)) continue;
    const std::string staff_id = person.substr(prefix.size());
    if (std::find(rendered.begin(), rendered.end(), staff_id) == rendered.end()) {
      content += " @" + staff_id;
      rendered.push_back(staff_id);
    }
  }
  for (const std::string& staff_id : rendered)
    at_ids.push_back(staff_id);
  OutboundRequest request;
  request.url = message.reply_url->url;
  request.body = dump_json(json{{"msgtype", "text"},
                                {"text", {{"content", content}}},
                                {"at", {{"atUserIds", std::move(at_ids)}, {"isAtAll", false}}}});
  return request;
}

asio::awaitable<std::variant<std::string, SendVerdict>> DingtalkAdapter::access_token(
    const HttpClient& http, std::int64_t now) const {
  if (std::optional<std::string> token = tokens_.fresh(now)) co_return *token;
  OutboundRequest request;
  request.url = api_base_ + "/v1.0/oauth2/accessToken";
  request.body = dump_json(json{{"appKey", app_key_}, {"appSecret", app_secret_}});
  const HttpClientResult result = co_await http.send(std::move(request), kTokenTimeout);
  if (!result.error.empty()) co_return SendVerdict::retry("DingTalk access token: " + result.error);
  // Only the status and DingTalk's error code are repeated: the answer's other text is not ours to log.
  const json answer = json::parse(result.body, nullptr, false);
  std::string token;
  std::int64_t lifetime = 0;
  if (result.status == 200 && !read_string(answer, "accessToken", true, token) &&
      !read_integer(answer, "expireIn", true, lifetime) && !token.empty() && lifetime > 0) {
    tokens_.store(token, now, lifetime);
    co_return token;
  }
  std::string code;
  (void)read_string(answer, "code", false, code);
  // A refused app key or secret is fixed in the config, after which the queued messages should
  // still go out: retried (with the sender's backoff), never dead.
  co_return SendVerdict::retry("DingTalk access token refused: HTTP " + std::to_string(result.status) +
                               (code.empty() ? "" : " " + log_quoted(code, 80)));
}

asio::awaitable<SendPlan> DingtalkAdapter::prepare_send(const store::OutboxMessage& message,
                                                        const HttpClient& http, std::int64_t now) const {
  if (message.reply_url && now < message.reply_url->until && message.attempts == 0) {
    co_return session_webhook_request(message);
  }
  const std::optional<ChatAddress> address = parse_chat_address(message.chat);
  if (!address || address->local.empty()) co_return SendVerdict::dead("not a DingTalk chat id");
  if (app_key_.empty() || app_secret_.empty() || robot_code_.empty()) {
    co_return SendVerdict::retry("the sessionWebhook expired and the send API is not configured");
  }
  std::variant<std::string, SendVerdict> token = co_await access_token(http, now);
  if (auto* verdict = std::get_if<SendVerdict>(&token)) co_return std::move(*verdict);

  // The API's sampleText template has no @-mention field: mentions stay the "@name" text they are.
  json body{{"robotCode", robot_code_},
            {"msgKey", "sampleText"},
            {"msgParam", dump_json(json{{"content", message.text}})}};
  OutboundRequest request;
  if (address->local.starts_with('@')) {
    request.url = api_base_ + "/v1.0/robot/oToMessages/batchSend";
    body["userIds"] = json::array({address->local.substr(1)});
  } else {
    request.url = api_base_ + "/v1.0/robot/groupMessages/send";
    body["openConversationId"] = address->local;
  }
  request.headers.emplace_back(std::string(kTokenHeader), std::get<std::string>(token));
  request.body = dump_json(body);
  co_return request;
}

SendVerdict DingtalkAdapter::read_send_answer(const store::OutboxMessage& message,
                                              const HttpClientResult& result) const {
  if (!result.error.empty()) return SendVerdict::retry(result.error);
  const json answer = json::parse(result.body, nullptr, false);
  const std::string status = "HTTP " + std::to_string(result.status);

  // The sessionWebhook answers 200 with an errcode. A failure there is retried, and the retry
  // takes the send API, which does not depend on the session.
  if (const json* errcode = member(answer, "errcode"); errcode != nullptr && errcode->is_number_integer()) {
    const auto code = errcode->get<std::int64_t>();
    if (code == 0 && result.status >= 200 && result.status < 300) return SendVerdict::sent();
    const std::string why = "sessionWebhook errcode " + std::to_string(code);
    if (code == kTooFastErrcode) return SendVerdict::retry(why, kTooFastHold);
    return SendVerdict::retry(why);
  }

  std::string code;
  (void)read_string(answer, "code", false, code);
  const std::string why = status + (code.empty() ? "" : " " + log_quoted(code, 80));
  if (result.status >= 200 && result.status < 300) {
    // batchSend answers 200 and lists the recipients it could not reach.
    if (const json* invalid = member(answer, "invalidStaffIdList");
        invalid && invalid->is_array() && !invalid->empty())
      return SendVerdict::dead("DingTalk: the user is not in the org (invalidStaffIdList)");
    if (const json* limited = member(answer, "flowControlledStaffIdList");
        limited && limited->is_array() && !limited->empty())
      return SendVerdict::retry("DingTalk: flow controlled (flowControlledStaffIdList)",
                                std::chrono::minutes(1));
    return SendVerdict::sent();
  }
  if (result.status == 401 || contains_any(code, kAuthCodes)) {
    // The token was refused before its time (revoked, or the app secret changed): the next attempt
    // fetches a new one. fresh(0) is whatever token is held, whatever its age.
    if (std::optional<std::string> held = tokens_.fresh(0)) tokens_.invalidate(*held);
    return SendVerdict::retry(why);
  }
  if (result.status == 429 || contains_any(code, kThrottleCodes)) {
    return SendVerdict::retry(why, header_seconds(result).value_or(kQpsHold));
  }
  if (result.status >= 500 || result.status == 408) return SendVerdict::retry(why);
  // Everything else is a request DingTalk will refuse again: the robot is not in the group, the
  // group was dissolved, the app lacks the permission, the chat id is wrong.
  log().debug("dingtalk send refused id={} chat={} {}", message.id, message.chat, why);
  return SendVerdict::dead("DingTalk refused the message: " + why);
}

SendLimits DingtalkAdapter::send_limits() const {
  return SendLimits{Pace{20, std::chrono::seconds(60)}, Pace{}};
}

}  // namespace whistle::bot
