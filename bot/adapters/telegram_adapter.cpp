#include "bot/adapters/telegram_adapter.hpp"

#include <algorithm>
#include <cmath>

#include <nlohmann/json.hpp>

#include "bot/adapters/ascii.hpp"
#include "bot/adapters/chat_address.hpp"
#include "bot/adapters/message_time.hpp"
#include "bot/adapters/payload_fields.hpp"
#include "bot/adapters/strict_json.hpp"
#include "bot/adapters/untrusted_text.hpp"
#include "bot/adapters/utf16.hpp"
#include "bot/crypto/digest.hpp"
#include "handlers/message.hpp"

namespace whistle::bot {

namespace {

using nlohmann::json;

std::string trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\n' || text.front() == '\t'))
    text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\n' || text.back() == '\t'))
    text.remove_suffix(1);
  return std::string(text);
}

// A byte range of the text to cut out (the bot's @-mention, the "@botname" of a command), or to
// write as a mention (a text_mention's bare name).
struct Cut {
  std::size_t offset = 0;
  std::size_t length = 0;
  std::string replacement;
};

// One entity's bytes in the text; empty when its UTF-16 offsets do not fall on characters of the
// text (Telegram's are always right; a forged or garbled one is skipped, not trusted).
std::optional<std::pair<std::size_t, std::size_t>> entity_bytes(const json& entity, std::string_view text) {
  std::int64_t offset = 0;
  std::int64_t length = 0;
  if (read_integer(entity, "offset", true, offset) || read_integer(entity, "length", true, length))
    return std::nullopt;
  if (offset < 0 || length <= 0) return std::nullopt;
  const auto begin = utf16_to_byte_offset(text, static_cast<std::size_t>(offset));
  const auto end =
      utf16_to_byte_offset(text, static_cast<std::size_t>(offset) + static_cast<std::size_t>(length));
  if (!begin || !end) return std::nullopt;
  return std::pair{*begin, *end - *begin};
}

std::optional<HttpError> read_telegram_location(const json& message, handlers::Message& out) {
  const json* location = member(message, "location");
  if (location == nullptr) return std::nullopt;
  const json* lat = member(*location, "latitude");
  const json* lon = member(*location, "longitude");
  if (lat == nullptr || lon == nullptr || !lat->is_number() || !lon->is_number()) {
    return bad_field("location", "must be {\"latitude\": number, \"longitude\": number}");
  }
  const double lat_value = lat->get<double>();
  const double lon_value = lon->get<double>();
  if (!(std::abs(lat_value) <= 90) || !(std::abs(lon_value) <= 180))
    return bad_field("location", "is out of range");
  out.location = handlers::Location{lat_value, lon_value};
  return std::nullopt;
}

// The largest size of a photo, by its file_id (getFile turns it into a download path).
std::optional<HttpError> read_photo(const json& message, handlers::Message& out) {
  const json* sizes = member(message, "photo");
  if (sizes == nullptr) return std::nullopt;
  if (!sizes->is_array()) return bad_field("photo", "must be an array");
  std::string best;
  std::int64_t best_area = -1;
  for (const json& size : *sizes) {
    std::string file_id;
    std::int64_t width = 0;
    std::int64_t height = 0;
    if (read_string(size, "file_id", true, file_id) || read_integer(size, "width", false, width) ||
        read_integer(size, "height", false, height)) {
      return bad_field("photo", "must be a list of {\"file_id\": string, \"width\", \"height\"}");
    }
    const std::int64_t area =
        std::clamp<std::int64_t>(width, 0, 1 << 20) * std::clamp<std::int64_t>(height, 0, 1 << 20);
    if (area >= best_area && !file_id.empty() && file_id.size() <= 1024 && !token_problem(file_id)) {
      best = file_id;
      best_area = area;
    }
  }
  if (!best.empty()) out.attachments.push_back(handlers::Attachment{"image", "telegram-file:" + best});
  return std::nullopt;
}

}  // namespace

TelegramAdapter::TelegramAdapter(const config::TelegramInstance& instance, const config::BotConfig& bot)
    : name_(instance.name),
      bot_token_(instance.bot_token),
      secret_token_(instance.secret_token),
      bot_username_(lower_ascii(instance.bot_username.starts_with('@') ? instance.bot_username.substr(1)
                                                                       : instance.bot_username)),
      api_base_(instance.api_base) {
  for (const std::string& id : bot.ids) {
    const std::optional<ChatAddress> address = parse_chat_address(id);
    if (address && address->platform == kPlatform && address->instance == name_)
      own_ids_.push_back(address->local);
  }
}

std::optional<HttpError> TelegramAdapter::verify(const InboundRequest& request) const {
  const std::string_view secret = request.headers.get(kSecretHeader);
  if (secret.empty()) return HttpError{401, "missing X-Telegram-Bot-Api-Secret-Token"};
  if (secret_token_.empty() || !constant_time_equal(secret, secret_token_))
    return HttpError{401, "bad secret token"};
  return std::nullopt;
}

Decoded TelegramAdapter::decode(const InboundRequest& request, std::string_view plaintext) const {
  std::variant<json, std::string> parsed = parse_strict_json(plaintext);
  if (auto* problem = std::get_if<std::string>(&parsed)) return HttpError{400, std::move(*problem)};
  const json& update = std::get<json>(parsed);
  if (!update.is_object()) return HttpError{400, "the body must be a JSON object"};
  std::int64_t update_id = 0;
  if (auto error = read_integer(update, "update_id", true, update_id)) return *error;

  std::vector<InboundEvent> events;
  // Only new messages. An edit re-sends a message already handled (报到 twice would count twice),
  // channel posts have no person behind them, and member updates are not commands: acknowledged
  // and dropped, so Telegram does not redeliver them.
  const json* source = member(update, "message");
  if (source == nullptr) return events;
  if (!source->is_object()) return bad_field("message", "must be an object");
  const json& in = *source;

  std::int64_t message_id = 0;
  std::int64_t chat_id = 0;
  std::string chat_type;
  InboundEvent event;
  handlers::Message& message = event.message;
  if (auto error = read_integer(in, "message_id", true, message_id)) return *error;
  const json* chat = member(in, "chat");
  if (chat == nullptr || !chat->is_object()) return bad_field("chat", "must be an object");
  if (auto error = read_integer(*chat, "id", true, chat_id)) return *error;
  if (auto error = read_string(*chat, "type", true, chat_type)) return *error;
  if (auto error = read_string(*chat, "title", false, message.chat_title)) return *error;

  const json* from = member(in, "from");
  if (from != nullptr && !from->is_object()) return bad_field("from", "must be an object");
  std::int64_t from_id = 0;
  bool from_bot = false;
  std::string first_name;
  std::string last_name;
  if (from != nullptr) {
    if (auto error = read_integer(*from, "id", true, from_id)) return *error;
    if (auto error = read_bool(*from, "is_bot", from_bot)) return *error;
    if (auto error = read_string(*from, "first_name", false, first_name)) return *error;
    if (auto error = read_string(*from, "last_name", false, last_name)) return *error;
  }
  // No person behind it (a channel's post in a linked group), a bot (ours, another one, or the
  // anonymous-admin placeholder), or a channel: nothing the bot's world can attribute.
  const std::string sender_local = std::to_string(from_id);
  if (from == nullptr || from_bot ||
      std::find(own_ids_.begin(), own_ids_.end(), sender_local) != own_ids_.end()) {
    return events;
  }
  message.sender = qualify(kPlatform, name_, sender_local);
  if (chat_type == "private") {
    message.is_private = true;
    message.chat = handlers::private_chat_of(message.sender);
  } else if (chat_type == "group" || chat_type == "supergroup") {
    // A forum's topic is a chat of its own ("-100…/7"), so the answer goes back into the topic and
    // a topic (one per building, say) can be bound to its node; the General topic is the group.
    std::string local = std::to_string(chat_id);
    bool topic = false;
    std::int64_t thread = 0;
    if (auto error = read_bool(in, "is_topic_message", topic)) return *error;
    if (auto error = read_integer(in, "message_thread_id", false, thread)) return *error;
    if (topic && thread > 0) local += "/" + std::to_string(thread);
    message.chat = qualify(kPlatform, name_, local);
  } else {
    return events;
  }
  message.sender_name = clean_display_name(last_name.empty() ? first_name : first_name + " " + last_name);
  message.chat_title = clean_display_name(message.chat_title);

  // The text, or a photo's caption, with their entities.
  std::string text;
  const bool captioned = member(in, "text") == nullptr;
  if (auto error = read_string(in, captioned ? "caption" : "text", false, text)) return *error;
  const json* entities = member(in, captioned ? "caption_entities" : "entities");
  if (entities != nullptr && !entities->is_array()) return bad_field("entities", "must be an array");
  std::vector<Cut> cuts;
  const std::string own_mention = "@" + bot_username_;
  if (entities != nullptr) {
    for (const json& entity : *entities) {
      std::string type;
      if (!entity.is_object() || read_string(entity, "type", true, type)) {
        return bad_field("entities", "must be a list of {\"type\", \"offset\", \"length\"}");
      }
      const auto bytes = entity_bytes(entity, text);
      if (!bytes) continue;
      const std::string_view covered = std::string_view(text).substr(bytes->first, bytes->second);
      if (type == "mention") {
        // "@<bot_username>" addresses the bot and is cut; another @username cannot be turned
        // into an id (the Bot API has no lookup by username) and stays in the text.
        if (!bot_username_.empty() && lower_ascii(covered) == own_mention) {
          message.mentions_bot = true;
          cuts.push_back({bytes->first, bytes->second, {}});
        }
      } else if (type == "text_mention") {
        const json* user = member(entity, "user");
        std::int64_t user_id = 0;
        if (user == nullptr || read_integer(*user, "id", true, user_id)) {
          return bad_field("entities", "has a text_mention without user.id");
        }
        std::string username;
        (void)read_string(*user, "username", false, username);
        const std::string local = std::to_string(user_id);
        // The bot picked from the member list is the bot addressed, not a person.
        if ((!bot_username_.empty() && lower_ascii(username) == bot_username_) ||
            std::find(own_ids_.begin(), own_ids_.end(), local) != own_ids_.end()) {
          message.mentions_bot = true;
          continue;
        }
        std::string person = qualify(kPlatform, name_, local);
        // A member without a username is picked by name, and the text holds that name bare
        // ("加分 老王 3"): written as a mention, the rest of the line reads as with any other.
        const std::string_view name = covered.starts_with('@') ? covered.substr(1) : covered;
        cuts.push_back({bytes->first, bytes->second, "@" + mention_token(name)});
        if (const std::string cleaned = clean_display_name(name); !cleaned.empty())
          message.mention_names[person] = cleaned;
        if (std::find(message.mentions.begin(), message.mentions.end(), person) == message.mentions.end())
          message.mentions.push_back(std::move(person));
      } else if (type == "bot_command") {
        // "/report@mybot" is "/report" said to us; "/report@otherbot" is left alone.
        const std::size_t at = covered.find('@');
        if (at != std::string_view::npos && !bot_username_.empty() &&
            lower_ascii(covered.substr(at)) == own_mention) {
          message.mentions_bot = true;
          cuts.push_back({bytes->first + at, bytes->second - at, {}});
        }
      }
    }
  }
  std::sort(cuts.begin(), cuts.end(), [](const Cut& a, const Cut& b) { return a.offset > b.offset; });
  std::size_t limit = text.size();
  for (const Cut& cut : cuts) {
    if (cut.offset + cut.length > limit) continue;  // overlapping entities: cut each byte once
    text.replace(cut.offset, cut.length, cut.replacement);
    limit = cut.offset;
  }
  message.text = trim(text);

  // A reply to one of the bot's messages addresses the bot, as the generic webhook's reply_to does.
  if (const json* replied = member(in, "reply_to_message"); replied != nullptr && replied->is_object()) {
    const json* author = member(*replied, "from");
    std::string username;
    bool is_bot = false;
    std::int64_t replied_id = 0;
    if (author != nullptr && !read_string(*author, "username", false, username) &&
        !read_bool(*author, "is_bot", is_bot) && is_bot && !bot_username_.empty() &&
        lower_ascii(username) == bot_username_ && !read_integer(*replied, "message_id", true, replied_id)) {
      message.reply_to = std::to_string(replied_id);
    }
  }
  if (auto error = read_telegram_location(in, message)) return *error;
  if (auto error = read_photo(in, message)) return *error;

  std::int64_t date = 0;
  if (auto error = read_integer(in, "date", false, date)) return *error;
  if (date < 0 || date > kMaxUnixSeconds) return bad_field("date", "is out of range");
  message.at = date > 0 ? accepted_message_time(date, request.received_at) : request.received_at;

  // Service messages (someone joined, the title changed) carry nothing to read. A message that was
  // only the bot's @-mention, or said to it in private, is addressed all the same: it gets the hint,
  // never silence (an exploratory run of the platforms, 2026-12-07).
  const bool addressed = message.is_private || message.mentions_bot || !message.reply_to.empty();
  if (message.text.empty() && message.attachments.empty() && !message.location && !addressed) return events;
  event.dedupe_key = std::string(kPlatform) + ":" + name_ + ":" + std::to_string(update_id);
  event.received_at = request.received_at;
  event.replies_inline = false;
  events.push_back(std::move(event));
  return events;
}

HttpAnswer TelegramAdapter::acknowledge(std::span<const EventOutcome> /*outcomes*/) const {
  HttpAnswer answer;
  answer.body = "{}";
  return answer;
}

}  // namespace whistle::bot
