#include "bot/adapters/feishu_send.hpp"

#include <algorithm>
#include <optional>
#include <set>

#include <nlohmann/json.hpp>

#include "bot/crypto/digest.hpp"

namespace whistle::bot {

namespace {

using nlohmann::json;

// Feishu's codes for a token it does not accept (missing, invalid, expired): the official SDKs
// fetch a new one and try again (platforms.md 2.6; oapi-sdk-go's errCode*AccessTokenInvalid).
constexpr std::int64_t kTokenCodes[] = {99991661, 99991663, 99991664, 99991668, 99991671};

// How long to wait after a rate-limit answer without a Retry-After: the limits are per second.
constexpr std::chrono::seconds kRateLimitHint{1};

// Refusals that retrying cannot fix: the message or the bot's place in the chat is wrong. The
// reason is kept as the dead message's last_error (docs/platforms/feishu.md has the table).
struct DeadCode {
  std::int64_t code;
  const char* reason;
};
constexpr DeadCode kDeadCodes[] = {
    {230001, "invalid request parameter"},
    {230002, "the bot is not in the group"},
    {230006, "the app's bot ability is not enabled or not published"},
    {230013, "the user is outside the app's availability"},
    {230017, "the bot does not own the resource"},
    {230018, "the group's settings forbid it"},
    {230019, "the topic does not exist"},
    {230022, "the message contains sensitive information"},
    {230025, "the message is too long"},
    {230027, "the bot lacks a permission for this chat"},
    {230028, "the message did not pass the DLP audit"},
    {230035, "the bot may not send here (muted group, blocked, or tenant policy)"},
    {230038, "cross-tenant private chat"},
    {232009, "the group was dissolved"},
    {99991672, "the app lacks a required scope (im:message:send_as_bot)"},
    {99992402, "field validation failed"},
};

bool at_id_usable(std::string_view id) {
  if (id.empty() || id.size() > 128 || id == "all") return false;
  return std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
  });
}

// Text as Feishu shows it: '<' before a letter, '/', '!' or '?' would open markup (`<at
// user_id="all">` notifies the whole group), so it becomes the full-width '＜'. Other text is sent
// as it is: Feishu does not unescape entities in text messages.
void append_plain(std::string& out, std::string_view text) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '<' && i + 1 < text.size()) {
      const char next = text[i + 1];
      if ((next >= 'a' && next <= 'z') || (next >= 'A' && next <= 'Z') || next == '/' || next == '!' ||
          next == '?') {
        out += "＜";
        continue;
      }
    }
    out += c;
  }
}

void append_at(std::string& out, std::string_view id, std::string_view name) {
  out += "<at user_id=\"";
  out += id;
  out += "\">";
  append_plain(out, name);
  out += "</at>";
}

std::optional<std::int64_t> code_of(const json& body) {
  const json* code = nullptr;
  if (body.is_object()) {
    const auto it = body.find("code");
    if (it != body.end()) code = &*it;
  }
  if (code == nullptr || !code->is_number_integer()) return std::nullopt;
  return code->get<std::int64_t>();
}

std::optional<std::chrono::seconds> feishu_retry_after(const HttpClientResult& result) {
  if (result.retry_after.empty() || result.retry_after.size() > 6) return std::nullopt;
  std::int64_t seconds = 0;
  for (char c : result.retry_after) {
    if (c < '0' || c > '9') return std::nullopt;
    seconds = seconds * 10 + (c - '0');
  }
  return std::chrono::seconds(seconds);
}

std::string describe(const HttpClientResult& result, std::optional<std::int64_t> code) {
  std::string why = "HTTP " + std::to_string(result.status);
  if (code) why += " code " + std::to_string(*code);
  return why;
}

}  // namespace

std::string render_feishu_text(const store::OutboxMessage& message, std::string_view prefix) {
  const std::string_view text = message.text;
  std::vector<store::MentionSpan> spans = message.spans;
  std::stable_sort(spans.begin(), spans.end(), [](const store::MentionSpan& a, const store::MentionSpan& b) {
    return a.offset < b.offset;
  });
  std::string out;
  std::set<std::string, std::less<>> shown;
  std::size_t done = 0;
  for (const store::MentionSpan& span : spans) {
    // Spans come from the handlers; one that overlaps another or runs past the text is skipped
    // rather than trusted.
    if (span.length == 0 || span.offset < done || span.offset > text.size() ||
        span.length > text.size() - span.offset) {
      continue;
    }
    if (!span.person.starts_with(prefix)) continue;
    const std::string_view id = std::string_view(span.person).substr(prefix.size());
    if (!at_id_usable(id)) continue;
    append_plain(out, text.substr(done, span.offset - done));
    std::string_view name = text.substr(span.offset, span.length);
    if (name.starts_with('@')) name.remove_prefix(1);
    append_at(out, id, name);
    done = span.offset + span.length;
    shown.insert(span.person);
  }
  append_plain(out, text.substr(done));
  // A person mentioned but not named in the text is still notified, at the end.
  for (const std::string& person : message.mentions) {
    if (shown.contains(person) || !person.starts_with(prefix)) continue;
    const std::string_view id = std::string_view(person).substr(prefix.size());
    if (!at_id_usable(id)) continue;
    out += ' ';
    append_at(out, id, {});
    shown.insert(person);
  }
  return out;
}

std::string feishu_send_uuid(std::string_view instance, const store::OutboxMessage& message) {
  // The instance as a short digest: its name may be long or not ASCII, and Feishu takes at most
  // 50 characters.
  return "whistle-" + sha256_hex(instance).substr(0, 8) + "-" + std::to_string(message.id) + "-" +
         std::to_string(message.created_at);
}

std::variant<FeishuToken, std::string> read_feishu_token_answer(const HttpClientResult& result) {
  if (!result.error.empty()) return "tenant_access_token request failed: " + result.error;
  const json body = json::parse(result.body, nullptr, false);
  const std::optional<std::int64_t> code = code_of(body);
  if (result.status != 200 || !code || *code != 0)
    return "tenant_access_token refused: " + describe(result, code);
  const auto token = body.find("tenant_access_token");
  const auto expire = body.find("expire");
  if (token == body.end() || !token->is_string() || token->get_ref<const std::string&>().empty() ||
      expire == body.end() || !expire->is_number_integer() || expire->get<std::int64_t>() <= 0) {
    return std::string("tenant_access_token answer without a token or its lifetime");
  }
  return FeishuToken{token->get<std::string>(), expire->get<std::int64_t>()};
}

FeishuSendReading read_feishu_send_answer(const HttpClientResult& result) {
  if (!result.error.empty()) return {SendVerdict::retry(result.error)};
  const json body = json::parse(result.body, nullptr, false);
  const std::optional<std::int64_t> code = code_of(body);
  const int status = result.status;
  const bool success_status = status >= 200 && status < 300;
  // Feishu always answers JSON: a 200 with a page of some proxy's is no word of Feishu's, and the
  // message may never have reached it. Sent again under its uuid, it cannot show twice (an
  // exploratory run of the platforms, 2026-12-07: counted as sent).
  if (success_status && !body.is_object()) return {SendVerdict::retry(unreadable_answer(result))};
  if (success_status && (!code || *code == 0)) return {SendVerdict::sent()};
  if (code && std::find(std::begin(kTokenCodes), std::end(kTokenCodes), *code) != std::end(kTokenCodes)) {
    return {SendVerdict::retry("tenant_access_token refused (" + describe(result, code) + ")"), true};
  }
  // The gateway's limit (429, or 99991400 on older APIs) is the app's quota: it holds back every
  // chat of the instance. 230020 is one chat's 5 a second.
  const bool app_limited = status == 429 || code == 99991400;
  if (app_limited || code == 230020) {
    SendVerdict verdict = SendVerdict::retry("rate limited (" + describe(result, code) + ")",
                                             feishu_retry_after(result).value_or(kRateLimitHint));
    verdict.whole_instance = app_limited;
    return {std::move(verdict)};
  }
  // 230049: the same uuid is still being sent; asking again later returns that message.
  if (code == 230049) return {SendVerdict::retry("still being sent (" + describe(result, code) + ")")};
  if (status == 0 || status >= 500 || status == 408) return {SendVerdict::retry(describe(result, code))};
  if (code) {
    for (const DeadCode& dead : kDeadCodes) {
      if (dead.code == *code) return {SendVerdict::dead(describe(result, code) + ": " + dead.reason)};
    }
    return {SendVerdict::dead(describe(result, code))};
  }
  return {classify_http_answer(result)};
}

}  // namespace whistle::bot
