// Store additions for check-in, sign-in codes, edits and the lists (issue 11: attendance).
#include <gtest/gtest.h>

#include "store/database.hpp"
#include "store/people.hpp"
#include "store/signups.hpp"
#include "store/tasks.hpp"
#include "tests/store/store_test_support.hpp"

namespace whistle::store {
namespace {

class AttendanceStoreTest : public ::testing::Test {
 protected:
  Database db{DatabaseOptions{.path = ":memory:"}};
  SignupRepository signups{db};
  TaskRepository tasks{db};
  std::int64_t task_id = 0;

  std::int64_t new_task(std::optional<std::int64_t> start) {
    Task t;
    t.community = "c1";
    t.node = "b3u2";
    t.chat = "generic:b3u2";
    t.creator = "generic:u-chen";
    t.title = "x";
    t.start = start;
    return tasks.create(t).id;
  }

  void SetUp() override {
    testing::add_small_org(db);
    PeopleRepository people(db);
    for (const char* p : {"generic:u-chen", "generic:a", "generic:b", "generic:c", "generic:d"})
      people.touch(p, "", 0);
    task_id = new_task(100);
  }
};

TEST_F(AttendanceStoreTest, ASignupRemembersTheNodeWhereThePersonReportedIn) {
  signups.put(task_id, "generic:a", SignupState::signed_up, 1);
  EXPECT_FALSE(signups.find(task_id, "generic:a")->node.has_value());
  signups.set_node(task_id, "generic:a", std::string("b3u2"));
  EXPECT_EQ(signups.find(task_id, "generic:a")->node, "b3u2");
  EXPECT_EQ(signups.active(task_id).front().node, "b3u2");
  signups.set_node(task_id, "generic:a", std::nullopt);
  EXPECT_FALSE(signups.find(task_id, "generic:a")->node.has_value());
}

TEST_F(AttendanceStoreTest, APersonsOpenSignupsComeSoonestFirstWithoutWithdrawnOrClosed) {
  const std::int64_t later = new_task(500);
  const std::int64_t closed = new_task(50);
  const std::int64_t withdrawn = new_task(60);
  signups.put(later, "generic:a", SignupState::waitlisted, 1);
  signups.put(task_id, "generic:a", SignupState::signed_up, 1);
  signups.put(closed, "generic:a", SignupState::signed_up, 1);
  signups.put(withdrawn, "generic:a", SignupState::withdrawn, 1);
  tasks.set_status(closed, TaskStatus::finished, 2);

  const std::vector<Signup> mine = signups.open_of_person("c1", "generic:a");
  ASSERT_EQ(mine.size(), 2u);
  EXPECT_EQ(mine[0].task_id, task_id);
  EXPECT_EQ(mine[1].task_id, later);
  EXPECT_EQ(mine[1].state, SignupState::waitlisted);
  EXPECT_TRUE(signups.open_of_person("other", "generic:a").empty());
}

TEST_F(AttendanceStoreTest, MovingToTheWaitlistHeadGoesBeforeEveryoneWaiting) {
  signups.put(task_id, "generic:a", SignupState::signed_up, 1);
  signups.put(task_id, "generic:b", SignupState::signed_up, 2);
  signups.put(task_id, "generic:c", SignupState::waitlisted, 3);
  signups.put(task_id, "generic:d", SignupState::waitlisted, 4);
  signups.move_to_waitlist_head(task_id, "generic:b");
  EXPECT_EQ(signups.find(task_id, "generic:b")->state, SignupState::waitlisted);
  EXPECT_EQ(signups.waitlist_position(task_id, "generic:b"), 1);
  EXPECT_EQ(signups.waitlist_position(task_id, "generic:c"), 2);
  EXPECT_EQ(signups.waitlist_position(task_id, "generic:d"), 3);
  EXPECT_EQ(signups.count(task_id, SignupState::signed_up), 1);
}

TEST_F(AttendanceStoreTest, MovingToAnEmptyWaitlistKeepsThePlaceInLine) {
  signups.put(task_id, "generic:a", SignupState::signed_up, 1);
  signups.move_to_waitlist_head(task_id, "generic:a");
  EXPECT_EQ(signups.waitlist_position(task_id, "generic:a"), 1);
  EXPECT_EQ(signups.first_waitlisted(task_id)->person, "generic:a");
}

TEST_F(AttendanceStoreTest, ATaskKeepsItsSignInCode) {
  EXPECT_FALSE(tasks.sign_code(task_id).has_value());
  tasks.set_sign_code(task_id, "0483");
  EXPECT_EQ(tasks.sign_code(task_id), "0483");
  EXPECT_FALSE(tasks.sign_code(task_id + 1000).has_value());
}

TEST_F(AttendanceStoreTest, AnEditChangesTheDetailsAndKeepsTheRest) {
  Task task = *tasks.by_id(task_id);
  task.title = "y";
  task.place = "3号楼";
  task.places = 4;
  task.points = 8;
  task.start = 200;
  task.end = 300;
  tasks.update_details(task);
  const Task read = *tasks.by_id(task_id);
  EXPECT_EQ(read.title, "y");
  EXPECT_EQ(read.place, "3号楼");
  EXPECT_EQ(read.places, 4);
  EXPECT_EQ(read.points, 8);
  EXPECT_EQ(read.start, 200);
  EXPECT_EQ(read.end, 300);
  EXPECT_EQ(read.number, 1);
  EXPECT_EQ(read.creator, "generic:u-chen");
  EXPECT_EQ(read.status, TaskStatus::open);
}

}  // namespace
}  // namespace whistle::store
