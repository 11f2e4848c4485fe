#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace whistle::store {

class Database;

/// A message waiting to be delivered by the outbox sender.
struct OutboxMessage {
  std::int64_t id = 0;
  std::string chat;  ///< qualified chat id ("generic:g1", "generic:@u-zhang")
  std::string text;
  std::vector<std::string> mentions;  ///< qualified person ids
  int attempts = 0;
  std::int64_t created_at = 0;
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

  /// For each chat, its oldest undelivered message if that chat's next attempt time has come,
  /// oldest first, at most `limit`; a chat's later messages wait behind its first.
  std::vector<OutboxMessage> due(std::int64_t now, std::size_t limit);

  /// Marks a message delivered; it is never offered again.
  void mark_sent(std::int64_t id, std::int64_t at);

  /// Counts a failed attempt; the message (and its chat's later ones) waits until `retry_at`.
  void mark_failed(std::int64_t id, std::int64_t retry_at);

  /// The earliest time any undelivered message may be attempted; empty when none waits.
  std::optional<std::int64_t> next_attempt_at();

  /// How many messages are not yet delivered.
  std::int64_t backlog();

 private:
  struct Statements;
  std::unique_ptr<Statements> statements_;
};

}  // namespace whistle::store
