#include "store/consistency.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <gtest/gtest.h>

#include "store/database.hpp"
#include "store/ledger.hpp"
#include "store/ledger_chain.hpp"
#include "store/people.hpp"
#include "store/signups.hpp"
#include "store/tasks.hpp"
#include "tests/store/store_test_support.hpp"

namespace whistle::store {
namespace {

class ConsistencyTest : public ::testing::Test {
 protected:
  Database db{DatabaseOptions{.path = ":memory:"}};
  SignupRepository signups{db};
  std::int64_t task_id = 0;

  void SetUp() override {
    testing::add_small_org(db);
    PeopleRepository people(db);
    for (const char* p : {"generic:u-chen", "generic:a", "generic:b", "generic:c"})
      people.touch(p, "", 0);
    Task t;
    t.community = "c1";
    t.node = "b3u2";
    t.chat = "generic:b3u2";
    t.creator = "generic:u-chen";
    t.title = "清理楼道杂物";
    t.places = 2;
    task_id = TaskRepository(db).create(t).id;
  }

  // Appends a correctly chained ledger entry through the product's ledger writer.
  void add_entry(const std::string& person, std::int64_t points, std::int64_t at) {
    LedgerRepository(db).append(NewLedgerEntry{.community = "c1",
                                               .person = person,
                                               .points = points,
                                               .minutes = 60,
                                               .kind = LedgerKind::adjust,
                                               .node = "b3u2",
                                               .author = "generic:u-chen",
                                               .reason = "志愿服务",
                                               .at = at});
  }

  std::vector<std::string> violations() { return check_consistency(db).violations; }
};

TEST_F(ConsistencyTest, AHealthyDatabasePasses) {
  signups.put(task_id, "generic:a", SignupState::signed_up, 1);
  signups.put(task_id, "generic:b", SignupState::signed_up, 2);
  signups.put(task_id, "generic:c", SignupState::waitlisted, 3);
  add_entry("generic:a", 10, 1);
  add_entry("generic:b", 5, 2);
  add_entry("generic:a", -3, 3);
  const ConsistencyReport report = check_consistency(db);
  EXPECT_TRUE(report.violations.empty()) << report.violations.front();
  EXPECT_EQ(report.tasks, 1);
  EXPECT_EQ(report.signups, 3);
  EXPECT_EQ(report.ledger_entries, 3);
  EXPECT_EQ(report.people_with_points, 2);
  EXPECT_EQ(report.points_total, 12);
}

TEST_F(ConsistencyTest, MorePeopleThanPlacesIsReported) {
  for (const char* p : {"generic:a", "generic:b", "generic:c"})
    signups.put(task_id, p, SignupState::signed_up, 1);
  const auto found = violations();
  ASSERT_EQ(found.size(), 1u);
  EXPECT_NE(found[0].find("3 people for 2 places"), std::string::npos) << found[0];
}

TEST_F(ConsistencyTest, SomeoneWaitingBesideAFreePlaceIsReported) {
  signups.put(task_id, "generic:a", SignupState::signed_up, 1);
  signups.put(task_id, "generic:b", SignupState::waitlisted, 2);
  const auto found = violations();
  ASSERT_EQ(found.size(), 1u);
  EXPECT_NE(found[0].find("waiting"), std::string::npos) << found[0];
}

// "每单元1人" on 3号楼: each unit's place is its own. Someone waiting for 3号楼2单元's place while
// 3号楼1单元's is free waits rightly; waiting while their own unit's is free, or a unit holding two,
// is wrong.
TEST_F(ConsistencyTest, PlacesCountedPerUnitAreCheckedUnitByUnit) {
  TaskRepository tasks(db);
  Task per_unit = *tasks.by_id(task_id);
  per_unit.node = "b3";
  per_unit.places = 2;
  per_unit.per_node = PlacesPerNode{3, 1};
  const std::int64_t id = tasks.create(per_unit).id;
  signups.put(id, "generic:a", SignupState::signed_up, 1, std::string("b3u2"));
  signups.put(id, "generic:b", SignupState::waitlisted, 2, std::string("b3u2"));
  EXPECT_TRUE(violations().empty()) << violations().front();

  signups.put(id, "generic:c", SignupState::waitlisted, 3, std::string("b3u1"));
  std::vector<std::string> found = violations();
  ASSERT_EQ(found.size(), 1u);
  EXPECT_NE(found[0].find("waiting for b3u1"), std::string::npos) << found[0];

  signups.set_state(id, "generic:c", SignupState::withdrawn);
  signups.set_state(id, "generic:b", SignupState::signed_up);
  found = violations();
  ASSERT_EQ(found.size(), 1u);
  EXPECT_NE(found[0].find("2 people for the 1 places of b3u2"), std::string::npos) << found[0];

  // Waiting for a place no unit will ever free, while a place is free.
  signups.set_state(id, "generic:b", SignupState::withdrawn);
  signups.set_state(id, "generic:c", SignupState::waitlisted);
  signups.set_node(id, "generic:c", std::nullopt);
  found = violations();
  ASSERT_EQ(found.size(), 1u);
  EXPECT_NE(found[0].find("waiting for a place of no node"), std::string::npos) << found[0];
}

// A leader cuts the places: the last signed up goes back to the head of the line, one seq before
// the first waitlisted, which a withdrawn signup may hold. The line is still one order (seq, then
// person), so nothing is wrong.
TEST_F(ConsistencyTest, ASignupMovedToTheHeadOfTheLineMayShareASeqWithOneWhoLeft) {
  PeopleRepository(db).touch("generic:d", "", 0);
  signups.put(task_id, "generic:a", SignupState::signed_up, 1);   // seq 1
  signups.put(task_id, "generic:b", SignupState::signed_up, 2);   // seq 2
  signups.put(task_id, "generic:c", SignupState::waitlisted, 3);  // seq 3
  signups.put(task_id, "generic:d", SignupState::waitlisted, 4);  // seq 4
  signups.set_state(task_id, "generic:c", SignupState::withdrawn);
  db.raw().exec("UPDATE tasks SET places = 1 WHERE id = " + std::to_string(task_id));
  signups.move_to_waitlist_head(task_id, "generic:b");
  ASSERT_EQ(signups.find(task_id, "generic:b")->seq, signups.find(task_id, "generic:c")->seq);
  EXPECT_EQ(signups.waitlist_position(task_id, "generic:b"), 1);
  EXPECT_EQ(signups.waitlist_position(task_id, "generic:d"), 2);
  EXPECT_TRUE(violations().empty()) << violations().front();
}

// Two in line on one seq would both be told the same place in line.
TEST_F(ConsistencyTest, TwoWaitlistedOnOneSeqAreReported) {
  PeopleRepository(db).touch("generic:d", "", 0);
  signups.put(task_id, "generic:a", SignupState::signed_up, 1);
  signups.put(task_id, "generic:b", SignupState::signed_up, 2);
  signups.put(task_id, "generic:c", SignupState::waitlisted, 3);
  signups.put(task_id, "generic:d", SignupState::waitlisted, 4);
  db.raw().exec("UPDATE signups SET seq = 3 WHERE person_id = 'generic:d'");  // a bug's doing
  const auto found = violations();
  ASSERT_EQ(found.size(), 1u);
  EXPECT_NE(found[0].find("share"), std::string::npos) << found[0];
}

TEST_F(ConsistencyTest, AnEditedLedgerEntryBreaksTheChain) {
  add_entry("generic:a", 10, 1);
  add_entry("generic:b", 5, 2);
  // The append-only triggers refuse an UPDATE; a forger who drops them is still caught.
  db.raw().exec("DROP TRIGGER ledger_no_update");
  db.raw().exec("UPDATE ledger SET points = 500 WHERE person_id = 'generic:a'");
  const auto found = violations();
  ASSERT_EQ(found.size(), 1u);
  EXPECT_NE(found[0].find("does not match its hash"), std::string::npos) << found[0];
}

TEST_F(ConsistencyTest, ARemovedLedgerEntryBreaksTheChain) {
  add_entry("generic:a", 10, 1);
  add_entry("generic:b", 5, 2);
  add_entry("generic:c", 7, 3);
  db.raw().exec("DROP TRIGGER ledger_no_delete");
  db.raw().exec("DELETE FROM ledger WHERE person_id = 'generic:b'");
  const auto found = violations();
  ASSERT_EQ(found.size(), 1u);
  EXPECT_NE(found[0].find("does not follow"), std::string::npos) << found[0];
}

TEST_F(ConsistencyTest, ANegativeBalanceIsReported) {
  add_entry("generic:a", 10, 1);
  add_entry("generic:a", -11, 2);
  const auto found = violations();
  ASSERT_EQ(found.size(), 1u);
  EXPECT_NE(found[0].find("negative balance (-1)"), std::string::npos) << found[0];
}

}  // namespace
}  // namespace whistle::store
