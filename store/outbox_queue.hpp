#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <utility>

#include "store/outbox.hpp"

namespace whistle::store {

class Database;

/// The outbox sender's view of the queue: each chat's head (its oldest undelivered message), when
/// each head may next be attempted, and the backlog, kept in memory between passes.
///
/// Outbox::look reads every waiting message at every pass, and the sender makes a pass for every
/// commit that queues a message and every delivery that ends. While a platform is down its chats'
/// messages pile up, and each pass cost more than the last: the writer, which also applies every
/// event, slowed as the backlog grew (bench/README.md). Here a pass reads only the rows queued
/// since the last one (by id, which grows in the order messages were queued and committed) and
/// the rows of the heads that are due; a head that leaves is followed by one index probe for the
/// chat's next message.
///
/// What memory holds is always what the rows say, for these reasons: only the sender changes a
/// queued message (through this object), and everything else only adds rows. A connection in a
/// transaction (whose rows may yet roll back) is answered from the rows, as Outbox::look does, and
/// nothing is kept. A failed read, and every minute of the caller's clock, drops what is held (a
/// failed mark changed no row, so memory stays); the next look reads the queue whole again.
class OutboxQueue {
 public:
  explicit OutboxQueue(Database& db);
  ~OutboxQueue();

  OutboxQueue(const OutboxQueue&) = delete;
  OutboxQueue& operator=(const OutboxQueue&) = delete;

  /// As Outbox::look(now, limit), except that the heads of chats `skip` names (those with a
  /// delivery in flight) are neither read nor counted toward `limit`.
  Outbox::Look look(std::int64_t now, std::size_t limit,
                    const std::function<bool(std::string_view)>& skip = {});

  /// As Outbox's marks, and what memory holds follows.
  bool mark_sent(std::int64_t id, std::int64_t at);
  bool mark_failed(std::int64_t id, std::int64_t retry_at);
  bool mark_dead(std::int64_t id, std::int64_t at, const std::string& error);

  /// Drops what memory holds: the next look reads the whole queue again.
  void forget();

  /// Rows of the outbox read so far (the tests' measure of what a pass costs).
  std::int64_t rows_read() const { return rows_read_; }

 private:
  struct Statements;
  struct Head {
    std::int64_t id = 0;
    std::int64_t next_attempt_at = 0;
  };

  void read_whole_queue(std::int64_t now);
  void read_queued_since();
  void set_head(const std::string& chat, Head head);
  void drop_head(const std::string& chat);
  /// After a mark: memory follows the row, or is dropped if it turns out to have been behind.
  void after_mark(std::int64_t id, bool changed);
  /// after_mark, memory dropped rather than the mark reported failed if it cannot follow.
  void follow_mark(std::int64_t id, bool changed);
  /// A head left the queue (sent or set aside): the chat's next message, if any, takes its place.
  void head_left(std::int64_t id);
  bool in_transaction() const;

  Outbox outbox_;
  std::unique_ptr<Statements> statements_;
  bool known_ = false;
  std::int64_t known_since_ = 0;   ///< the caller's clock when the queue was last read whole
  std::int64_t seen_through_ = 0;  ///< every row up to this id has been read
  std::int64_t backlog_ = 0;
  std::map<std::string, Head, std::less<>> heads_;       ///< by chat
  std::map<std::int64_t, std::string> chat_of_head_;     ///< by head id
  std::set<std::pair<std::int64_t, std::int64_t>> due_;  ///< (next attempt, head id)
  std::int64_t rows_read_ = 0;
};

}  // namespace whistle::store
