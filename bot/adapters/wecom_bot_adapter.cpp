#include "bot/adapters/wecom_bot_adapter.hpp"

#include <spdlog/logger.h>
#include <nlohmann/json.hpp>

#include "bot/adapters/chat_address.hpp"
#include "bot/adapters/message_time.hpp"
#include "bot/adapters/payload_fields.hpp"
#include "bot/adapters/strict_json.hpp"
#include "bot/adapters/untrusted_text.hpp"
#include "bot/adapters/wecom_send.hpp"
#include "bot/logging.hpp"
#include "handlers/language/normalize.hpp"
#include "handlers/language/parser.hpp"
#include "handlers/message.hpp"

namespace whistle::bot {

namespace {

using nlohmann::json;

// The string at `object[key]`; empty when absent or not a string.
std::optional<std::string> string_at(const json& object, std::string_view key) {
  if (!object.is_object()) return std::nullopt;
  const auto it = object.find(key);
  if (it == object.end() || !it->is_string()) return std::nullopt;
  return it->get<std::string>();
}

// `object[outer][inner]` as a string (text.content, from.userid, image.url).
std::optional<std::string> nested_string(const json& object, std::string_view outer, std::string_view inner) {
  if (!object.is_object()) return std::nullopt;
  const auto it = object.find(outer);
  if (it == object.end()) return std::nullopt;
  return string_at(*it, inner);
}

// A URL that arrived in the verified payload (response_url, image.url): one clean line, http(s)
// with a host.
bool usable_url(const std::string& url) {
  if (url.empty() || url.size() > kMaxUrlBytes || token_problem(url)) return false;
  std::string_view rest = url;
  if (rest.starts_with("https://")) {
    rest.remove_prefix(8);
  } else if (rest.starts_with("http://")) {
    rest.remove_prefix(7);
  } else {
    return false;
  }
  const std::string_view host = rest.substr(0, rest.find_first_of("/?#"));
  return !host.empty() && host.front() != ':';
}

bool is_separator_at(std::string_view text, std::size_t pos, std::size_t& length) {
  for (const std::string_view space :
       {std::string_view(" "), std::string_view("\u2005"), std::string_view("\u3000"),
        std::string_view("\u00a0"), std::string_view("\t"), std::string_view("\n")}) {
    if (text.substr(pos).starts_with(space)) {
      length = space.size();
      return true;
    }
  }
  return false;
}

// Removes the AI bot's own @-mention from a group message: one of the bot's names wherever it
// stands, else the leading "@<word>" (WeCom only delivers group messages that @-mention the bot,
// and its name is not in the payload), with the separator after it.
std::string strip_bot_mention(std::string text, language::ExtraBotNames names) {
  std::size_t separator = 0;
  for (std::size_t pos = text.find('@'); pos != std::string::npos; pos = text.find('@', pos + 1)) {
    const std::size_t length = language::bot_mention_length(text, pos, names);
    if (length == 0) continue;
    std::size_t end = pos + length;
    if (is_separator_at(text, end, separator)) end += separator;
    text.erase(pos, end - pos);
    return text;
  }
  if (!text.starts_with('@')) return text;
  std::size_t end = 1;
  while (end < text.size() && !is_separator_at(text, end, separator))
    ++end;
  if (end < text.size()) end += separator;
  text.erase(0, end);
  return text;
}

// The words and pictures of a `mixed` message; WeCom has been seen sending `mixed` as an object
// or as a JSON string holding one.
void read_mixed(const json& body, handlers::Message& message) {
  const auto it = body.find("mixed");
  if (it == body.end()) return;
  json mixed = *it;
  if (mixed.is_string()) mixed = json::parse(mixed.get<std::string>(), nullptr, false);
  if (!mixed.is_object()) return;
  const auto items = mixed.find("msg_item");
  if (items == mixed.end() || !items->is_array()) return;
  for (const json& item : *items) {
    const std::optional<std::string> type = string_at(item, "msgtype");
    if (type == "text") {
      if (std::optional<std::string> content = nested_string(item, "text", "content")) {
        if (!message.text.empty()) message.text += '\n';
        message.text += *content;
      }
    } else if (type == "image") {
      std::optional<std::string> url = nested_string(item, "image", "url");
      if (url && usable_url(*url)) message.attachments.push_back(handlers::Attachment{"image", *url});
    }
  }
}

}  // namespace

WecomBotAdapter::WecomBotAdapter(const config::WecomBotInstance& instance, const config::BotConfig& bot)
    : name_(instance.name),
      bot_id_(instance.bot_id),
      parser_bot_names_(language::normalized_bot_names(bot.names)),
      // An AI bot's messages are sealed for the empty receive id (platforms.md 1.2).
      callback_(WecomCrypto(instance.token, instance.encoding_aes_key, "")) {}

std::variant<std::string, HttpError> WecomBotAdapter::encrypted_of(const InboundRequest& request,
                                                                   const WecomCallbackQuery& query) {
  if (request.method == "GET") return query.echostr;
  // The signature covers the envelope's `encrypt`, so the envelope is read first.
  std::variant<json, std::string> envelope = parse_strict_json(request.body);
  if (auto* problem = std::get_if<std::string>(&envelope)) return HttpError{400, std::move(*problem)};
  std::optional<std::string> encrypted = string_at(std::get<json>(envelope), "encrypt");
  if (!encrypted || encrypted->empty()) return HttpError{400, "\"encrypt\" is missing"};
  return std::move(*encrypted);
}

std::optional<HttpError> WecomBotAdapter::verify(const InboundRequest& request) const {
  return callback_.verify(request, encrypted_of);
}

std::variant<std::string, HttpError> WecomBotAdapter::decrypt(const InboundRequest& request) const {
  return callback_.decrypt(request, encrypted_of);
}

std::optional<HttpAnswer> WecomBotAdapter::url_check(const InboundRequest& request,
                                                     std::string_view plaintext) const {
  if (request.method != "GET") return std::nullopt;
  return WecomCallback::echo(plaintext);
}

Decoded WecomBotAdapter::decode(const InboundRequest& request, std::string_view plaintext) const {
  std::variant<json, std::string> parsed = parse_strict_json(plaintext);
  if (auto* problem = std::get_if<std::string>(&parsed)) return HttpError{400, std::move(*problem)};
  const json& body = std::get<json>(parsed);
  if (!body.is_object()) return HttpError{400, "the message must be a JSON object"};
  std::vector<InboundEvent> events;

  const std::optional<std::string> type = string_at(body, "msgtype");
  if (!type) return bad_field("msgtype", "is required");
  // enter_chat, card clicks and feedback carry no words; a stream refresh asks for a passive
  // stream reply, which this adapter does not use (its empty answer ends the stream).
  if (*type == "event" || *type == "stream") return events;
  if (*type != "text" && *type != "mixed" && *type != "voice" && *type != "image" && *type != "file") {
    http_log().info("wecom_bot message ignored instance={} msgtype={}", name_, log_quoted(*type, 32));
    return events;
  }

  const std::optional<std::string> msg_id = string_at(body, "msgid");
  if (!msg_id) return bad_field("msgid", "is required");
  if (std::optional<std::string> problem = id_problem(*msg_id, IdSpaces::allowed))
    return bad_field("msgid", *problem);
  const std::optional<std::string> from = nested_string(body, "from", "userid");
  if (!from) return bad_field("from.userid", "is required");
  if (std::optional<std::string> problem = id_problem(*from)) return bad_field("from.userid", *problem);
  // The bot's own words, should WeCom ever echo them: never stored or answered.
  if (!bot_id_.empty() && *from == bot_id_) return events;

  InboundEvent event;
  handlers::Message& message = event.message;
  // One corp, one userid: the person is the app's "wecom:<userid>" whichever door they used
  // (config's canonical_person_id keeps leaders written "wecom_bot:…" the same way).
  message.sender = qualify("wecom", name_, *from);
  const std::optional<std::string> chat_id = string_at(body, "chatid");
  const std::string chat_type = string_at(body, "chattype").value_or(chat_id ? "group" : "single");
  if (chat_type == "group") {
    if (!chat_id) return bad_field("chatid", "is required in a group");
    if (std::optional<std::string> problem = id_problem(*chat_id)) return bad_field("chatid", *problem);
    message.chat = qualify(kPlatform, name_, *chat_id);
    // In a group WeCom delivers only the messages that @-mention the bot.
    message.mentions_bot = true;
  } else if (chat_type == "single") {
    // The conversation is the AI bot's own 1:1 (its response_url answers there); the app relays
    // to it when that is gone.
    message.chat = qualify(kPlatform, name_, "@" + *from);
    message.is_private = true;
  } else {
    return bad_field("chattype", "must be \"group\" or \"single\"");
  }

  message.at = request.received_at;
  if (const auto created = body.find("create_time"); created != body.end() && created->is_number_integer()) {
    const std::int64_t claimed = created->get<std::int64_t>();
    if (claimed >= 0 && claimed <= kMaxUnixSeconds)
      message.at = accepted_message_time(claimed, request.received_at);
  }

  if (*type == "text") {
    std::optional<std::string> content = nested_string(body, "text", "content");
    if (!content) return bad_field("text.content", "is required");
    message.text = std::move(*content);
  } else if (*type == "mixed") {
    read_mixed(body, message);
  } else if (*type == "voice") {
    // WeCom transcribes voice messages for AI bots.
    message.text = nested_string(body, "voice", "content").value_or("");
  } else {
    std::optional<std::string> url = nested_string(body, *type, "url");
    if (!url || !usable_url(*url)) return bad_field(*type + ".url", "is not a URL");
    message.attachments.push_back(handlers::Attachment{*type, std::move(*url)});
  }
  if (message.mentions_bot) message.text = strip_bot_mention(std::move(message.text), parser_bot_names_);

  if (std::optional<std::string> url = string_at(body, "response_url"); url && usable_url(*url)) {
    event.reply_url = store::ReplyUrl{std::move(*url), request.received_at + kResponseUrlSeconds};
  }
  event.dedupe_key = "wecom_bot:" + name_ + ":" + *msg_id;
  event.received_at = request.received_at;
  event.replies_inline = false;
  events.push_back(std::move(event));
  return events;
}

HttpAnswer WecomBotAdapter::acknowledge(std::span<const EventOutcome> /*outcomes*/) const {
  HttpAnswer answer;
  answer.content_type = "text/plain";
  return answer;
}

bool WecomBotAdapter::usable(const store::OutboxMessage& message, std::int64_t now) const {
  if (!message.reply_url || now >= message.reply_url->until || message.reply_url->url.empty()) return false;
  std::lock_guard lock(spent_mutex_);
  return !spent_.contains(message.reply_url->url);
}

bool WecomBotAdapter::can_send(const store::OutboxMessage& message, std::int64_t now) const {
  const std::optional<ChatAddress> address = parse_chat_address(message.chat);
  if (!address || address->platform != kPlatform || address->instance != name_) return false;
  // Without an unused response_url the group's robot (or, in a private chat, the app) relays.
  return usable(message, now);
}

asio::awaitable<SendPlan> WecomBotAdapter::prepare_send(const store::OutboxMessage& message,
                                                        const HttpClient& /*http*/, std::int64_t now) const {
  // can_send said yes a moment ago; the URL may have expired since.
  if (!usable(message, now)) co_return SendVerdict::retry("the response_url expired or was used");
  OutboundRequest request;
  request.url = message.reply_url->url;
  request.body = dump_json(json{{"msgtype", "markdown"},
                                {"markdown", {{"content", fit_content(message.text, kWecomMarkdownBytes)}}}});
  co_return request;
}

SendVerdict WecomBotAdapter::read_send_answer(const store::OutboxMessage& message,
                                              const HttpClientResult& result) const {
  // WeCom saw the request: the single-use URL is spent whatever it answered, so a retry goes
  // through the group's robot (or, in a private chat, the app).
  if (result.status != 0 && message.reply_url) {
    std::lock_guard lock(spent_mutex_);
    const std::int64_t until = message.reply_url->until;
    std::erase_if(spent_, [until](const auto& entry) { return entry.second < until - kResponseUrlSeconds; });
    spent_.emplace(message.reply_url->url, until);
  }
  SendVerdict verdict = read_wecom_answer(result).verdict;
  // A refusal of the response_url (600039 "response_code expired", …) is that URL's, not the
  // chat's: the group's robot or the app may still carry the message, and was never asked (an
  // exploratory run of the platforms, 2026-12-07: set aside as dead). With no relay configured it
  // waits in the queue, visible in the backlog.
  if (verdict.outcome == SendVerdict::Outcome::dead && message.reply_url)
    return SendVerdict::retry("the response_url refused it (" + verdict.error + "); a relay takes it");
  return verdict;
}

SendLimits WecomBotAdapter::send_limits() const {
  return SendLimits{Pace{20, std::chrono::minutes(1)}, Pace{}};
}

}  // namespace whistle::bot
