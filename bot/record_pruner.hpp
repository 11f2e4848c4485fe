#pragma once

#include <cstdint>
#include <memory>

namespace spdlog {
class logger;
}

namespace whistle::store {
class Database;
}

namespace whistle::bot {

/// Keeps the inbox and the outbox to `[store] keep_days` (docs/robustness.md, "How long the event
/// path's records are kept"): a pass of store::prune_before on the writer, in its own short
/// transaction, at the start and then every few hours; a minute apart while a backlog is left.
class RecordPruner {
 public:
  /// `keep_seconds` 0 keeps everything. Uses `db` only on the writer.
  RecordPruner(store::Database& db, std::int64_t keep_seconds);

  /// Runs a pass when one is due at `now`; on the writer, between batches.
  void run_if_due(std::int64_t now);

  /// The most rows of each table one pass reads and deletes: what bounds how long a pass holds the
  /// writer (not measured; a backlog is worked off a minute apart rather than in one long pass).
  static constexpr std::int64_t kRowsAPass = 2000;
  /// Between passes once nothing old is left.
  static constexpr std::int64_t kBetweenPasses = 6 * 3600;
  /// Between passes while a backlog is left (a database older than the setting, say).
  static constexpr std::int64_t kWhileBehind = 60;

 private:
  store::Database& db_;
  std::int64_t keep_seconds_;
  std::int64_t next_at_ = 0;
  std::shared_ptr<spdlog::logger> log_;
};

}  // namespace whistle::bot
