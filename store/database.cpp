#include "store/database.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Exception.h>
#include <SQLiteCpp/Statement.h>
#include <sqlite3.h>

#include <chrono>
#include <filesystem>
#include <mutex>
#include <stdexcept>
#include <string>
#include <thread>

#include "store/empty_schema_copy.hpp"
#include "store/hot_state.hpp"
#include "store/migrations.hpp"
#include "store/page_cache.hpp"
#include "store/wal_write_batching.hpp"

namespace whistle::store {

namespace {

// Page cache per connection, in KiB (the figure RSS grows by under load).
constexpr int kCacheKiB = 32 * 1024;
// SQLite's default, for a bulk write that reads each page once (use_small_cache).
constexpr int kBulkCacheKiB = 2 * 1024;
// How long a WAL restart may wait for the writer's batch and for readers.
constexpr int kRestartWaitMs = 20;

// SQLite's own busy timeout sleeps 1, 2, 5, 10, 15, 20 ms… between tries, so a lock held for a
// fraction of a millisecond (a WAL restart) could cost the writer 18 ms. Trying again every
// 100 µs keeps the wait close to how long the lock was really held.
constexpr auto kBusyRetry = std::chrono::microseconds(100);

int retry_while_busy(void* limit_ms, int tries) {
  const auto waited = kBusyRetry * tries;
  if (waited >= std::chrono::milliseconds(*static_cast<const int*>(limit_ms))) return 0;
  std::this_thread::sleep_for(kBusyRetry);
  return 1;
}

std::string synchronous_pragma(const std::string& level) {
  if (level == "NORMAL" || level == "FULL") return "PRAGMA synchronous = " + level;
  throw std::runtime_error("store.synchronous must be NORMAL or FULL, not '" + level + "'");
}

}  // namespace

std::string missing_directory_note(const std::string& path) {
  const std::filesystem::path directory = std::filesystem::path(path).parent_path();
  std::error_code ignored;
  if (directory.empty() || std::filesystem::exists(directory, ignored)) return "";
  return " (the directory '" + directory.string() + "' does not exist)";
}

bool is_storage_failure(const std::exception& error) {
  const auto* sqlite = dynamic_cast<const SQLite::Exception*>(&error);
  if (sqlite == nullptr) return false;
  switch (sqlite->getErrorCode() & 0xff) {  // the primary code of an extended one
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
    case SQLITE_NOMEM:
    case SQLITE_READONLY:
    case SQLITE_IOERR:
    case SQLITE_CORRUPT:
    case SQLITE_FULL:
    case SQLITE_CANTOPEN:
    case SQLITE_PROTOCOL:
    case SQLITE_NOTADB:
      return true;
    default:
      return false;
  }
}

namespace {

// Only possible before SQLite's first use in the process; later SQLite refuses and nothing changes.
// - Debian's SQLite counts every allocation under a global mutex (for sqlite3_memory_used, which
//   nothing here reads): 3.5% of the writer's time in whistle-bench-growth.
// - The page cache that skips truncations with nothing to drop (store/page_cache.hpp).
void configure_sqlite_once() {
  static std::once_flag once;
  std::call_once(once, [] {
    sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    install_page_cache();
  });
}

// SQLite's own message ("unable to open database file") does not say which file.
std::unique_ptr<SQLite::Database> open_file(const std::string& path, bool read_only) {
  configure_sqlite_once();
  // NOMUTEX: a connection is used by one thread at a time (the class's contract; the hot state
  // beside it holds no lock either), so SQLite's own lock on every call buys nothing.
  const int mode = read_only ? SQLite::OPEN_READONLY : SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE;
  try {
    // A read-write connection hands each commit's WAL frames to the kernel in one write.
    const std::string vfs = read_only ? "" : wal_write_batching_vfs();
    return std::make_unique<SQLite::Database>(path, mode | SQLite::OPEN_NOMUTEX, 0, vfs);
  } catch (const SQLite::Exception& error) {
    throw std::runtime_error("cannot open the database '" + path + "': " + error.what() +
                             missing_directory_note(path));
  }
}

}  // namespace

Database::Database(const DatabaseOptions& options)
    : db_(open_file(options.path, options.read_only)),
      hot_(std::make_unique<HotState>(options.hot_state_bounds)),
      busy_timeout_ms_(options.busy_timeout_ms),
      busy_limit_ms_(options.busy_timeout_ms) {
  sqlite3_busy_handler(db_->getHandle(), retry_while_busy, &busy_limit_ms_);
  if (options.read_only) {
    // A reader never changes the file, not even by mistake: query_only refuses any write, and the
    // schema is the writer's business (it migrated before the reader opened).
    db_->exec("PRAGMA query_only = 1");
    db_->exec("PRAGMA cache_size = -" + std::to_string(kCacheKiB));
    const int version = db_->execAndGet("PRAGMA user_version").getInt();
    if (version != latest_schema_version()) {
      throw std::runtime_error("the database '" + options.path + "' has schema version " +
                               std::to_string(version) + ", not " + std::to_string(latest_schema_version()) +
                               ": open it read-write once to migrate it");
    }
    return;
  }
  // Before any pragma: the copy replaces the connection's database (store/empty_schema_copy.hpp).
  if (options.path == ":memory:") copy_empty_schema_into(*db_);
  db_->exec("PRAGMA foreign_keys = ON");
  // WAL lets readers and the checkpointer work beside the one writer; an in-memory database
  // answers "memory" and needs none of it.
  db_->exec("PRAGMA journal_mode = WAL");
  db_->exec(synchronous_pragma(options.synchronous));
  // SQLite's default page cache is 2 MiB; a community's hot pages (inbox, signups, people and
  // their indexes) outgrow it within minutes of a storm, and every miss is a pread system call.
  db_->exec("PRAGMA cache_size = -" + std::to_string(kCacheKiB));
  if (options.manual_checkpoints) db_->exec("PRAGMA wal_autocheckpoint = 0");
  apply_migrations(*db_, all_migrations());
}

struct Database::Control {
  SQLite::Statement begin, commit, rollback, savepoint, release, rollback_to, data_version;
  explicit Control(SQLite::Database& db)
      // IMMEDIATE takes the write lock at once, so a batch never fails halfway on a lock upgrade.
      : begin(db, "BEGIN IMMEDIATE"),
        commit(db, "COMMIT"),
        rollback(db, "ROLLBACK"),
        savepoint(db, "SAVEPOINT event"),
        release(db, "RELEASE event"),
        rollback_to(db, "ROLLBACK TO event"),
        data_version(db, "PRAGMA data_version") {}

  SQLite::Statement& of(Step step) {
    switch (step) {
      case Step::begin:
        return begin;
      case Step::commit:
        return commit;
      case Step::rollback:
        return rollback;
      case Step::savepoint:
        return savepoint;
      case Step::release:
        return release;
      case Step::rollback_to:
        return rollback_to;
    }
    return rollback;
  }
};

Database::~Database() = default;

void Database::run(Step step) {
  if (!control_) control_ = std::make_unique<Control>(*db_);
  SQLite::Statement& statement = control_->of(step);
  // Undone writes may already be in the hot state: it goes before the rollback runs, whether or
  // not the rollback itself succeeds (SQLite may have rolled back on its own already). The drop
  // never throws, so the rollback always runs.
  if (step == Step::rollback || step == Step::rollback_to) hot_->drop();
  // A savepoint outside any transaction opens one: the first look at the file in it.
  const bool opens_transaction =
      step == Step::begin || (step == Step::savepoint && sqlite3_get_autocommit(db_->getHandle()) != 0);
  // tryReset, not reset: reset() reports the statement's previous failure again, so one failed
  // COMMIT would fail every later COMMIT (and a failed ROLLBACK leave the transaction open).
  statement.tryReset();
  try {
    if (step == Step::commit) {
      exec_commit(statement);
    } else {
      statement.exec();
    }
  } catch (...) {
    // A failed COMMIT may leave nothing of the batch on disk: memory must not keep it either.
    if (step == Step::commit) hot_->drop();
    throw;
  }
  // After BEGIN IMMEDIATE the write lock is held to the end of the transaction, so one look covers
  // it all. A savepoint opens a deferred transaction instead: this read fixes its snapshot, and a
  // later write from it fails (SQLITE_BUSY_SNAPSHOT) rather than act on what another connection changed.
  if (!opens_transaction) return;
  try {
    check_data_version();
    if (step == Step::begin) hot_->trim();
  } catch (...) {
    // The transaction is open but its Transaction (or Savepoint) was never made: its constructor is
    // what fails now, so no destructor would roll back, and every later BEGIN would be refused
    // ("cannot start a transaction within a transaction") until a restart.
    hot_->drop();
    sqlite3_exec(db_->getHandle(), "ROLLBACK", nullptr, nullptr, nullptr);
    throw;
  }
}

void Database::exec_commit(SQLite::Statement& commit) {
  try {
    commit.exec();
  } catch (const SQLite::Exception& error) {
    // The repositories reset what they step, so this is a safety net, not the way through.
    if ((error.getErrorCode() & 0xff) != SQLITE_BUSY || sqlite3_get_autocommit(db_->getHandle()) != 0) throw;
    release_snapshots();
    commit.tryReset();
    commit.exec();
  }
}

void Database::check_data_version() {
  if (!control_) control_ = std::make_unique<Control>(*db_);
  SQLite::Statement& statement = control_->data_version;
  statement.tryReset();
  statement.executeStep();
  const std::int64_t version = statement.getColumn(0).getInt64();
  statement.tryReset();
  if (data_version_ && *data_version_ != version) {
    hot_->drop();
    // Another connection committed, and it may have scheduled a job (a CLI command beside the
    // server): the scheduler looks again after the next commit, as it did after every commit.
    count_job_write();
  }
  data_version_ = version;
}

HotState& Database::hot() {
  // Outside a transaction nothing else checked; inside one, BEGIN did and the lock holds since.
  if (sqlite3_get_autocommit(db_->getHandle()) != 0) check_data_version();
  return *hot_;
}

void Database::drop_hot_state() {
  hot_->drop();
}

int Database::schema_version() {
  return db_->execAndGet("PRAGMA user_version").getInt();
}

int Database::latest_schema_version() {
  return all_migrations().back().version;
}

namespace {

Database::CheckpointResult run_checkpoint(SQLite::Database& db, const char* pragma) {
  SQLite::Statement statement(db, pragma);
  Database::CheckpointResult result;
  if (statement.executeStep()) {
    result.wal_frames = statement.getColumn(1).getInt64();
    result.copied_frames = statement.getColumn(2).getInt64();
  }
  return result;
}

}  // namespace

Database::CheckpointResult Database::checkpoint() {
  return run_checkpoint(*db_, "PRAGMA wal_checkpoint(PASSIVE)");
}

Database::CheckpointResult Database::restart_wal() {
  // RESTART holds the write lock while it waits for readers; never make the writer wait long
  // for it. When it cannot finish in time it copies what it can, like PASSIVE.
  busy_limit_ms_ = kRestartWaitMs;
  try {
    const CheckpointResult result = run_checkpoint(*db_, "PRAGMA wal_checkpoint(RESTART)");
    busy_limit_ms_ = busy_timeout_ms_;
    return result;
  } catch (...) {
    busy_limit_ms_ = busy_timeout_ms_;
    throw;
  }
}

void Database::sync_database_file() {
  // SQLite's own handle, not a descriptor of ours: closing any descriptor of the file would drop
  // every POSIX lock this process holds on it, the other connections' included.
  sqlite3_file* file = nullptr;
  if (sqlite3_file_control(db_->getHandle(), "main", SQLITE_FCNTL_FILE_POINTER, &file) != SQLITE_OK ||
      file == nullptr || file->pMethods == nullptr) {
    throw std::runtime_error("the database file is not open");
  }
  if (const int rc = file->pMethods->xSync(file, SQLITE_SYNC_NORMAL); rc != SQLITE_OK) {
    throw std::runtime_error(std::string("cannot sync the database file: ") + sqlite3_errstr(rc));
  }
}

SQLite::Database& Database::raw() {
  return *db_;
}

void Database::use_small_cache(bool small) {
  db_->exec("PRAGMA cache_size = -" + std::to_string(small ? kBulkCacheKiB : kCacheKiB));
}

void Database::release_cache() {
  sqlite3_db_release_memory(db_->getHandle());
}

Transaction::Transaction(Database& db) : db_(db) {
  // A statement left stepping since the last transaction holds an old snapshot, and SQLite
  // refuses to start writing from an old snapshot (SQLITE_BUSY, at once) once a checkpoint
  // has restarted the WAL. Such a statement keeps the connection in a read transaction, so
  // when there is none (nearly always) no statement needs looking at: the walk over all of them
  // was ~1% of the writer at half load.
  if (sqlite3_txn_state(db_.db_->getHandle(), nullptr) != SQLITE_TXN_NONE) db_.release_snapshots();
  db_.run(Database::Step::begin);
}

Transaction::~Transaction() {
  if (done_) return;
  try {
    db_.run(Database::Step::rollback);
  } catch (...) {
    // A destructor must not throw; SQLite has already rolled back if ROLLBACK itself fails.
  }
  db_.release_snapshots();
}

void Transaction::commit() {
  db_.run(Database::Step::commit);
  done_ = true;
  // A read left stepping keeps this connection in a read transaction past COMMIT, on a snapshot
  // that would stop the checkpoints. The repositories reset what they step, so nearly always none
  // is left and the walk over every prepared statement (~200 of them, 4% of the writer at half
  // load when it ran at every commit) is not needed.
  if (sqlite3_txn_state(db_.db_->getHandle(), nullptr) != SQLITE_TXN_NONE) db_.release_snapshots();
}

void Database::release_snapshots() {
  sqlite3* handle = db_->getHandle();
  for (sqlite3_stmt* statement = sqlite3_next_stmt(handle, nullptr); statement != nullptr;
       statement = sqlite3_next_stmt(handle, statement)) {
    if (sqlite3_stmt_busy(statement) != 0) sqlite3_reset(statement);
  }
}

ReadSnapshot::ReadSnapshot(Database& db) : db_(db) {
  db_.release_snapshots();
  // Deferred: the snapshot is taken by the first read and held until the end, so every figure of
  // one page is of the same committed state, and no lock is taken that could delay the writer.
  db_.raw().exec("BEGIN DEFERRED");
  // The snapshot may be newer than what this connection's hot state was read from.
  db_.check_data_version();
  // The writer's connection trims at each BEGIN IMMEDIATE; a reader's never begins one, and the
  // board remembers every node id asked for, made-up ones included (public URLs): its bounds are
  // kept here instead.
  db_.hot_->trim();
}

ReadSnapshot::~ReadSnapshot() {
  db_.release_snapshots();
  try {
    db_.raw().exec("COMMIT");
  } catch (...) {
    // Nothing was written; a failed end of a read leaves nothing to undo.
  }
}

Savepoint::Savepoint(Database& db) : db_(db) {
  db_.run(Database::Step::savepoint);
}

Savepoint::~Savepoint() {
  if (done_) return;
  try {
    // ROLLBACK TO undoes the changes but keeps the savepoint open; RELEASE then closes it.
    db_.run(Database::Step::rollback_to);
    db_.run(Database::Step::release);
  } catch (...) {
    // Nothing sensible is left to do in a destructor; the enclosing transaction will fail to commit.
  }
}

void Savepoint::release() {
  db_.run(Database::Step::release);
  done_ = true;
}

}  // namespace whistle::store
