#include "store/inbox.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include "store/database.hpp"
#include "store/statement.hpp"

namespace whistle::store {

namespace {
constexpr const char* kRecord = "INSERT OR IGNORE INTO inbox (key, received_at) VALUES (?, ?)";
constexpr const char* kSaveAnswer = "UPDATE inbox SET answer = ? WHERE key = ?";
constexpr const char* kAnswer = "SELECT answer FROM inbox WHERE key = ?";
}  // namespace

struct Inbox::Statements {
  SQLite::Statement record, save_answer, answer;
  explicit Statements(SQLite::Database& db)
      : record(db, kRecord), save_answer(db, kSaveAnswer), answer(db, kAnswer) {}
};

Inbox::Inbox(Database& db) : statements_(std::make_unique<Statements>(db.raw())) {}
Inbox::~Inbox() = default;

bool Inbox::record(std::string_view key, std::int64_t at) {
  auto& s = detail::fresh(statements_->record);
  s.bind(1, std::string(key));
  s.bind(2, static_cast<std::int64_t>(at));
  return s.exec() == 1;
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
