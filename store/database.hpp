#pragma once

#include <cstddef>
#include <cstdint>
#include <exception>
#include <memory>
#include <optional>
#include <string>

namespace SQLite {
class Database;
class Statement;
}  // namespace SQLite

namespace whistle::store {

struct HotState;

/// How much the writer's hot state holds before a part of it is forgotten and read again on use
/// (docs/hot_state.md). The defaults keep it near 20 MB; tests shrink them so that parts are
/// forgotten between batches while others stay.
struct HotStateBounds {
  /// People, and the roles of as many (a storm of new volunteers adds a person and a role an
  /// event: ~300 bytes with their signup).
  std::size_t people = 50'000;
  /// Tasks' rows, and apart from them the (community, number) pairs that point to tasks.
  std::size_t tasks = 10'000;
  /// The chats' lists of open tasks, in tasks listed (~120 bytes each with its title): ~12 MB.
  std::size_t open_listed = 100'000;
  /// Tasks whose signups are known.
  std::size_t signup_tasks = 2'000;
  /// The chats that spoke, with their nodes: a district (1k-10k groups) stays whole, while a storm
  /// over 100k groups cannot hold every chat's node (~400 bytes a chat with its open tasks).
  std::size_t chats = 20'000;
  /// (job kind, payload) pairs asked about: about one per community, bounded all the same.
  std::size_t pending_jobs = 10'000;
  /// Hashes of (chat, person) pairs added to those read of the kept questions (~10-20 bytes
  /// each): questions kept since, and their rows deleted since.
  std::size_t report_offer_keys = 100'000;
};

/// How a database file is opened.
struct DatabaseOptions {
  std::string path = "whistle.db";  ///< a file, or ":memory:" for tests
  /// "NORMAL" survives a killed process; "FULL" also survives a power loss.
  std::string synchronous = "NORMAL";
  /// Leave WAL checkpoints to a helper connection (see Checkpointer) instead of the committing
  /// call, so a commit never waits for a checkpoint's fsync.
  bool manual_checkpoints = false;
  /// How long a statement waits for another connection's lock (the checkpointer, a second
  /// process) before failing with SQLITE_BUSY.
  int busy_timeout_ms = 5000;
  /// A reader's connection (the public board, exports): opened SQLITE_OPEN_READONLY with
  /// `PRAGMA query_only`, never created nor migrated; the file must already have the newest schema.
  bool read_only = false;
  HotStateBounds hot_state_bounds = {};
};

/// One SQLite connection in WAL mode with foreign keys on, migrated to the newest schema on open.
/// Not thread-safe: one thread (or strand) uses it at a time.
class Database {
 public:
  /// Opens (creating if needed) and migrates in one transaction; throws std::runtime_error.
  explicit Database(const DatabaseOptions& options);
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  /// The schema version now in the file (PRAGMA user_version).
  int schema_version();

  /// The newest schema version this build knows.
  static int latest_schema_version();

  /// What a checkpoint saw, in WAL frames (pages).
  struct CheckpointResult {
    long long wal_frames = 0;     ///< frames in the WAL
    long long copied_frames = 0;  ///< of those, now in the database file
  };

  /// Copies committed WAL pages into the database file without blocking the writer (PASSIVE).
  CheckpointResult checkpoint();

  /// Copies the rest of the WAL and starts it again from its beginning (RESTART): writes then reuse
  /// the file's pages instead of growing it. Blocks the writer while it copies, so call it right
  /// after a checkpoint() left little to copy.
  CheckpointResult restart_wal();

  /// Flushes the database file's written pages to the disk (fdatasync) through SQLite's own
  /// handle, taking no lock: the pages a checkpoint copied, before a restart_wal() that would
  /// otherwise sync them while it holds the writer back. Throws std::runtime_error on failure.
  void sync_database_file();

  /// The raw connection, for code inside store/ only (repositories); nothing above store/ calls it.
  SQLite::Database& raw();

  /// For a bulk write that touches each page once (the start-up org sync: a 100k-node org would
  /// fill the whole 32 MiB cache, at the moment the parsed config is also in memory): the page
  /// cache held to SQLite's default 2 MiB, dirty pages spilling to the WAL; `false` gives the full
  /// cache back. Then release_cache() frees what the bulk write left in it.
  void use_small_cache(bool small);

  /// Frees the page cache's pages that no statement holds; the cache fills again with what is read.
  void release_cache();

  /// What the writer keeps in memory beside this connection (docs/hot_state.md), for the
  /// repositories inside store/ only. Outside a transaction, another connection's write since the
  /// last look drops it first; inside one, that was checked at BEGIN. A repository looks it up once,
  /// before the statement whose result it records there.
  HotState& hot();

  /// Forgets the hot state; it reloads from SQLite on next use. For writes that bypass the
  /// repositories that keep it (a repair, a test's raw SQL). Rollbacks and failed commits do this
  /// on their own.
  void drop_hot_state();

  /// How often a job was scheduled or put off through this connection (store::Jobs counts them),
  /// rolled back or not, or another connection's commit was seen (it may have scheduled one). The
  /// scheduler reads the next due time again only when this moved: most batches schedule nothing,
  /// and that read after every batch was ~2% of the writer at half load.
  std::uint64_t job_writes() const { return job_writes_; }
  void count_job_write() { ++job_writes_; }

 private:
  friend class Transaction;
  friend class Savepoint;
  friend class ReadSnapshot;
  /// BEGIN, COMMIT, SAVEPOINT and the rest, prepared once: every event opens and releases a
  /// savepoint, and compiling those few words each time was a measurable part of an event.
  struct Control;
  enum class Step { begin, commit, rollback, savepoint, release, rollback_to };
  void run(Step step);
  /// Runs COMMIT. A write left stepping (a RETURNING read for its first row) makes SQLite refuse it
  /// at once with SQLITE_BUSY and keep the transaction open: then every statement is reset and
  /// COMMIT runs once more, so the slip costs a walk, not the batch.
  void exec_commit(SQLite::Statement& commit);
  /// Resets every statement still stepping (a SELECT read for its first row and left): until
  /// reset, it holds the read snapshot of its time, and no checkpoint can copy past that
  /// snapshot, so the WAL would grow without end.
  void release_snapshots();
  /// Drops the hot state when another connection (a CLI command, another process) committed since
  /// this connection last looked: PRAGMA data_version moves only for other connections' commits.
  void check_data_version();

  std::unique_ptr<SQLite::Database> db_;
  std::unique_ptr<Control> control_;  ///< made on first use, after the migrations
  std::unique_ptr<HotState> hot_;
  std::optional<std::int64_t> data_version_;  ///< as last seen; empty before the first look
  int busy_timeout_ms_;                       ///< DatabaseOptions::busy_timeout_ms
  int busy_limit_ms_;                         ///< the wait now in force (shorter during a WAL restart)
  std::uint64_t job_writes_ = 0;
};

/// Whether `error` is the storage failing rather than the data being wrong: the disk is full,
/// the file is read-only or unreadable, the database is locked or corrupt, memory ran out. Such an
/// event is not at fault and must not be answered as if it were: the whole batch fails with 503
/// and the platform redelivers once the cause is gone.
bool is_storage_failure(const std::exception& error);

/// " (the directory '…' does not exist)" when the directory of `path` is missing, else "": all SQLite
/// and open() say of it is that the file cannot be opened.
std::string missing_directory_note(const std::string& path);

/// One consistent snapshot for a reader: a deferred transaction (BEGIN … COMMIT) whose reads all
/// see the same committed state, ended on destruction. Never writes, never takes the write lock.
class ReadSnapshot {
 public:
  /// Begins; throws std::runtime_error (SQLite) when the database cannot be read.
  explicit ReadSnapshot(Database& db);
  ~ReadSnapshot();
  ReadSnapshot(const ReadSnapshot&) = delete;
  ReadSnapshot& operator=(const ReadSnapshot&) = delete;

 private:
  Database& db_;
};

/// A transaction that rolls back unless committed; throws std::runtime_error on SQL failure.
class Transaction {
 public:
  explicit Transaction(Database& db);
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  /// Makes every change since the start durable (per the synchronous setting).
  void commit();

 private:
  Database& db_;
  bool done_ = false;
};

/// A nested savepoint inside a transaction, so one failing event can be undone alone while the
/// rest of its batch commits. Rolls back to where it started unless released.
class Savepoint {
 public:
  explicit Savepoint(Database& db);
  ~Savepoint();
  Savepoint(const Savepoint&) = delete;
  Savepoint& operator=(const Savepoint&) = delete;
  /// Keeps the changes made since the savepoint (they commit with the enclosing transaction).
  void release();

 private:
  Database& db_;
  bool done_ = false;
};

}  // namespace whistle::store
