// 上架 and 补货, and a restart that must not give back redeemed stock.
#include <gtest/gtest.h>

#include "handler_fixture.hpp"

namespace whistle::handlers::testing {
namespace {

class CatalogStock : public HandlerTest {
 protected:
  std::optional<store::RewardRow> item(const std::string& id) { return rewards_.find("c1", id); }
};

TEST_F(CatalogStock, StaffPutUpANewItem) {
  const std::vector<Reply> replies = say("c1", "u-zhou", "周主任", read("上架 毛巾 20分 50件"));
  ASSERT_TRUE(item("毛巾"));
  EXPECT_EQ(item("毛巾")->points, 20);
  EXPECT_EQ(item("毛巾")->stock, 50);
  ASSERT_EQ(replies.size(), 1u);
  EXPECT_EQ(
      replies[0].text,
      rendered("stock_added", {{"mention", "@周主任"}, {"item", "毛巾"}, {"points", "20"}, {"stock", "50"}}));
}

TEST_F(CatalogStock, TheCommunityLeaderMayKeepTheCatalogToo) {
  say("c1", "u-wang", "王书记", read("补货 洗衣液 30"));
  EXPECT_EQ(item("soap")->stock, 50);
}

TEST_F(CatalogStock, RestockingAddsToTheStock) {
  const std::vector<Reply> replies = say("c1", "u-zhou", "周主任", read("补货 大米5斤 20件"));
  EXPECT_EQ(item("rice")->stock, 30);
  EXPECT_EQ(replies[0].text, rendered("stock_restocked", {{"mention", "@周主任"},
                                                          {"item", "大米5斤"},
                                                          {"quantity", "20"},
                                                          {"stock", "30"},
                                                          {"points", "50"}}));
}

// 补货 has no price: its refusal spoke of 积分 and gave a 上架 example; 10000 was refused as out of
// a range that included it.
TEST_F(CatalogStock, ARestockOutsideTheRangeIsRefusedWithARestocksExample) {
  for (const auto& [line, name] : std::vector<std::pair<std::string, std::string>>{
           {"补货 毛巾 -5", "毛巾"}, {"补货 洗衣液 200000", "洗衣液"}}) {
    const std::vector<Reply> replies = say("c1", "u-zhou", "周主任", read(line));
    ASSERT_EQ(replies.size(), 1u) << line;
    EXPECT_EQ(
        replies[0].text,
        rendered("stock_bad_quantity", {{"mention", "@周主任"}, {"item", name}, {"max_quantity", "100000"}}));
  }
  EXPECT_EQ(item("soap")->stock, 20);
  say("c1", "u-zhou", "周主任", read("补货 洗衣液 10000"));
  EXPECT_EQ(item("soap")->stock, 10020);
}

TEST_F(CatalogStock, ANewItemWithoutACountIsAskedForOneNotPutUpSoldOut) {
  const std::vector<Reply> replies = say("c1", "u-zhou", "周主任", read("上架 抽纸 5分"));
  EXPECT_FALSE(item("抽纸"));
  ASSERT_EQ(replies.size(), 1u);
  EXPECT_EQ(replies[0].text,
            rendered("stock_count_needed", {{"mention", "@周主任"}, {"item", "抽纸"}, {"points", "5"}}));
}

TEST_F(CatalogStock, RestockingForgivesAShortenedName) {
  say("c1", "u-zhou", "周主任", read("补货 食用油 10"));
  EXPECT_EQ(item("oil")->stock, 15);
}

TEST_F(CatalogStock, PuttingUpAnExistingItemRepricesItAndAddsStock) {
  say("c1", "u-zhou", "周主任", read("上架 大米5斤 60分 10件"));
  EXPECT_EQ(item("rice")->points, 60);
  EXPECT_EQ(item("rice")->stock, 20);
}

TEST_F(CatalogStock, APricedNameThatIsOnlyPartOfAnItemIsANewItem) {
  say("c1", "u-zhou", "周主任", read("上架 大米 30分 5件"));
  EXPECT_EQ(item("rice")->points, 50);
  ASSERT_TRUE(item("大米"));
  EXPECT_EQ(item("大米")->stock, 5);
}

TEST_F(CatalogStock, RestockingAnUnknownItemAsksForItsPrice) {
  const std::vector<Reply> replies = say("c1", "u-zhou", "周主任", read("补货 雨伞 10件"));
  EXPECT_FALSE(item("雨伞"));
  ASSERT_EQ(replies.size(), 1u);
  EXPECT_NE(replies[0].text.find("雨伞"), std::string::npos);
}

TEST_F(CatalogStock, VolunteersAndGridLeadersAreRefusedWithWhoMay) {
  for (const char* who : {"u-zhang", "u-li"}) {
    const std::vector<Reply> replies = say("g1", who, "", read("上架 毛巾 20分 50件"));
    ASSERT_EQ(replies.size(), 1u);
    EXPECT_NE(replies[0].text.find("周主任"), std::string::npos) << who;
    EXPECT_NE(replies[0].text.find("王书记"), std::string::npos) << who;
  }
  EXPECT_FALSE(item("毛巾"));
}

TEST_F(CatalogStock, ANonsensicalPriceIsRefused) {
  say("c1", "u-zhou", "周主任", read("上架 毛巾 0分 50件"));
  EXPECT_FALSE(item("毛巾"));
}

TEST_F(CatalogStock, ARestartKeepsTheStockAfterARedemption) {
  {
    store::Transaction transaction(db_);
    store::NewLedgerEntry entry;
    entry.community = "c1";
    entry.person = qualified("u-zhang");
    entry.points = 200;
    entry.kind = store::LedgerKind::adjust;
    entry.reason = "test";
    entry.at = kMonday0900 - kHour;
    people_.touch(qualified("u-zhang"), "张三", 0);
    ledger_.append(entry);
    transaction.commit();
  }
  say("b3u2", "u-zhang", "张三", read("兑换 食用油1桶 2"));
  say("c1", "u-zhou", "周主任", read("上架 毛巾 20分 50件"));
  ASSERT_EQ(item("oil")->stock, 3);

  // What a restart does: the config is written into the store again.
  {
    store::Transaction transaction(db_);
    dispatcher_.sync_org();
    transaction.commit();
  }
  EXPECT_EQ(item("oil")->stock, 3);
  EXPECT_EQ(item("毛巾")->stock, 50);
  EXPECT_EQ(item("rice")->stock, 10);
}

}  // namespace
}  // namespace whistle::handlers::testing
