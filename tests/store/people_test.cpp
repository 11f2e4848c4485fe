#include "store/people.hpp"

#include <gtest/gtest.h>

#include <stdexcept>

#include "store/database.hpp"
#include "tests/store/store_test_support.hpp"

namespace whistle::store {
namespace {

class PeopleTest : public ::testing::Test {
 protected:
  Database db{DatabaseOptions{.path = ":memory:"}};
  PeopleRepository people{db};
  void SetUp() override { testing::add_small_org(db); }
};

TEST_F(PeopleTest, TouchingKeepsTheLatestNonEmptyName) {
  people.touch("generic:u-zhang", "张三", 1);
  people.touch("generic:u-zhang", "", 2);
  EXPECT_EQ(people.find("generic:u-zhang")->name, "张三");
  people.touch("generic:u-zhang", "张老三", 3);
  EXPECT_EQ(people.find("generic:u-zhang")->name, "张老三");
  EXPECT_FALSE(people.find("generic:nobody").has_value());
}

TEST_F(PeopleTest, TheConfigNamesSomeoneWhoHasNotSpokenYet) {
  people.set_configured_name("generic:u-li", "李网格长");
  EXPECT_EQ(people.find("generic:u-li")->name, "李网格长");
  // Someone who spoke without a name gets the config's too.
  people.touch("generic:u-zhang", "", 5);
  people.set_configured_name("generic:u-zhang", "张三");
  EXPECT_EQ(people.find("generic:u-zhang")->name, "张三");
}

TEST_F(PeopleTest, ANameFromAMessageTakesOverAndTheConfigNeverOverwritesIt) {
  people.set_configured_name("generic:u-li", "李网格长");
  people.touch("generic:u-li", "", 5);
  EXPECT_EQ(people.find("generic:u-li")->name, "李网格长");
  people.touch("generic:u-li", "李强", 6);
  EXPECT_EQ(people.find("generic:u-li")->name, "李强");
  // The next start writes the config again: the platform's name stays.
  people.set_configured_name("generic:u-li", "李网格长");
  EXPECT_EQ(people.find("generic:u-li")->name, "李强");
}

TEST_F(PeopleTest, ARenameInTheConfigAppliesWhileNoMessageHasNamedThePerson) {
  people.set_configured_name("generic:u-li", "李网格长");
  people.set_configured_name("generic:u-li", "李主任");
  EXPECT_EQ(people.find("generic:u-li")->name, "李主任");
  // A message bringing the very same name makes it the platform's: a later rename leaves it.
  people.touch("generic:u-li", "李主任", 7);
  people.set_configured_name("generic:u-li", "李网格长");
  EXPECT_EQ(people.find("generic:u-li")->name, "李主任");
}

TEST_F(PeopleTest, ARoleCanBeGrantedBeforeThePersonHasSpokenAndOnlyOnce) {
  people.grant("generic:u-li", "g1", Role::leader, 1);
  people.grant("generic:u-li", "g1", Role::leader, 2);
  EXPECT_TRUE(people.has_role("generic:u-li", "g1", Role::leader));
  EXPECT_FALSE(people.has_role("generic:u-li", "g1", Role::staff));
  EXPECT_EQ(people.holders("g1", Role::leader).size(), 1u);
  EXPECT_EQ(people.find("generic:u-li")->name, "");
}

TEST_F(PeopleTest, EveryNewPersonIsNumberedInTurnAndTheirRolesCarryTheNumber) {
  // However a person first comes (a message, the config, a grant), the next number; a person seen
  // again keeps theirs.
  const int before = db.raw().execAndGet("SELECT IFNULL(MAX(serial), 0) FROM people").getInt();
  people.touch("generic:ou_f3a9", "张三", 1);
  people.set_configured_name("generic:ou_07b2", "李网格长");
  people.grant("generic:ou_c5d1", "g1", Role::volunteer, 2);
  people.touch("generic:ou_f3a9", "张老三", 3);
  db.drop_hot_state();  // the grants below write again, not memory
  people.grant("generic:ou_f3a9", "g1", Role::volunteer, 4);
  people.grant("generic:ou_07b2", "g1", Role::leader, 5);
  EXPECT_EQ(db.raw()
                .execAndGet("SELECT group_concat(substr(id, 9) || '=' || (serial - " +
                            std::to_string(before) + "), ' ') FROM (SELECT * FROM people WHERE serial > " +
                            std::to_string(before) + " ORDER BY serial)")
                .getString(),
            "ou_f3a9=1 ou_07b2=2 ou_c5d1=3");
  // Each role names its person twice, the same person both ways.
  EXPECT_EQ(db.raw()
                .execAndGet("SELECT COUNT(*) FROM roles r JOIN people p ON p.id = r.person_id "
                            "WHERE r.person_serial <> p.serial")
                .getInt(),
            0);
  // And the number is what a second grant is told apart by: once, read afresh too.
  people.grant("generic:ou_f3a9", "g1", Role::volunteer, 6);
  db.drop_hot_state();
  people.grant("generic:ou_f3a9", "g1", Role::volunteer, 7);
  EXPECT_EQ(db.raw().execAndGet("SELECT COUNT(*) FROM roles WHERE person_id = 'generic:ou_f3a9'").getInt(),
            1);
  EXPECT_EQ(people.nodes_with_role("generic:ou_f3a9", Role::volunteer), (std::vector<std::string>{"g1"}));
}

TEST_F(PeopleTest, HoldersComeInTheOrderTheyWereGranted) {
  people.grant("generic:u-b", "b3", Role::leader, 1);
  people.grant("generic:u-v", "b3", Role::volunteer, 2);
  people.grant("generic:u-a", "b3", Role::leader, 3);
  auto holders = people.holders("b3", Role::leader);
  ASSERT_EQ(holders.size(), 2u);
  EXPECT_EQ(holders[0].id, "generic:u-b");
  EXPECT_EQ(holders[1].id, "generic:u-a");
  EXPECT_EQ(people.nodes_with_role("generic:u-v", Role::volunteer), (std::vector<std::string>{"b3"}));
}

TEST_F(PeopleTest, APersonsNodesComeInTheOrderTheirRolesWereGrantedEvenReadAfresh) {
  // Granted out of the (person, node, role) order of the roles' unique index.
  people.grant("generic:u-li", "b3u2", Role::leader, 1);
  people.grant("generic:u-li", "b3", Role::leader, 2);
  people.grant("generic:u-li", "c1", Role::leader, 3);
  people.grant("generic:u-li", "b3u1", Role::leader, 4);
  const std::vector<std::string> granted{"b3u2", "b3", "c1", "b3u1"};
  EXPECT_EQ(people.nodes_with_role("generic:u-li", Role::leader), granted);
  db.drop_hot_state();  // read from SQLite, not from what the grants left in memory
  EXPECT_EQ(people.nodes_with_role("generic:u-li", Role::leader), granted);
}

// Nobody lists a node's volunteers, and the index by node leaves them out (schema v7): asking is
// a programming error, not an empty answer.
TEST_F(PeopleTest, VolunteersAreNotListedByNode) {
  people.grant("generic:u-v", "b3", Role::volunteer, 1);
  EXPECT_THROW(people.holders("b3", Role::volunteer), std::invalid_argument);
  EXPECT_THROW(people.holders_in_community("c1", Role::volunteer), std::invalid_argument);
}

TEST_F(PeopleTest, FindingByNameLooksOnlyAtPeopleWithARoleInTheCommunity) {
  people.touch("generic:u-zhang", "张三", 1);
  people.touch("generic:u-other", "张三", 1);
  people.grant("generic:u-zhang", "b3u2", Role::volunteer, 1);
  auto found = people.find_by_name("c1", "张三");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].id, "generic:u-zhang");
  EXPECT_TRUE(people.find_by_name("c2", "张三").empty());
}

}  // namespace
}  // namespace whistle::store

namespace whistle::store {
namespace {

TEST(PeopleRevoke, RevokingARoleLeavesTheOtherRolesAlone) {
  Database db(DatabaseOptions{.path = ":memory:"});
  testing::add_small_org(db);
  PeopleRepository people(db);
  people.grant("generic:u-li", "g1", Role::leader, 1);
  people.grant("generic:u-zhang", "b3u2", Role::volunteer, 1);
  people.revoke_all(Role::leader);
  EXPECT_FALSE(people.has_role("generic:u-li", "g1", Role::leader));
  EXPECT_TRUE(people.has_role("generic:u-zhang", "b3u2", Role::volunteer));
}

}  // namespace
}  // namespace whistle::store
