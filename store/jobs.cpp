#include "store/jobs.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include "store/database.hpp"
#include "store/statement.hpp"

namespace whistle::store {

namespace {
constexpr const char* kSchedule =
    "INSERT INTO jobs (kind, community_id, due_at, payload) VALUES (?, ?, ?, ?)";
constexpr const char* kDue =
    "SELECT id, kind, community_id, due_at, payload FROM jobs "
    "WHERE done_at IS NULL AND due_at <= ? ORDER BY due_at, id LIMIT ?";
constexpr const char* kComplete = "UPDATE jobs SET done_at = ? WHERE id = ? AND done_at IS NULL";
constexpr const char* kCancel = "DELETE FROM jobs WHERE kind = ? AND payload = ? AND done_at IS NULL";
constexpr const char* kNextDue = "SELECT MIN(due_at) FROM jobs WHERE done_at IS NULL";
// Uses jobs_by_payload (kind, payload) WHERE done_at IS NULL.
constexpr const char* kPending =
    "SELECT 1 FROM jobs WHERE kind = ? AND payload = ? AND done_at IS NULL LIMIT 1";
}  // namespace

struct Jobs::Statements {
  SQLite::Database& db;
  SQLite::Statement schedule, due, complete, cancel, next_due;
  SQLite::Statement pending{db, kPending};
  explicit Statements(SQLite::Database& connection)
      : db(connection),
        schedule(db, kSchedule),
        due(db, kDue),
        complete(db, kComplete),
        cancel(db, kCancel),
        next_due(db, kNextDue) {}
};

Jobs::Jobs(Database& db) : statements_(std::make_unique<Statements>(db.raw())) {}
Jobs::~Jobs() = default;

std::int64_t Jobs::schedule(const std::string& kind, const std::string& community, std::int64_t due_at,
                            const std::string& payload) {
  auto& s = detail::fresh(statements_->schedule);
  s.bind(1, kind);
  s.bind(2, community);
  s.bind(3, static_cast<std::int64_t>(due_at));
  s.bind(4, payload);
  s.exec();
  return statements_->db.getLastInsertRowid();
}

std::vector<Job> Jobs::due(std::int64_t now, std::size_t limit) {
  auto& s = detail::fresh(statements_->due);
  s.bind(1, static_cast<std::int64_t>(now));
  s.bind(2, static_cast<std::int64_t>(limit));
  std::vector<Job> jobs;
  while (s.executeStep()) {
    jobs.push_back(Job{s.getColumn(0).getInt64(), s.getColumn(1).getString(), s.getColumn(2).getString(),
                       s.getColumn(3).getInt64(), s.getColumn(4).getString()});
  }
  return jobs;
}

void Jobs::complete(std::int64_t id, std::int64_t at) {
  auto& s = detail::fresh(statements_->complete);
  s.bind(1, static_cast<std::int64_t>(at));
  s.bind(2, static_cast<std::int64_t>(id));
  s.exec();
}

bool Jobs::pending(const std::string& kind, const std::string& payload) {
  auto& s = detail::fresh(statements_->pending);
  s.bind(1, kind);
  s.bind(2, payload);
  const bool found = s.executeStep();
  s.reset();
  return found;
}

void Jobs::cancel(const std::string& kind, const std::string& payload) {
  auto& s = detail::fresh(statements_->cancel);
  s.bind(1, kind);
  s.bind(2, payload);
  s.exec();
}

std::optional<std::int64_t> Jobs::next_due() {
  auto& s = detail::fresh(statements_->next_due);
  std::optional<std::int64_t> next;
  if (s.executeStep()) next = detail::optional_int(s.getColumn(0));
  s.reset();  // a statement left stepping would hold its read snapshot (see Database::release_snapshots)
  return next;
}

}  // namespace whistle::store
