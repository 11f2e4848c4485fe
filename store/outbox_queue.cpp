#include "store/outbox_queue.hpp"

#include <sqlite3.h>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <algorithm>
#include <limits>
#include <vector>

#include "store/database.hpp"
#include "store/statement.hpp"

namespace whistle::store {

namespace {

// How long memory is trusted before the queue is read whole again, in the caller's seconds: a
// safety net for what no code of ours does (another process changing a queued message).
constexpr std::int64_t kReadWholeEvery = 60;

constexpr const char* kLastId = "SELECT COALESCE(MAX(id), 0) FROM outbox";

// Outbox's kHeads up to an id: rows after it are read as queued since.
constexpr const char* kHeadsThrough =
    "SELECT MIN(id), next_attempt_at, COUNT(*), chat FROM outbox WHERE sent_at IS NULL AND dead_at IS NULL "
    "AND id <= ?1 GROUP BY chat";

// Every row after the last one read, waiting or not (so the next pass starts after it either way).
constexpr const char* kQueuedSince =
    "SELECT id, chat, next_attempt_at, sent_at IS NULL AND dead_at IS NULL FROM outbox WHERE id > ?1 ORDER "
    "BY id";

// A chat's next waiting message after its head, among the rows read so far (outbox_pending_by_chat).
constexpr const char* kNextOfChat =
    "SELECT id, next_attempt_at FROM outbox WHERE chat = ?1 AND id > ?2 AND id <= ?3 AND sent_at IS NULL "
    "AND dead_at IS NULL ORDER BY id LIMIT 1";

}  // namespace

struct OutboxQueue::Statements {
  SQLite::Database& db;
  SQLite::Statement last_id, heads_through, queued_since, next_of_chat;
  explicit Statements(SQLite::Database& connection)
      : db(connection),
        last_id(db, kLastId),
        heads_through(db, kHeadsThrough),
        queued_since(db, kQueuedSince),
        next_of_chat(db, kNextOfChat) {}
};

OutboxQueue::OutboxQueue(Database& db) : outbox_(db), statements_(std::make_unique<Statements>(db.raw())) {}
OutboxQueue::~OutboxQueue() = default;

bool OutboxQueue::in_transaction() const {
  return sqlite3_get_autocommit(statements_->db.getHandle()) == 0;
}

Outbox::Look OutboxQueue::look(std::int64_t now, std::size_t limit,
                               const std::function<bool(std::string_view)>& skip) {
  if (in_transaction()) {
    // Rows this connection queued may yet roll back, and their ids be given again: read the rows
    // as they stand and keep nothing.
    forget();
    Outbox::Look look = outbox_.look(now, std::numeric_limits<std::size_t>::max());
    std::erase_if(look.due, [&](const OutboxMessage& m) { return skip && skip(m.chat); });
    if (look.due.size() > limit) look.due.resize(limit);
    return look;
  }
  try {
    // A clock stepped back counts as a minute gone, or the net would wait out the step as well.
    if (known_ && (now - known_since_ >= kReadWholeEvery || now < known_since_)) forget();
    if (known_) {
      read_queued_since();
    } else {
      read_whole_queue(now);
    }
    Outbox::Look look;
    look.backlog = backlog_;
    if (!due_.empty()) look.next_attempt_at = due_.begin()->first;
    std::vector<std::int64_t> due_ids;
    for (auto it = due_.begin(); it != due_.end() && it->first <= now; ++it)
      due_ids.push_back(it->second);
    std::sort(due_ids.begin(), due_ids.end());  // oldest first, as Outbox::look
    bool stale = false;
    for (const std::int64_t id : due_ids) {
      if (look.due.size() >= limit) break;
      if (skip && skip(chat_of_head_.at(id))) continue;
      std::optional<OutboxMessage> message = outbox_.read(id);
      ++rows_read_;
      if (!message) {
        // No longer waiting: someone else sent it or set it aside. Trust memory no further.
        stale = true;
        continue;
      }
      look.due.push_back(std::move(*message));
    }
    if (stale) forget();
    return look;
  } catch (...) {
    forget();
    throw;
  }
}

bool OutboxQueue::mark_sent(std::int64_t id, std::int64_t at) {
  // A mark that throws changed no row (the statement rolls back alone): memory stays true.
  const bool changed = outbox_.mark_sent(id, at);
  follow_mark(id, changed);
  return changed;
}

bool OutboxQueue::mark_dead(std::int64_t id, std::int64_t at, const std::string& error) {
  // A mark that throws changed no row (the statement rolls back alone): memory stays true.
  const bool changed = outbox_.mark_dead(id, at, error);
  follow_mark(id, changed);
  return changed;
}

bool OutboxQueue::mark_failed(std::int64_t id, std::int64_t retry_at) {
  const bool changed = outbox_.mark_failed(id, retry_at);  // throws: no row changed
  if (in_transaction() || (!changed && chat_of_head_.contains(id))) {
    forget();
  } else if (changed) {
    // A message behind its chat's head keeps no time in memory: it is read when it leads.
    if (auto found = chat_of_head_.find(id); found != chat_of_head_.end()) {
      Head& head = heads_.find(found->second)->second;
      due_.erase({head.next_attempt_at, id});
      head.next_attempt_at = retry_at;
      due_.insert({retry_at, id});
    }
  }
  return changed;
}

void OutboxQueue::follow_mark(std::int64_t id, bool changed) {
  try {
    after_mark(id, changed);
  } catch (const std::exception&) {
    // The row is marked; only memory could not follow (the probe for the chat's next message
    // failed). Memory is read whole at the next look, which reports a failure that lasts. Thrown
    // on, the sender would record the mark again.
    forget();
  }
}

void OutboxQueue::forget() {
  known_ = false;
  seen_through_ = 0;
  backlog_ = 0;
  heads_.clear();
  chat_of_head_.clear();
  due_.clear();
}

void OutboxQueue::read_whole_queue(std::int64_t now) {
  forget();
  // The last id first, then the heads up to it: a row queued between the two reads is read after,
  // as queued since, never counted twice or missed.
  auto& last = detail::fresh(statements_->last_id);
  last.executeStep();
  const std::int64_t through = last.getColumn(0).getInt64();
  last.reset();
  auto& s = detail::fresh(statements_->heads_through);
  s.bind(1, static_cast<std::int64_t>(through));
  while (s.executeStep()) {
    const std::int64_t waiting = s.getColumn(2).getInt64();
    backlog_ += waiting;
    rows_read_ += waiting;
    set_head(s.getColumn(3).getString(), Head{s.getColumn(0).getInt64(), s.getColumn(1).getInt64()});
  }
  s.reset();  // a statement left stepping would hold its read snapshot
  seen_through_ = through;
  known_ = true;
  known_since_ = now;
  read_queued_since();
}

void OutboxQueue::read_queued_since() {
  auto& s = detail::fresh(statements_->queued_since);
  s.bind(1, static_cast<std::int64_t>(seen_through_));
  while (s.executeStep()) {
    ++rows_read_;
    const std::int64_t id = s.getColumn(0).getInt64();
    seen_through_ = id;
    if (s.getColumn(3).getInt() == 0) continue;  // sent or set aside already
    ++backlog_;
    std::string chat = s.getColumn(1).getString();
    // A chat with a head already: this one waits behind it (its id is larger than any read before).
    if (!heads_.contains(chat)) set_head(chat, Head{id, s.getColumn(2).getInt64()});
  }
  s.reset();
}

void OutboxQueue::set_head(const std::string& chat, Head head) {
  drop_head(chat);
  heads_.emplace(chat, head);
  chat_of_head_.emplace(head.id, chat);
  due_.insert({head.next_attempt_at, head.id});
}

void OutboxQueue::drop_head(const std::string& chat) {
  const auto found = heads_.find(chat);
  if (found == heads_.end()) return;
  due_.erase({found->second.next_attempt_at, found->second.id});
  chat_of_head_.erase(found->second.id);
  heads_.erase(found);
}

void OutboxQueue::after_mark(std::int64_t id, bool changed) {
  // A head that was not waiting any more was changed by someone else: memory is behind.
  if (in_transaction() || (!changed && chat_of_head_.contains(id))) {
    forget();
    return;
  }
  if (changed && known_) head_left(id);
}

void OutboxQueue::head_left(std::int64_t id) {
  // Counted when read; a row past the last one read is counted when it is.
  if (id <= seen_through_) --backlog_;
  const auto found = chat_of_head_.find(id);
  if (found == chat_of_head_.end()) return;
  const std::string chat = found->second;
  drop_head(chat);
  auto& s = detail::fresh(statements_->next_of_chat);
  s.bind(1, chat);
  s.bind(2, static_cast<std::int64_t>(id));
  s.bind(3, static_cast<std::int64_t>(seen_through_));
  if (s.executeStep()) {
    ++rows_read_;
    set_head(chat, Head{s.getColumn(0).getInt64(), s.getColumn(1).getInt64()});
  }
  s.reset();
}

}  // namespace whistle::store
