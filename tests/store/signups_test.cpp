#include "store/signups.hpp"

#include <gtest/gtest.h>

#include "store/database.hpp"
#include "store/people.hpp"
#include "store/tasks.hpp"
#include "tests/store/store_test_support.hpp"

namespace whistle::store {
namespace {

class SignupsTest : public ::testing::Test {
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
    t.title = "x";
    task_id = TaskRepository(db).create(t).id;
  }
};

TEST_F(SignupsTest, TheWaitlistIsOrderedByTimeOfReply) {
  signups.put(task_id, "generic:a", SignupState::signed_up, 1);
  signups.put(task_id, "generic:b", SignupState::waitlisted, 2);
  signups.put(task_id, "generic:c", SignupState::waitlisted, 3);
  EXPECT_EQ(signups.count(task_id, SignupState::signed_up), 1);
  EXPECT_EQ(signups.count(task_id, SignupState::waitlisted), 2);
  EXPECT_EQ(signups.first_waitlisted(task_id)->person, "generic:b");
  EXPECT_EQ(signups.waitlist_position(task_id, "generic:b"), 1);
  EXPECT_EQ(signups.waitlist_position(task_id, "generic:c"), 2);
  EXPECT_EQ(signups.waitlist_position(task_id, "generic:a"), 0);
}

TEST_F(SignupsTest, ReportingInAgainAfterWithdrawingGoesToTheBackOfTheLine) {
  signups.put(task_id, "generic:a", SignupState::waitlisted, 1);
  signups.put(task_id, "generic:b", SignupState::waitlisted, 2);
  signups.set_state(task_id, "generic:a", SignupState::withdrawn);
  EXPECT_EQ(signups.first_waitlisted(task_id)->person, "generic:b");
  signups.put(task_id, "generic:a", SignupState::waitlisted, 4);
  EXPECT_EQ(signups.waitlist_position(task_id, "generic:a"), 2);
  auto active = signups.active(task_id);
  ASSERT_EQ(active.size(), 2u);
  EXPECT_EQ(active[0].person, "generic:b");
}

TEST_F(SignupsTest, OnePersonHasOneSignupPerTask) {
  signups.put(task_id, "generic:a", SignupState::signed_up, 1);
  signups.put(task_id, "generic:a", SignupState::signed_up, 2);
  EXPECT_EQ(signups.count(task_id, SignupState::signed_up), 1);
  EXPECT_EQ(signups.find(task_id, "generic:a")->state, SignupState::signed_up);
  EXPECT_FALSE(signups.find(task_id, "generic:b").has_value());
}

// issue 12: where a private report with no place goes
TEST_F(SignupsTest, TheLastNodeAPersonReportedInAtIsTheChatsElseTheTasks) {
  EXPECT_FALSE(signups.last_node_of_person("c1", "generic:a"));
  signups.put(task_id, "generic:a", SignupState::signed_up, 1);
  EXPECT_EQ(signups.last_node_of_person("c1", "generic:a"), "b3u2");  // from private: the task's node

  Task other;
  other.community = "c1";
  other.node = "b3";
  other.chat = "generic:b3";
  other.creator = "generic:u-chen";
  other.title = "y";
  const std::int64_t later = TaskRepository(db).create(other).id;
  signups.put(later, "generic:a", SignupState::signed_up, 5);
  signups.set_node(later, "generic:a", "b3u1");
  EXPECT_EQ(signups.last_node_of_person("c1", "generic:a"), "b3u1");
  EXPECT_FALSE(signups.last_node_of_person("c2", "generic:a"));

  // Withdrawing later from the first task ("取消 1 我搬走了") is no report-in there: the later
  // report-in stands. A withdrawn signup counts as of its report-in ("请假 2" in one's own unit after
  // once helping elsewhere still says where one lives).
  signups.set_state(task_id, "generic:a", SignupState::withdrawn);
  EXPECT_EQ(signups.last_node_of_person("c1", "generic:a"), "b3u1");
  EXPECT_EQ(signups.find(task_id, "generic:a")->at, 1);
  // Nor does a move up from the waitlist make a report-in of it (the final read, 2026-12-07).
  signups.set_state(task_id, "generic:a", SignupState::signed_up);
  EXPECT_EQ(signups.find(task_id, "generic:a")->at, 1);
  signups.set_state(task_id, "generic:a", SignupState::withdrawn);
  signups.set_state(later, "generic:a", SignupState::withdrawn);
  EXPECT_EQ(signups.last_node_of_person("c1", "generic:a"), "b3u1");
}

}  // namespace
}  // namespace whistle::store
