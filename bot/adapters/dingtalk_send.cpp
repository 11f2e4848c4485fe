#include "bot/adapters/dingtalk_adapter.hpp"

// The outbound half of the DingTalk adapter: the sessionWebhook, the access token and the robot
// send API, and how their answers are read (docs/platforms/dingtalk.md, "How Whistle replies").

#include <algorithm>
#include <charconv>

#include <nlohmann/json.hpp>

#include "bot/adapters/chat_address.hpp"
#include "bot/adapters/payload_fields.hpp"
#include "bot/adapters/untrusted_text.hpp"

namespace whistle::bot {

namespace {

using nlohmann::json;

constexpr auto kTokenTimeout = std::chrono::seconds(10);
// What the send API's answers call a refused or expired token, and throttling (see the table in
// docs/platforms/dingtalk.md).
constexpr std::string_view kAuthCodes[] = {"InvalidAuthentication", "InvalidAccessToken"};
constexpr std::string_view kThrottleCodes[] = {"QpsLimit", "Throttling", "FlowControl"};
// The sessionWebhook's errcode for "too fast" (custom robots: 20 a minute, then a 10-minute block).
constexpr std::int64_t kTooFastErrcode = 130101;
constexpr auto kTooFastHold = std::chrono::minutes(10);
constexpr auto kQpsHold = std::chrono::seconds(2);

bool contains_any(std::string_view text, std::span<const std::string_view> needles) {
  return std::any_of(needles.begin(), needles.end(),
                     [text](std::string_view needle) { return text.find(needle) != std::string_view::npos; });
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

// A staff id, as opposed to the encrypted senderId ("$:LWCP_v1:$…") of someone outside the org.
bool is_staff_id(std::string_view id) {
  return !id.starts_with("$:");
}

}  // namespace

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
    // Someone outside the org has no staff id, only an encrypted senderId that DingTalk cannot @:
    // the name stays as written (an exploratory run of the platforms, 2026-12-07: "@$:LWCP_v1:$…").
    if (!is_staff_id(staff_id)) continue;
    content.append(message.text, copied, span.offset - copied);
    content += "@" + staff_id;
    copied = span.offset + span.length;
    rendered.push_back(staff_id);
  }
  content.append(message.text, copied);
  for (const std::string& person : message.mentions) {
    if (!person.starts_with(prefix)) continue;
    const std::string staff_id = person.substr(prefix.size());
    if (!is_staff_id(staff_id)) continue;
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
  // DingTalk always answers JSON: a 2xx page of some proxy's says nothing of the message, counted
  // as sent before (an exploratory run of the platforms, 2026-12-07).
  if (result.status >= 200 && result.status < 300 && !answer.is_object())
    return SendVerdict::retry(unreadable_answer(result));

  // A first attempt goes through the sessionWebhook (prepare_send); refused with a bare HTTP
  // status (an expired or unknown session answers 404), the message is not dead: the retry
  // takes the send API.
  const bool through_session = message.reply_url && message.attempts == 0;
  if (through_session && (result.status < 200 || result.status >= 300) &&
      member(answer, "errcode") == nullptr)
    return SendVerdict::retry("sessionWebhook " + status + "; the send API takes it");

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
    // The send API's QPS limits are the app's (QpsLimitForAppkeyAndApi), not one group's.
    SendVerdict verdict = SendVerdict::retry(why, header_seconds(result).value_or(kQpsHold));
    verdict.whole_instance = true;
    return verdict;
  }
  if (result.status >= 500 || result.status == 408) return SendVerdict::retry(why);
  // Everything else is a request DingTalk will refuse again: the robot is not in the group, the
  // group was dissolved, the app lacks the permission, the chat id is wrong.
  return SendVerdict::dead("DingTalk refused the message: " + why);
}

}  // namespace whistle::bot
