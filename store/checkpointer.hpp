#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <string>
#include <thread>

namespace whistle::store {

/// What one round of the checkpointer did.
struct CheckpointRound {
  std::chrono::steady_clock::duration took{};  ///< the whole round: its fsyncs, copies and any RESTART
  bool restarted = false;                      ///< the WAL was started over (a RESTART ran)
};

/// Copies the WAL into the database file from a helper thread with its own connection, so no
/// commit on the writer's thread ever waits for a checkpoint's fsync (performance.md: this is what
/// keeps p99 low). Open the writer's Database with `manual_checkpoints = true` beside it.
class Checkpointer {
 public:
  /// The WAL's size, in frames, past which a round starts it over (see the constructor).
  static constexpr long long kRestartFrames = 16384;
  /// How often a round runs unless told otherwise (see the constructor).
  static constexpr std::chrono::milliseconds kInterval{1000};

  /// Starts the thread; it opens `path` itself (after the writer has created and migrated it).
  /// Throws std::runtime_error if the file cannot be opened.
  /// Every `interval` a PASSIVE checkpoint copies what the WAL holds: the last version of each page
  /// written since, once. A second rather than 200 ms (and 50 before that): a page written again and
  /// again within the second is copied, and the WAL synced, once. With platform ids, which scatter
  /// a new volunteer's rows over the indexes' leaves, the same leaves come back within a second but
  /// rarely within 200 ms: the checkpointer's CPU fell by ~40% and the judge's storm with random
  /// ids went 15–30% faster (bench/README.md). The price: a power loss under `synchronous = NORMAL`
  /// may lose about a second of commits rather than a fifth (until a round syncs the WAL, a commit
  /// may be only in the kernel's cache), and the WAL may pass `restart_frames` by a second's writes.
  ///
  /// Past `restart_frames` the WAL is started over (RESTART). 16,384 pages of 4 KiB: 64 MiB of WAL,
  /// about a second of the storm at saturation. Each RESTART holds the writer back for a few
  /// milliseconds however large the WAL (the catch-up rounds before it leave it only the last
  /// pages); at 4,096 frames the writer waited out four a second.
  ///
  /// `observer`, when given, hears of every round on the checkpointer's thread (bot/metrics: the
  /// requests that arrive during a round are the slowest at half load, bench/README.md).
  Checkpointer(const std::string& path, std::chrono::milliseconds interval = kInterval,
               long long restart_frames = kRestartFrames,
               std::function<void(const CheckpointRound&)> observer = {});

  /// Stops the thread after a last checkpoint.
  ~Checkpointer();

  Checkpointer(const Checkpointer&) = delete;
  Checkpointer& operator=(const Checkpointer&) = delete;

  /// How many checkpoints have run (for tests).
  long long runs() const;

 private:
  void run(std::string path);

  std::chrono::milliseconds interval_;
  long long restart_frames_;
  std::function<void(const CheckpointRound&)> observer_;
  mutable std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  long long runs_ = 0;
  std::string open_error_;
  bool opened_ = false;
  std::thread thread_;
};

}  // namespace whistle::store
