// The writer's hot state (docs/hot_state.md) never holds what the disk does not: every way a write
// can be undone (a rollback, a savepoint undone, a failed commit, the disk filling up) drops it,
// and a write from another connection is seen at the next transaction.
#include "store/hot_state.hpp"

#include <SQLiteCpp/Database.h>
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "hot_state_fixture.hpp"
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
  {
    Transaction transaction(db_);
    signups_.put(task_, "generic:a", SignupState::signed_up, 2);
    people_.touch("generic:b", "阿二", 2);
    // A foreign key checked only at COMMIT makes the commit itself fail, as a full disk can.
    db_.raw().exec("PRAGMA defer_foreign_keys = ON");
    db_.raw().exec("INSERT INTO task_posts (task_id, chat_id) VALUES (9999, 'generic:nowhere')");
    const std::uint64_t before = db_.hot().generation();
    EXPECT_THROW(transaction.commit(), std::exception);
    EXPECT_GT(db_.hot().generation(), before);
  }  // the batch given up, as the pipeline does: nothing of it is on disk
  ASSERT_EQ(state_on_disk("generic:a"), std::nullopt);
  // Memory answers as the disk does.
  EXPECT_FALSE(signups_.find(task_, "generic:a"));
  EXPECT_EQ(signups_.count(task_, SignupState::signed_up), 0);
  EXPECT_FALSE(people_.find("generic:b"));
}

// Refuses to prepare `PRAGMA data_version`: the look at other connections' writes that BEGIN
// takes once the transaction is open.
int refuse_the_data_version_look(void*, int action, const char* name, const char*, const char*, const char*) {
  return action == SQLITE_PRAGMA && name != nullptr && std::string(name) == "data_version" ? SQLITE_DENY
                                                                                           : SQLITE_OK;
}

TEST_F(HotStateTest, ABeginThatFailsAfterOpeningItsTransactionClosesItAgain) {
  { Transaction warm(db_); }  // the control statements are prepared
  const std::uint64_t before = db_.hot().generation();
  sqlite3* handle = db_.raw().getHandle();
  sqlite3_set_authorizer(handle, refuse_the_data_version_look, nullptr);
  db_.raw().exec("CREATE TABLE makes_statements_prepare_again (x)");
  EXPECT_ANY_THROW(Transaction failing(db_));
  sqlite3_set_authorizer(handle, nullptr, nullptr);

  // Not left inside the transaction: the next batch starts, writes and commits.
  EXPECT_NE(sqlite3_get_autocommit(handle), 0);
  EXPECT_GT(db_.hot().generation(), before);
  {
    Transaction next(db_);
    people_.touch("generic:b", "阿二", 2);
    next.commit();
  }
  EXPECT_TRUE(people_.find("generic:b"));
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

// The checkpointer's rounds run on a connection of their own every second: if they counted as
// another connection's write, the writer would read everything again after each one.
TEST_F(HotStateTest, AnotherConnectionsCheckpointAndWalRestartDoNotDropIt) {
  {
    Transaction transaction(db_);
    signups_.put(task_, "generic:a", SignupState::signed_up, 2);
    transaction.commit();
  }
  const std::uint64_t before = db_.hot().generation();
  Database checkpointer(DatabaseOptions{.path = file_.path(), .manual_checkpoints = true});
  ASSERT_GT(checkpointer.checkpoint().copied_frames, 0);
  {
    Transaction transaction(db_);
    EXPECT_EQ(db_.hot().generation(), before);
    people_.touch("generic:b", "阿二", 3);
    signups_.put(task_, "generic:b", SignupState::signed_up, 3);
    transaction.commit();
  }
  const Database::CheckpointResult restarted = checkpointer.restart_wal();
  ASSERT_EQ(restarted.copied_frames, restarted.wal_frames);  // all copied: the WAL starts over
  {
    Transaction transaction(db_);
    EXPECT_EQ(db_.hot().generation(), before);
    EXPECT_EQ(signups_.count(task_, SignupState::signed_up), 2);
    transaction.commit();
  }
  // While a write from that same connection still counts.
  PeopleRepository(checkpointer).touch("generic:a", "阿一改", 4);
  Transaction transaction(db_);
  EXPECT_GT(db_.hot().generation(), before);
  EXPECT_EQ(people_.find("generic:a")->name, "阿一改");
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

TEST(HotStateTrim, TheTasksBoundLeavesTheChatsListsAndTheListsHaveABoundOfTheirOwn) {
  HotState hot;
  for (std::int64_t id = 1; id <= 10'001; ++id)  // one past the tasks' bound
    hot.tasks.emplace(id, Task{});
  hot.open_in_chat["generic:b3u2"] = {ListedTask{1, 1, "打扫楼道", std::nullopt, std::nullopt}};
  hot.open_listed = 1;
  hot.trim();
  EXPECT_TRUE(hot.tasks.empty());
  EXPECT_EQ(hot.open_in_chat.size(), 1u);

  hot.open_listed = 100'001;  // as many listed since the lists were last forgotten
  hot.trim();
  EXPECT_TRUE(hot.open_in_chat.empty());
  EXPECT_EQ(hot.open_listed, 0u);
}

// A close or an edit forgets a task's row but not where its number points: counted with the rows
// alone, the numbers of every task ever whistled would stay for as long as the server runs.
TEST(HotStateTrim, TheTasksNumbersHaveTheTasksBoundThoughTheirRowsAreGone) {
  HotState hot;
  for (std::int64_t number = 1; number <= 10'001; ++number)  // one past the tasks' bound, no row
    hot.task_by_number.emplace(std::pair{std::string("c1"), number}, number);
  hot.trim();
  EXPECT_TRUE(hot.task_by_number.empty());
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

// A drop runs right before every rollback (store/database.cpp): if it could throw (no memory to set
// a part aside), the rollback would be skipped and the batch would commit an event's undone writes.
static_assert(noexcept(std::declval<HotState&>().drop()), "a drop must never stop a rollback");
// Nor may a trim throw once a reader's snapshot has opened its transaction: nothing would close it.
static_assert(noexcept(std::declval<HotState&>().trim()), "a trim must never leave a snapshot open");

// The writer trims at each BEGIN IMMEDIATE. The board's reader never begins one, and it remembers
// every node id a public URL asked for, made-up ones too: its snapshots keep the same bounds.
TEST(HotStateTrim, AReadersSnapshotsKeepItsBoundsAsTheWritersTransactionsDo) {
  testing::TempDatabaseFile file("reader-bounds");
  { Database writer(DatabaseOptions{.path = file.path()}); }  // creates and migrates the file
  Database reader(DatabaseOptions{.path = file.path(), .read_only = true});
  {
    ReadSnapshot snapshot(reader);
    OrgRepository org(reader);
    for (int n = 0; n <= 20'000; ++n)  // one past the chats' bound
      ASSERT_FALSE(org.node("made-up-" + std::to_string(n)));
  }
  ASSERT_GT(reader.hot().nodes.size(), 20'000u);
  ReadSnapshot next(reader);
  EXPECT_TRUE(reader.hot().nodes.empty());
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
  auto task_in = [&](const std::string& node) { return tasks_.create(task_at(node, "任务 " + node)).id; };
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
  for (const ListedTask* task : tasks_.open_in_chat_view("generic:b3u2"))
    viewed.push_back(task->id);
  EXPECT_EQ(viewed, in_memory);
  transaction.commit();

  // What memory says is what the disk says.
  db_.drop_hot_state();
  Transaction again(db_);
  EXPECT_EQ(ids(tasks_.open_in_chat("generic:b3u2")), in_memory);
}

// A storm's chats held more open tasks than the tasks' bound: forgetting the rows forgot every
// chat's list with them, and each command without a number read its chat's list back whole.
TEST_F(HotStateTest, AChatsListOutlivesItsTasksRowsAndFollowsAnEdit) {
  Transaction transaction(db_);
  Task second = tasks_.create(task_at("b3u2", "搬运物资"));
  ASSERT_EQ(tasks_.open_in_chat_view("generic:b3u2").size(), 2u);
  EXPECT_EQ(db_.hot().open_listed, 2u);

  // The rows forgotten, as a trim past the tasks' bound does: the list costs no statement.
  db_.hot().tasks.clear();
  db_.hot().task_by_number.clear();
  StatementTrace trace(db_);
  const std::vector<const ListedTask*> listed = tasks_.open_in_chat_view("generic:b3u2");
  ASSERT_EQ(listed.size(), 2u);
  EXPECT_EQ(listed[1]->number, second.number);
  EXPECT_EQ(listed[1]->title, "搬运物资");
  EXPECT_EQ(trace.count(), 0u);

  // An edit of the title and the times reaches the list, as the disk holds them.
  second.title = "搬运防汛物资";
  second.start = 1'800'000'000;
  second.end = 1'800'007'200;
  tasks_.update_details(second);
  const ListedTask edited = *tasks_.open_in_chat_view("generic:b3u2")[1];
  transaction.commit();
  db_.drop_hot_state();
  Transaction again(db_);
  const ListedTask on_disk = *tasks_.open_in_chat_view("generic:b3u2")[1];
  EXPECT_EQ(edited.title, on_disk.title);
  EXPECT_EQ(edited.start, on_disk.start);
  EXPECT_EQ(edited.end, on_disk.end);
  EXPECT_EQ(on_disk.title, "搬运防汛物资");
}

TEST_F(HotStateTest, AClosedTaskLeavesTheOpenListsInMemoryAndTheOtherChatsKeepTheirs) {
  Transaction transaction(db_);
  const std::int64_t moving = tasks_.create(task_at("b3", "搬桌椅")).id;
  tasks_.post(moving, "generic:b3u2");  // 下发: open in the unit's chat as well
  ASSERT_EQ(tasks_.open_in_chat("generic:b3u2").size(), 2u);
  ASSERT_EQ(tasks_.open_in_chat("generic:b3").size(), 1u);

  const std::size_t listed_before = db_.hot().open_listed;
  tasks_.set_status(task_, TaskStatus::finished, 10);
  EXPECT_EQ(db_.hot().open_listed, listed_before - 1);  // it left one list: the lists' bound follows
  StatementTrace trace(db_);
  const std::vector<Task> unit = tasks_.open_in_chat("generic:b3u2");
  ASSERT_EQ(unit.size(), 1u);
  EXPECT_EQ(unit.front().id, moving);
  EXPECT_EQ(tasks_.open_in_chat("generic:b3").size(), 1u);
  EXPECT_EQ(trace.count(), 0u) << trace.statements().front();  // no chat reads its list again

  tasks_.set_status(moving, TaskStatus::cancelled, 11);
  EXPECT_EQ(db_.hot().open_listed, listed_before - 3);  // the last two, from both chats' lists
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
