#include "store/tasks.hpp"

#include <gtest/gtest.h>

#include "store/database.hpp"
#include "store/people.hpp"
#include "tests/store/store_test_support.hpp"

namespace whistle::store {
namespace {

class TasksTest : public ::testing::Test {
 protected:
  Database db{DatabaseOptions{.path = ":memory:"}};
  TaskRepository tasks{db};
  void SetUp() override {
    testing::add_small_org(db);
    OrgRepository(db).upsert_node({"c2", "c2", 0, "", "另一社区"});
    PeopleRepository(db).touch("generic:u-chen", "陈", 0);
  }
  Task draft(const std::string& community, const std::string& node) {
    Task t;
    t.community = community;
    t.node = node;
    t.chat = "generic:" + node;
    t.creator = "generic:u-chen";
    t.title = "清理楼道杂物";
    t.places = 5;
    t.points = 10;
    t.start = 1000;
    t.end = 2000;
    t.created_at = 500;
    return t;
  }
};

TEST_F(TasksTest, NumbersCountUpWithinEachCommunity) {
  EXPECT_EQ(tasks.create(draft("c1", "b3u2")).number, 1);
  EXPECT_EQ(tasks.create(draft("c1", "b3u1")).number, 2);
  EXPECT_EQ(tasks.create(draft("c2", "c2")).number, 1);
  EXPECT_EQ(tasks.by_number("c1", 2)->node, "b3u1");
  EXPECT_FALSE(tasks.by_number("c2", 2).has_value());
}

TEST_F(TasksTest, ACreatedTaskKeepsEverySlotAndIsOpen) {
  Task draft_task = draft("c1", "b3u2");
  draft_task.place = "3号楼";
  Task t = tasks.create(draft_task);
  EXPECT_EQ(t.status, TaskStatus::open);
  EXPECT_EQ(t.title, "清理楼道杂物");
  EXPECT_EQ(t.place, "3号楼");
  EXPECT_EQ(t.places, 5);
  EXPECT_EQ(t.points, 10);
  EXPECT_EQ(t.start, 1000);
  EXPECT_EQ(t.end, 2000);
  Task unlimited = draft("c1", "b3u2");
  unlimited.places.reset();
  unlimited.start.reset();
  EXPECT_FALSE(tasks.create(unlimited).places.has_value());
}

// "每单元1人": the level and the count for each node are stored beside the places, and an edit
// writes them as it writes the places (schema_v13.hpp).
TEST_F(TasksTest, PlacesCountedForEachNodeAreStoredAndEditedWithThePlaces) {
  Task wanted = draft("c1", "b3");
  wanted.places = 2;
  wanted.per_node = PlacesPerNode{3, 1};
  const std::int64_t id = tasks.create(wanted).id;
  db.drop_hot_state();
  std::optional<Task> read = tasks.by_id(id);
  ASSERT_TRUE(read && read->per_node);
  EXPECT_EQ(*read->per_node, (PlacesPerNode{3, 1}));
  EXPECT_EQ(read->places, 2);

  read->per_node.reset();
  read->places = 6;
  tasks.update_details(*read);
  db.drop_hot_state();
  EXPECT_FALSE(tasks.by_id(id)->per_node.has_value());
  EXPECT_EQ(tasks.by_id(id)->places, 6);
  // Every task stored before counts its places as one pool.
  db.drop_hot_state();
  EXPECT_FALSE(tasks.by_id(tasks.create(draft("c1", "b3u2")).id)->per_node.has_value());
}

TEST_F(TasksTest, OpenTasksOfAChatIncludeThosePostedThereAndNotClosedOnes) {
  Task a = tasks.create(draft("c1", "b3"));
  tasks.post(a.id, "generic:b3u2");
  tasks.post(a.id, "generic:b3u2");
  Task b = tasks.create(draft("c1", "b3u2"));
  auto open = tasks.open_in_chat("generic:b3u2");
  ASSERT_EQ(open.size(), 2u);
  EXPECT_EQ(open[0].id, a.id);
  tasks.set_status(a.id, TaskStatus::finished, 3000);
  open = tasks.open_in_chat("generic:b3u2");
  ASSERT_EQ(open.size(), 1u);
  EXPECT_EQ(open[0].id, b.id);
  EXPECT_EQ(tasks.by_id(a.id)->status, TaskStatus::finished);
}

TEST_F(TasksTest, PostedChatsStartWithTheOriginalChat) {
  Task t = tasks.create(draft("c1", "b3"));
  tasks.post(t.id, "generic:b3u1");
  tasks.post(t.id, "generic:b3u2");
  EXPECT_EQ(tasks.posted_chats(t.id),
            (std::vector<std::string>{"generic:b3", "generic:b3u1", "generic:b3u2"}));
}

}  // namespace
}  // namespace whistle::store
