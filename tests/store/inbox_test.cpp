#include "store/inbox.hpp"

#include <SQLiteCpp/Database.h>
#include <gtest/gtest.h>

#include <SQLiteCpp/Statement.h>

#include <string>
#include <string_view>
#include <vector>

#include "store/database.hpp"
#include "store/statement_trace.hpp"

namespace whistle::store {
namespace {

TEST(Inbox, ASecondDeliveryOfTheSameEventIsARedelivery) {
  Database db(DatabaseOptions{.path = ":memory:"});
  Inbox inbox(db);
  EXPECT_EQ(inbox.record("generic:default:m-1", 100, "digest-a"), Delivery::first);
  EXPECT_EQ(inbox.record("generic:default:m-1", 200, "digest-a"), Delivery::redelivery);
  EXPECT_EQ(inbox.record("generic:other:m-1", 200, "digest-a"), Delivery::first)
      << "instances have separate ids";
}

TEST(Inbox, AnotherEventUnderASeenKeyIsAConflictAndChangesNothing) {
  Database db(DatabaseOptions{.path = ":memory:"});
  Inbox inbox(db);
  ASSERT_EQ(inbox.record("k", 1, "digest-a"), Delivery::first);
  EXPECT_EQ(inbox.record("k", 2, "digest-b"), Delivery::conflict);
  EXPECT_EQ(inbox.record("k", 3, "digest-a"), Delivery::redelivery) << "the first event's digest is kept";
}

TEST(Inbox, DigestsAreComparedAsBytes) {
  Database db(DatabaseOptions{.path = ":memory:"});
  Inbox inbox(db);
  const std::string with_zero("a\0b", 3);
  ASSERT_EQ(inbox.record("k", 1, with_zero), Delivery::first);
  EXPECT_EQ(inbox.record("k", 2, std::string("a\0c", 3)), Delivery::conflict);
  EXPECT_EQ(inbox.record("k", 2, with_zero), Delivery::redelivery);
}

TEST(Inbox, ARowKeptBeforeDigestsCountsAsTheSameEvent) {
  Database db(DatabaseOptions{.path = ":memory:"});
  db.raw().exec("INSERT INTO inbox (key, received_at) VALUES ('old', 1)");
  Inbox inbox(db);
  EXPECT_EQ(inbox.record("old", 2, "digest"), Delivery::redelivery);
}

TEST(Inbox, TheFirstAnswerIsKeptForRedeliveries) {
  Database db(DatabaseOptions{.path = ":memory:"});
  Inbox inbox(db);
  inbox.record("k", 1, "d");
  EXPECT_FALSE(inbox.answer("k").has_value());
  inbox.save_answer("k", R"([{"chat":"b3u2"}])");
  EXPECT_EQ(inbox.answer("k"), R"([{"chat":"b3u2"}])");
  EXPECT_FALSE(inbox.answer("unknown").has_value());
}

TEST(Inbox, ABatchReadSeesEveryKeptKeyAcrossChunksWithoutATemporaryTable) {
  Database db(DatabaseOptions{.path = ":memory:"});
  Inbox inbox(db);
  // 40 keys, past one statement's 32: every third was kept before, with an answer.
  std::vector<std::string> keys;
  for (int i = 0; i < 40; ++i) {
    keys.push_back("generic:default:m-" + std::to_string(i));
    if (i % 3 == 0) {
      ASSERT_EQ(inbox.record(keys.back(), 1, "digest-" + std::to_string(i)), Delivery::first);
      inbox.save_answer(keys.back(), "answer-" + std::to_string(i));
    }
  }
  std::vector<std::string_view> asked(keys.begin(), keys.end());
  asked.push_back(keys[3]);  // one key twice in the batch

  StatementTrace trace(db);
  InboxBatch batch = inbox.read_batch(asked);
  EXPECT_EQ(trace.count(), 2u);
  for (const std::string& sql : trace.statements()) {
    SQLite::Statement explain(db.raw(), "EXPLAIN " + sql);
    while (explain.executeStep())
      EXPECT_NE(explain.getColumn(1).getString(), "OpenEphemeral") << sql;
  }
  for (int i = 0; i < 40; ++i) {
    const std::string digest = "digest-" + std::to_string(i);
    if (i % 3 == 0) {
      EXPECT_EQ(batch.answer(keys[i]), "answer-" + std::to_string(i)) << i;
      EXPECT_EQ(batch.record(keys[i], 2, digest), Delivery::redelivery) << i;
      EXPECT_EQ(batch.record(keys[i], 2, "another"), Delivery::conflict) << i;
    } else {
      EXPECT_FALSE(batch.answer(keys[i])) << i;
      EXPECT_EQ(batch.record(keys[i], 2, digest), Delivery::first) << i;
    }
  }
}

}  // namespace
}  // namespace whistle::store
