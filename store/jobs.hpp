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
};

/// Due rows that survive restarts; the scheduler fires them through the writer.
class Jobs {
 public:
  explicit Jobs(Database& db);
  ~Jobs();

  /// Schedules a job; returns its id.
  std::int64_t schedule(const std::string& kind, const std::string& community, std::int64_t due_at,
                        const std::string& payload);

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
