#include "store/checkpointer.hpp"

#include <pthread.h>

#include <stdexcept>
#include <utility>

#include "store/database.hpp"

namespace whistle::store {

namespace {
// Rounds of "flush the database file, copy what the writer added meanwhile" before a RESTART.
// Each round shortens what is left for the RESTART; two brought it from ~10 ms to ~2.6 ms, one
// to ~3.8 ms (bench/README.md).
constexpr int kCatchUpRounds = 2;

// A RESTART holds SQLite's write lock from start to end, so every commit waits for it. Its slow
// part was the fsync of the database file: a PASSIVE checkpoint that does not catch up with the
// writer copies pages into the file but leaves them unsynced, so the RESTART flushed every page
// copied since the last one (~16 MiB, 5-8 ms on this disk) while the writer waited. Flushing
// them first, without any lock (the writer goes on committing meanwhile), and copying what came
// meanwhile leaves the RESTART only the last milliseconds' pages to copy and sync.
void restart_wal_briefly(Database& db) {
  db.sync_database_file();
  for (int round = 0; round < kCatchUpRounds; ++round) {
    db.checkpoint();
    db.sync_database_file();
  }
  db.restart_wal();
}
}  // namespace

Checkpointer::Checkpointer(const std::string& path, std::chrono::milliseconds interval,
                           long long restart_frames, std::function<void(const CheckpointRound&)> observer)
    : interval_(interval), restart_frames_(restart_frames), observer_(std::move(observer)) {
  thread_ = std::thread(&Checkpointer::run, this, path);
  // Report a file that cannot be opened to the caller, not as a silent dead thread.
  std::unique_lock lock(mutex_);
  wake_.wait(lock, [this] { return opened_ || !open_error_.empty(); });
  if (!open_error_.empty()) {
    lock.unlock();
    thread_.join();
    throw std::runtime_error("checkpointer: " + open_error_);
  }
}

Checkpointer::~Checkpointer() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

long long Checkpointer::runs() const {
  std::lock_guard lock(mutex_);
  return runs_;
}

void Checkpointer::run(std::string path) {
  // Named for `top -H` and bench/run.py, which tell the server's threads apart by name.
  pthread_setname_np(pthread_self(), "whistle-ckpt");
  std::unique_ptr<Database> db;
  try {
    db = std::make_unique<Database>(DatabaseOptions{.path = path, .manual_checkpoints = true});
  } catch (const std::exception& error) {
    std::lock_guard lock(mutex_);
    open_error_ = error.what();
    wake_.notify_all();
    return;
  }
  {
    std::lock_guard lock(mutex_);
    opened_ = true;
  }
  wake_.notify_all();

  std::unique_lock lock(mutex_);
  for (;;) {
    const bool stopping = wake_.wait_for(lock, interval_, [this] { return stopping_; });
    lock.unlock();
    try {
      // PASSIVE never blocks the writer; it copies what it can and leaves the rest for next time.
      // Under a steady stream of commits it never copies everything, and SQLite starts the WAL
      // over only when everything was copied: the file would grow without end (a GB a minute
      // in the storm benchmark), and writing ever new pages costs the kernel more than
      // rewriting old ones. So once the WAL is large, a RESTART copies the little that PASSIVE
      // left and starts it over, holding the writer back for only that long.
      CheckpointRound round;
      const auto started = std::chrono::steady_clock::now();
      const Database::CheckpointResult passive = db->checkpoint();
      if (passive.wal_frames >= restart_frames_) {
        restart_wal_briefly(*db);
        round.restarted = true;
      }
      round.took = std::chrono::steady_clock::now() - started;
      if (observer_) observer_(round);
    } catch (const std::exception&) {
      // A busy or failing checkpoint is retried on the next round; the WAL stays valid meanwhile.
    }
    lock.lock();
    ++runs_;
    if (stopping) return;
  }
}

}  // namespace whistle::store
