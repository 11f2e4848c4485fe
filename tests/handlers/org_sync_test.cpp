#include <gtest/gtest.h>

#include <algorithm>

#include "handler_fixture.hpp"

namespace whistle::handlers::testing {
namespace {

using OrgSync = HandlerTest;

TEST_F(OrgSync, EveryNodeIsWrittenWithItsLevelAndCommunity) {
  const std::optional<store::OrgNode> unit = org_.node("b3u2");
  ASSERT_TRUE(unit.has_value());
  EXPECT_EQ(unit->community, "c1");
  EXPECT_EQ(unit->level, 3);
  EXPECT_EQ(unit->parent, "b3");
  EXPECT_EQ(unit->name, "3号楼2单元");
  EXPECT_EQ(org_.node("c1").value_or(store::OrgNode{}).community, "c1");
  EXPECT_EQ(org_.node("g2").value_or(store::OrgNode{}).level, 1);
  EXPECT_EQ(org_.all_nodes().size(), 10u);
}

TEST_F(OrgSync, ChatsAreBoundToTheirNodes) {
  EXPECT_EQ(org_.node_of_chat("generic:b3u2").value_or(store::OrgNode{}).id, "b3u2");
  EXPECT_EQ(org_.chats_of("g1"), std::vector<std::string>{"generic:g1"});
  EXPECT_FALSE(org_.node_of_chat("generic:nowhere").has_value());
}

TEST_F(OrgSync, LeadersAndStaffGetTheirRoles) {
  EXPECT_TRUE(people_.has_role("generic:u-li", "g1", store::Role::leader));
  EXPECT_TRUE(people_.has_role("generic:u-zhou", "c1", store::Role::staff));
  EXPECT_FALSE(people_.has_role("generic:u-zhou", "c1", store::Role::leader));
}

TEST_F(OrgSync, SyncingTwiceChangesNothing) {
  {
    store::Transaction transaction(db_);
    dispatcher_.sync_org();
    transaction.commit();
  }
  EXPECT_EQ(org_.all_nodes().size(), 10u);
  EXPECT_EQ(people_.holders("b3u2", store::Role::leader).size(), 1u);
}

TEST_F(OrgSync, SyncingKeepsNamesLearnedFromMessages) {
  say("b3u2", "u-chen", "陈单元长", unknown_line("大家好"));
  {
    store::Transaction transaction(db_);
    dispatcher_.sync_org();
    transaction.commit();
  }
  EXPECT_EQ(people_.find("generic:u-chen").value_or(store::Person{}).name, "陈单元长");
}

TEST_F(OrgSync, ConfiguredPeopleAreKnownByNameBeforeTheySpeak) {
  EXPECT_EQ(people_.find("generic:u-qian").value_or(store::Person{}).name, "钱楼栋长");
  EXPECT_EQ(people_.find("generic:u-zhang").value_or(store::Person{}).name, "张三");
  // A message without a name leaves the config's; one with a name takes over, across restarts.
  say("b3", "u-qian", "", unknown_line("大家好"));
  EXPECT_EQ(people_.find("generic:u-qian").value_or(store::Person{}).name, "钱楼栋长");
  say("b3", "u-qian", "钱建国", unknown_line("大家好"));
  {
    store::Transaction transaction(db_);
    dispatcher_.sync_org();
    transaction.commit();
  }
  EXPECT_EQ(people_.find("generic:u-qian").value_or(store::Person{}).name, "钱建国");
}

TEST_F(OrgSync, RepliesMentionAConfiguredPersonByNameWhenTheirPlatformSendsNone) {
  // A leader's help may leave as several messages; the first names them.
  const std::vector<Reply> replies = say("b3u2", "u-chen", "", task_command(Intent::help));
  ASSERT_FALSE(replies.empty());
  EXPECT_NE(replies[0].text.find("@陈单元长"), std::string::npos) << replies[0].text;
}

TEST_F(OrgSync, PlaceNamesAreTheNodeNames) {
  const language::PlaceNames names = dispatcher_.place_names();
  EXPECT_EQ(names.size(), 10u);
  EXPECT_TRUE(names.contains("第一网格"));
  EXPECT_TRUE(names.contains("3号楼2单元"));
}

}  // namespace
}  // namespace whistle::handlers::testing
