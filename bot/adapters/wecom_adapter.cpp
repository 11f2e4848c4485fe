#include "bot/adapters/wecom_adapter.hpp"

#include <charconv>
#include <cmath>

#include <spdlog/logger.h>
#include <nlohmann/json.hpp>

#include "bot/adapters/chat_address.hpp"
#include "bot/adapters/flat_xml.hpp"
#include "bot/adapters/message_time.hpp"
#include "bot/adapters/payload_fields.hpp"
#include "bot/adapters/query_string.hpp"
#include "bot/adapters/untrusted_text.hpp"
#include "bot/adapters/wecom_send.hpp"
#include "bot/logging.hpp"
#include "handlers/message.hpp"

namespace whistle::bot {

namespace {

using nlohmann::json;

constexpr std::chrono::milliseconds kTokenTimeout{10'000};
// WeCom's MsgId is a 64-bit integer: at most 20 decimal digits.
constexpr std::size_t kMaxMsgIdDigits = 20;

bool all_digits(std::string_view text, std::size_t max_digits) {
  if (text.empty() || text.size() > max_digits) return false;
  for (const char c : text) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

HttpError missing(std::string_view field) {
  return HttpError{400, std::string(field) + " is missing"};
}

std::optional<double> decimal(std::string_view text) {
  double value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || !std::isfinite(value)) return std::nullopt;
  return value;
}

}  // namespace

WecomAdapter::WecomAdapter(const config::WecomInstance& instance, const config::BotConfig& /*bot*/)
    : name_(instance.name),
      corp_id_(instance.corp_id),
      agent_id_(instance.agent_id),
      secret_(instance.secret),
      api_base_(instance.api_base),
      callback_(WecomCrypto(instance.token, instance.encoding_aes_key, instance.corp_id)) {}

std::variant<std::string, HttpError> WecomAdapter::encrypted_of(const InboundRequest& request,
                                                                const WecomCallbackQuery& query) {
  if (request.method == "GET") return query.echostr;
  // The signature covers the envelope's Encrypt text, so the envelope is read first; it is a
  // handful of flat elements and the reader refuses DOCTYPEs and entity declarations.
  std::variant<XmlFields, std::string> envelope = parse_flat_xml(request.body);
  if (auto* problem = std::get_if<std::string>(&envelope)) return HttpError{400, std::move(*problem)};
  const std::optional<std::string_view> encrypted = std::get<XmlFields>(envelope).get("Encrypt");
  if (!encrypted || encrypted->empty()) return HttpError{400, "Encrypt is missing"};
  return std::string(*encrypted);
}

std::optional<HttpError> WecomAdapter::verify(const InboundRequest& request) const {
  return callback_.verify(request, encrypted_of);
}

std::variant<std::string, HttpError> WecomAdapter::decrypt(const InboundRequest& request) const {
  return callback_.decrypt(request, encrypted_of);
}

std::optional<HttpAnswer> WecomAdapter::url_check(const InboundRequest& request,
                                                  std::string_view plaintext) const {
  if (request.method != "GET") return std::nullopt;
  return WecomCallback::echo(plaintext);
}

Decoded WecomAdapter::decode(const InboundRequest& request, std::string_view plaintext) const {
  std::variant<XmlFields, std::string> parsed = parse_flat_xml(plaintext);
  if (auto* problem = std::get_if<std::string>(&parsed)) return HttpError{400, std::move(*problem)};
  const XmlFields& xml = std::get<XmlFields>(parsed);
  std::vector<InboundEvent> events;

  const std::optional<std::string_view> type = xml.get("MsgType");
  if (!type) return missing("MsgType");
  // Events (subscribe, enter_agent, menu clicks, contact changes) carry no words for the bot.
  if (*type == "event") return events;
  if (*type != "text" && *type != "image" && *type != "location") {
    http_log().info("wecom message ignored instance={} msgtype={}", name_, log_quoted(*type, 32));
    return events;
  }
  // One app, one callback URL: a message for another agent means two apps share this URL.
  if (const std::optional<std::string_view> agent = xml.get("AgentID"); agent && agent_id_ != 0) {
    if (*agent != std::to_string(agent_id_)) {
      http_log().warn("wecom message for another app ignored instance={} agentid={}", name_,
                      log_quoted(*agent, 32));
      return events;
    }
  }

  const std::optional<std::string_view> from = xml.get("FromUserName");
  if (!from) return missing("FromUserName");
  if (std::optional<std::string> problem = id_problem(*from))
    return HttpError{400, "FromUserName " + *problem};
  const std::optional<std::string_view> msg_id = xml.get("MsgId");
  if (!msg_id) return missing("MsgId");
  if (!all_digits(*msg_id, kMaxMsgIdDigits)) return HttpError{400, "MsgId must be a number"};

  InboundEvent event;
  handlers::Message& message = event.message;
  message.sender = qualify(kPlatform, name_, *from);
  // A self-built app sees no group chat: every message is the sender's 1:1 with the app.
  message.chat = handlers::private_chat_of(message.sender);
  message.is_private = true;
  message.at = request.received_at;
  if (const std::optional<std::string_view> created = xml.get("CreateTime")) {
    if (!all_digits(*created, 12)) return HttpError{400, "CreateTime must be Unix seconds"};
    message.at = accepted_message_time(std::stoll(std::string(*created)), request.received_at);
  }

  if (*type == "text") {
    const std::optional<std::string_view> content = xml.get("Content");
    if (!content) return missing("Content");
    message.text = std::string(*content);
  } else if (*type == "image") {
    const std::optional<std::string_view> url = xml.get("PicUrl");
    if (!url || url->empty()) return missing("PicUrl");
    if (url->size() > kMaxUrlBytes || token_problem(*url)) return HttpError{400, "PicUrl is not one URL"};
    message.attachments.push_back(handlers::Attachment{"image", std::string(*url)});
  } else {
    const std::optional<std::string_view> x = xml.get("Location_X");
    const std::optional<std::string_view> y = xml.get("Location_Y");
    if (!x || !y) return missing("Location_X/Location_Y");
    const std::optional<double> lat = decimal(*x);
    const std::optional<double> lon = decimal(*y);
    if (!lat || !lon || std::abs(*lat) > 90 || std::abs(*lon) > 180) {
      return HttpError{400, "Location_X/Location_Y out of range"};
    }
    message.location = handlers::Location{*lat, *lon};
  }

  event.dedupe_key = "wecom:" + name_ + ":" + std::string(*msg_id);
  event.received_at = request.received_at;
  event.replies_inline = false;
  events.push_back(std::move(event));
  return events;
}

HttpAnswer WecomAdapter::acknowledge(std::span<const EventOutcome> /*outcomes*/) const {
  HttpAnswer answer;
  answer.content_type = "text/plain";
  return answer;
}

bool WecomAdapter::can_send(const store::OutboxMessage& message, std::int64_t /*now*/) const {
  const std::optional<ChatAddress> address = parse_chat_address(message.chat);
  if (!address || address->instance != name_) return false;
  const std::string_view local = address->local;
  if (local.empty() || local == "@") return false;
  // An AI bot's 1:1 with a person of this corp: the app reaches the same userid.
  const bool relayed = address->platform == "wecom_bot" && local.starts_with('@');
  if (address->platform != kPlatform && !relayed) return false;
  return !corp_id_.empty() && !secret_.empty();
}

asio::awaitable<std::variant<std::string, SendVerdict>> WecomAdapter::access_token(const HttpClient& http,
                                                                                   std::int64_t now) const {
  if (std::optional<std::string> token = tokens_.fresh(now)) co_return std::move(*token);
  OutboundRequest request;
  request.method = "GET";
  request.content_type.clear();
  // The secret travels in the query, as WeCom requires; the client never logs URLs.
  request.url = api_base_ + "/cgi-bin/gettoken?corpid=" + percent_encode(corp_id_) +
                "&corpsecret=" + percent_encode(secret_);
  const HttpClientResult result = co_await http.send(std::move(request), kTokenTimeout);
  // However gettoken fails, the message is not at fault: it waits for the next attempt.
  if (!result.error.empty() || result.status < 200 || result.status >= 300) {
    const SendVerdict verdict = classify_http_answer(result);
    co_return SendVerdict::retry("access token: " + verdict.error, verdict.retry_after);
  }
  const json body = json::parse(result.body, nullptr, false);
  if (!body.is_object()) co_return SendVerdict::retry("access token: an unreadable answer");
  const auto code = body.find("errcode");
  if (code != body.end() && code->is_number_integer() && code->get<std::int64_t>() != 0) {
    co_return SendVerdict::retry("access token: errcode " + std::to_string(code->get<std::int64_t>()));
  }
  const auto token = body.find("access_token");
  if (token == body.end() || !token->is_string() || token->get_ref<const std::string&>().empty()) {
    co_return SendVerdict::retry("access token: an answer without access_token");
  }
  std::int64_t lifetime = 7200;
  if (const auto expires = body.find("expires_in"); expires != body.end() && expires->is_number_integer())
    lifetime = expires->get<std::int64_t>();
  std::string value = token->get<std::string>();
  tokens_.store(value, now, lifetime);
  co_return value;
}

asio::awaitable<SendPlan> WecomAdapter::prepare_send(const store::OutboxMessage& message,
                                                     const HttpClient& http, std::int64_t now) const {
  const std::optional<ChatAddress> address = parse_chat_address(message.chat);
  if (!address || address->local.empty()) co_return SendVerdict::dead("not a WeCom chat");
  std::variant<std::string, SendVerdict> token = co_await access_token(http, now);
  if (auto* verdict = std::get_if<SendVerdict>(&token)) co_return std::move(*verdict);
  const std::string& access_token = std::get<std::string>(token);

  OutboundRequest request;
  json body{{"msgtype", "text"}, {"text", {{"content", fit_content(message.text)}}}, {"safe", 0}};
  const std::string_view local = address->local;
  if (local.starts_with('@')) {
    // A person: the app's 1:1 conversation with them.
    body["touser"] = std::string(local.substr(1));
    body["agentid"] = agent_id_;
    request.url = api_base_ + "/cgi-bin/message/send?access_token=" + percent_encode(access_token);
  } else {
    // A group the app created (appchat): text mentions are not rendered there, the names stay.
    body["chatid"] = std::string(local);
    request.url = api_base_ + "/cgi-bin/appchat/send?access_token=" + percent_encode(access_token);
  }
  request.body = dump_json(body);
  co_return request;
}

SendVerdict WecomAdapter::read_send_answer(const store::OutboxMessage& /*message*/,
                                           const HttpClientResult& result) const {
  WecomAnswer answer = read_wecom_answer(result);
  if (answer.token_refused) {
    // fresh(0): whatever token is held, however young; the next attempt fetches a new one. A token
    // fetched meanwhile by another delivery may be forgotten too, which costs one request.
    if (std::optional<std::string> held = tokens_.fresh(0)) tokens_.invalidate(*held);
  }
  return answer.verdict;
}

SendLimits WecomAdapter::send_limits() const {
  using std::chrono::minutes;
  return SendLimits{Pace{20, minutes(1)}, Pace{600, minutes(1)}};
}

}  // namespace whistle::bot
