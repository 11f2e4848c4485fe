#include "store/rewards.hpp"

#include <SQLiteCpp/Database.h>
#include <gtest/gtest.h>

#include "store/database.hpp"

namespace whistle::store {
namespace {

TEST(Rewards, UpsertingAgainUpdatesTheItemOfThatCommunityOnly) {
  Database db(DatabaseOptions{.path = ":memory:"});
  RewardRepository rewards(db);
  rewards.upsert({"rice", "c1", "大米5斤", 50, 10});
  rewards.upsert({"rice", "c2", "大米", 40, 3});
  rewards.upsert({"rice", "c1", "大米5斤", 60, 8});
  EXPECT_EQ(db.raw().execAndGet("SELECT points FROM rewards WHERE community_id='c1' AND id='rice'").getInt(),
            60);
  EXPECT_EQ(db.raw().execAndGet("SELECT stock FROM rewards WHERE community_id='c2' AND id='rice'").getInt(),
            3);
}

}  // namespace
}  // namespace whistle::store
