#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace whistle::store {

class Database;

/// Where in a message's text one @-mention stands: the bytes of "@张三" for the person it names.
/// Platforms render mentions their own way (Feishu `<at user_id>`, Telegram entities), so the
/// adapter needs to know which bytes to replace or point at.
struct MentionSpan {
  std::string person;      ///< qualified person id
  std::size_t offset = 0;  ///< byte offset of the '@' in the text
  std::size_t length = 0;  ///< bytes of "@name"

  friend bool operator==(const MentionSpan&, const MentionSpan&) = default;
};

/// The URL a platform gave for answering one conversation (DingTalk's sessionWebhook, the WeCom AI
/// bot's response_url), kept with the replies to that conversation while it is valid.
struct ReplyUrl {
  std::string url;
  std::int64_t until = 0;  ///< Unix seconds; after this the platform's send API is used instead
};

/// A message waiting to be delivered by the outbox sender.
struct OutboxMessage {
  std::int64_t id = 0;
  std::string chat;  ///< qualified chat id ("generic:g1", "generic:@u-zhang", "feishu.ops:oc_1")
  std::string text;
  std::vector<std::string> mentions;  ///< qualified person ids
  std::vector<MentionSpan> spans;     ///< where those mentions stand in `text` (a subset of them)
  std::optional<ReplyUrl> reply_url;
  int attempts = 0;
  std::int64_t created_at = 0;
};

/// What to queue: a reply, where its mentions stand, and how to answer its conversation.
struct OutgoingMessage {
  std::string chat;
  std::string text;
  std::vector<std::string> mentions;
  std::vector<MentionSpan> spans;
  std::optional<ReplyUrl> reply_url;
};

/// Messages the bot sends outside an HTTP answer (other groups, private messages, reminders):
/// written in the same transaction as the event that caused them, delivered in order per chat.
class Outbox {
 public:
  explicit Outbox(Database& db);
  ~Outbox();

  /// Queues a message; returns its id (ids grow in the order messages were queued).
  std::int64_t enqueue(const std::string& chat, const std::string& text,
                       const std::vector<std::string>& mentions, std::int64_t at);

  /// Queues a message with where its mentions stand and its conversation's reply URL.
  std::int64_t enqueue(const OutgoingMessage& message, std::int64_t at);

  /// For each chat, its oldest undelivered message if that chat's next attempt time has come,
  /// oldest first, at most `limit`; a chat's later messages wait behind its first.
  std::vector<OutboxMessage> due(std::int64_t now, std::size_t limit);

  /// What the sender asks of the queue at each pass, in one read of it: what is due (as due()),
  /// when the next attempt is (as next_attempt_at()) and the backlog (as backlog()).
  struct Look {
    std::vector<OutboxMessage> due;
    std::optional<std::int64_t> next_attempt_at;
    std::int64_t backlog = 0;
  };
  Look look(std::int64_t now, std::size_t limit);

  /// One message by id while it waits; empty once it was sent or set aside (or was never queued).
  std::optional<OutboxMessage> read(std::int64_t id);

  /// Marks a message delivered; it is never offered again. False if it was not waiting (already
  /// sent or set aside, or no such message): nothing changed.
  bool mark_sent(std::int64_t id, std::int64_t at);

  /// Counts a failed attempt; the message (and its chat's later ones) waits until `retry_at`.
  /// False if it was not waiting.
  bool mark_failed(std::int64_t id, std::int64_t retry_at);

  /// Sets a message aside for good: the platform refused it in a way retrying cannot fix. Its chat's
  /// later messages go on; the error is kept for whoever looks (never a secret: adapters say why).
  /// False if it was not waiting.
  bool mark_dead(std::int64_t id, std::int64_t at, const std::string& error);

  /// How many messages were set aside as dead.
  std::int64_t dead_count();

  /// The earliest time any undelivered message may be attempted; empty when none waits.
  std::optional<std::int64_t> next_attempt_at();

  /// How many messages are not yet delivered.
  std::int64_t backlog();

 private:
  struct Statements;
  std::unique_ptr<Statements> statements_;
};

}  // namespace whistle::store
