#include "store/jobs.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include "store/database.hpp"
#include "store/hot_state.hpp"
#include "store/statement.hpp"

namespace whistle::store {

namespace {
constexpr const char* kSchedule =
    "INSERT INTO jobs (kind, community_id, due_at, payload) VALUES (?, ?, ?, ?)";
// The key is kind|payload: the partial unique index jobs_by_key keeps one undone job per key.
// ON CONFLICT rather than OR IGNORE: any other failure (a NOT NULL) must still throw.
constexpr const char* kScheduleOnce =
    "INSERT INTO jobs (kind, community_id, due_at, payload, key) VALUES (?1, ?2, ?3, ?4, ?1 || '|' || ?4) "
    "ON CONFLICT (key) WHERE key IS NOT NULL AND done_at IS NULL DO NOTHING";
constexpr const char* kDue =
    "SELECT id, kind, community_id, due_at, payload, attempts FROM jobs "
    "WHERE done_at IS NULL AND due_at <= ? ORDER BY due_at, id LIMIT ?";
constexpr const char* kComplete = "UPDATE jobs SET done_at = ? WHERE id = ? AND done_at IS NULL";
constexpr const char* kCancel = "DELETE FROM jobs WHERE kind = ? AND payload = ? AND done_at IS NULL";
// A failed run: tried again later, or after the last attempt set aside (done and dead), so it
// neither fires again nor holds its key.
constexpr const char* kRecordFailure =
    "UPDATE jobs SET attempts = attempts + 1, last_error = ?1, "
    "due_at = CASE WHEN attempts + 1 >= ?2 THEN due_at ELSE ?3 END, "
    "done_at = CASE WHEN attempts + 1 >= ?2 THEN ?4 ELSE NULL END, "
    "dead_at = CASE WHEN attempts + 1 >= ?2 THEN ?4 ELSE NULL END "
    "WHERE id = ?5 AND done_at IS NULL RETURNING dead_at";
constexpr const char* kDeadCount = "SELECT COUNT(*) FROM jobs WHERE dead_at IS NOT NULL";
constexpr const char* kNextDue = "SELECT MIN(due_at) FROM jobs WHERE done_at IS NULL";
// Uses jobs_by_payload (kind, payload) WHERE done_at IS NULL.
constexpr const char* kPending =
    "SELECT 1 FROM jobs WHERE kind = ? AND payload = ? AND done_at IS NULL LIMIT 1";
}  // namespace

struct Jobs::Statements {
  Database& database;
  SQLite::Database& db;
  SQLite::Statement schedule, due, complete, cancel, next_due;
  SQLite::Statement pending{db, kPending};
  SQLite::Statement schedule_once{db, kScheduleOnce};
  SQLite::Statement record_failure{db, kRecordFailure};
  SQLite::Statement dead_count{db, kDeadCount};
  explicit Statements(Database& owner)
      : database(owner),
        db(owner.raw()),
        schedule(db, kSchedule),
        due(db, kDue),
        complete(db, kComplete),
        cancel(db, kCancel),
        next_due(db, kNextDue) {}

  // Whether an undone job of (kind, payload) waits, as far as memory knows. Looked up before the
  // statement whose result it records (see Database::hot).
  std::map<std::pair<std::string, std::string>, bool>& pending_jobs() { return database.hot().pending_jobs; }
};

Jobs::Jobs(Database& db) : statements_(std::make_unique<Statements>(db)) {}
Jobs::~Jobs() = default;

std::int64_t Jobs::schedule(const std::string& kind, const std::string& community, std::int64_t due_at,
                            const std::string& payload) {
  auto& pending = statements_->pending_jobs();
  auto& s = detail::fresh(statements_->schedule);
  s.bind(1, kind);
  s.bind(2, community);
  s.bind(3, static_cast<std::int64_t>(due_at));
  s.bind(4, payload);
  s.exec();
  statements_->database.count_job_write();
  pending[{kind, payload}] = true;
  return statements_->db.getLastInsertRowid();
}

bool Jobs::schedule_once(const std::string& kind, const std::string& community, std::int64_t due_at,
                         const std::string& payload) {
  auto& pending = statements_->pending_jobs();
  auto& s = detail::fresh(statements_->schedule_once);
  s.bind(1, kind);
  s.bind(2, community);
  s.bind(3, static_cast<std::int64_t>(due_at));
  s.bind(4, payload);
  const bool added = s.exec() > 0;
  // Not added: an undone job holds the key kind|payload, which another (kind, payload) could
  // spell too; the pair is read again rather than guessed.
  if (added) {
    statements_->database.count_job_write();
    pending[{kind, payload}] = true;
  } else {
    pending.erase({kind, payload});
  }
  return added;
}

JobFailure Jobs::record_failure(std::int64_t id, std::int64_t now, std::int64_t retry_at, int max_attempts,
                                const std::string& error) {
  auto& s = detail::fresh(statements_->record_failure);
  s.bind(1, error);
  s.bind(2, max_attempts);
  s.bind(3, static_cast<std::int64_t>(retry_at));
  s.bind(4, static_cast<std::int64_t>(now));
  s.bind(5, static_cast<std::int64_t>(id));
  JobFailure failure = JobFailure::retried;
  if (s.executeStep() && !s.getColumn(0).isNull()) failure = JobFailure::dead;
  s.reset();
  statements_->database.count_job_write();  // put off to retry_at
  // A dead job is done: which pair stopped waiting is not known here, so none is trusted.
  statements_->pending_jobs().clear();
  return failure;
}

std::int64_t Jobs::dead_count() {
  auto& s = detail::fresh(statements_->dead_count);
  std::int64_t count = 0;
  if (s.executeStep()) count = s.getColumn(0).getInt64();
  s.reset();
  return count;
}

std::vector<Job> Jobs::due(std::int64_t now, std::size_t limit) {
  auto& s = detail::fresh(statements_->due);
  s.bind(1, static_cast<std::int64_t>(now));
  s.bind(2, static_cast<std::int64_t>(limit));
  std::vector<Job> jobs;
  while (s.executeStep()) {
    jobs.push_back(Job{s.getColumn(0).getInt64(), s.getColumn(1).getString(), s.getColumn(2).getString(),
                       s.getColumn(3).getInt64(), s.getColumn(4).getString(), s.getColumn(5).getInt()});
  }
  return jobs;
}

void Jobs::complete(std::int64_t id, std::int64_t at) {
  auto& s = detail::fresh(statements_->complete);
  s.bind(1, static_cast<std::int64_t>(at));
  s.bind(2, static_cast<std::int64_t>(id));
  s.exec();
  // The job's pair may have stopped waiting; jobs complete on the scheduler's tick, not per event.
  statements_->pending_jobs().clear();
}

bool Jobs::pending(const std::string& kind, const std::string& payload) {
  auto& known = statements_->pending_jobs();
  if (auto found = known.find({kind, payload}); found != known.end()) return found->second;
  auto& s = detail::fresh(statements_->pending);
  s.bind(1, kind);
  s.bind(2, payload);
  const bool found = s.executeStep();
  s.reset();
  known[{kind, payload}] = found;
  return found;
}

void Jobs::cancel(const std::string& kind, const std::string& payload) {
  auto& pending = statements_->pending_jobs();
  auto& s = detail::fresh(statements_->cancel);
  s.bind(1, kind);
  s.bind(2, payload);
  s.exec();
  // Every undone job of the pair is gone.
  pending[{kind, payload}] = false;
}

std::optional<std::int64_t> Jobs::next_due() {
  auto& s = detail::fresh(statements_->next_due);
  std::optional<std::int64_t> next;
  if (s.executeStep()) next = detail::optional_int(s.getColumn(0));
  s.reset();  // a statement left stepping would hold its read snapshot (see Database::release_snapshots)
  return next;
}

}  // namespace whistle::store
