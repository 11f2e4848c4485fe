#include "store/inbox.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include "store/database.hpp"
#include "store/statement.hpp"

namespace whistle::store {

namespace {
constexpr const char* kRecord = "INSERT OR IGNORE INTO inbox (key, received_at, digest) VALUES (?, ?, ?)";
constexpr const char* kDigest = "SELECT digest FROM inbox WHERE key = ?";
constexpr const char* kSaveAnswer = "UPDATE inbox SET answer = ? WHERE key = ?";
constexpr const char* kAnswer = "SELECT answer FROM inbox WHERE key = ?";
}  // namespace

struct Inbox::Statements {
  SQLite::Statement record, digest, save_answer, answer;
  explicit Statements(SQLite::Database& db)
      : record(db, kRecord), digest(db, kDigest), save_answer(db, kSaveAnswer), answer(db, kAnswer) {}
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
  if (kept.isNull()) return Delivery::redelivery;
  const std::string_view kept_digest(static_cast<const char*>(kept.getBlob()),
                                     static_cast<std::size_t>(kept.getBytes()));
  return kept_digest == digest ? Delivery::redelivery : Delivery::conflict;
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
  return detail::optional_text(s.getColumn(0));
}

}  // namespace whistle::store
