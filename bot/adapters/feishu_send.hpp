#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <variant>

#include "bot/adapters/adapter.hpp"
#include "bot/http_client.hpp"
#include "store/outbox.hpp"

namespace whistle::bot {

/// The text of a Feishu text message for `message`: each mention span replaced by
/// `<at user_id="ou_…">name</at>`, mentions without a span appended the same way (so they are
/// still notified), and any '<' that could open Feishu markup in the rest of the text turned into
/// '＜' (text content is not unescaped, so "&lt;" would show as such). `prefix` is the instance's
/// id prefix ("feishu:"); mentions of other platforms or instances stay plain text.
std::string render_feishu_text(const store::OutboxMessage& message, std::string_view prefix);

/// The send's idempotency key: Feishu drops a second message with the same `uuid` within an hour,
/// so a retry after a lost answer sends nothing twice. Stable across attempts of one outbox row,
/// different for rows of two databases that happen to share an id (the creation time differs).
std::string feishu_send_uuid(std::string_view instance, const store::OutboxMessage& message);

/// A tenant_access_token and how many seconds it lives.
struct FeishuToken {
  std::string token;
  std::int64_t lifetime_seconds = 0;
};

/// Reads the answer of `POST /open-apis/auth/v3/tenant_access_token/internal`: the token, or why
/// there is none (never the token or the secret).
std::variant<FeishuToken, std::string> read_feishu_token_answer(const HttpClientResult& result);

/// What Feishu's answer to a send means, and whether it refused the token (the caller forgets it).
struct FeishuSendReading {
  SendVerdict verdict;
  bool token_refused = false;
};

/// Reads the answer of `POST /open-apis/im/v1/messages` by HTTP status and Feishu's `code`
/// (the table in docs/platforms/feishu.md).
FeishuSendReading read_feishu_send_answer(const HttpClientResult& result);

}  // namespace whistle::bot
