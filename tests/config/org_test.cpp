#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "config/config.hpp"
#include "tests/config/config_test_support.hpp"

namespace whistle::config {
namespace {

using ::testing::HasSubstr;
using testing::kCommunity;
using testing::kSource;
using testing::names;
using testing::refusal;

std::string with_community(std::string_view rest) {
  return std::string(kCommunity) + std::string(rest);
}

TEST(OrgTree, NodesAreReadInOrderWithAllTheirFields) {
  const Config config = parse_config(with_community(R"(
[[node]]
id = "g1"
level = "grid"
parent = "c1"
name = "第一网格"
chats = ["generic:g1", "wecom:wrOgAA"]
leaders = ["generic:u-li"]
staff = ["generic:u-zhou", "feishu:ou_7d8a"]
)"),
                                     kSource);
  ASSERT_EQ(config.nodes.size(), 2u);
  const Node& community = config.nodes[0];
  EXPECT_EQ(community.id, "c1");
  EXPECT_EQ(community.level, Level::community);
  EXPECT_EQ(community.parent, "");
  EXPECT_EQ(community.name, "锦华家园社区");
  const Node& grid = config.nodes[1];
  EXPECT_EQ(grid.id, "g1");
  EXPECT_EQ(grid.level, Level::grid);
  EXPECT_EQ(grid.parent, "c1");
  EXPECT_EQ(grid.name, "第一网格");
  EXPECT_EQ(grid.chats, (std::vector<std::string>{"generic:g1", "wecom:wrOgAA"}));
  EXPECT_EQ(grid.leaders, (std::vector<std::string>{"generic:u-li"}));
  EXPECT_EQ(grid.staff, (std::vector<std::string>{"generic:u-zhou", "feishu:ou_7d8a"}));
}

TEST(OrgTree, ChatsLeadersAndStaffDefaultToNone) {
  const Config config =
      parse_config("[[node]]\nid = \"c1\"\nlevel = \"community\"\nname = \"社区\"\n", kSource);
  ASSERT_EQ(config.nodes.size(), 1u);
  EXPECT_TRUE(config.nodes[0].chats.empty());
  EXPECT_TRUE(config.nodes[0].leaders.empty());
  EXPECT_TRUE(config.nodes[0].staff.empty());
}

TEST(OrgTree, SeveralCommunitiesMayShareAFile) {
  const Config config = parse_config(
      with_community("[[node]]\nid = \"c2\"\nlevel = \"community\"\nname = \"另一个社区\"\n"), kSource);
  EXPECT_EQ(config.nodes.size(), 2u);
}

TEST(OrgTree, AParentThatIsNotANodeIsRefused) {
  const std::string message = refusal(with_community(R"(
[[node]]
id = "g1"
level = "grid"
parent = "c9"
name = "第一网格"
)"));
  EXPECT_THAT(message, names("node[1].parent", "\"c9\" is not a node"));
}

TEST(OrgTree, AParentWrittenAfterItsChildIsRefused) {
  const std::string message = refusal(R"(
[[node]]
id = "g1"
level = "grid"
parent = "c1"
name = "第一网格"

[[node]]
id = "c1"
level = "community"
name = "社区"
)");
  EXPECT_THAT(message, names("node[0].parent", "parent must come first"));
  EXPECT_THAT(message, HasSubstr(":5:")) << "the line of the parent key";
}

TEST(OrgTree, ADuplicateNodeIdIsRefused) {
  EXPECT_THAT(refusal(with_community("[[node]]\nid = \"c1\"\nlevel = \"community\"\nname = \"又一个\"\n")),
              names("node[1].id", "duplicate node id \"c1\" (first defined at node[0])"));
}

TEST(OrgTree, ACommunityWithAParentIsRefused) {
  EXPECT_THAT(refusal(with_community(
                  "[[node]]\nid = \"c2\"\nlevel = \"community\"\nparent = \"c1\"\nname = \"x\"\n")),
              names("node[1].parent", "a community has no parent"));
}

TEST(OrgTree, ANodeBelowTheCommunityWithoutAParentIsRefused) {
  EXPECT_THAT(refusal(with_community("[[node]]\nid = \"g1\"\nlevel = \"grid\"\nname = \"网格\"\n")),
              names("node[1].parent", "a grid needs a parent"));
}

TEST(OrgTree, AChildTwoLevelsBelowItsParentIsRefused) {
  EXPECT_THAT(refusal(with_community(
                  "[[node]]\nid = \"b1\"\nlevel = \"building\"\nparent = \"c1\"\nname = \"1号楼\"\n")),
              names("node[1].parent",
                    "exactly one level below its parent: the parent of a building must be a grid, but \"c1\" "
                    "is a community"));
}

TEST(OrgTree, AChildAtItsParentsLevelIsRefused) {
  EXPECT_THAT(refusal(with_community(R"(
[[node]]
id = "g1"
level = "grid"
parent = "c1"
name = "一"

[[node]]
id = "g2"
level = "grid"
parent = "g1"
name = "二"
)")),
              names("node[2].parent", "must be a community, but \"g1\" is a grid"));
}

TEST(OrgTree, AnUnknownLevelIsRefused) {
  EXPECT_THAT(refusal("[[node]]\nid = \"c1\"\nlevel = \"district\"\nname = \"x\"\n"),
              names("node[0].level", "\"district\" is not a level"));
}

TEST(OrgTree, ANodeWithoutAnIdIsRefused) {
  EXPECT_THAT(refusal("[[node]]\nlevel = \"community\"\nname = \"x\"\n"),
              names("node[0].id", "missing (required)"));
}

TEST(OrgTree, ANodeWithoutANameIsRefused) {
  EXPECT_THAT(refusal("[[node]]\nid = \"c1\"\nlevel = \"community\"\n"),
              names("node[0].name", "missing (required)"));
}

TEST(OrgTree, ANodeIdWithAColonIsRefused) {
  EXPECT_THAT(refusal("[[node]]\nid = \"generic:c1\"\nlevel = \"community\"\nname = \"x\"\n"),
              names("node[0].id", "may not contain spaces, ':' or '@'"));
}

TEST(OrgTree, AnUnknownKeyInANodeIsRefused) {
  EXPECT_THAT(
      refusal("[[node]]\nid = \"c1\"\nlevel = \"community\"\nname = \"x\"\nleader = [\"generic:u\"]\n"),
      names("node[0].leader", "unknown key"));
}

TEST(OrgTree, ANodeWrittenAsAPlainTableIsRefused) {
  EXPECT_THAT(refusal("[node]\nid = \"c1\"\n"), names("node", "expected an array of tables ([[node]])"));
}

TEST(OrgTree, ChatsThatAreNotAnArrayOfStringsAreRefused) {
  EXPECT_THAT(refusal("[[node]]\nid = \"c1\"\nlevel = \"community\"\nname = \"x\"\nchats = \"generic:c1\"\n"),
              names("node[0].chats", "expected an array of strings, found a string"));
  EXPECT_THAT(
      refusal("[[node]]\nid = \"c1\"\nlevel = \"community\"\nname = \"x\"\nchats = [\"generic:c1\", 2]\n"),
      names("node[0].chats[1]", "expected a string, found an integer"));
}

TEST(OrgTree, AChatWithoutAPlatformIsRefused) {
  EXPECT_THAT(refusal("[[node]]\nid = \"c1\"\nlevel = \"community\"\nname = \"x\"\nchats = [\"c1\"]\n"),
              names("node[0].chats", "\"c1\" is not a qualified id \"platform:id\""));
}

TEST(OrgTree, ALeaderOnAnUnknownPlatformIsRefused) {
  EXPECT_THAT(
      refusal("[[node]]\nid = \"c1\"\nlevel = \"community\"\nname = \"x\"\nleaders = [\"wechat:u\"]\n"),
      names("node[0].leaders", "unknown platform \"wechat\""));
}

TEST(OrgTree, StaffWithNothingAfterThePlatformIsRefused) {
  EXPECT_THAT(refusal("[[node]]\nid = \"c1\"\nlevel = \"community\"\nname = \"x\"\nstaff = [\"generic:\"]\n"),
              names("node[0].staff", "has nothing after \"generic:\""));
}

TEST(OrgTree, ALeaderListedTwiceIsRefused) {
  EXPECT_THAT(refusal("[[node]]\nid = \"c1\"\nlevel = \"community\"\nname = \"x\"\n"
                      "leaders = [\"generic:u\", \"generic:u\"]\n"),
              names("node[0].leaders", "\"generic:u\" is listed twice"));
}

TEST(OrgTree, AChatBoundToTwoNodesIsRefused) {
  EXPECT_THAT(
      refusal(with_community("[[node]]\nid = \"g1\"\nlevel = \"grid\"\nparent = \"c1\"\nname = "
                             "\"x\"\nchats = [\"generic:c1\"]\n")),
      names("node[1].chats", "chat \"generic:c1\" is bound twice: it is already bound to node \"c1\""));
}

TEST(OrgTree, AChatBoundToANodeAndAResponderIsRefused) {
  EXPECT_THAT(
      refusal(with_community(
          "[[responder]]\nid = \"wuye\"\nname = \"物业\"\nnode = \"c1\"\nchats = [\"generic:c1\"]\n")),
      names("responder[0].chats", "chat \"generic:c1\" is bound twice: it is already bound to node \"c1\""));
}

TEST(Responders, AResponderIsReadWithItsNodeAndChats) {
  const Config config = parse_config(
      with_community(
          "[[responder]]\nid = \"wuye\"\nname = \"物业\"\nnode = \"c1\"\nchats = [\"generic:wuye\"]\n"),
      kSource);
  ASSERT_EQ(config.responders.size(), 1u);
  EXPECT_EQ(config.responders[0].id, "wuye");
  EXPECT_EQ(config.responders[0].name, "物业");
  EXPECT_EQ(config.responders[0].node, "c1");
  EXPECT_EQ(config.responders[0].chats, (std::vector<std::string>{"generic:wuye"}));
}

TEST(Responders, AResponderAtAnUnknownNodeIsRefused) {
  EXPECT_THAT(refusal(with_community("[[responder]]\nid = \"wuye\"\nname = \"物业\"\nnode = \"c9\"\n")),
              names("responder[0].node", "\"c9\" is not a node"));
}

TEST(Responders, ADuplicateResponderIdIsRefused) {
  EXPECT_THAT(refusal(with_community("[[responder]]\nid = \"wuye\"\nname = \"物业\"\nnode = \"c1\"\n"
                                     "[[responder]]\nid = \"wuye\"\nname = \"派出所\"\nnode = \"c1\"\n")),
              names("responder[1].id", "duplicate responder id \"wuye\""));
}

TEST(Responders, AResponderWithoutANodeIsRefused) {
  EXPECT_THAT(refusal(with_community("[[responder]]\nid = \"wuye\"\nname = \"物业\"\n")),
              names("responder[0].node", "missing (required)"));
}

TEST(Responders, AnUnknownKeyInAResponderIsRefused) {
  EXPECT_THAT(
      refusal(with_community("[[responder]]\nid = \"w\"\nname = \"物业\"\nnode = \"c1\"\nphone = \"110\"\n")),
      names("responder[0].phone", "unknown key"));
}

}  // namespace
}  // namespace whistle::config
