// The writer's hot state (docs/hot_state.md) never holds what the disk does not: every way a write
// can be undone (a rollback, a savepoint undone, a failed commit, the disk filling up) drops it,
// and a write from another connection is seen at the next transaction.
#include "store/hot_state.hpp"

#include <SQLiteCpp/Database.h>
#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "store/database.hpp"
#include "store/jobs.hpp"
#include "store/org.hpp"
#include "store/people.hpp"
#include "store/signups.hpp"
#include "store/statement_trace.hpp"
#include "store/tasks.hpp"
#include "store_test_support.hpp"

namespace whistle::store {
namespace {

using testing::add_small_org;
using testing::TempDatabaseFile;

class HotStateTest : public ::testing::Test {
 protected:
  HotStateTest() : db_(DatabaseOptions{.path = file_.path()}) {
    Transaction transaction(db_);
    add_small_org(db_);
    people_.touch("generic:a", "阿一", 1);
    Task task;
    task.community = "c1";
    task.node = "b3u2";
    task.chat = "generic:b3u2";
    task.creator = "generic:a";
    task.title = "打扫楼道";
    task.places = 2;
    task_ = tasks_.create(task).id;
    transaction.commit();
  }

  // What SQLite holds of a signup, through a connection of its own (no hot state of ours).
  std::optional<std::string> state_on_disk(const std::string& person) {
    SQLite::Database other(file_.path());
    SQLite::Statement s(other, "SELECT state FROM signups WHERE task_id = ? AND person_id = ?");
    s.bind(1, static_cast<std::int64_t>(task_));
    s.bind(2, person);
    if (!s.executeStep()) return std::nullopt;
    return s.getColumn(0).getString();
  }

  TempDatabaseFile file_{"hot-state"};
  Database db_;
  PeopleRepository people_{db_};
  TaskRepository tasks_{db_};
  SignupRepository signups_{db_};
  std::int64_t task_ = 0;
};

TEST_F(HotStateTest, ATransactionRolledBackLeavesNothingOfItsWritesInMemory) {
  const std::uint64_t before = db_.hot().generation();
  {
    Transaction transaction(db_);
    people_.touch("generic:b", "阿二", 2);
    signups_.put(task_, "generic:b", SignupState::signed_up, 2);
    ASSERT_EQ(signups_.count(task_, SignupState::signed_up), 1);  // read from memory, uncommitted
  }
  EXPECT_GT(db_.hot().generation(), before);
  EXPECT_FALSE(signups_.find(task_, "generic:b"));
  EXPECT_EQ(signups_.count(task_, SignupState::signed_up), 0);
  EXPECT_FALSE(people_.find("generic:b"));
  EXPECT_EQ(state_on_disk("generic:b"), std::nullopt);
}

TEST_F(HotStateTest, ASavepointUndoneTakesTheWholeHotStateWithIt) {
  Transaction transaction(db_);
  signups_.put(task_, "generic:a", SignupState::signed_up, 2);
  const std::uint64_t before = db_.hot().generation();
  {
    Savepoint savepoint(db_);
    people_.touch("generic:b", "阿二", 2);
    signups_.put(task_, "generic:b", SignupState::signed_up, 2);
    people_.grant("generic:b", "b3u2", Role::volunteer, 2);
  }
  EXPECT_GT(db_.hot().generation(), before);
  // Reloaded from the transaction's own view: the write before the savepoint is still there.
  EXPECT_EQ(signups_.count(task_, SignupState::signed_up), 1);
  EXPECT_TRUE(signups_.find(task_, "generic:a"));
  EXPECT_FALSE(signups_.find(task_, "generic:b"));
  EXPECT_FALSE(people_.has_role("generic:b", "b3u2", Role::volunteer));
  transaction.commit();
  EXPECT_EQ(state_on_disk("generic:a"), "signed_up");
}

TEST_F(HotStateTest, AFailedCommitDropsTheHotStateAndItReloadsFromTheDisk) {
  Transaction transaction(db_);
  signups_.put(task_, "generic:a", SignupState::signed_up, 2);
  // A foreign key checked only at COMMIT makes the commit itself fail, as a full disk can.
  db_.raw().exec("PRAGMA defer_foreign_keys = ON");
  db_.raw().exec("INSERT INTO task_posts (task_id, chat_id) VALUES (9999, 'generic:nowhere')");
  const std::uint64_t before = db_.hot().generation();
  EXPECT_THROW(transaction.commit(), std::exception);
  EXPECT_GT(db_.hot().generation(), before);
}

TEST_F(HotStateTest, AFullDiskMidBatchLeavesMemoryEqualToTheDisk) {
  // Room for a few more pages only: the inserts below fail with SQLITE_FULL part way.
  const int pages = db_.raw().execAndGet("PRAGMA page_count").getInt();
  db_.raw().exec("PRAGMA max_page_count = " + std::to_string(pages + 1));
  bool failed = false;
  try {
    Transaction transaction(db_);
    for (int i = 0; i < 5000; ++i) {
      const std::string person = "generic:p" + std::to_string(i) + std::string(200, 'x');
      people_.touch(person, "名字", 2);
      signups_.put(task_, person, SignupState::waitlisted, 2);
    }
    transaction.commit();
  } catch (const std::exception& error) {
    EXPECT_TRUE(is_storage_failure(error)) << error.what();
    failed = true;
  }
  ASSERT_TRUE(failed);
  EXPECT_EQ(signups_.count(task_, SignupState::waitlisted), 0);
  EXPECT_FALSE(signups_.first_waitlisted(task_));
}

TEST_F(HotStateTest, AnotherConnectionsWriteIsSeenAtTheNextTransaction) {
  ASSERT_EQ(people_.find("generic:a")->name, "阿一");
  ASSERT_EQ(signups_.count(task_, SignupState::signed_up), 0);
  {
    // A CLI command, say, writing the same file while the server runs.
    Database other(DatabaseOptions{.path = file_.path()});
    Transaction transaction(other);
    PeopleRepository(other).touch("generic:a", "阿一改", 3);
    SignupRepository(other).put(task_, "generic:a", SignupState::signed_up, 3);
    transaction.commit();
  }
  {
    Transaction transaction(db_);
    EXPECT_EQ(people_.find("generic:a")->name, "阿一改");
    EXPECT_EQ(signups_.count(task_, SignupState::signed_up), 1);
  }
  // Outside a transaction too: each use looks first.
  {
    Database other(DatabaseOptions{.path = file_.path()});
    PeopleRepository(other).touch("generic:a", "阿一又改", 4);
  }
  EXPECT_EQ(people_.find("generic:a")->name, "阿一又改");
}

TEST_F(HotStateTest, OwnCommitsDoNotDropIt) {
  Transaction first(db_);
  signups_.put(task_, "generic:a", SignupState::signed_up, 2);
  first.commit();
  const std::uint64_t before = db_.hot().generation();
  Transaction second(db_);
  EXPECT_EQ(db_.hot().generation(), before);
  second.commit();
}

TEST_F(HotStateTest, TheWaitlistIsAnsweredFromMemoryAsTheSqlWouldCountIt) {
  Transaction transaction(db_);
  for (const char* person : {"generic:a", "generic:b", "generic:c", "generic:d", "generic:e"}) {
    people_.touch(person, "", 2);
    const bool full = signups_.count(task_, SignupState::signed_up) >= 2;
    signups_.put(task_, person, full ? SignupState::waitlisted : SignupState::signed_up, 2);
  }
  EXPECT_EQ(signups_.waitlist_position(task_, "generic:c"), 1);
  EXPECT_EQ(signups_.waitlist_position(task_, "generic:e"), 3);
  EXPECT_EQ(signups_.waitlist_position(task_, "generic:a"), 0);
  signups_.set_state(task_, "generic:c", SignupState::withdrawn, 3);
  EXPECT_EQ(signups_.waitlist_position(task_, "generic:e"), 2);
  EXPECT_EQ(signups_.first_waitlisted(task_)->person, "generic:d");
  signups_.move_to_waitlist_head(task_, "generic:b", 4);
  EXPECT_EQ(signups_.first_waitlisted(task_)->person, "generic:b");
  signups_.put(task_, "generic:c", SignupState::waitlisted, 5);  // back of the line
  EXPECT_EQ(signups_.waitlist_position(task_, "generic:c"), 4);

  // The same answers with nothing in memory, read from SQLite alone.
  const int waiting = signups_.count(task_, SignupState::waitlisted);
  const int e = signups_.waitlist_position(task_, "generic:e");
  db_.drop_hot_state();
  EXPECT_EQ(signups_.count(task_, SignupState::waitlisted), waiting);
  EXPECT_EQ(signups_.waitlist_position(task_, "generic:e"), e);
  EXPECT_EQ(signups_.first_waitlisted(task_)->person, "generic:b");
  transaction.commit();
}

// Memory keeps the waitlist in order and each row out of it is read when asked. Ids longer than a
// string's inline buffer live on the heap, the line is reordered as people join, leave and come
// back, and the set of who has a row rehashes as it grows: the positions must stay what SQLite
// says through every change.
TEST_F(HotStateTest, ALongWaitlistOfLongIdsStaysTrueThroughEveryChange) {
  Transaction transaction(db_);
  const auto id = [](int n) { return "generic:volunteer-with-a-long-platform-id-" + std::to_string(n); };
  constexpr int kPeople = 300;  // past several rehashes of the set
  for (int n = 0; n < kPeople; ++n) {
    people_.touch(id(n), "", 2);
    const bool full = signups_.count(task_, SignupState::signed_up) >= 2;
    signups_.put(task_, id(n), full ? SignupState::waitlisted : SignupState::signed_up, 2);
  }
  signups_.put(task_, id(10), SignupState::waitlisted, 3);               // again: the back of the line
  signups_.set_state(task_, id(20), SignupState::withdrawn, 4);          // out of the line
  signups_.set_node(task_, id(30), std::optional<std::string>("b3u1"));  // in line, another field
  signups_.set_state(task_, id(0), SignupState::waitlisted, 5);          // into the line, keeping its seq

  std::vector<int> positions;
  for (int n = 0; n < kPeople; ++n)
    positions.push_back(signups_.waitlist_position(task_, id(n)));
  const std::string first = signups_.first_waitlisted(task_)->person;
  EXPECT_EQ(signups_.count(task_, SignupState::waitlisted), kPeople - 2 - 1 + 1);
  EXPECT_EQ(positions[10], kPeople - 2 - 1 + 1);  // last: its new seq is the task's largest
  EXPECT_EQ(positions[20], 0);
  EXPECT_EQ(first, id(0));  // the oldest seq of all
  EXPECT_EQ(signups_.find(task_, id(30))->node, "b3u1");

  db_.drop_hot_state();  // read again from SQLite alone: the same line
  for (int n = 0; n < kPeople; ++n)
    EXPECT_EQ(signups_.waitlist_position(task_, id(n)), positions[n]) << id(n);
  EXPECT_EQ(signups_.first_waitlisted(task_)->person, first);
  transaction.commit();
}

// The line as SQLite orders it, read through a connection of its own: who is first, and a
// person's place (the waitlisted whose seq is at most theirs).
std::vector<std::string> line_on_disk(const std::string& path, std::int64_t task) {
  SQLite::Database other(path);
  SQLite::Statement s(
      other,
      "SELECT person_id FROM signups WHERE task_id = ? AND state = 'waitlisted' ORDER BY seq, person_id");
  s.bind(1, task);
  std::vector<std::string> line;
  while (s.executeStep())
    line.push_back(s.getColumn(0).getString());
  return line;
}

// Memory holds the ids of the line's head only (the rest are seqs): as people move up past them,
// leave from the middle, come back, join at the back and are put back in line with their old
// seq, whoever memory says is next, and everyone's place, stay what SQLite says.
TEST_F(HotStateTest, TheLineMovesUpPastTheIdsHeldForItsHead) {
  const auto id = [](int n) { return "generic:waiting-volunteer-" + std::to_string(n); };
  int joined = 0;
  const auto join = [&] {
    const std::string person = id(joined++);
    people_.touch(person, "", 2);
    const bool full = signups_.count(task_, SignupState::signed_up) >= 2;
    signups_.put(task_, person, full ? SignupState::waitlisted : SignupState::signed_up, 2);
  };
  {
    Transaction transaction(db_);
    for (int n = 0; n < 50; ++n)
      join();
    transaction.commit();
  }
  int moved_up = 0;
  for (int step = 0; step < 60; ++step) {
    std::vector<std::string> line = line_on_disk(file_.path(), task_);
    Transaction transaction(db_);
    if (!line.empty()) {
      const std::optional<Signup> first = signups_.first_waitlisted(task_);
      ASSERT_TRUE(first) << "step " << step;
      ASSERT_EQ(first->person, line.front()) << "step " << step;
      for (std::size_t place = 0; place < line.size(); place += 7)
        ASSERT_EQ(signups_.waitlist_position(task_, line[place]), static_cast<int>(place) + 1) << line[place];
      // Someone signed up cancels and the first in line moves up, as withdraw does.
      signups_.set_state(task_, first->person, SignupState::signed_up, 3);
      ++moved_up;
    } else {
      EXPECT_FALSE(signups_.first_waitlisted(task_));
    }
    if (step % 4 == 1 && line.size() > 10) signups_.set_state(task_, line[9], SignupState::withdrawn, 3);
    if (step % 6 == 2 && line.size() > 3)
      signups_.put(task_, line[2], SignupState::waitlisted, 3);                       // the back
    if (step % 9 == 4) signups_.set_state(task_, id(0), SignupState::waitlisted, 3);  // back with its old seq
    if (step % 3 == 0) join();
    transaction.commit();
  }
  EXPECT_GT(moved_up, 3 * 16) << "the head's ids were read again several times";
}

// Two waitlisted can share a seq (a signup moved to the head takes one below the first in line,
// which another row may have). A run of them across the edge of the ids memory holds for the head
// is read whole, on the first use and at every refill, so who is next stays SQLite's order.
TEST_F(HotStateTest, WaitlistedSharingASeqAcrossTheHeadsEdgeMoveUpInOrder) {
  const auto id = [](int n) { return "generic:tied-volunteer-" + std::to_string(100 + n); };
  {
    Transaction transaction(db_);
    for (int n = 0; n < 60; ++n) {
      people_.touch(id(n), "", 2);
      const bool full = signups_.count(task_, SignupState::signed_up) >= 2;
      signups_.put(task_, id(n), full ? SignupState::waitlisted : SignupState::signed_up, 2);
    }
    // Places 10-25 and 30-45 of the line: one seq each run, written behind the repository's back.
    db_.raw().exec("UPDATE signups SET seq = 100 WHERE task_id = " + std::to_string(task_) +
                   " AND state = 'waitlisted' AND seq BETWEEN 12 AND 27");
    db_.raw().exec("UPDATE signups SET seq = 200 WHERE task_id = " + std::to_string(task_) +
                   " AND state = 'waitlisted' AND seq BETWEEN 32 AND 47");
    db_.drop_hot_state();
    transaction.commit();
  }
  for (int step = 0; step < 60; ++step) {
    const std::vector<std::string> line = line_on_disk(file_.path(), task_);
    Transaction transaction(db_);
    const std::optional<Signup> first = signups_.first_waitlisted(task_);
    if (line.empty()) {
      EXPECT_FALSE(first);
      break;
    }
    ASSERT_TRUE(first) << "step " << step;
    ASSERT_EQ(first->person, line.front()) << "step " << step;
    signups_.set_state(task_, first->person, SignupState::signed_up, 3);
    transaction.commit();
  }
  EXPECT_TRUE(line_on_disk(file_.path(), task_).empty());
}

// A task's rows stay on the disk: memory knows who has one, so a newcomer costs no statement, a
// known person one probe of the primary key, and the row just written none (a report-in asks
// about it again at once, for its place in line).
TEST_F(HotStateTest, AnAbsentSignupCostsNoStatementAndAKnownOneAProbe) {
  Transaction transaction(db_);
  for (const char* person : {"generic:a", "generic:b", "generic:c"}) {
    people_.touch(person, "", 2);
    const bool full = signups_.count(task_, SignupState::signed_up) >= 2;
    signups_.put(task_, person, full ? SignupState::waitlisted : SignupState::signed_up, 2);
  }
  transaction.commit();

  Transaction next(db_);
  db_.drop_hot_state();
  people_.touch("generic:d", "", 3);
  signups_.count(task_, SignupState::signed_up);  // the task's first use reads it once
  StatementTrace trace(db_);
  EXPECT_FALSE(signups_.find(task_, "generic:newcomer"));
  EXPECT_EQ(trace.count(), 0u);

  const std::optional<Signup> a = signups_.find(task_, "generic:a");
  ASSERT_TRUE(a);
  EXPECT_EQ(a->state, SignupState::signed_up);
  EXPECT_EQ(trace.count(), 1u);

  signups_.put(task_, "generic:d", SignupState::waitlisted, 3);  // new: the insert alone
  EXPECT_EQ(trace.count(), 2u);
  EXPECT_EQ(signups_.waitlist_position(task_, "generic:d"), 2);
  EXPECT_EQ(signups_.find(task_, "generic:d")->seq, 4);
  EXPECT_EQ(trace.count(), 2u);
  EXPECT_EQ(signups_.waitlist_position(task_, "generic:c"), 1);  // not the last written: a probe
  EXPECT_EQ(trace.count(), 3u);
  next.commit();
  EXPECT_EQ(state_on_disk("generic:d"), "waitlisted");
}

// How many trims it takes to free everything forgotten (at most 1,000).
int trims_until_freed(HotState& hot) {
  int trims = 0;
  while (hot.forgotten_parts() > 0 && trims < 1000) {
    hot.trim();
    ++trims;
  }
  return trims;
}

// Past its bound a part is forgotten at once (the next use reads SQLite), but freed a slice per
// trim: freeing 50,000 people in one go held the writer ~12 ms, and every request of the moment.
TEST(HotStateTrim, APartPastItsBoundIsForgottenAtOnceAndFreedASliceAtATime) {
  HotState hot;
  constexpr int kPeople = 50'001;  // one past the bound
  for (int n = 0; n < kPeople; ++n) {
    const std::string id = "generic:p" + std::to_string(n);
    hot.people.emplace(id, HotState::PersonRow{"名字", 1});
    hot.roles.emplace(id, HotState::PersonRoles{});
  }
  hot.trim();
  EXPECT_TRUE(hot.people.empty());
  EXPECT_TRUE(hot.roles.empty());
  EXPECT_EQ(hot.forgotten_parts(), 2u);  // the people and their roles, nothing freed yet

  hot.people.emplace("generic:new", HotState::PersonRow{"新人", 2});  // the state is in use meanwhile
  const int trims = trims_until_freed(hot);
  EXPECT_EQ(hot.forgotten_parts(), 0u);
  EXPECT_GT(trims, 1);               // 100,002 entries: no one trim freed them all
  EXPECT_EQ(hot.people.size(), 1u);  // what came after the forgetting is kept
}

// Batches big enough to pass a bound again before the slices freed the last forgotten part: the
// older part goes whole, so memory never holds more than one forgotten generation.
TEST(HotStateTrim, APartForgottenWhileAnOlderOneWaitsFreesTheOlderAtOnce) {
  HotState hot;
  const auto fill = [&hot](const std::string& prefix) {
    for (int n = 0; n <= 50'000; ++n)
      hot.people.emplace(prefix + std::to_string(n), std::nullopt);
  };
  fill("generic:a");
  hot.trim();
  ASSERT_EQ(hot.forgotten_parts(), 1u);
  fill("generic:b");
  hot.trim();
  EXPECT_EQ(hot.forgotten_parts(), 1u);  // the first generation freed whole, the second waits
  EXPECT_TRUE(hot.people.empty());
}

TEST(HotStateTrim, ADropForgetsEverythingAtOnceAndTheTrimsFreeIt) {
  HotState hot;
  for (int n = 0; n < 5000; ++n)
    hot.people.emplace("generic:p" + std::to_string(n), std::nullopt);
  hot.tasks.emplace(1, Task{});
  const std::uint64_t generation = hot.generation();
  hot.drop();
  EXPECT_TRUE(hot.people.empty());
  EXPECT_TRUE(hot.tasks.empty());
  EXPECT_EQ(hot.generation(), generation + 1);
  EXPECT_EQ(hot.forgotten_parts(), 2u);
  const int trims = trims_until_freed(hot);
  EXPECT_EQ(hot.forgotten_parts(), 0u);
  EXPECT_GT(trims, 1);
}

TEST_F(HotStateTest, AKnownSignupTaskChatAndPersonCostNoStatement) {
  Transaction transaction(db_);
  // First use: each is read once.
  ASSERT_TRUE(OrgRepository(db_).node_of_chat("generic:b3u2"));
  ASSERT_EQ(tasks_.open_in_chat("generic:b3u2").size(), 1u);
  signups_.count(task_, SignupState::signed_up);
  people_.find("generic:a");
  Jobs(db_).pending("monthly_publication", "c1");
  StatementTrace trace(db_);
  OrgRepository org(db_);  // another repository object over the same connection shares it
  EXPECT_EQ(org.node_of_chat("generic:b3u2")->id, "b3u2");
  EXPECT_EQ(tasks_.open_in_chat("generic:b3u2").size(), 1u);
  EXPECT_EQ(signups_.count(task_, SignupState::signed_up), 0);
  EXPECT_EQ(people_.find("generic:a")->name, "阿一");
  EXPECT_FALSE(Jobs(db_).pending("monthly_publication", "c1"));
  people_.touch("generic:a", "阿一", 5);  // the same name: nothing to write
  EXPECT_EQ(trace.count(), 0u) << trace.statements().front();
  transaction.commit();
}

TEST_F(HotStateTest, ATouchedPersonIsKnownInMemoryAsTheDiskHoldsThem) {
  auto name_on_disk = [&](const std::string& person) {
    SQLite::Database other(file_.path());
    SQLite::Statement s(other, "SELECT name || '@' || updated_at FROM people WHERE id = ?");
    s.bind(1, person);
    return s.executeStep() ? s.getColumn(0).getString() : std::string("absent");
  };
  auto name_in_memory = [&](const std::string& person) {
    StatementTrace trace(db_);
    const std::optional<Person> known = people_.find(person);
    EXPECT_EQ(trace.count(), 0u) << person << ": " << trace.statements().front();
    return known ? known->name : std::string("absent");
  };
  {
    Transaction transaction(db_);
    people_.touch("generic:new", "新人", 7);    // inserted
    people_.touch("generic:quiet", "", 8);      // inserted without a name
    people_.touch("generic:a", "阿一改名", 9);  // renamed
    people_.touch("generic:quiet", "", 10);     // no name again: nothing changes
    EXPECT_EQ(name_in_memory("generic:new"), "新人");
    EXPECT_EQ(name_in_memory("generic:quiet"), "");
    EXPECT_EQ(name_in_memory("generic:a"), "阿一改名");
    transaction.commit();
  }
  EXPECT_EQ(name_on_disk("generic:new"), "新人@7");
  EXPECT_EQ(name_on_disk("generic:quiet"), "@8");
  EXPECT_EQ(name_on_disk("generic:a"), "阿一改名@9");
  Transaction transaction(db_);
  EXPECT_EQ(name_in_memory("generic:a"), "阿一改名");
  transaction.commit();
}

TEST_F(HotStateTest, ANewOrPostedTaskJoinsAChatsOpenListInMemoryInIdOrder) {
  auto ids = [](const std::vector<Task>& tasks) {
    std::vector<std::int64_t> out;
    for (const Task& task : tasks)
      out.push_back(task.id);
    return out;
  };
  auto task_in = [&](const std::string& node) {
    Task task;
    task.community = "c1";
    task.node = node;
    task.chat = "generic:" + node;
    task.creator = "generic:a";
    task.title = "任务 " + node;
    return tasks_.create(task).id;
  };
  Transaction transaction(db_);
  const std::int64_t building = task_in("b3");  // older than the unit's next one
  const std::int64_t closed = task_in("b3");
  tasks_.set_status(closed, TaskStatus::cancelled, 5);
  ASSERT_EQ(ids(tasks_.open_in_chat("generic:b3u2")), std::vector<std::int64_t>{task_});

  StatementTrace trace(db_);
  const std::int64_t newer = task_in("b3u2");  // whistled in the unit's chat
  tasks_.post(building, "generic:b3u2");       // 下发 of the older one: it goes before the newer
  tasks_.post(building, "generic:b3u2");       // again: nothing changes
  tasks_.post(closed, "generic:b3u2");         // a closed task is posted, not open there
  const std::vector<std::int64_t> in_memory = ids(tasks_.open_in_chat("generic:b3u2"));
  for (const std::string& statement : trace.statements())
    EXPECT_EQ(statement.find("status = 'open'"), std::string::npos)
        << "the list was read again: " << statement;
  EXPECT_EQ(in_memory, (std::vector<std::int64_t>{task_, building, newer}));
  std::vector<std::int64_t> viewed;
  for (const Task* task : tasks_.open_in_chat_view("generic:b3u2"))
    viewed.push_back(task->id);
  EXPECT_EQ(viewed, in_memory);
  transaction.commit();

  // What memory says is what the disk says.
  db_.drop_hot_state();
  Transaction again(db_);
  EXPECT_EQ(ids(tasks_.open_in_chat("generic:b3u2")), in_memory);
}

TEST_F(HotStateTest, AClosedTaskLeavesTheOpenListsInMemoryAndTheOtherChatsKeepTheirs) {
  Transaction transaction(db_);
  Task second;
  second.community = "c1";
  second.node = "b3";
  second.chat = "generic:b3";
  second.creator = "generic:a";
  second.title = "搬桌椅";
  const std::int64_t moving = tasks_.create(second).id;
  tasks_.post(moving, "generic:b3u2");  // 下发: open in the unit's chat as well
  ASSERT_EQ(tasks_.open_in_chat("generic:b3u2").size(), 2u);
  ASSERT_EQ(tasks_.open_in_chat("generic:b3").size(), 1u);

  tasks_.set_status(task_, TaskStatus::finished, 10);
  StatementTrace trace(db_);
  const std::vector<Task> unit = tasks_.open_in_chat("generic:b3u2");
  ASSERT_EQ(unit.size(), 1u);
  EXPECT_EQ(unit.front().id, moving);
  EXPECT_EQ(tasks_.open_in_chat("generic:b3").size(), 1u);
  EXPECT_EQ(trace.count(), 0u) << trace.statements().front();  // no chat reads its list again

  tasks_.set_status(moving, TaskStatus::cancelled, 11);
  EXPECT_TRUE(tasks_.open_in_chat("generic:b3u2").empty());
  EXPECT_TRUE(tasks_.open_in_chat("generic:b3").empty());
  transaction.commit();

  // What memory says is what the disk says.
  db_.drop_hot_state();
  Transaction again(db_);
  EXPECT_TRUE(tasks_.open_in_chat("generic:b3u2").empty());
  EXPECT_TRUE(tasks_.open_in_chat("generic:b3").empty());
}

TEST_F(HotStateTest, TheStaffOfACommunityFollowTheirGrants) {
  Transaction transaction(db_);
  people_.grant("generic:s2", "b3", Role::staff, 2);
  people_.grant("generic:s1", "c1", Role::staff, 2);
  people_.grant("generic:s2", "c1", Role::staff, 2);
  people_.grant("generic:v", "b3u2", Role::volunteer, 2);
  // The community's node first (grants in order), then the grid, then the building; each person once.
  EXPECT_EQ(people_.holders_in_community("c1", Role::staff),
            (std::vector<std::string>{"generic:s1", "generic:s2"}));
  people_.grant("generic:s3", "g1", Role::staff, 3);
  EXPECT_EQ(people_.holders_in_community("c1", Role::staff),
            (std::vector<std::string>{"generic:s1", "generic:s2", "generic:s3"}));
  people_.revoke_all(Role::staff);
  EXPECT_TRUE(people_.holders_in_community("c1", Role::staff).empty());
  transaction.commit();
}

}  // namespace
}  // namespace whistle::store
