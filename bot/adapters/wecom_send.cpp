#include "bot/adapters/wecom_send.hpp"

#include <nlohmann/json.hpp>

namespace whistle::bot {

namespace {

using nlohmann::json;

// The codes with a meaning of their own (WeCom's global error codes; docs/platforms/wecom.md).
constexpr std::int64_t kBusy = -1;
constexpr std::int64_t kInvalidSecret = 40001;
constexpr std::int64_t kInvalidToken = 40014;
constexpr std::int64_t kExpiredToken = 42001;
constexpr std::int64_t kFrequencyLimit = 45009;
constexpr std::int64_t kConcurrencyLimit = 45033;

// Recipient, chat, key and permission codes: the same message will be refused again.
struct DeadCode {
  std::int64_t code;
  const char* why;
};
constexpr DeadCode kDeadCodes[] = {
    {40003, "invalid user id"},
    {40008, "invalid message type"},
    {40056, "invalid agentid"},
    {44004, "empty content"},
    {45002, "content too long"},
    {48002, "API forbidden for this app"},
    {60011, "no privilege for this user or chat"},
    {60020, "server IP not in the app's trusted IPs"},
    {81013, "every recipient is invalid or out of the app's visible range"},
    {86001, "chat not found"},
    {86003, "chat not found"},
    {93000, "invalid webhook key"},
};

}  // namespace

WecomAnswer read_wecom_answer(const HttpClientResult& result) {
  WecomAnswer answer;
  if (!result.error.empty() || result.status < 200 || result.status >= 300) {
    answer.verdict = classify_http_answer(result);
    return answer;
  }
  const json body = json::parse(result.body, nullptr, false);
  const auto code_it = body.is_object() ? body.find("errcode") : body.end();
  if (!body.is_object() || code_it == body.end() || !code_it->is_number_integer()) {
    answer.verdict = SendVerdict::retry("an answer without errcode");
    return answer;
  }
  const std::int64_t code = code_it->get<std::int64_t>();
  const std::string named = "errcode " + std::to_string(code);
  if (code == 0) {
    // message/send answers 0 even when it delivered to nobody, naming the recipients it dropped.
    for (const char* field : {"invaliduser", "invalidparty", "invalidtag"}) {
      const auto it = body.find(field);
      if (it != body.end() && it->is_string() && !it->get_ref<const std::string&>().empty()) {
        answer.verdict = SendVerdict::dead(
            std::string("the recipient is invalid or out of the app's range (") + field + ")");
        return answer;
      }
    }
    answer.verdict = SendVerdict::sent();
    return answer;
  }
  if (code == kBusy) {
    answer.verdict = SendVerdict::retry(named + " (busy)");
  } else if (code == kInvalidSecret || code == kInvalidToken || code == kExpiredToken) {
    answer.token_refused = true;
    answer.verdict = SendVerdict::retry(named + " (access token refused)");
  } else if (code == kFrequencyLimit || code == kConcurrencyLimit) {
    answer.verdict = SendVerdict::retry(named + " (rate limited)", kWecomRateLimitPause);
  } else {
    std::string why = named;
    for (const DeadCode& dead : kDeadCodes) {
      if (dead.code == code) why += std::string(" (") + dead.why + ")";
    }
    answer.verdict = SendVerdict::dead(std::move(why));
  }
  return answer;
}

std::string fit_content(std::string_view text, std::size_t max_bytes) {
  if (text.size() <= max_bytes) return std::string(text);
  constexpr std::string_view kEllipsis = "…";
  if (max_bytes < kEllipsis.size()) return {};
  std::size_t cut = max_bytes - kEllipsis.size();
  // Back up to the first byte of a character (continuation bytes are 10xxxxxx).
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80)
    --cut;
  std::string out(text.substr(0, cut));
  out += kEllipsis;
  return out;
}

}  // namespace whistle::bot
