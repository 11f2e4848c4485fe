#include "bot/adapters/generic_adapter.hpp"

#include <cmath>

#include <spdlog/logger.h>
#include <nlohmann/json.hpp>

#include "bot/adapters/ascii.hpp"
#include "bot/adapters/chat_address.hpp"
#include "bot/adapters/message_time.hpp"
#include "bot/adapters/payload_fields.hpp"
#include "bot/adapters/strict_json.hpp"
#include "bot/adapters/untrusted_text.hpp"
#include "bot/json_string.hpp"
#include "bot/logging.hpp"
#include "handlers/language/normalize.hpp"
#include "handlers/language/parser.hpp"
#include "handlers/message.hpp"

namespace whistle::bot {

namespace {

using nlohmann::json;

constexpr std::string_view kPlatformPrefix = "generic:";
constexpr std::string_view kSignaturePrefix = "sha256=";

std::string qualify(std::string_view local) {
  std::string id;
  id.reserve(kPlatformPrefix.size() + local.size());
  id += kPlatformPrefix;
  id += local;
  return id;
}

// Reads a required string field; an error names the field.
std::optional<HttpError> required_string(const json& body, std::string_view field, std::string& out) {
  const auto it = body.find(field);
  if (it == body.end() || it->is_null()) return bad_field(field, "is required");
  if (!it->is_string()) return bad_field(field, "must be a string");
  out = it->get<std::string>();
  return std::nullopt;
}

// Reads an optional string field (absent or null: left empty).
std::optional<HttpError> optional_string(const json& body, std::string_view field, std::string& out) {
  const auto it = body.find(field);
  if (it == body.end() || it->is_null()) return std::nullopt;
  if (!it->is_string()) return bad_field(field, "must be a string");
  out = it->get<std::string>();
  return std::nullopt;
}

// The message id: a string, or an integer that bridges sometimes send, taken as its decimal text.
std::optional<HttpError> read_id(const json& body, std::string& out) {
  const auto it = body.find("id");
  if (it == body.end() || it->is_null()) return bad_field("id", "is required");
  if (it->is_number_unsigned()) {
    out = std::to_string(it->get<std::uint64_t>());
  } else if (it->is_number_integer()) {
    out = std::to_string(it->get<std::int64_t>());
  } else if (it->is_string()) {
    out = it->get<std::string>();
  } else {
    return bad_field("id", "must be a string or an integer");
  }
  if (std::optional<std::string> problem = id_problem(out, IdSpaces::allowed))
    return bad_field("id", *problem);
  return std::nullopt;
}

// A chat or person id: a required string that is a usable id.
std::optional<HttpError> required_id(const json& body, std::string_view field, std::string& out) {
  if (auto error = required_string(body, field, out)) return error;
  if (std::optional<std::string> problem = id_problem(out)) return bad_field(field, *problem);
  return std::nullopt;
}

std::optional<HttpError> read_mentions(const json& body, const std::set<std::string, std::less<>>& bot,
                                       language::ExtraBotNames bot_names, handlers::Message& message) {
  const auto it = body.find("mentions");
  if (it == body.end() || it->is_null()) return std::nullopt;
  if (!it->is_array()) return bad_field("mentions", "must be an array of strings");
  for (const json& item : *it) {
    if (!item.is_string()) return bad_field("mentions", "must be an array of strings");
    std::string_view id = item.get_ref<const std::string&>();
    // "@u-li" and "u-li" name the same person.
    if (id.starts_with('@')) id.remove_prefix(1);
    if (id.empty()) continue;
    if (std::optional<std::string> problem = id_problem(id)) return bad_field("mentions", *problem);
    // The bot's own ids, and every name the parser takes for the bot ("机器人", "ｗｈｉｓｔｌｅ").
    if (bot.contains(lower_ascii(id)) ||
        language::is_bot_name(language::normalize_characters(id), bot_names)) {
      message.mentions_bot = true;
    } else {
      message.mentions.push_back(qualify(id));
    }
  }
  return std::nullopt;
}

std::optional<HttpError> read_location(const json& body, handlers::Message& message) {
  const auto it = body.find("location");
  if (it == body.end() || it->is_null()) return std::nullopt;
  if (!it->is_object()) return bad_field("location", "must be {\"lat\": number, \"lon\": number}");
  const auto lat = it->find("lat");
  const auto lon = it->find("lon");
  if (lat == it->end() || lon == it->end() || !lat->is_number() || !lon->is_number()) {
    return bad_field("location", "must be {\"lat\": number, \"lon\": number}");
  }
  const double lat_value = lat->get<double>();
  const double lon_value = lon->get<double>();
  if (std::abs(lat_value) > 90 || std::abs(lon_value) > 180) {
    return bad_field("location", "is out of range");
  }
  message.location = handlers::Location{lat_value, lon_value};
  return std::nullopt;
}

// `attachments`: [{"type": "image", "url": "..."}], each with a short type and a URL.
std::optional<HttpError> read_attachments(const json& body, handlers::Message& message) {
  constexpr std::size_t kMaxAttachments = 20;
  constexpr std::size_t kMaxTypeBytes = 32;
  const auto it = body.find("attachments");
  if (it == body.end() || it->is_null()) return std::nullopt;
  const HttpError shape = bad_field("attachments", "must be a list of {\"type\": string, \"url\": string}");
  if (!it->is_array()) return shape;
  if (it->size() > kMaxAttachments) {
    return bad_field("attachments", "has more than " + std::to_string(kMaxAttachments) + " items");
  }
  for (const json& item : *it) {
    if (!item.is_object()) return shape;
    const auto type = item.find("type");
    const auto url = item.find("url");
    if (type == item.end() || url == item.end() || !type->is_string() || !url->is_string()) return shape;
    handlers::Attachment attachment{type->get<std::string>(), url->get<std::string>()};
    if (attachment.type.empty() || attachment.type.size() > kMaxTypeBytes || id_problem(attachment.type)) {
      return bad_field("attachments", "has a type that is empty, too long or not one word");
    }
    if (attachment.url.empty() || attachment.url.size() > kMaxUrlBytes || token_problem(attachment.url)) {
      return bad_field("attachments", "has a url that is empty, over " + std::to_string(kMaxUrlBytes) +
                                          " bytes or not one line");
    }
    message.attachments.push_back(std::move(attachment));
  }
  return std::nullopt;
}

// `reply_to`: the id of the bot's message this one replies to, a message id like `id` (spaces
// allowed, since it is only compared). Absent or null: a reply to nothing.
std::optional<HttpError> read_reply_to(const json& body, handlers::Message& message) {
  const auto it = body.find("reply_to");
  if (it == body.end() || it->is_null()) return std::nullopt;
  if (!it->is_string()) return bad_field("reply_to", "must be a string");
  message.reply_to = it->get<std::string>();
  if (std::optional<std::string> problem = id_problem(message.reply_to, IdSpaces::allowed))
    return bad_field("reply_to", *problem);
  return std::nullopt;
}

// The message time: `ts` in Unix seconds when given and believable, else the time the request
// arrived. A time out of range is malformed; one far from our clock is replaced, not refused, so a
// bridge that delivers its backlog loses nothing.
std::optional<HttpError> read_time(const json& body, std::int64_t received_at, handlers::Message& message,
                                   std::int64_t& claimed) {
  message.at = received_at;
  claimed = received_at;
  const auto it = body.find("ts");
  if (it == body.end() || it->is_null()) return std::nullopt;
  // Built only when needed: nearly every message has a `ts`, and nearly every `ts` is fine.
  const auto out_of_range = [] {
    return bad_field("ts", "must be Unix seconds between 0 and " + std::to_string(kMaxUnixSeconds));
  };
  if (it->is_number_unsigned()) {
    const std::uint64_t value = it->get<std::uint64_t>();
    if (value > static_cast<std::uint64_t>(kMaxUnixSeconds)) return out_of_range();
    claimed = static_cast<std::int64_t>(value);
  } else if (it->is_number_integer()) {
    claimed = it->get<std::int64_t>();
  } else if (it->is_number_float()) {
    // Checked before the cast: a double beyond int64's range converts with undefined behaviour.
    const double value = it->get<double>();
    if (!(value >= 0.0 && value <= static_cast<double>(kMaxUnixSeconds))) return out_of_range();
    claimed = static_cast<std::int64_t>(value);
  } else {
    return bad_field("ts", "must be a number (Unix seconds)");
  }
  if (claimed < 0 || claimed > kMaxUnixSeconds) return out_of_range();
  message.at = accepted_message_time(claimed, received_at);
  return std::nullopt;
}

// The chat: a group's id, or the private conversation with the sender ("@<from>").
std::optional<HttpError> read_chat_type(const json& body, const std::string& chat,
                                        handlers::Message& message) {
  std::string chat_type = "group";
  if (auto error = optional_string(body, "chat_type", chat_type)) return error;
  if (chat_type != "group" && chat_type != "private") {
    return bad_field("chat_type", "must be \"group\" or \"private\"");
  }
  // A private conversation is the chat "@<user id>" wherever the bot names it, so a bridge may also
  // say so by the chat id alone.
  message.is_private = chat_type == "private" || chat.starts_with('@');
  message.chat = message.is_private ? handlers::private_chat_of(message.sender) : qualify(chat);
  return std::nullopt;
}

// {"chat", "mentions", "text"} with the platform's own ids, written by hand: every answer of the
// storm goes through here on the network thread, where building a json tree to dump it was a
// tenth of that thread's samples. The keys come in nlohmann's order: the bytes are the tree's.
void append_reply(std::string& out, const handlers::Reply& reply) {
  out += "{\"chat\":";
  append_json_string(out, handlers::local_part_view(reply.chat));
  out += ",\"mentions\":[";
  for (std::size_t i = 0; i < reply.mentions.size(); ++i) {
    if (i > 0) out += ',';
    append_json_string(out, handlers::local_part_view(reply.mentions[i]));
  }
  out += "],\"text\":";
  append_json_string(out, reply.text);
  out += '}';
}

}  // namespace

GenericAdapter::GenericAdapter(const config::GenericInstance& instance, const config::BotConfig& bot,
                               std::string ids_as)
    : name_(instance.name),
      ids_as_(ids_as.empty() ? instance.name : std::move(ids_as)),
      deliver_url_(instance.deliver_url),
      key_(instance.secret),
      parser_bot_names_(language::normalized_bot_names(bot.names)) {
  // What a bridge may write for the bot, in `from` or `mentions`: its configured names, and the
  // local part of each of its own ids on this platform. ASCII case is not significant ("Whistle").
  for (const std::string& name : bot.names)
    bot_names_.insert(lower_ascii(name));
  for (const std::string& id : bot.ids) {
    const std::string platform = handlers::platform_of(id);
    if (platform == "generic" || platform == "generic." + name_ || platform == "generic." + ids_as_)
      bot_names_.insert(lower_ascii(handlers::local_part(id)));
  }
}

std::optional<HttpError> GenericAdapter::verify(const InboundRequest& request) const {
  std::string_view signature = request.headers.get(kSignatureHeader);
  if (signature.empty()) return HttpError{401, "missing X-Whistle-Signature"};
  if (!signature.starts_with(kSignaturePrefix)) return HttpError{401, "bad signature"};
  signature.remove_prefix(kSignaturePrefix.size());
  if (!key_.verify_hex(request.body, signature)) return HttpError{401, "bad signature"};
  return std::nullopt;
}

Decoded GenericAdapter::decode(const InboundRequest& request, std::string_view plaintext) const {
  std::variant<json, std::string> parsed = parse_strict_json(plaintext);
  if (auto* problem = std::get_if<std::string>(&parsed)) return HttpError{400, std::move(*problem)};
  const json& body = std::get<json>(parsed);
  if (!body.is_object()) return HttpError{400, "the body must be a JSON object"};

  std::string id;
  std::string chat;
  std::string from;
  InboundEvent event;
  handlers::Message& message = event.message;
  if (auto error = read_id(body, id)) return *error;
  if (auto error = required_id(body, "chat", chat)) return *error;
  if (auto error = required_id(body, "from", from)) return *error;
  if (auto error = required_string(body, "text", message.text)) return *error;
  message.sender = qualify(from);
  if (auto error = read_chat_type(body, chat, message)) return *error;
  if (auto error = optional_string(body, "chat_title", message.chat_title)) return *error;
  if (auto error = optional_string(body, "name", message.sender_name)) return *error;
  std::int64_t claimed_at = 0;
  if (auto error = read_time(body, request.received_at, message, claimed_at)) return *error;
  if (auto error = read_mentions(body, bot_names_, parser_bot_names_, message)) return *error;
  if (auto error = read_location(body, message)) return *error;
  if (auto error = read_attachments(body, message)) return *error;
  if (auto error = read_reply_to(body, message)) return *error;

  std::vector<InboundEvent> events;
  // The bot's own words, echoed back by a bridge: acknowledged, never stored or answered, or
  // the bot would talk to itself for ever.
  if (bot_names_.contains(lower_ascii(from))) return events;
  // The name is shown in the bot's voice: one clean line, never posing as the bot.
  message.sender_name = clean_display_name(message.sender_name);
  // "@<name>" at the head of a reply must not read as a mention of the bot, the way the parser
  // reads it (full-width, zero-width characters and a Chinese name running on included).
  if (bot_names_.contains(lower_ascii(message.sender_name)) ||
      language::bot_mention_length("@" + language::normalize_characters(message.sender_name), 0,
                                   parser_bot_names_) > 0) {
    message.sender_name.clear();
  }
  message.chat_title = clean_display_name(message.chat_title);

  // Ids seen through another instance than `default` name it ("generic.lab:u-zhang"), so two
  // bridges cannot collide and replies leave through the bridge they came in on.
  if (ids_as_ != kDefaultInstance) {
    const std::string prefix = id_prefix("generic", ids_as_);
    const auto requalify = [&prefix](std::string& qualified) {
      if (qualified.starts_with(kPlatformPrefix))
        qualified = prefix + qualified.substr(kPlatformPrefix.size());
    };
    requalify(message.chat);
    requalify(message.sender);
    for (std::string& person : message.mentions)
      requalify(person);
  }
  event.dedupe_key = "generic:" + name_ + ":" + id;
  event.received_at = request.received_at;
  event.replies_inline = true;
  if (claimed_at != message.at) {
    http_log().info("message time replaced event={} ts={} received_at={} (more than {} s apart)",
                    log_quoted(event.dedupe_key), claimed_at, request.received_at, kTrustedClockSkewSeconds);
  }
  events.push_back(std::move(event));
  return events;
}

HttpAnswer GenericAdapter::acknowledge(std::span<const EventOutcome> outcomes) const {
  // Room for the whole answer at once (texts are written as they are, ids without the prefix),
  // rather than the string doubling its way up to it.
  std::size_t size = 32;
  for (const EventOutcome& outcome : outcomes) {
    for (const handlers::Reply& reply : outcome.inline_replies) {
      size += 48 + reply.chat.size() + reply.text.size();
      for (const std::string& mention : reply.mentions)
        size += 3 + mention.size();
    }
  }
  HttpAnswer answer;
  answer.body.reserve(size);
  answer.body = "{\"ok\":true,\"replies\":[";
  bool first = true;
  for (const EventOutcome& outcome : outcomes) {
    for (const handlers::Reply& reply : outcome.inline_replies) {
      if (!first) answer.body += ',';
      first = false;
      append_reply(answer.body, reply);
    }
  }
  answer.body += "]}";
  return answer;
}

std::optional<OutboundRequest> GenericAdapter::build_send(const store::OutboxMessage& message) const {
  if (deliver_url_.empty()) return std::nullopt;
  OutboundRequest request;
  request.url = deliver_url_;
  append_reply(request.body, handlers::Reply{message.chat, message.text, message.mentions});
  request.headers.emplace_back(kSignatureHeader,
                               std::string(kSignaturePrefix) + key_.hex_digest(request.body));
  request.headers.emplace_back(kDeliveryHeader, std::to_string(message.id));
  return request;
}

SendVerdict GenericAdapter::read_send_answer(const store::OutboxMessage& /*message*/,
                                             const HttpClientResult& result) const {
  SendVerdict verdict = classify_http_answer(result);
  const int status = result.status;
  if (verdict.outcome == SendVerdict::Outcome::dead && status != 400 && status != 410 && status != 413 &&
      status != 422) {
    verdict = SendVerdict::retry("HTTP " + std::to_string(status));
  }
  return verdict;
}

}  // namespace whistle::bot
