#include "store/ticket_figures.hpp"

#include <gtest/gtest.h>

#include <functional>

#include "store/database.hpp"
#include "store/people.hpp"
#include "store/signups.hpp"
#include "store/tasks.hpp"
#include "store/tickets.hpp"
#include "store_test_support.hpp"

namespace whistle::store {
namespace {

using testing::kNovember;
using testing::kOctober;
constexpr std::int64_t kDay = 86400;

// Tickets in every state, written through TicketRepository as the handlers leave them, and the
// figures counted by hand beside each one.
class Figures : public ::testing::Test {
 protected:
  Figures() {
    testing::add_small_org(db);
    org.upsert_node({"g2", "c1", 1, "c1", "第二网格"});
    for (const char* id : {"generic:zhang", "generic:liu", "generic:wang"})
      people.touch(id, "", 0);
  }

  // A ticket received at `first_node` at `created_at`, changed by `change` and saved.
  void ticket(const std::string& first_node, std::int64_t created_at,
              const std::function<void(Ticket&)>& change) {
    Ticket t;
    t.community = "c1";
    t.first_node = first_node;
    t.node = first_node;
    t.chat = "generic:" + first_node;
    t.reporter = "generic:liu";
    t.text = "楼道灯坏了";
    t.created_at = created_at;
    t.solve_from = created_at;
    t.state = TicketState::assigned;
    t.assignee_person = "generic:zhang";
    t.assigned_at = created_at;
    t.answer_by = created_at + 7200;
    Ticket stored = tickets.create(t);
    change(stored);
    tickets.save(stored);
  }

  static void accept(Ticket& t, std::int64_t after, bool in_time) {
    t.state = TicketState::accepted;
    t.accepted_at = t.first_accepted_at = t.created_at + after;
    t.answered_in_time = in_time;
    if (!in_time) t.climbs = 1;
  }
  static void resolve(Ticket& t, std::int64_t first_after, std::int64_t last_after) {
    t.state = TicketState::resolved;
    t.resolved_by = "generic:zhang";
    t.first_resolved_at = t.created_at + first_after;
    t.resolved_at = t.created_at + last_after;
  }
  static void close(Ticket& t, TicketOutcome outcome, std::int64_t after) {
    t.state = TicketState::closed;
    t.outcome = outcome;
    t.closed_at = t.created_at + after;
  }
  static void rate(Ticket& t, int rating, int ratings) {
    t.rating = rating;
    t.ratings = ratings;
  }

  // Ten October tickets received in building b3 (units b3u1, b3u2), one in grid g2, and two just
  // outside the month.
  void a_month() {
    const std::int64_t at = kOctober + 3600;
    // 1 open: nobody to give it to.
    ticket("b3u1", at, [](Ticket& t) {
      t.state = TicketState::open;
      t.assignee_person.reset();
    });
    // 2 assigned, not yet accepted.
    ticket("b3u1", at + kDay, [](Ticket&) {});
    // 3 accepted in time (1 h).
    ticket("b3u2", at + 2 * kDay, [](Ticket& t) { accept(t, 3600, true); });
    // 4 resolved, awaiting the rating: solved (0.5 h to accept, 2 h to solve).
    ticket("b3u2", at + 3 * kDay, [](Ticket& t) {
      accept(t, 1800, true);
      resolve(t, 7200, 7200);
    });
    // 5 rated 满意 and closed satisfied (10 min, 1 day).
    ticket("b3u1", at + 4 * kDay, [](Ticket& t) {
      accept(t, 600, true);
      resolve(t, kDay, kDay);
      rate(t, 5, 1);
      close(t, TicketOutcome::satisfied, kDay + 60);
    });
    // 6 accepted late after a climb (now at the grid), 回炉 once, resolved again, rated 4: satisfied.
    ticket("b3u1", at + 5 * kDay, [](Ticket& t) {
      t.node = "g1";
      accept(t, 10800, false);
      resolve(t, 20000, 100000);
      t.reopened = 1;
      rate(t, 4, 2);
      close(t, TicketOutcome::satisfied, 100100);
    });
    // 7 rated 不满意, reopened and being worked again: not solved, rated unsatisfied.
    ticket("b3u2", at + 6 * kDay, [](Ticket& t) {
      accept(t, 3000, true);
      resolve(t, 9000, 9000);
      rate(t, 1, 1);
      t.reopened = 1;
      t.state = TicketState::accepted;
    });
    // 8 resolved, never rated, closed not_rated: solved, not rated.
    ticket("b3u1", at + 7 * kDay, [](Ticket& t) {
      accept(t, 1200, true);
      resolve(t, 3600, 3600);
      close(t, TicketOutcome::not_rated, 3600 + 7 * kDay);
    });
    // 9 关闭 重复: closed unresolved, never accepted.
    ticket("b3u2", at + 8 * kDay, [](Ticket& t) {
      t.close_reason = "重复";
      t.assignee_person.reset();
      close(t, TicketOutcome::unresolved, 600);
    });
    // 10 退回 twice by a responder, back with the leader.
    ticket("b3u1", at + 9 * kDay, [](Ticket& t) { t.sent_back = 2; });

    // 11 another grid: counts for the community only (accepted in 10 min, solved in 1000 s).
    ticket("g2", at + 10 * kDay, [](Ticket& t) {
      accept(t, 600, true);
      resolve(t, 1000, 1000);
      rate(t, 5, 1);
      close(t, TicketOutcome::satisfied, 1100);
    });
    // Outside October: the last second of September and the first of November.
    ticket("b3u1", kOctober - 1, [](Ticket& t) { accept(t, 60, true); });
    ticket("b3u1", kNovember, [](Ticket& t) { accept(t, 60, true); });
  }

  Database db{DatabaseOptions{.path = ":memory:"}};
  OrgRepository org{db};
  PeopleRepository people{db};
  TicketRepository tickets{db};
  TaskRepository tasks{db};
  SignupRepository signups{db};
  TicketFiguresRepository figures{db};
};

TEST_F(Figures, TheBuildingsMonthIsCountedByHand) {
  a_month();
  const TicketFigures f = figures.of_subtree("b3", kOctober, kNovember);
  EXPECT_EQ(f.received, 10);                // 1–10
  EXPECT_EQ(f.accepted, 6);                 // 3 4 5 6 7 8
  EXPECT_EQ(f.answered_in_time, 5);         // 3 4 5 7 8 (6 was late)
  EXPECT_EQ(f.solved, 4);                   // 4 5 6 8 (7 reopened and not resolved again)
  EXPECT_EQ(f.rated, 3);                    // 5 6 7
  EXPECT_EQ(f.satisfied, 2);                // 5 6 by the last rating
  EXPECT_EQ(f.closed, 4);                   // 5 6 8 9
  EXPECT_EQ(f.not_rated, 1);                // 8
  EXPECT_EQ(f.closed_unresolved, 1);        // 9
  EXPECT_EQ(f.reopened, 2);                 // 6 7
  EXPECT_EQ(f.resolved_once, 5);            // 4 5 6 7 8
  EXPECT_EQ(f.sent_back_or_unresolved, 2);  // 9 10 (10 counted once though sent back twice)
  EXPECT_EQ(f.accept_seconds, 3600 + 1800 + 600 + 10800 + 3000 + 1200);
  EXPECT_EQ(f.solve_seconds, 7200 + kDay + 100000 + 3600);

  EXPECT_DOUBLE_EQ(*f.response_rate(), 0.5);
  EXPECT_DOUBLE_EQ(*f.solve_rate(), 0.4);
  EXPECT_DOUBLE_EQ(*f.satisfaction_rate(), 2.0 / 3.0);
  EXPECT_DOUBLE_EQ(*f.close_rate(), 0.4);
  EXPECT_DOUBLE_EQ(*f.reopen_rate(), 0.4);
  EXPECT_DOUBLE_EQ(*f.send_back_rate(), 0.2);
  EXPECT_DOUBLE_EQ(*f.mean_accept_seconds(), 21000.0 / 6.0);
  EXPECT_DOUBLE_EQ(*f.mean_solve_seconds(), (7200.0 + kDay + 100000 + 3600) / 4.0);
}

TEST_F(Figures, ARedoNobodyRatedIsNotRatedAndNotAlsoRatedByTheComplaintBeforeIt) {
  // Rated 不满意, reopened, resolved again and left unrated for rate_days: one ticket, 未评价关闭.
  ticket("b3u1", kOctober + 3600, [](Ticket& t) {
    accept(t, 600, true);
    resolve(t, 3600, 90000);
    rate(t, 1, 1);
    t.reopened = 1;
    close(t, TicketOutcome::not_rated, 90000 + 7 * kDay);
  });
  const TicketFigures f = figures.of_subtree("b3", kOctober, kNovember);
  EXPECT_EQ(f.not_rated, 1);
  EXPECT_EQ(f.rated, 0);
  EXPECT_EQ(f.satisfied, 0);
  EXPECT_FALSE(f.satisfaction_rate());
  EXPECT_EQ(f.reopened, 1);
}

TEST_F(Figures, ATicketCountsWhereItWasReceivedNotWhereItClimbed) {
  a_month();
  // Ticket 6 climbed to g1 but was received in b3u1: b3u1 counts it, and g1 through its subtree.
  const TicketFigures unit = figures.of_subtree("b3u1", kOctober, kNovember);
  EXPECT_EQ(unit.received, 6);   // 1 2 5 6 8 10
  EXPECT_EQ(unit.solved, 3);     // 5 6 8
  EXPECT_EQ(unit.reopened, 1);   // 6
  EXPECT_EQ(unit.satisfied, 2);  // 5 6
  const TicketFigures other_unit = figures.of_subtree("b3u2", kOctober, kNovember);
  EXPECT_EQ(other_unit.received, 4);  // 3 4 7 9
  EXPECT_EQ(other_unit.solved, 1);    // 4
  EXPECT_EQ(other_unit.rated, 1);     // 7
  EXPECT_EQ(other_unit.satisfied, 0);
  EXPECT_DOUBLE_EQ(*other_unit.satisfaction_rate(), 0.0);
  EXPECT_EQ(figures.of_subtree("g1", kOctober, kNovember).received, 10);
}

TEST_F(Figures, TheCommunityCountsEveryGridAndOnlyItsMonth) {
  a_month();
  const TicketFigures f = figures.of_subtree("c1", kOctober, kNovember);
  EXPECT_EQ(f.received, 11);  // 1–11, not the September or November one
  EXPECT_EQ(f.solved, 5);
  EXPECT_EQ(f.satisfied, 3);
  EXPECT_EQ(f.rated, 4);
  EXPECT_EQ(f.answered_in_time, 6);
  EXPECT_EQ(f.accept_seconds, 21000 + 600);
  EXPECT_EQ(figures.of_subtree("g2", kOctober, kNovember).received, 1);
  EXPECT_EQ(figures.of_subtree("c1", kNovember, kNovember + 30 * kDay).received, 1);
}

TEST_F(Figures, NoTicketsIsNoRateRatherThanZero) {
  const TicketFigures f = figures.of_subtree("b3", kOctober, kNovember);
  EXPECT_EQ(f.received, 0);
  EXPECT_FALSE(f.response_rate());
  EXPECT_FALSE(f.satisfaction_rate());
  EXPECT_FALSE(f.reopen_rate());
  EXPECT_FALSE(f.mean_accept_seconds());
}

TEST_F(Figures, TasksAreCountedByStartInTheSubtreeWithoutTheCancelled) {
  const auto task_in = [&](const std::string& node, std::int64_t start, const std::string& status) {
    Task task;
    task.community = "c1";
    task.node = node;
    task.chat = "generic:" + node;
    task.creator = "generic:zhang";
    task.title = "清理楼道";
    task.start = start;
    task.created_at = kOctober - 10 * kDay;
    const Task stored = tasks.create(task);
    if (status == "cancelled") tasks.set_status(stored.id, TaskStatus::cancelled, kOctober);
  };
  task_in("b3u1", kOctober + kDay, "open");
  task_in("b3", kOctober + 2 * kDay, "open");
  task_in("b3u2", kOctober + 3 * kDay, "cancelled");
  task_in("g2", kOctober + 3 * kDay, "open");
  task_in("b3u1", kNovember, "open");
  EXPECT_EQ(figures.tasks_of_subtree("b3", kOctober, kNovember), 2);
  EXPECT_EQ(figures.tasks_of_subtree("c1", kOctober, kNovember), 3);
}

TEST_F(Figures, ATaskHandedDownCountsWhereVolunteersReportedInForIt) {
  // 下发 from the community: the units' groups where people reported in count it, beside their
  // 报到人次; a place where someone only withdrew does not, and the community counts it once.
  Task task;
  task.community = "c1";
  task.node = "c1";
  task.chat = "generic:c1";
  task.creator = "generic:wang";
  task.title = "清理楼道";
  task.start = kOctober + kDay;
  task.created_at = kOctober;
  const Task stored = tasks.create(task);
  signups.put(stored.id, "generic:zhang", SignupState::signed_up, kOctober, "b3u1");
  signups.put(stored.id, "generic:liu", SignupState::signed_up, kOctober, "b3u2");
  signups.put(stored.id, "generic:wang", SignupState::signed_up, kOctober, "g2");
  signups.set_state(stored.id, "generic:wang", SignupState::withdrawn);
  EXPECT_EQ(figures.tasks_of_subtree("b3u1", kOctober, kNovember), 1);
  EXPECT_EQ(figures.tasks_of_subtree("b3", kOctober, kNovember), 1);
  EXPECT_EQ(figures.tasks_of_subtree("g2", kOctober, kNovember), 0);
  EXPECT_EQ(figures.tasks_of_subtree("c1", kOctober, kNovember), 1);
}

}  // namespace
}  // namespace whistle::store
