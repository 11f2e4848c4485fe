// A task's signups in the writer's memory (docs/hot_state.md, "A task's signups are not held row
// by row" and "Nor is the waitlist held by id"): the counts, the line and who is next stay what
// SQLite says through every change, and a signup costs no more statements than it must.
#include <SQLiteCpp/Database.h>
#include <gtest/gtest.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "hot_state_fixture.hpp"
#include "store/database.hpp"
#include "store/signups.hpp"
#include "store/statement_trace.hpp"

namespace whistle::store {
namespace {

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
  signups_.set_state(task_, "generic:c", SignupState::withdrawn);
  EXPECT_EQ(signups_.waitlist_position(task_, "generic:e"), 2);
  EXPECT_EQ(signups_.first_waitlisted(task_)->person, "generic:d");
  signups_.move_to_waitlist_head(task_, "generic:b");
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
  signups_.set_state(task_, id(20), SignupState::withdrawn);             // out of the line
  signups_.set_node(task_, id(30), std::optional<std::string>("b3u1"));  // in line, another field
  signups_.set_state(task_, id(0), SignupState::waitlisted);             // into the line, keeping its seq

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
      signups_.set_state(task_, first->person, SignupState::signed_up);
      ++moved_up;
    } else {
      EXPECT_FALSE(signups_.first_waitlisted(task_));
    }
    if (step % 4 == 1 && line.size() > 10) signups_.set_state(task_, line[9], SignupState::withdrawn);
    if (step % 6 == 2 && line.size() > 3)
      signups_.put(task_, line[2], SignupState::waitlisted, 3);                    // the back
    if (step % 9 == 4) signups_.set_state(task_, id(0), SignupState::waitlisted);  // back with its old seq
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
    signups_.set_state(task_, first->person, SignupState::signed_up);
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

}  // namespace
}  // namespace whistle::store
