#include "store/inbox.hpp"

#include <gtest/gtest.h>

#include "store/database.hpp"

namespace whistle::store {
namespace {

TEST(Inbox, ASecondDeliveryOfTheSameKeyIsRecognised) {
  Database db(DatabaseOptions{.path = ":memory:"});
  Inbox inbox(db);
  EXPECT_TRUE(inbox.record("generic:default:m-1", 100));
  EXPECT_FALSE(inbox.record("generic:default:m-1", 200));
  EXPECT_TRUE(inbox.record("generic:other:m-1", 200)) << "instances have separate ids";
}

TEST(Inbox, TheFirstAnswerIsKeptForRedeliveries) {
  Database db(DatabaseOptions{.path = ":memory:"});
  Inbox inbox(db);
  inbox.record("k", 1);
  EXPECT_FALSE(inbox.answer("k").has_value());
  inbox.save_answer("k", R"([{"chat":"b3u2"}])");
  EXPECT_EQ(inbox.answer("k"), R"([{"chat":"b3u2"}])");
  EXPECT_FALSE(inbox.answer("unknown").has_value());
}

}  // namespace
}  // namespace whistle::store
