#include "store/retention.hpp"

#include <gtest/gtest.h>

#include "store/database.hpp"
#include "store/inbox.hpp"
#include "store/outbox.hpp"
#include "tests/store/store_test_support.hpp"

namespace whistle::store {
namespace {

constexpr std::int64_t kDay = 86400;

class RetentionTest : public ::testing::Test {
 protected:
  Database db{DatabaseOptions{.path = ":memory:"}};
  Inbox inbox{db};
  Outbox outbox{db};
  void SetUp() override { testing::add_small_org(db); }

  std::int64_t count(const char* table) {
    return db.raw().execAndGet(std::string("SELECT COUNT(*) FROM ") + table).getInt64();
  }
};

TEST_F(RetentionTest, RowsOlderThanTheWindowGoAndNewerOnesStay) {
  inbox.record("generic:default:m-1", 1 * kDay, "a");
  inbox.record("generic:default:m-2", 2 * kDay, "b");
  inbox.record("generic:default:m-3", 10 * kDay, "c");
  const std::int64_t sent = outbox.enqueue("generic:b3u1", "old", {}, 1 * kDay);
  outbox.mark_sent(sent, 1 * kDay + 5);
  const std::int64_t dead = outbox.enqueue("generic:b3u1", "refused", {}, 2 * kDay);
  outbox.mark_dead(dead, 2 * kDay + 5, "400");
  const std::int64_t recent = outbox.enqueue("generic:b3u1", "new", {}, 10 * kDay);
  outbox.mark_sent(recent, 10 * kDay + 5);

  const PrunedRows pruned = prune_before(db, 5 * kDay, 100);
  EXPECT_EQ(pruned.inbox, 2);
  EXPECT_EQ(pruned.outbox, 2);
  EXPECT_FALSE(pruned.more);
  EXPECT_EQ(count("inbox"), 1);
  EXPECT_EQ(count("outbox"), 1);
  // An event received since is still recognised when it comes again.
  EXPECT_EQ(inbox.record("generic:default:m-3", 11 * kDay, "c"), Delivery::redelivery);
}

// A message still waiting to be sent stays, and so does everything after it: the pass stops there.
TEST_F(RetentionTest, AMessageStillWaitingStopsThePass) {
  const std::int64_t first = outbox.enqueue("generic:b3u1", "sent", {}, kDay);
  outbox.mark_sent(first, kDay);
  const std::int64_t waiting = outbox.enqueue("generic:b3u2", "waiting", {}, kDay);
  const std::int64_t after = outbox.enqueue("generic:b3u1", "sent later", {}, kDay);
  outbox.mark_sent(after, kDay);
  EXPECT_EQ(prune_before(db, 5 * kDay, 100).outbox, 1);
  EXPECT_EQ(count("outbox"), 2);
  outbox.mark_sent(waiting, 2 * kDay);
  EXPECT_EQ(prune_before(db, 5 * kDay, 100).outbox, 2);
  // A deleted id is never given again: a receiver's dedupe by X-Whistle-Delivery stays true.
  EXPECT_GT(outbox.enqueue("generic:b3u1", "next", {}, 6 * kDay), after);
}

TEST_F(RetentionTest, APassDeletesAtMostItsLimitAndSaysMoreIsLeft) {
  for (int i = 0; i < 5; ++i)
    inbox.record("generic:default:m-" + std::to_string(i), kDay + i, "x");
  const PrunedRows first = prune_before(db, 5 * kDay, 3);
  EXPECT_EQ(first.inbox, 3);
  EXPECT_TRUE(first.more);
  const PrunedRows second = prune_before(db, 5 * kDay, 3);
  EXPECT_EQ(second.inbox, 2);
  EXPECT_FALSE(second.more);
  EXPECT_EQ(count("inbox"), 0);
}

}  // namespace
}  // namespace whistle::store
