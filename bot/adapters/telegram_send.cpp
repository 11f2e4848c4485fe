#include "bot/adapters/telegram_adapter.hpp"

// The outbound half of the Telegram adapter: sendMessage with text_mention entities at UTF-16
// offsets, how its answers are read, and the pace (docs/platforms/telegram.md, "How Whistle sends").

#include <algorithm>
#include <charconv>

#include <nlohmann/json.hpp>

#include "bot/adapters/ascii.hpp"
#include "bot/adapters/chat_address.hpp"
#include "bot/adapters/payload_fields.hpp"
#include "bot/adapters/untrusted_text.hpp"
#include "bot/adapters/utf16.hpp"

namespace whistle::bot {

namespace {

using nlohmann::json;

// Answers that say the chat is gone for this bot for good (Bot API descriptions, lower-cased).
constexpr std::string_view kGonePhrases[] = {"chat not found",
                                             "bot was kicked",
                                             "blocked by the user",
                                             "bot is not a member",
                                             "user is deactivated",
                                             "group chat was deleted",
                                             "not enough rights to send",
                                             "have no rights to send",
                                             "bot can't initiate conversation"};

std::optional<std::int64_t> parse_int64(std::string_view text) {
  std::int64_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

}  // namespace

std::optional<OutboundRequest> TelegramAdapter::build_send(const store::OutboxMessage& message) const {
  if (bot_token_.empty()) return std::nullopt;
  const std::optional<ChatAddress> address = parse_chat_address(message.chat);
  if (!address || address->local.empty()) return std::nullopt;
  // A private chat "@<user id>" is the chat whose id is the user's; "-100…/7" is topic 7 of a forum.
  std::string_view local =
      address->local.starts_with('@') ? std::string_view(address->local).substr(1) : address->local;
  json body{{"text", message.text}};
  if (const std::size_t slash = local.find('/'); slash != std::string_view::npos) {
    const std::optional<std::int64_t> thread = parse_int64(local.substr(slash + 1));
    if (!thread) return std::nullopt;
    body["message_thread_id"] = *thread;
    local = local.substr(0, slash);
  }
  if (const std::optional<std::int64_t> id = parse_int64(local)) {
    body["chat_id"] = *id;
  } else {
    body["chat_id"] = local;  // "@channelusername"
  }

  // Each span "@张三" of a person of this instance becomes a text_mention entity, which links the
  // name to the user even without a username. Offsets and lengths are UTF-16 code units.
  const std::string prefix = id_prefix(kPlatform, name_);
  json entities = json::array();
  std::vector<store::MentionSpan> spans = message.spans;
  std::sort(spans.begin(), spans.end(),
            [](const store::MentionSpan& a, const store::MentionSpan& b) { return a.offset < b.offset; });
  std::size_t covered_until = 0;
  const std::string_view text = message.text;
  for (const store::MentionSpan& span : spans) {
    if (!span.person.starts_with(prefix) || span.length == 0 || span.offset < covered_until ||
        span.offset > text.size() || span.length > text.size() - span.offset) {
      continue;
    }
    const std::optional<std::int64_t> user_id =
        parse_int64(std::string_view(span.person).substr(prefix.size()));
    if (!user_id || *user_id <= 0) continue;
    entities.push_back(json{{"type", "text_mention"},
                            {"offset", utf16_length(text.substr(0, span.offset))},
                            {"length", utf16_length(text.substr(span.offset, span.length))},
                            {"user", {{"id", *user_id}}}});
    covered_until = span.offset + span.length;
  }
  if (!entities.empty()) body["entities"] = std::move(entities);

  OutboundRequest request;
  // The token is in the path: this URL is never logged or quoted in an error (the outbox logs the
  // message id and chat, and the verdicts below name only statuses and Telegram's description).
  request.url = api_base_ + "/bot" + bot_token_ + "/sendMessage";
  request.body = dump_json(body);
  return request;
}

SendVerdict TelegramAdapter::read_send_answer(const store::OutboxMessage& /*message*/,
                                              const HttpClientResult& result) const {
  if (!result.error.empty()) return SendVerdict::retry(result.error);
  const json answer = json::parse(result.body, nullptr, false);
  // Telegram always answers JSON with "ok": a 2xx page of some proxy's says nothing of the message,
  // set aside as dead before (an exploratory run of the platforms, 2026-12-07).
  if (result.status >= 200 && result.status < 300 && !answer.is_object())
    return SendVerdict::retry(unreadable_answer(result));
  bool ok = false;
  (void)read_bool(answer, "ok", ok);
  if (ok && result.status >= 200 && result.status < 300) return SendVerdict::sent();

  std::string description;
  (void)read_string(answer, "description", false, description);
  const std::string why = "Telegram: HTTP " + std::to_string(result.status) +
                          (description.empty() ? "" : " " + log_quoted(description, 120));
  const json* parameters = member(answer, "parameters");
  std::int64_t retry_after = -1;
  std::int64_t migrated_to = 0;
  if (parameters != nullptr) {
    (void)read_integer(*parameters, "retry_after", false, retry_after);
    (void)read_integer(*parameters, "migrate_to_chat_id", false, migrated_to);
  }
  if (result.status == 429) {
    std::optional<std::chrono::seconds> after;
    if (retry_after >= 0) {
      after = std::chrono::seconds(std::min<std::int64_t>(retry_after, 86'400));
    } else if (const auto header = parse_int64(result.retry_after); header && *header >= 0) {
      after = std::chrono::seconds(std::min<std::int64_t>(*header, 86'400));
    }
    // Telegram does not say whether the flood control is the chat's or the bot's; holding every
    // chat of the bot for a few seconds is the answer that cannot provoke a second 429.
    SendVerdict verdict = SendVerdict::retry(why, after);
    verdict.whole_instance = true;
    return verdict;
  }
  if (migrated_to != 0) {
    // A group upgraded to a supergroup has a new id; messages to the old one can never arrive.
    return SendVerdict::dead(why + " (the group is now chat " + std::to_string(migrated_to) + ")");
  }
  const std::string lowered = lower_ascii(description);
  for (std::string_view phrase : kGonePhrases) {
    if (lowered.find(phrase) != std::string::npos) return SendVerdict::dead(why);
  }
  // 401 and 404 are the bot token refused (revoked, mistyped): fixed in the config, after which
  // the queued messages should still go out.
  if (result.status == 401 || result.status == 404)
    return SendVerdict::retry("Telegram refused the bot token: HTTP " + std::to_string(result.status));
  if (result.status >= 500 || result.status == 0) return SendVerdict::retry(why);
  return SendVerdict::dead(why);
}

SendLimits TelegramAdapter::send_limits() const {
  return SendLimits{Pace{1, std::chrono::seconds(1)}, Pace{30, std::chrono::seconds(1)}};
}

SendLimits TelegramAdapter::send_limits_for(const store::OutboxMessage& message) const {
  SendLimits limits = send_limits();
  const std::optional<ChatAddress> address = parse_chat_address(message.chat);
  // Groups and supergroups have negative ids; Telegram allows about 20 messages a minute there.
  if (address && address->local.starts_with('-')) limits.per_chat = Pace{20, std::chrono::seconds(60)};
  return limits;
}

}  // namespace whistle::bot
