#include "store/outbox.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include "store/database.hpp"
#include "store/statement.hpp"

namespace whistle::store {

namespace {

// A private chat ("generic:@u-zhang") is bound to no node, so its community is NULL.
constexpr const char* kEnqueue =
    "INSERT INTO outbox (community_id, chat, text, mentions, created_at, next_attempt_at) "
    "VALUES ((SELECT community_id FROM chats WHERE id = ?1), ?1, ?2, ?3, ?4, ?4)";

// Each chat's head is its oldest unsent message; later ones wait behind it, which keeps per-chat order.
constexpr const char* kDue =
    "SELECT o.id, o.chat, o.text, o.mentions, o.attempts, o.created_at FROM outbox o "
    "JOIN (SELECT chat, MIN(id) AS id FROM outbox WHERE sent_at IS NULL GROUP BY chat) h ON h.id = o.id "
    "WHERE o.next_attempt_at <= ? ORDER BY o.id LIMIT ?";

constexpr const char* kNextAttempt =
    "SELECT MIN(o.next_attempt_at) FROM outbox o "
    "JOIN (SELECT chat, MIN(id) AS id FROM outbox WHERE sent_at IS NULL GROUP BY chat) h ON h.id = o.id";

constexpr const char* kMarkSent = "UPDATE outbox SET sent_at = ? WHERE id = ? AND sent_at IS NULL";
constexpr const char* kMarkFailed =
    "UPDATE outbox SET attempts = attempts + 1, next_attempt_at = ? WHERE id = ? AND sent_at IS NULL";
constexpr const char* kBacklog = "SELECT COUNT(*) FROM outbox WHERE sent_at IS NULL";

// Mentions are ids without spaces or newlines, so one per line needs no escaping (and no JSON here).
std::string join_lines(const std::vector<std::string>& items) {
  std::string joined;
  for (const std::string& item : items) {
    if (!joined.empty()) joined += '\n';
    joined += item;
  }
  return joined;
}

std::vector<std::string> split_lines(const std::string& joined) {
  std::vector<std::string> items;
  std::size_t start = 0;
  while (start < joined.size()) {
    std::size_t end = joined.find('\n', start);
    if (end == std::string::npos) end = joined.size();
    if (end > start) items.push_back(joined.substr(start, end - start));
    start = end + 1;
  }
  return items;
}

}  // namespace

struct Outbox::Statements {
  SQLite::Database& db;
  SQLite::Statement enqueue, due, next_attempt, mark_sent, mark_failed, backlog;
  explicit Statements(SQLite::Database& connection)
      : db(connection),
        enqueue(db, kEnqueue),
        due(db, kDue),
        next_attempt(db, kNextAttempt),
        mark_sent(db, kMarkSent),
        mark_failed(db, kMarkFailed),
        backlog(db, kBacklog) {}
};

Outbox::Outbox(Database& db) : statements_(std::make_unique<Statements>(db.raw())) {}
Outbox::~Outbox() = default;

std::int64_t Outbox::enqueue(const std::string& chat, const std::string& text,
                             const std::vector<std::string>& mentions, std::int64_t at) {
  auto& s = detail::fresh(statements_->enqueue);
  s.bind(1, chat);
  s.bind(2, text);
  s.bind(3, join_lines(mentions));
  s.bind(4, static_cast<std::int64_t>(at));
  s.exec();
  return statements_->db.getLastInsertRowid();
}

std::vector<OutboxMessage> Outbox::due(std::int64_t now, std::size_t limit) {
  auto& s = detail::fresh(statements_->due);
  s.bind(1, static_cast<std::int64_t>(now));
  s.bind(2, static_cast<std::int64_t>(limit));
  std::vector<OutboxMessage> messages;
  while (s.executeStep()) {
    OutboxMessage m;
    m.id = s.getColumn(0).getInt64();
    m.chat = s.getColumn(1).getString();
    m.text = s.getColumn(2).getString();
    m.mentions = split_lines(s.getColumn(3).getString());
    m.attempts = s.getColumn(4).getInt();
    m.created_at = s.getColumn(5).getInt64();
    messages.push_back(std::move(m));
  }
  return messages;
}

void Outbox::mark_sent(std::int64_t id, std::int64_t at) {
  auto& s = detail::fresh(statements_->mark_sent);
  s.bind(1, static_cast<std::int64_t>(at));
  s.bind(2, static_cast<std::int64_t>(id));
  s.exec();
}

void Outbox::mark_failed(std::int64_t id, std::int64_t retry_at) {
  auto& s = detail::fresh(statements_->mark_failed);
  s.bind(1, static_cast<std::int64_t>(retry_at));
  s.bind(2, static_cast<std::int64_t>(id));
  s.exec();
}

std::optional<std::int64_t> Outbox::next_attempt_at() {
  auto& s = detail::fresh(statements_->next_attempt);
  std::optional<std::int64_t> next;
  if (s.executeStep()) next = detail::optional_int(s.getColumn(0));
  s.reset();  // a statement left stepping would hold its read snapshot (see Database::release_snapshots)
  return next;
}

std::int64_t Outbox::backlog() {
  auto& s = detail::fresh(statements_->backlog);
  s.executeStep();
  const std::int64_t count = s.getColumn(0).getInt64();
  s.reset();  // a statement left stepping would hold its read snapshot (see Database::release_snapshots)
  return count;
}

}  // namespace whistle::store
