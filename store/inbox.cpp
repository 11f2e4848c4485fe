#include "store/inbox.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <algorithm>

#include "store/database.hpp"
#include "store/statement.hpp"

namespace whistle::store {

namespace {
constexpr const char* kRecord = "INSERT OR IGNORE INTO inbox (key, received_at, digest) VALUES (?, ?, ?)";
constexpr const char* kDigest = "SELECT digest FROM inbox WHERE key = ?";
constexpr const char* kSaveAnswer = "UPDATE inbox SET answer = ? WHERE key = ?";
constexpr const char* kAnswer = "SELECT answer FROM inbox WHERE key = ?";

// "?, ?, ?" with `count` marks; "(?, ?), (?, ?)" for rows of `width` marks each.
std::string marks(std::size_t count, std::size_t width) {
  std::string list;
  for (std::size_t i = 0; i < count; ++i) {
    if (i != 0) list += ", ";
    if (width > 1) list += '(';
    for (std::size_t j = 0; j < width; ++j)
      list += j == 0 ? "?" : ", ?";
    if (width > 1) list += ')';
  }
  return list;
}

}  // namespace

struct Inbox::Statements {
  SQLite::Database& db;
  SQLite::Statement record, digest, save_answer, answer;
  // One statement per number of keys (rows) it carries, prepared on first use of that number.
  std::vector<std::unique_ptr<SQLite::Statement>> read_batch, write_batch;
  explicit Statements(SQLite::Database& connection)
      : db(connection),
        record(db, kRecord),
        digest(db, kDigest),
        save_answer(db, kSaveAnswer),
        answer(db, kAnswer),
        read_batch(kChunk + 1),
        write_batch(kChunk + 1) {}

  SQLite::Statement& reader(std::size_t keys) {
    std::unique_ptr<SQLite::Statement>& s = read_batch[keys];
    if (!s) {
      // One look-up per key joined by UNION ALL, not `key IN (...)`: SQLite copies an IN list into
      // a temporary B-tree at every run, the last one each batch still opened. A key asked twice
      // comes back twice, the same row.
      std::string sql;
      for (std::size_t i = 0; i < keys; ++i) {
        if (i != 0) sql += " UNION ALL ";
        sql += "SELECT key, digest, answer, received_at FROM inbox WHERE key = ?";
      }
      s = std::make_unique<SQLite::Statement>(db, sql);
    }
    return detail::fresh(*s);
  }

  SQLite::Statement& writer(std::size_t rows) {
    std::unique_ptr<SQLite::Statement>& s = write_batch[rows];
    if (!s) {
      s = std::make_unique<SQLite::Statement>(
          db, "INSERT INTO inbox (key, received_at, digest, answer) VALUES " + marks(rows, 4));
    }
    return detail::fresh(*s);
  }
};

Inbox::Inbox(Database& db) : statements_(std::make_unique<Statements>(db.raw())) {}
Inbox::~Inbox() = default;

Delivery Inbox::record(std::string_view key, std::int64_t at, std::string_view digest) {
  auto& insert = detail::fresh(statements_->record);
  insert.bind(1, std::string(key));
  insert.bind(2, static_cast<std::int64_t>(at));
  insert.bind(3, digest.data(), static_cast<int>(digest.size()));
  if (insert.exec() == 1) return Delivery::first;

  auto& seen = detail::fresh(statements_->digest);
  seen.bind(1, std::string(key));
  if (!seen.executeStep()) return Delivery::redelivery;
  const SQLite::Column kept = seen.getColumn(0);
  // A row from before digests were kept cannot tell; it is taken as the same event.
  const bool same = kept.isNull() || detail::column_bytes(kept) == digest;
  seen.tryReset();  // see Database::release_snapshots
  return same ? Delivery::redelivery : Delivery::conflict;
}

void Inbox::save_answer(std::string_view key, std::string_view answer) {
  auto& s = detail::fresh(statements_->save_answer);
  s.bind(1, std::string(answer));
  s.bind(2, std::string(key));
  s.exec();
}

std::optional<std::string> Inbox::answer(std::string_view key) {
  auto& s = detail::fresh(statements_->answer);
  s.bind(1, std::string(key));
  if (!s.executeStep()) return std::nullopt;
  std::optional<std::string> answer = detail::optional_text(s.getColumn(0));
  s.tryReset();  // see Database::release_snapshots
  return answer;
}

Delivery InboxBatch::record(std::string_view key, std::int64_t at, std::string_view digest) {
  auto [row, added] = rows_.try_emplace(std::string(key));
  if (added) {
    row->second = Row{at, std::string(digest), std::nullopt, true};
    recorded_.push_back(row->first);
    return Delivery::first;
  }
  // As Inbox::record: no digest kept cannot tell, and is taken as the same event.
  if (!row->second.digest || *row->second.digest == digest) return Delivery::redelivery;
  return Delivery::conflict;
}

void InboxBatch::save_answer(std::string_view key, std::string answer) {
  auto row = rows_.find(std::string(key));
  if (row != rows_.end() && row->second.recorded_here) row->second.answer = std::move(answer);
}

std::optional<std::string> InboxBatch::answer(std::string_view key) const {
  auto row = rows_.find(std::string(key));
  if (row == rows_.end()) return std::nullopt;
  return row->second.answer;
}

InboxBatch Inbox::read_batch(const std::vector<std::string_view>& keys) {
  InboxBatch batch;
  for (std::size_t start = 0; start < keys.size(); start += kChunk) {
    const std::size_t count = std::min(kChunk, keys.size() - start);
    SQLite::Statement& s = statements_->reader(count);
    for (std::size_t i = 0; i < count; ++i)
      s.bind(static_cast<int>(i + 1), std::string(keys[start + i]));
    while (s.executeStep()) {
      InboxBatch::Row row;
      const SQLite::Column digest = s.getColumn(1);
      if (!digest.isNull()) row.digest = std::string(detail::column_bytes(digest));
      row.answer = detail::optional_text(s.getColumn(2));
      row.received_at = s.getColumn(3).getInt64();
      batch.rows_.insert_or_assign(s.getColumn(0).getString(), std::move(row));
    }
  }
  return batch;
}

void Inbox::write(const InboxBatch& batch) {
  const std::vector<std::string>& keys = batch.recorded_;
  for (std::size_t start = 0; start < keys.size(); start += kChunk) {
    const std::size_t count = std::min(kChunk, keys.size() - start);
    SQLite::Statement& s = statements_->writer(count);
    for (std::size_t i = 0; i < count; ++i) {
      const std::string& key = keys[start + i];
      const InboxBatch::Row& row = batch.rows_.at(key);
      const int at = static_cast<int>(4 * i);
      s.bind(at + 1, key);
      s.bind(at + 2, static_cast<std::int64_t>(row.received_at));
      s.bind(at + 3, row.digest->data(), static_cast<int>(row.digest->size()));
      detail::bind_optional(s, at + 4, row.answer);
    }
    s.exec();
  }
}

}  // namespace whistle::store
