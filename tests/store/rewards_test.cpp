#include "store/rewards.hpp"

#include <SQLiteCpp/Database.h>
#include <gtest/gtest.h>

#include "store/database.hpp"

namespace whistle::store {
namespace {

TEST(Rewards, SeedingInsertsANewItemOnce) {
  Database db(DatabaseOptions{.path = ":memory:"});
  RewardRepository rewards(db);
  EXPECT_TRUE(rewards.seed({"rice", "c1", "大米5斤", 50, 10}));
  EXPECT_TRUE(rewards.seed({"rice", "c2", "大米", 40, 3}));
  ASSERT_TRUE(rewards.find("c2", "rice"));
  EXPECT_EQ(rewards.find("c2", "rice")->stock, 3);
}

TEST(Rewards, SeedingAgainKeepsTheDatabasesStockAndPrice) {
  Database db(DatabaseOptions{.path = ":memory:"});
  RewardRepository rewards(db);
  rewards.seed({"rice", "c1", "大米5斤", 50, 10});
  ASSERT_TRUE(rewards.take("c1", "rice", 4));
  EXPECT_FALSE(rewards.seed({"rice", "c1", "大米5斤", 60, 10}));
  EXPECT_EQ(rewards.find("c1", "rice")->stock, 6);
  EXPECT_EQ(rewards.find("c1", "rice")->points, 50);
}

TEST(Rewards, SeedingSkipsAnItemTheStaffPutUpUnderTheSameName) {
  Database db(DatabaseOptions{.path = ":memory:"});
  RewardRepository rewards(db);
  rewards.insert({"毛巾", "c1", "毛巾", 20, 5});
  EXPECT_FALSE(rewards.seed({"towel", "c1", "毛巾", 25, 50}));
  EXPECT_EQ(rewards.of_community("c1").size(), 1u);
}

TEST(Rewards, TakingMoreThanTheStockChangesNothing) {
  Database db(DatabaseOptions{.path = ":memory:"});
  RewardRepository rewards(db);
  rewards.seed({"oil", "c1", "食用油1桶", 80, 2});
  EXPECT_FALSE(rewards.take("c1", "oil", 3));
  EXPECT_EQ(rewards.find("c1", "oil")->stock, 2);
  EXPECT_TRUE(rewards.take("c1", "oil", 2));
  EXPECT_FALSE(rewards.take("c1", "oil", 1));
  EXPECT_EQ(rewards.find("c1", "oil")->stock, 0);
}

TEST(Rewards, TheCatalogListsACommunitysItemsCheapestFirst) {
  Database db(DatabaseOptions{.path = ":memory:"});
  RewardRepository rewards(db);
  rewards.seed({"oil", "c1", "食用油1桶", 80, 2});
  rewards.seed({"soap", "c1", "洗衣液", 30, 2});
  rewards.seed({"rice", "c2", "大米", 40, 3});
  const std::vector<RewardRow> items = rewards.of_community("c1");
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(items[0].id, "soap");
  EXPECT_EQ(items[1].id, "oil");
}

TEST(Rewards, RestockingAndRepricingChangeOnlyThatItem) {
  Database db(DatabaseOptions{.path = ":memory:"});
  RewardRepository rewards(db);
  rewards.seed({"oil", "c1", "食用油1桶", 80, 2});
  rewards.seed({"oil", "c2", "食用油1桶", 80, 2});
  rewards.add_stock("c1", "oil", 5);
  rewards.set_points("c1", "oil", 90);
  EXPECT_EQ(rewards.find("c1", "oil")->stock, 7);
  EXPECT_EQ(rewards.find("c1", "oil")->points, 90);
  EXPECT_EQ(rewards.find("c2", "oil")->stock, 2);
  EXPECT_EQ(rewards.find("c2", "oil")->points, 80);
}

}  // namespace
}  // namespace whistle::store
