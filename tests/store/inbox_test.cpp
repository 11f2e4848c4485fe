#include "store/inbox.hpp"

#include <SQLiteCpp/Database.h>
#include <gtest/gtest.h>

#include "store/database.hpp"

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

}  // namespace
}  // namespace whistle::store
