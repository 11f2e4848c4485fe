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
  EXPECT_TRUE(org.ancestors_and_self("nowhere").empty());
}

TEST_F(OrgTest, AncestorsFollowANodeMovedUnderAnotherParent) {
  // Read once (the walk is kept in the writer's memory), then moved by the config's sync.
  ASSERT_EQ(ids(org.ancestors_and_self("b3u2")), (std::vector<std::string>{"b3u2", "b3", "g1", "c1"}));
  org.upsert_node({"b3u2", "c1", 3, "g1", "2单元"});
  EXPECT_EQ(ids(org.ancestors_and_self("b3u2")), (std::vector<std::string>{"b3u2", "g1", "c1"}));
}

TEST_F(OrgTest, AncestorsOfAParentLoopEndAtTheBound) {
  // A checked config cannot make one; a hand-edited database must still not hang a rights check.
  org.upsert_node({"x1", "c1", 1, "c1", "环一"});
  org.upsert_node({"x2", "c1", 2, "x1", "环二"});
  org.upsert_node({"x1", "c1", 1, "x2", "环一"});
  const std::vector<OrgNode> chain = org.ancestors_and_self("x1");
  ASSERT_FALSE(chain.empty());
  EXPECT_EQ(chain.front().id, "x1");
  EXPECT_LE(chain.size(), 32u);
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

TEST_F(OrgTest, AChatBoundWithBindRemembersWhoAndWhen) {
  EXPECT_TRUE(org.bind_chat_at_run_time("generic:new", "b3u2", "generic:u-chen", 1000));
  EXPECT_EQ(org.node_of_chat("generic:new")->id, "b3u2");
  const std::optional<ChatBinding> binding = org.binding_of("generic:new");
  ASSERT_TRUE(binding.has_value());
  EXPECT_EQ(binding->node, "b3u2");
  EXPECT_EQ(binding->bound_by, "generic:u-chen");
  EXPECT_EQ(binding->bound_at, 1000);
  EXPECT_EQ(db.raw().execAndGet("SELECT community_id FROM chats WHERE id = 'generic:new'").getString(), "c1");
}

TEST_F(OrgTest, AConfigBindingHasNobodyBehindIt) {
  const std::optional<ChatBinding> binding = org.binding_of("generic:b3u2");
  ASSERT_TRUE(binding.has_value());
  EXPECT_FALSE(binding->bound_by.has_value());
  EXPECT_FALSE(org.binding_of("generic:nowhere").has_value());
}

TEST_F(OrgTest, BindingAtRunTimeNeverMovesAConfigBinding) {
  EXPECT_FALSE(org.bind_chat_at_run_time("generic:b3u2", "b3u1", "generic:u-feng", 1000));
  EXPECT_EQ(org.node_of_chat("generic:b3u2")->id, "b3u2");
  EXPECT_FALSE(org.binding_of("generic:b3u2")->bound_by.has_value());
}

TEST_F(OrgTest, BindingAtRunTimeAgainMovesTheChatAndSaysWhoDidIt) {
  org.bind_chat_at_run_time("generic:new", "b3u2", "generic:u-chen", 1000);
  EXPECT_TRUE(org.bind_chat_at_run_time("generic:new", "b3", "generic:u-qian", 2000));
  const ChatBinding binding = org.binding_of("generic:new").value();
  EXPECT_EQ(binding.node, "b3");
  EXPECT_EQ(binding.bound_by, "generic:u-qian");
  EXPECT_EQ(binding.bound_at, 2000);
}

TEST_F(OrgTest, TheConfigTakesOverAChatBoundAtRunTime) {
  org.bind_chat_at_run_time("generic:new", "b3u2", "generic:u-chen", 1000);
  org.bind_chat("generic:new", "b3u1");
  const ChatBinding binding = org.binding_of("generic:new").value();
  EXPECT_EQ(binding.node, "b3u1");
  EXPECT_FALSE(binding.bound_by.has_value());
  EXPECT_EQ(binding.bound_at, 0);
}

TEST_F(OrgTest, UnbindingRemovesOnlyARunTimeBinding) {
  org.bind_chat_at_run_time("generic:new", "b3u2", "generic:u-chen", 1000);
  EXPECT_FALSE(org.unbind_chat_at_run_time("generic:b3u2"));
  EXPECT_EQ(org.node_of_chat("generic:b3u2")->id, "b3u2");
  EXPECT_TRUE(org.unbind_chat_at_run_time("generic:new"));
  EXPECT_FALSE(org.node_of_chat("generic:new").has_value());
  EXPECT_FALSE(org.unbind_chat_at_run_time("generic:new"));
}

TEST_F(OrgTest, ConfigChatsAreListedAndCanBeDroppedOneByOne) {
  org.bind_chat_at_run_time("generic:new", "b3u2", "generic:u-chen", 1000);
  EXPECT_EQ(org.chats_bound_by_config(), (std::vector<std::string>{"generic:c1", "generic:g1", "generic:b3",
                                                                   "generic:b3u1", "generic:b3u2"}));
  org.unbind_config_chat("generic:b3u1");
  org.unbind_config_chat("generic:new");  // not the config's: left alone
  EXPECT_FALSE(org.node_of_chat("generic:b3u1").has_value());
  EXPECT_TRUE(org.node_of_chat("generic:new").has_value());
}

TEST_F(OrgTest, AnUnboundChatIsToldHowToBindItOnce) {
  EXPECT_TRUE(org.note_bind_hint("generic:new", 1000));
  EXPECT_FALSE(org.note_bind_hint("generic:new", 2000));
  EXPECT_TRUE(org.note_bind_hint("generic:other", 2000));
  EXPECT_EQ(
      db.raw().execAndGet("SELECT told_at FROM unbound_chat_hints WHERE chat = 'generic:new'").getInt64(),
      1000);
}

}  // namespace
}  // namespace whistle::store
