#pragma once

#include "bot/adapters/adapter.hpp"

namespace whistle::bot {

/// A WeCom send API's answer read as a verdict, plus whether the access token was refused (the
/// caller then forgets it so the retry fetches a new one).
struct WecomAnswer {
  SendVerdict verdict;
  bool token_refused = false;
};

/// How long a rate-limited WeCom sender waits: WeCom names no time, and its limits are per minute.
inline constexpr std::chrono::seconds kWecomRateLimitPause{60};

/// Reads the answer of any WeCom send (message/send, appchat/send, webhook/send, an AI bot's
/// response_url) by its `errcode`, the one table docs/platforms/wecom.md shows: 0 sent; -1
/// (busy), the token codes 40001/40014/42001 and the frequency codes 45009/45033 retried (the
/// latter after kWecomRateLimitPause); codes naming a recipient, chat, key or permission that is
/// wrong dead; any other code dead with the code in the reason. A non-2xx status or no answer is
/// read by classify_http_answer; a 2xx whose body has no errcode is retried. The reason never
/// quotes the body (errmsg may echo a key or token back).
WecomAnswer read_wecom_answer(const HttpClientResult& result);

/// The most content bytes a WeCom text message takes (message/send, appchat/send, webhook/send).
inline constexpr std::size_t kWecomTextBytes = 2048;

/// The most content bytes of a WeCom markdown message (webhook/send; the AI bot's response_url).
inline constexpr std::size_t kWecomMarkdownBytes = 4096;

/// `text` cut to at most `max_bytes` on a UTF-8 character boundary, ending in "…" when cut: a
/// longer text would be refused for good (45002), and the start of a long notice is worth more
/// than none of it.
std::string fit_content(std::string_view text, std::size_t max_bytes = kWecomTextBytes);

}  // namespace whistle::bot
