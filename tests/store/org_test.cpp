#include "store/org.hpp"

#include <gtest/gtest.h>

#include "store/database.hpp"
#include "tests/store/store_test_support.hpp"

namespace whistle::store {
namespace {

std::vector<std::string> ids(const std::vector<OrgNode>& nodes) {
  std::vector<std::string> result;
  for (const auto& n : nodes)
    result.push_back(n.id);
  return result;
}

class OrgTest : public ::testing::Test {
 protected:
  Database db{DatabaseOptions{.path = ":memory:"}};
  OrgRepository org{db};
  void SetUp() override { testing::add_small_org(db); }
};

TEST_F(OrgTest, AChatLeadsToItsNodeAndAnUnboundChatToNothing) {
  auto node = org.node_of_chat("generic:b3u2");
  ASSERT_TRUE(node.has_value());
  EXPECT_EQ(node->id, "b3u2");
  EXPECT_EQ(node->community, "c1");
  EXPECT_EQ(node->level, 3);
  EXPECT_EQ(node->parent, "b3");
  EXPECT_FALSE(org.node_of_chat("generic:nowhere").has_value());
}

TEST_F(OrgTest, DescendantsComeParentsFirstAndExcludeTheNodeItself) {
  EXPECT_EQ(ids(org.descendants("g1")), (std::vector<std::string>{"b3", "b3u1", "b3u2"}));
  EXPECT_TRUE(org.descendants("b3u1").empty());
}

TEST_F(OrgTest, AncestorsRunFromTheNodeUpToTheCommunity) {
  EXPECT_EQ(ids(org.ancestors_and_self("b3u2")), (std::vector<std::string>{"b3u2", "b3", "g1", "c1"}));
  EXPECT_EQ(ids(org.ancestors_and_self("c1")), (std::vector<std::string>{"c1"}));
}

TEST_F(OrgTest, RebindingAChatMovesIt) {
  org.bind_chat("generic:b3u2", "b3u1");
  EXPECT_EQ(org.node_of_chat("generic:b3u2")->id, "b3u1");
  EXPECT_EQ(org.chats_of("b3u1"), (std::vector<std::string>{"generic:b3u1", "generic:b3u2"}));
  EXPECT_TRUE(org.chats_of("b3u2").empty());
}

TEST_F(OrgTest, UpsertingANodeAgainUpdatesItsName) {
  org.upsert_node({"b3", "c1", 2, "g1", "三号楼"});
  EXPECT_EQ(org.node("b3")->name, "三号楼");
  EXPECT_EQ(org.all_nodes().size(), 5u);
  EXPECT_EQ(org.all_nodes().front().id, "c1");
}

TEST_F(OrgTest, AResponderKeepsOnlyItsLatestChats) {
  org.upsert_responder({"wuye", "物业", "c1", {"generic:wuye", "generic:wuye2"}, {}});
  org.upsert_responder({"wuye", "物业公司", "c1", {"generic:wuye"}, {}});
  EXPECT_EQ(db.raw().execAndGet("SELECT COUNT(*) FROM responder_chats").getInt(), 1);
  EXPECT_EQ(db.raw().execAndGet("SELECT name FROM responders WHERE id = 'wuye'").getString(), "物业公司");
}

}  // namespace
}  // namespace whistle::store
