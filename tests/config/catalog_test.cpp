#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "config/config.hpp"
#include "tests/config/config_test_support.hpp"

namespace whistle::config {
namespace {

using testing::kSource;
using testing::names;
using testing::refusal;

TEST(Categories, CategoriesInTheFileReplaceTheBuiltInSet) {
  const Config config = parse_config(
      "[[category]]\nname = \"设施维修\"\nclass = \"utilities\"\nkeywords = [\"灯\", \"电梯\"]\n", kSource);
  ASSERT_EQ(config.categories.size(), 1u);
  EXPECT_EQ(config.categories[0].name, "设施维修");
  EXPECT_EQ(config.categories[0].urgency_class, "utilities");
  EXPECT_EQ(config.categories[0].keywords, (std::vector<std::string>{"灯", "电梯"}));
}

TEST(Categories, AnUnknownClassIsRefused) {
  EXPECT_THAT(refusal("[[category]]\nname = \"x\"\nclass = \"minor\"\nkeywords = [\"灯\"]\n"),
              names("category[0].class", "\"minor\" is not a class"));
}

TEST(Categories, ACategoryWithoutKeywordsIsRefused) {
  EXPECT_THAT(refusal("[[category]]\nname = \"x\"\nclass = \"general\"\n"),
              names("category[0].keywords", "missing (required)"));
  EXPECT_THAT(refusal("[[category]]\nname = \"x\"\nclass = \"general\"\nkeywords = []\n"),
              names("category[0].keywords", "at least one keyword"));
}

TEST(Categories, AKeywordInTwoCategoriesIsRefused) {
  EXPECT_THAT(refusal("[[category]]\nname = \"a\"\nclass = \"general\"\nkeywords = [\"灯\"]\n"
                      "[[category]]\nname = \"b\"\nclass = \"urgent\"\nkeywords = [\"火\", \"灯\"]\n"),
              names("category[1].keywords", "keyword \"灯\" is already in category \"a\""));
}

TEST(Categories, ADuplicateCategoryNameIsRefused) {
  EXPECT_THAT(refusal("[[category]]\nname = \"a\"\nclass = \"general\"\nkeywords = [\"灯\"]\n"
                      "[[category]]\nname = \"a\"\nclass = \"urgent\"\nkeywords = [\"火\"]\n"),
              names("category[1].name", "duplicate category \"a\""));
}

TEST(Categories, TheContractsKeyNameClassIsReadNotUrgencyClass) {
  EXPECT_THAT(refusal("[[category]]\nname = \"a\"\nurgency_class = \"general\"\nkeywords = [\"灯\"]\n"),
              names("category[0].urgency_class", "unknown key"));
}

TEST(Rewards, RewardsAreReadInOrder) {
  const Config config = parse_config(R"(
[[reward]]
id = "rice"
name = "大米5斤"
points = 50
stock = 10

[[reward]]
id = "pen"
name = "笔"
points = 1
)",
                                     kSource);
  ASSERT_EQ(config.rewards.size(), 2u);
  EXPECT_EQ(config.rewards[0].id, "rice");
  EXPECT_EQ(config.rewards[0].name, "大米5斤");
  EXPECT_EQ(config.rewards[0].points, 50);
  EXPECT_EQ(config.rewards[0].stock, 10);
  EXPECT_EQ(config.rewards[1].stock, 0) << "stock defaults to none";
}

TEST(Rewards, ARewardWorthNoPointsIsRefused) {
  EXPECT_THAT(refusal("[[reward]]\nid = \"r\"\nname = \"x\"\npoints = 0\nstock = 1\n"),
              names("reward[0].points", "between 1 and"));
}

TEST(Rewards, ARewardWithoutAPriceIsRefused) {
  EXPECT_THAT(refusal("[[reward]]\nid = \"r\"\nname = \"x\"\nstock = 1\n"),
              names("reward[0].points", "missing (required)"));
}

TEST(Rewards, NegativeStockIsRefused) {
  EXPECT_THAT(refusal("[[reward]]\nid = \"r\"\nname = \"x\"\npoints = 5\nstock = -1\n"),
              names("reward[0].stock", "between 0 and"));
}

TEST(Rewards, ADuplicateRewardIdIsRefused) {
  EXPECT_THAT(refusal("[[reward]]\nid = \"r\"\nname = \"x\"\npoints = 5\n"
                      "[[reward]]\nid = \"r\"\nname = \"y\"\npoints = 5\n"),
              names("reward[1].id", "duplicate reward id \"r\""));
}

TEST(Rewards, ADuplicateRewardNameIsRefusedBecauseVolunteersRedeemByName) {
  EXPECT_THAT(refusal("[[reward]]\nid = \"r1\"\nname = \"大米\"\npoints = 5\n"
                      "[[reward]]\nid = \"r2\"\nname = \"大米\"\npoints = 6\n"),
              names("reward[1].name", "duplicate reward name \"大米\""));
}

TEST(Rewards, AnUnknownKeyInARewardIsRefused) {
  EXPECT_THAT(refusal("[[reward]]\nid = \"r\"\nname = \"x\"\npoints = 5\nprice = 5\n"),
              names("reward[0].price", "unknown key"));
}

}  // namespace
}  // namespace whistle::config
