#include "store/database.hpp"

#include <SQLiteCpp/Database.h>

#include <stdexcept>

#include "store/migrations.hpp"

namespace whistle::store {

namespace {

// How long a connection waits for another connection's lock (the checkpointer, a second process)
// before giving up with SQLITE_BUSY.
constexpr int kBusyTimeoutMs = 5000;

std::string synchronous_pragma(const std::string& level) {
  if (level == "NORMAL" || level == "FULL") return "PRAGMA synchronous = " + level;
  throw std::runtime_error("store.synchronous must be NORMAL or FULL, not '" + level + "'");
}

}  // namespace

Database::Database(const DatabaseOptions& options)
    : db_(std::make_unique<SQLite::Database>(options.path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE)) {
  db_->setBusyTimeout(kBusyTimeoutMs);
  db_->exec("PRAGMA foreign_keys = ON");
  // WAL lets readers and the checkpointer work beside the one writer; an in-memory database
  // answers "memory" and needs none of it.
  db_->exec("PRAGMA journal_mode = WAL");
  db_->exec(synchronous_pragma(options.synchronous));
  if (options.manual_checkpoints) db_->exec("PRAGMA wal_autocheckpoint = 0");
  apply_migrations(*db_, all_migrations());
}

Database::~Database() = default;

int Database::schema_version() {
  return db_->execAndGet("PRAGMA user_version").getInt();
}

int Database::latest_schema_version() {
  return all_migrations().back().version;
}

void Database::checkpoint() {
  db_->exec("PRAGMA wal_checkpoint(PASSIVE)");
}

SQLite::Database& Database::raw() {
  return *db_;
}

Transaction::Transaction(Database& db) : db_(db) {
  // IMMEDIATE takes the write lock at once, so a batch never fails halfway on a lock upgrade.
  db_.raw().exec("BEGIN IMMEDIATE");
}

Transaction::~Transaction() {
  if (done_) return;
  try {
    db_.raw().exec("ROLLBACK");
  } catch (...) {
    // A destructor must not throw; SQLite has already rolled back if ROLLBACK itself fails.
  }
}

void Transaction::commit() {
  db_.raw().exec("COMMIT");
  done_ = true;
}

namespace {
constexpr const char* kSavepoint = "SAVEPOINT event";
constexpr const char* kRelease = "RELEASE event";
constexpr const char* kRollbackTo = "ROLLBACK TO event";
}  // namespace

Savepoint::Savepoint(Database& db) : db_(db) {
  db_.raw().exec(kSavepoint);
}

Savepoint::~Savepoint() {
  if (done_) return;
  try {
    // ROLLBACK TO undoes the changes but keeps the savepoint open; RELEASE then closes it.
    db_.raw().exec(kRollbackTo);
    db_.raw().exec(kRelease);
  } catch (...) {
    // Nothing sensible is left to do in a destructor; the enclosing transaction will fail to commit.
  }
}

void Savepoint::release() {
  db_.raw().exec(kRelease);
  done_ = true;
}

}  // namespace whistle::store
