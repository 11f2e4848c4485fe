#pragma once

// Schema version 5: real platforms (issue 13).
// - Outbox: a message a platform refuses for good (a 4xx that retrying cannot fix, a chat the bot
//   was removed from) is set aside as dead (`dead_at`, `last_error`) instead of blocking its chat's
//   queue; the chat's later messages go on. A reply may carry the URL the platform gave for
//   answering that conversation (DingTalk's sessionWebhook, the WeCom AI bot's response_url) and
//   until when it is valid.
// - Chats bound at run time with 绑定 record who bound them (`bound_by`); a chat bound by the config
//   has NULL there and is never rebound from chat. An unknown group is told once how to bind it.

namespace whistle::store {

inline constexpr const char* kSchemaV5 = R"sql(
ALTER TABLE outbox ADD COLUMN reply_url TEXT;
ALTER TABLE outbox ADD COLUMN reply_url_until INTEGER;
ALTER TABLE outbox ADD COLUMN dead_at INTEGER;
ALTER TABLE outbox ADD COLUMN last_error TEXT;
DROP INDEX outbox_unsent_by_chat;
CREATE INDEX outbox_pending_by_chat ON outbox(chat, id) WHERE sent_at IS NULL AND dead_at IS NULL;
CREATE INDEX outbox_dead ON outbox(dead_at) WHERE dead_at IS NOT NULL;

ALTER TABLE chats ADD COLUMN bound_by TEXT;
CREATE TABLE unbound_chat_hints (
  chat    TEXT PRIMARY KEY,
  told_at INTEGER NOT NULL
) WITHOUT ROWID;
)sql";

}  // namespace whistle::store
