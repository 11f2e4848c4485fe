#include "store/outbox.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include "store/database.hpp"
#include "store/statement.hpp"

namespace whistle::store {

namespace {

// A private chat ("generic:@u-zhang") is bound to no node, so its community is NULL.
constexpr const char* kEnqueue =
    "INSERT INTO outbox (community_id, chat, text, mentions, created_at, next_attempt_at, reply_url, "
    "reply_url_until) VALUES ((SELECT community_id FROM chats WHERE id = ?1), ?1, ?2, ?3, ?4, ?4, ?5, ?6)";

// Each chat's head is its oldest unsent message; later ones wait behind it, which keeps per-chat order.
constexpr const char* kDue =
    "SELECT o.id, o.chat, o.text, o.mentions, o.attempts, o.created_at, o.reply_url, o.reply_url_until "
    "FROM outbox o JOIN (SELECT chat, MIN(id) AS id FROM outbox WHERE sent_at IS NULL AND dead_at IS NULL "
    "GROUP BY chat) h ON h.id = o.id "
    "WHERE o.next_attempt_at <= ? ORDER BY o.id LIMIT ?";

constexpr const char* kNextAttempt =
    "SELECT MIN(o.next_attempt_at) FROM outbox o "
    "JOIN (SELECT chat, MIN(id) AS id FROM outbox WHERE sent_at IS NULL AND dead_at IS NULL GROUP BY chat) h "
    "ON h.id = o.id";

constexpr const char* kMarkSent = "UPDATE outbox SET sent_at = ? WHERE id = ? AND sent_at IS NULL";
constexpr const char* kMarkFailed =
    "UPDATE outbox SET attempts = attempts + 1, next_attempt_at = ? WHERE id = ? AND sent_at IS NULL";
constexpr const char* kMarkDead =
    "UPDATE outbox SET attempts = attempts + 1, dead_at = ?, last_error = ? WHERE id = ? AND sent_at IS NULL";
constexpr const char* kBacklog = "SELECT COUNT(*) FROM outbox WHERE sent_at IS NULL AND dead_at IS NULL";
constexpr const char* kDeadCount = "SELECT COUNT(*) FROM outbox WHERE dead_at IS NOT NULL";

// Mentions are ids without spaces, tabs or newlines, so one per line needs no escaping (and no
// JSON here). A mention that stands in the text carries its byte range: "id\toffset\tlength".
std::string join_mentions(const std::vector<std::string>& mentions, const std::vector<MentionSpan>& spans) {
  std::string joined;
  for (const std::string& person : mentions) {
    if (!joined.empty()) joined += '\n';
    joined += person;
    for (const MentionSpan& span : spans) {
      if (span.person != person) continue;
      joined += '\t' + std::to_string(span.offset) + '\t' + std::to_string(span.length);
    }
  }
  return joined;
}

void split_mentions(const std::string& joined, OutboxMessage& message) {
  std::size_t start = 0;
  while (start < joined.size()) {
    std::size_t end = joined.find('\n', start);
    if (end == std::string::npos) end = joined.size();
    const std::string line = joined.substr(start, end - start);
    start = end + 1;
    if (line.empty()) continue;
    const auto tab = line.find('\t');
    const std::string person = line.substr(0, tab);
    message.mentions.push_back(person);
    std::size_t at = tab;
    // Each further pair of fields is one place the person is named in the text.
    while (at != std::string::npos) {
      const auto second = line.find('\t', at + 1);
      if (second == std::string::npos) break;
      const auto third = line.find('\t', second + 1);
      MentionSpan span;
      span.person = person;
      span.offset = std::stoull(line.substr(at + 1, second - at - 1));
      span.length = std::stoull(
          line.substr(second + 1, third == std::string::npos ? std::string::npos : third - second - 1));
      message.spans.push_back(std::move(span));
      at = third;
    }
  }
}

}  // namespace

struct Outbox::Statements {
  SQLite::Database& db;
  SQLite::Statement enqueue, due, next_attempt, mark_sent, mark_failed, mark_dead, backlog, dead_count;
  explicit Statements(SQLite::Database& connection)
      : db(connection),
        enqueue(db, kEnqueue),
        due(db, kDue),
        next_attempt(db, kNextAttempt),
        mark_sent(db, kMarkSent),
        mark_failed(db, kMarkFailed),
        mark_dead(db, kMarkDead),
        backlog(db, kBacklog),
        dead_count(db, kDeadCount) {}
};

Outbox::Outbox(Database& db) : statements_(std::make_unique<Statements>(db.raw())) {}
Outbox::~Outbox() = default;

std::int64_t Outbox::enqueue(const std::string& chat, const std::string& text,
                             const std::vector<std::string>& mentions, std::int64_t at) {
  return enqueue(OutgoingMessage{chat, text, mentions, {}, std::nullopt}, at);
}

std::int64_t Outbox::enqueue(const OutgoingMessage& message, std::int64_t at) {
  auto& s = detail::fresh(statements_->enqueue);
  s.bind(1, message.chat);
  s.bind(2, message.text);
  s.bind(3, join_mentions(message.mentions, message.spans));
  s.bind(4, static_cast<std::int64_t>(at));
  if (message.reply_url) {
    s.bind(5, message.reply_url->url);
    s.bind(6, static_cast<std::int64_t>(message.reply_url->until));
  } else {
    s.bind(5);
    s.bind(6);
  }
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
    split_mentions(s.getColumn(3).getString(), m);
    m.attempts = s.getColumn(4).getInt();
    m.created_at = s.getColumn(5).getInt64();
    if (!s.getColumn(6).isNull())
      m.reply_url = ReplyUrl{s.getColumn(6).getString(), s.getColumn(7).getInt64()};
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

void Outbox::mark_dead(std::int64_t id, std::int64_t at, const std::string& error) {
  auto& s = detail::fresh(statements_->mark_dead);
  s.bind(1, static_cast<std::int64_t>(at));
  s.bind(2, error);
  s.bind(3, static_cast<std::int64_t>(id));
  s.exec();
}

std::int64_t Outbox::dead_count() {
  auto& s = detail::fresh(statements_->dead_count);
  s.executeStep();
  const std::int64_t count = s.getColumn(0).getInt64();
  s.reset();
  return count;
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
