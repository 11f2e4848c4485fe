#pragma once

#include <chrono>
#include <string>

namespace whistle::store {

/// Keeps a second writing process (`whistle serve`, `sim --db`, `chat`) off a database file this
/// one writes. The writer's hot state and the outbox's claims live in one process's memory: two
/// servers on one file both sent the same outbox rows (an exploratory run: 4 of 7 notices went out
/// twice). An exclusive `flock` on "<database>.lock" beside the file, held for the object's life;
/// the kernel lets go of it when the process ends, even by SIGKILL, so a crash leaves nothing to
/// clean up. A separate file, because SQLite's own POSIX locks on the database file are dropped by
/// any close() of it in this process. Readers (`check`, `report`, `verify-ledger`, the board) take
/// no lock.
class WriterLock {
 public:
  /// Takes the lock on `database_path` (nothing for ":memory:"), waiting up to `patience` for a
  /// process that is ending (a supervisor's restart may overlap the old process's drain, up to
  /// `drain_timeout`, 5 s by default, and its last moments).
  /// Throws std::runtime_error naming the lock file and the process that holds it.
  static WriterLock take(const std::string& database_path,
                         std::chrono::milliseconds patience = std::chrono::seconds(15));

  WriterLock(WriterLock&& other) noexcept;
  WriterLock& operator=(WriterLock&&) = delete;
  WriterLock(const WriterLock&) = delete;
  WriterLock& operator=(const WriterLock&) = delete;
  ~WriterLock();

 private:
  explicit WriterLock(int fd) : fd_(fd) {}
  int fd_ = -1;
};

}  // namespace whistle::store
