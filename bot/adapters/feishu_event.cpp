#include "bot/adapters/feishu_event.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>

#include "bot/adapters/chat_address.hpp"
#include "bot/adapters/message_time.hpp"
#include "bot/adapters/payload_fields.hpp"
#include "bot/adapters/strict_json.hpp"
#include "bot/adapters/untrusted_text.hpp"
#include "handlers/language/normalize.hpp"
#include "handlers/message.hpp"

namespace whistle::bot {

namespace {

using nlohmann::json;

// As many attachments as the generic webhook takes: a post with a hundred images is still one
// report.
constexpr std::size_t kMaxAttachments = 20;

// A required object member; the error names its path.
std::variant<const json*, HttpError> required_object(const json& object, std::string_view key,
                                                     std::string_view path) {
  const json* value = member(object, key);
  if (value == nullptr) return bad_field(path, "is required");
  if (!value->is_object()) return bad_field(path, "must be an object");
  return value;
}

// A required id (message, chat or person): a string that is a usable id.
std::optional<HttpError> required_id(const json& object, std::string_view key, std::string_view path,
                                     IdSpaces spaces, std::string& out) {
  const json* value = member(object, key);
  if (value == nullptr) return bad_field(path, "is required");
  if (!value->is_string()) return bad_field(path, "must be a string");
  out = value->get<std::string>();
  if (std::optional<std::string> problem = id_problem(out, spaces)) return bad_field(path, *problem);
  return std::nullopt;
}

// Whether `key` may stand in a URL path as it is: Feishu's keys and message ids are letters,
// digits, '_' and '-' ("img_v2_041b…", "om_dc13…").
bool url_safe(std::string_view key) {
  if (key.empty() || key.size() > kMaxIdBytes) return false;
  return std::all_of(key.begin(), key.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
  });
}

bool placeholder_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

std::string trim_spaces(std::string_view text) {
  const auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  while (!text.empty() && space(text.front()))
    text.remove_prefix(1);
  while (!text.empty() && space(text.back()))
    text.remove_suffix(1);
  return std::string(text);
}

// The message's time: `create_time` in milliseconds (a string), believed within the clock skew;
// the arrival time when it is missing or malformed (a message is never refused for its clock).
std::int64_t message_time(const json& message, std::int64_t received_at) {
  const std::string written = string_member(message, "create_time");
  if (written.empty() || written.size() > 15) return received_at;
  if (!std::all_of(written.begin(), written.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return received_at;
  }
  return accepted_message_time(std::stoll(written) / 1000, received_at);
}

// What the message says, before its mention placeholders are resolved.
struct Content {
  bool supported = true;
  std::string text;
  std::vector<handlers::Attachment> attachments;
  std::optional<handlers::Location> location;
};

// A coordinate written as a number or a decimal string; empty when neither or out of range.
std::optional<double> coordinate(const json& content, std::string_view key, double limit) {
  const json* value = member(content, key);
  if (value == nullptr) return std::nullopt;
  double number = 0;
  if (value->is_number()) {
    number = value->get<double>();
  } else if (value->is_string()) {
    const std::string& text = value->get_ref<const std::string&>();
    std::size_t used = 0;
    try {
      number = std::stod(text, &used);
    } catch (const std::exception&) {
      return std::nullopt;
    }
    if (used != text.size()) return std::nullopt;
  } else {
    return std::nullopt;
  }
  if (!std::isfinite(number) || std::abs(number) > limit) return std::nullopt;
  return number;
}

class ContentReader {
 public:
  ContentReader(const std::string& api_base, const std::string& message_id)
      : api_base_(api_base), message_id_(message_id) {}

  // The URL of a message's image or file: the resource API, fetched with a tenant token
  // (GET …/messages/{message_id}/resources/{key}?type=image|file). Keys that could change the
  // URL's meaning are dropped rather than escaped.
  void attach(Content& content, std::string_view type, std::string_view key,
              std::string_view resource) const {
    if (content.attachments.size() >= kMaxAttachments || !url_safe(key) || !url_safe(message_id_)) return;
    std::string url = api_base_ + "/open-apis/im/v1/messages/" + message_id_ + "/resources/";
    url += key;
    url += "?type=";
    url += resource;
    content.attachments.push_back(handlers::Attachment{std::string(type), std::move(url)});
  }

  // Rich text: the title, then each paragraph's text, links and mentions on a line of its own;
  // images and videos as attachments. Either the post itself or a language-keyed form of it
  // ({"zh_cn": {"title", "content"}}).
  void read_post(const json& post_json, Content& content) const {
    const json* post = &post_json;
    if (member(*post, "content") == nullptr && post->is_object()) {
      for (const auto& [language, localized] : post->items()) {
        if (member(localized, "content") != nullptr) {
          post = &localized;
          break;
        }
      }
    }
    std::vector<std::string> lines;
    if (std::string title = trim_spaces(string_member(*post, "title")); !title.empty())
      lines.push_back(title);
    const json* paragraphs = member(*post, "content");
    if (paragraphs != nullptr && paragraphs->is_array()) {
      for (const json& paragraph : *paragraphs) {
        if (!paragraph.is_array()) continue;
        std::string line;
        for (const json& element : paragraph)
          read_post_element(element, line, content);
        if (std::string trimmed = trim_spaces(line); !trimmed.empty()) lines.push_back(std::move(trimmed));
      }
    }
    for (std::size_t i = 0; i < lines.size(); ++i) {
      if (i > 0) content.text += '\n';
      content.text += lines[i];
    }
  }

  Content read(std::string_view type, const json& body) const {
    Content content;
    if (type == "text") {
      content.text = string_member(body, "text");
    } else if (type == "post") {
      read_post(body, content);
    } else if (type == "image") {
      attach(content, "image", string_member(body, "image_key"), "image");
    } else if (type == "file") {
      attach(content, "file", string_member(body, "file_key"), "file");
    } else if (type == "audio") {
      attach(content, "voice", string_member(body, "file_key"), "file");
    } else if (type == "media") {
      attach(content, "video", string_member(body, "file_key"), "file");
    } else if (type == "location") {
      const std::optional<double> lat = coordinate(body, "latitude", 90);
      const std::optional<double> lon = coordinate(body, "longitude", 180);
      if (lat && lon) content.location = handlers::Location{*lat, *lon};
      content.text = trim_spaces(string_member(body, "name"));
    } else {
      // Stickers, cards, shared chats, calendar invitations…: nothing the bot reads.
      content.supported = false;
    }
    if (content.supported && content.text.empty() && content.attachments.empty() && !content.location) {
      content.supported = false;
    }
    return content;
  }

 private:
  void read_post_element(const json& element, std::string& line, Content& content) const {
    const std::string tag = string_member(element, "tag");
    if (tag == "text" || tag == "a" || tag == "md" || tag == "code_block") {
      line += string_member(element, "text");
    } else if (tag == "at") {
      // In a received post the mention is its placeholder ("@_user_1"), resolved like text's.
      const std::string user = string_member(element, "user_id");
      if (user.starts_with('@')) {
        line += user;
      } else if (const std::string name = string_member(element, "user_name"); !name.empty()) {
        line += "@" + name;
      }
    } else if (tag == "img") {
      attach(content, "image", string_member(element, "image_key"), "image");
    } else if (tag == "media") {
      attach(content, "video", string_member(element, "file_key"), "file");
    }
  }

  const std::string& api_base_;
  const std::string& message_id_;
};

// What one `@_user_N` placeholder stands for.
struct MentionTarget {
  bool bot = false;
  std::string shown;  ///< "@name" for a person
};

// Replaces each placeholder with what it stands for: a person's "@name", nothing for the bot
// (with the space after it), "@所有人" for `@_all`. One pass, so "@_user_1" never eats the front
// of "@_user_10".
std::string resolve_placeholders(std::string_view text,
                                 const std::map<std::string, MentionTarget, std::less<>>& targets) {
  std::string out;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    if (text[i] != '@') {
      out += text[i++];
      continue;
    }
    std::size_t end = i + 1;
    while (end < text.size() && placeholder_char(text[end]))
      ++end;
    const std::string_view token = text.substr(i, end - i);
    if (const auto it = targets.find(token); it != targets.end()) {
      if (it->second.bot) {
        if (end < text.size() && text[end] == ' ') ++end;
      } else {
        out += it->second.shown;
      }
      i = end;
    } else if (token == "@_all") {
      out += "@所有人";
      i = end;
    } else {
      out += text[i++];
    }
  }
  return trim_spaces(out);
}

}  // namespace

FeishuEventDecoder::FeishuEventDecoder(std::string instance, std::string api_base, FeishuBotIdentity bot)
    : instance_(std::move(instance)), api_base_(std::move(api_base)), bot_(std::move(bot)) {}

std::variant<std::vector<InboundEvent>, HttpError> FeishuEventDecoder::decode(
    const json& envelope, std::int64_t received_at) const {
  std::vector<InboundEvent> events;
  InboundEvent event;
  handlers::Message& message = event.message;

  std::string event_id;
  auto header = required_object(envelope, "header", "header");
  if (auto* error = std::get_if<HttpError>(&header)) return std::move(*error);
  if (auto error = required_id(*std::get<const json*>(header), "event_id", "header.event_id",
                               IdSpaces::allowed, event_id))
    return *error;

  auto body = required_object(envelope, "event", "event");
  if (auto* error = std::get_if<HttpError>(&body)) return std::move(*error);
  const json& event_json = *std::get<const json*>(body);
  auto sender_json = required_object(event_json, "sender", "event.sender");
  if (auto* error = std::get_if<HttpError>(&sender_json)) return std::move(*error);
  const json& sender = *std::get<const json*>(sender_json);
  // The bot's own messages (and other apps'): acknowledged, never stored or answered.
  if (string_member(sender, "sender_type") == "app") return events;
  auto sender_id = required_object(sender, "sender_id", "event.sender.sender_id");
  if (auto* error = std::get_if<HttpError>(&sender_id)) return std::move(*error);
  std::string open_id;
  if (auto error = required_id(*std::get<const json*>(sender_id), "open_id", "event.sender.sender_id.open_id",
                               IdSpaces::refused, open_id)) {
    return *error;
  }
  if (bot_.open_ids.contains(open_id)) return events;

  auto message_object = required_object(event_json, "message", "event.message");
  if (auto* error = std::get_if<HttpError>(&message_object)) return std::move(*error);
  const json& message_json = *std::get<const json*>(message_object);
  std::string message_id;
  std::string chat_id;
  if (auto error =
          required_id(message_json, "message_id", "event.message.message_id", IdSpaces::allowed, message_id))
    return *error;
  if (auto error = required_id(message_json, "chat_id", "event.message.chat_id", IdSpaces::refused, chat_id))
    return *error;
  const json* type = member(message_json, "message_type");
  if (type == nullptr || !type->is_string())
    return bad_field("event.message.message_type", "must be a string");
  const json* content_text = member(message_json, "content");
  if (content_text == nullptr || !content_text->is_string()) {
    return bad_field("event.message.content", "must be a JSON string");
  }
  // `content` is JSON inside a JSON string (platforms.md 2.9, pitfall 3).
  std::variant<json, std::string> parsed = parse_strict_json(content_text->get_ref<const std::string&>());
  if (auto* problem = std::get_if<std::string>(&parsed)) return bad_field("event.message.content", *problem);
  const json& content_json = std::get<json>(parsed);
  if (!content_json.is_object()) return bad_field("event.message.content", "must hold a JSON object");

  const ContentReader reader(api_base_, message_id);
  Content content = reader.read(type->get_ref<const std::string&>(), content_json);
  if (!content.supported) return events;

  const std::string prefix = id_prefix("feishu", instance_);
  message.sender = prefix + open_id;
  message.is_private = string_member(message_json, "chat_type") == "p2p";
  message.chat = message.is_private ? handlers::private_chat_of(message.sender) : prefix + chat_id;
  message.at = message_time(message_json, received_at);
  message.attachments = std::move(content.attachments);
  message.location = content.location;

  std::map<std::string, MentionTarget, std::less<>> targets;
  if (const json* mentions = member(message_json, "mentions")) {
    if (!mentions->is_array()) return bad_field("event.message.mentions", "must be an array");
    for (const json& mention : *mentions) {
      const std::string key = string_member(mention, "key");
      if (!key.starts_with('@')) continue;
      const json* id = member(mention, "id");
      const std::string mentioned = id != nullptr ? string_member(*id, "open_id") : std::string();
      const std::string name = clean_display_name(string_member(mention, "name"));
      // The bot is known by its open_id when `[bot] ids` lists it, else by its name: Feishu's
      // mention of an app carries nothing that says "bot" (platforms.md 2.4).
      const bool is_bot =
          (!mentioned.empty() && bot_.open_ids.contains(mentioned)) ||
          (!name.empty() && language::is_bot_name(language::normalize_characters(name), bot_.names));
      if (is_bot) {
        message.mentions_bot = true;
        targets[key] = MentionTarget{true, {}};
        continue;
      }
      const bool usable = !mentioned.empty() && !id_problem(mentioned);
      // "@张 三" would read as a mention of 张 and the word 三: the name is one token in the text.
      targets[key] = MentionTarget{
          false, "@" + (name.empty() ? (usable ? mentioned : std::string("?")) : mention_token(name))};
      if (!usable) continue;
      std::string person = prefix + mentioned;
      if (!name.empty()) message.mention_names[person] = name;
      if (std::find(message.mentions.begin(), message.mentions.end(), person) == message.mentions.end())
        message.mentions.push_back(std::move(person));
    }
  }
  message.text = resolve_placeholders(content.text, targets);

  // Feishu may deliver one message again under a new event_id (platforms.md 2.5): the message's
  // own id is what must be applied once.
  event.dedupe_key = "feishu:" + instance_ + ":msg:" + message_id;
  event.received_at = received_at;
  event.replies_inline = false;
  events.push_back(std::move(event));
  return events;
}

}  // namespace whistle::bot
