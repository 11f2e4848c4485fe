#include "bot/record_pruner.hpp"

#include <exception>

#include <spdlog/logger.h>

#include "bot/logging.hpp"
#include "store/database.hpp"
#include "store/retention.hpp"

namespace whistle::bot {

namespace {

// After a failed pass (a full disk, say), try again later rather than on every look.
constexpr std::int64_t kAfterFailure = 600;

}  // namespace

RecordPruner::RecordPruner(store::Database& db, std::int64_t keep_seconds)
    : db_(db), keep_seconds_(keep_seconds), log_(named_logger("pipeline")) {}

void RecordPruner::run_if_due(std::int64_t now) {
  if (keep_seconds_ <= 0 || now < next_at_) return;
  try {
    store::Transaction transaction(db_);
    const store::PrunedRows pruned = store::prune_before(db_, now - keep_seconds_, kRowsAPass);
    transaction.commit();
    if (pruned.inbox > 0 || pruned.outbox > 0)
      log_->info("pruned records older than the keep window inbox={} outbox={} more={}", pruned.inbox,
                 pruned.outbox, pruned.more);
    next_at_ = now + (pruned.more ? kWhileBehind : kBetweenPasses);
  } catch (const std::exception& error) {
    log_->error("pruning old records failed error={}", error.what());
    next_at_ = now + kAfterFailure;
  }
}

}  // namespace whistle::bot
