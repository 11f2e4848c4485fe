#include "store/outbox.hpp"

#include <algorithm>
#include <charconv>

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
// One scan of the waiting messages' index gives every head (MIN(id) per chat, and with it the
// head's own next_attempt_at: SQLite takes a bare column from the row of the one MIN) and the
// backlog. A join on the heads made SQLite build and sort two temporary tables at every pass of
// the sender, a pass per message sent.
constexpr const char* kHeads =
    "SELECT MIN(id), next_attempt_at, COUNT(*) FROM outbox WHERE sent_at IS NULL AND dead_at IS NULL "
    "GROUP BY chat";
constexpr const char* kMessage =
    "SELECT id, chat, text, mentions, attempts, created_at, reply_url, reply_url_until FROM outbox WHERE id "
    "= ? AND sent_at IS NULL AND dead_at IS NULL";

// Each mark changes a waiting message only: one sent or set aside stays as it is, and the caller
// learns that nothing changed (a mark recorded twice after a failure counts once).
constexpr const char* kMarkSent =
    "UPDATE outbox SET sent_at = ? WHERE id = ? AND sent_at IS NULL AND dead_at IS NULL";
constexpr const char* kMarkFailed =
    "UPDATE outbox SET attempts = attempts + 1, next_attempt_at = ? WHERE id = ? AND sent_at IS NULL AND "
    "dead_at IS NULL";
constexpr const char* kMarkDead =
    "UPDATE outbox SET attempts = attempts + 1, dead_at = ?, last_error = ? WHERE id = ? AND sent_at IS NULL "
    "AND dead_at IS NULL";
constexpr const char* kDeadCount = "SELECT COUNT(*) FROM outbox WHERE dead_at IS NOT NULL";

// Mentions are ids without spaces, tabs or newlines, so one per line needs no escaping (and no
// JSON here). A mention that stands in the text carries its byte range: "id\toffset\tlength".
std::string join_mentions(const std::vector<std::string>& mentions, const std::vector<MentionSpan>& spans) {
  std::string joined;
  for (std::size_t i = 0; i < mentions.size(); ++i) {
    const std::string& person = mentions[i];
    // A person mentioned twice is one line: their spans are written once.
    if (std::find(mentions.begin(), mentions.begin() + static_cast<std::ptrdiff_t>(i), person) !=
        mentions.begin() + static_cast<std::ptrdiff_t>(i)) {
      continue;
    }
    if (!joined.empty()) joined += '\n';
    joined += person;
    for (const MentionSpan& span : spans) {
      if (span.person != person) continue;
      joined += '\t' + std::to_string(span.offset) + '\t' + std::to_string(span.length);
    }
  }
  return joined;
}

// A number of the mentions column; empty for anything that is not one (a damaged row must not
// stop the outbox: its span is dropped and the mention still goes out as a plain one).
std::optional<std::size_t> parse_size(std::string_view text) {
  std::size_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

void split_mentions(const std::string& joined, OutboxMessage& message) {
  std::size_t start = 0;
  while (start < joined.size()) {
    std::size_t end = joined.find('\n', start);
    if (end == std::string::npos) end = joined.size();
    const std::string_view line = std::string_view(joined).substr(start, end - start);
    start = end + 1;
    if (line.empty()) continue;
    std::vector<std::string_view> fields;
    for (std::size_t at = 0;;) {
      const std::size_t tab = line.find('\t', at);
      fields.push_back(line.substr(at, tab == std::string_view::npos ? std::string_view::npos : tab - at));
      if (tab == std::string_view::npos) break;
      at = tab + 1;
    }
    const std::string person(fields.front());
    if (std::find(message.mentions.begin(), message.mentions.end(), person) == message.mentions.end()) {
      message.mentions.push_back(person);
    }
    // Each further pair of fields is one place the person is named in the text.
    for (std::size_t i = 1; i + 1 < fields.size(); i += 2) {
      const std::optional<std::size_t> offset = parse_size(fields[i]);
      const std::optional<std::size_t> length = parse_size(fields[i + 1]);
      if (!offset || !length || *length == 0 || *offset > message.text.size() ||
          *length > message.text.size() - *offset) {
        continue;
      }
      message.spans.push_back(MentionSpan{person, *offset, *length});
    }
  }
  // Renderers walk the text left to right: spans in text order, one per place.
  std::sort(message.spans.begin(), message.spans.end(),
            [](const MentionSpan& a, const MentionSpan& b) { return a.offset < b.offset; });
  message.spans.erase(
      std::unique(message.spans.begin(), message.spans.end(),
                  [](const MentionSpan& a, const MentionSpan& b) { return a.offset == b.offset; }),
      message.spans.end());
}

}  // namespace

struct Outbox::Statements {
  SQLite::Database& db;
  SQLite::Statement enqueue, heads, message, mark_sent, mark_failed, mark_dead, dead_count;
  explicit Statements(SQLite::Database& connection)
      : db(connection),
        enqueue(db, kEnqueue),
        heads(db, kHeads),
        message(db, kMessage),
        mark_sent(db, kMarkSent),
        mark_failed(db, kMarkFailed),
        mark_dead(db, kMarkDead),
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
  return look(now, limit).due;
}

Outbox::Look Outbox::look(std::int64_t now, std::size_t limit) {
  Look look;
  std::vector<std::int64_t> due_ids;
  {
    auto& s = detail::fresh(statements_->heads);
    while (s.executeStep()) {
      const std::int64_t id = s.getColumn(0).getInt64();
      const std::int64_t next = s.getColumn(1).getInt64();
      look.backlog += s.getColumn(2).getInt64();
      look.next_attempt_at = look.next_attempt_at ? std::min(*look.next_attempt_at, next) : next;
      if (next <= now) due_ids.push_back(id);
    }
    s.reset();  // a statement left stepping would hold its read snapshot (see Database::release_snapshots)
  }
  std::sort(due_ids.begin(), due_ids.end());  // oldest first
  if (due_ids.size() > limit) due_ids.resize(limit);
  for (const std::int64_t id : due_ids) {
    if (std::optional<OutboxMessage> m = read(id)) look.due.push_back(std::move(*m));
  }
  return look;
}

std::optional<OutboxMessage> Outbox::read(std::int64_t id) {
  auto& s = detail::fresh(statements_->message);
  s.bind(1, static_cast<std::int64_t>(id));
  if (!s.executeStep()) return std::nullopt;
  OutboxMessage m;
  m.id = s.getColumn(0).getInt64();
  m.chat = s.getColumn(1).getString();
  m.text = s.getColumn(2).getString();
  split_mentions(s.getColumn(3).getString(), m);  // after the text: spans are checked against it
  m.attempts = s.getColumn(4).getInt();
  m.created_at = s.getColumn(5).getInt64();
  if (!s.getColumn(6).isNull()) m.reply_url = ReplyUrl{s.getColumn(6).getString(), s.getColumn(7).getInt64()};
  s.reset();
  return m;
}

bool Outbox::mark_sent(std::int64_t id, std::int64_t at) {
  auto& s = detail::fresh(statements_->mark_sent);
  s.bind(1, static_cast<std::int64_t>(at));
  s.bind(2, static_cast<std::int64_t>(id));
  return s.exec() > 0;
}

bool Outbox::mark_failed(std::int64_t id, std::int64_t retry_at) {
  auto& s = detail::fresh(statements_->mark_failed);
  s.bind(1, static_cast<std::int64_t>(retry_at));
  s.bind(2, static_cast<std::int64_t>(id));
  return s.exec() > 0;
}

bool Outbox::mark_dead(std::int64_t id, std::int64_t at, const std::string& error) {
  auto& s = detail::fresh(statements_->mark_dead);
  s.bind(1, static_cast<std::int64_t>(at));
  s.bind(2, error);
  s.bind(3, static_cast<std::int64_t>(id));
  return s.exec() > 0;
}

std::int64_t Outbox::dead_count() {
  auto& s = detail::fresh(statements_->dead_count);
  s.executeStep();
  const std::int64_t count = s.getColumn(0).getInt64();
  s.reset();
  return count;
}

std::optional<std::int64_t> Outbox::next_attempt_at() {
  return look(0, 0).next_attempt_at;
}

std::int64_t Outbox::backlog() {
  return look(0, 0).backlog;
}

}  // namespace whistle::store
