#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace whistle::store {

class Database;

/// Something that must happen at a time: a reminder, a deadline, an escalation, a publication.
struct Job {
  std::int64_t id = 0;
  std::string kind;  ///< "task_reminder", ...
  std::string community;
  std::int64_t due_at = 0;  ///< Unix seconds
  std::string payload;      ///< kind-specific, e.g. a task id
  int attempts = 0;         ///< failed runs so far
};

/// What became of a job that failed: tried again later, or set aside for good.
enum class JobFailure { retried, dead };

/// Due rows that survive restarts; the scheduler fires them through the writer.
class Jobs {
 public:
  explicit Jobs(Database& db);
  ~Jobs();

  /// Schedules a job; returns its id.
  std::int64_t schedule(const std::string& kind, const std::string& community, std::int64_t due_at,
                        const std::string& payload);

  /// Schedules a job at most once: while an undone job of this kind and payload exists, nothing
  /// is added (one deadline job per ticket and stage). Returns whether it was added.
  bool schedule_once(const std::string& kind, const std::string& community, std::int64_t due_at,
                     const std::string& payload);

  /// A run of the job failed (its effects were rolled back): it is tried again at `retry_at`, or
  /// set aside as dead after `max_attempts` failures, with the error kept for whoever looks.
  JobFailure record_failure(std::int64_t id, std::int64_t now, std::int64_t retry_at, int max_attempts,
                            const std::string& error);

  /// How many jobs were set aside as dead, all time (for /metrics).
  std::int64_t dead_count();

  /// Jobs due at or before `now` and not yet done, earliest first, at most `limit`.
  std::vector<Job> due(std::int64_t now, std::size_t limit);

  /// Marks a job done (in the transaction that carried out its effects), so it never fires twice.
  void complete(std::int64_t id, std::int64_t at);

  /// Whether an undone job of this kind and payload is waiting (a chain of monthly jobs has its next).
  bool pending(const std::string& kind, const std::string& payload);

  /// Drops the undone jobs of this kind and payload (a cancelled task's reminder).
  void cancel(const std::string& kind, const std::string& payload);

  /// When the next undone job falls due; empty when none is scheduled.
  std::optional<std::int64_t> next_due();

 private:
  struct Statements;
  std::unique_ptr<Statements> statements_;
};

}  // namespace whistle::store
