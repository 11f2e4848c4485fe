// Who has a ticket after it changes hands: a leader above taking it over, a 退回 after a 上报, a
// claimer passed over, a second 接单, the climb at the reopen limit, a worker after a missed solve
// deadline, and what `whistle check` makes of a ticket waiting at the top of the ladder.

#include <SQLiteCpp/Database.h>
#include <gtest/gtest.h>

#include "handlers/task_text.hpp"
#include "handlers/ticket_flow.hpp"
#include "store/consistency.hpp"
#include "ticket_test_support.hpp"

namespace whistle::handlers::testing {
namespace {

using TicketHandover = TicketTest;

const std::string kHe = "generic:u-he";

std::int64_t climbed_events(store::TicketRepository& tickets, const store::Ticket& ticket) {
  std::int64_t count = 0;
  for (const store::TicketEvent& event : tickets.events(ticket.id))
    count += event.kind == "climbed";
  return count;
}

// An exploratory run of an urgent night (2026-12-06): a burst pipe sent to 物业 at 02:06 climbed
// away from it at 04:06, and 刘师傅's 接单 and 办结 in the morning were refused.
TEST_F(TicketHandover, TheResponderADispatchSentItToStillTakesItAfterItClimbed) {
  open_ticket();
  say_line("b3u2", "u-chen", "陈单元长", "派单 T1 物业", {}, kMonday0900 + 10 * 60);
  run_jobs(kMonday0900 + 10 * 60 + 2 * kHour);
  ASSERT_EQ(ticket(1).assignee_person, kQian);  // climbed to 3号楼 when nobody answered

  const std::vector<Reply> accepted =
      say_line_privately("u-shifu", "刘师傅", "接单 T1", {}, kMonday0900 + 3 * kHour);
  EXPECT_EQ(ticket(1).state, store::TicketState::accepted);
  EXPECT_EQ(ticket(1).assignee_responder, std::optional<std::string>("wuye"));
  EXPECT_FALSE(ticket(1).assignee_person);
  bool leader_told = false;
  for (const Reply& reply : accepted)
    leader_told = leader_told || reply.chat == "generic:@u-qian";
  EXPECT_TRUE(leader_told);

  say_line_privately("u-shifu", "刘师傅", "办结 T1 已关阀门更换爆裂管段", {}, kMonday0900 + 4 * kHour);
  EXPECT_EQ(ticket(1).state, store::TicketState::resolved);
  EXPECT_EQ(ticket(1).resolution, std::optional<std::string>("已关阀门更换爆裂管段"));

  // Someone it was never sent to is still refused.
  open_ticket();
  say_line_privately("u-shifu", "刘师傅", "接单 T2", {}, kMonday0900 + 5 * kHour);
  EXPECT_NE(ticket(2).state, store::TicketState::accepted);
}

TEST_F(TicketHandover, ALeaderAboveWhoTakesItOverHoldsItAtTheirLevelSoTheReopenLimitClimbsAboveThem) {
  open_ticket();
  say_line("g1", "u-li", "李网格长", "办结 T1 已换灯泡", {}, kMonday0900 + kHour);
  EXPECT_EQ(ticket(1).assignee_person, kLi);
  EXPECT_EQ(ticket(1).node, "g1");

  say_line_privately("u-zhang", "张三", "评价 T1 2 还是不亮", {}, kMonday0900 + 2 * kHour);
  say_line("g1", "u-li", "李网格长", "办结 T1 又换了一个", {}, kMonday0900 + 3 * kHour);
  const std::vector<Reply> second =
      say_line_privately("u-zhang", "张三", "评价 T1 1 还是不亮", {}, kMonday0900 + 4 * kHour);

  const store::Ticket after = ticket(1);
  EXPECT_EQ(after.reopened, 2);
  // Up from the grid, never down to the building below it.
  EXPECT_EQ(after.node, "c1");
  EXPECT_EQ(after.assignee_person, "generic:u-wang");
  // The reporter hears one thing: it climbed (not also "back to 李网格长").
  const std::vector<Reply> to_reporter = sent_to(second, private_of("u-zhang"));
  ASSERT_EQ(to_reporter.size(), 1u);
  EXPECT_TRUE(text_has(to_reporter[0].text, "上一级")) << to_reporter[0].text;
  // The resolver is told why, once, and may still finish the job.
  EXPECT_EQ(sent_to(second, private_of("u-li")).size(), 1u);
  say_line("g1", "u-li", "李网格长", "办结 T1 换了整条线路", {}, kMonday0900 + 5 * kHour);
  EXPECT_EQ(ticket(1).state, store::TicketState::resolved);
}

TEST_F(TicketHandover, ASendBackAfterAnEscalationGoesBackToTheLevelThatEscalated) {
  open_ticket();
  say_line("b3u2", "u-chen", "陈单元长", "上报 T1", {}, kMonday0900 + 10 * 60);
  ASSERT_EQ(ticket(1).assignee_person, kQian);
  say_line("b3", "u-qian", "钱楼栋长", "退回 T1 这是单元里的事", {}, kMonday0900 + 20 * 60);

  const store::Ticket back = ticket(1);
  EXPECT_EQ(back.assignee_person, kChen);
  EXPECT_EQ(back.node, "b3u2");
  EXPECT_EQ(back.sent_back, 1);
  // Back at the unit, its own leader may climb it again.
  say_line("b3u2", "u-chen", "陈单元长", "上报 T1", {}, kMonday0900 + 30 * 60);
  EXPECT_EQ(ticket(1).node, "b3");
}

// 孙楼栋长's 上报 of what 李网格长 held sent it to the community, and 李网格长 never heard (an
// exploratory run of the workers' side, 2026-12-07). Since an exploratory run of the leaders' side
// (2026-12-07), only a leader at or above where the ticket is sends it further: the unit's leader
// saying 上报 again a minute later took it from the building's leader to the grid's.
TEST_F(TicketHandover, AnEscalationByALeaderAboveTellsTheOneWhoHeldIt) {
  open_ticket();
  say_line("b3u2", "u-chen", "陈单元长", "上报 T1", {}, kMonday0900 + 10 * 60);
  ASSERT_EQ(ticket(1).assignee_person, kQian);
  const std::vector<Reply> again =
      say_line("b3u2", "u-chen", "陈单元长", "上报T1", {}, kMonday0900 + 11 * 60);
  EXPECT_EQ(ticket(1).assignee_person, kQian);
  ASSERT_EQ(again.size(), 1u);
  EXPECT_EQ(
      again[0].text,
      rendered("ticket_escalate_already",
               {{"ticket", "1"}, {"mention", "@陈单元长"}, {"level", "3号楼"}, {"holder", "钱楼栋长"}}));
  // Whoever climbs their own ticket is not told of their own move.
  const std::vector<Reply> own = say_line("b3", "u-qian", "钱楼栋长", "上报 T1", {}, kMonday0900 + 20 * 60);
  ASSERT_EQ(ticket(1).node, "g1");
  EXPECT_TRUE(sent_to(own, private_of("u-qian")).empty());
  // The 书记 sends it on from above: the grid's leader who held it hears.
  const std::vector<Reply> replies = say_line("c1", "u-wang", "王书记", "上报 T1", {}, kMonday0900 + 30 * 60);
  EXPECT_EQ(ticket(1).assignee_responder, "wuye");
  EXPECT_EQ(sent_to(replies, private_of("u-li")).size(), 1u);
}

TEST_F(TicketHandover, AWishDispatchedToSomeoneElseIsTheirsToFulfilAndTheClaimerIsTold) {
  open_ticket({.reporter = "u-zhang", .text = "想要一副老花镜", .kind = "wish"});
  say_line("b3u2", "u-he", "何大爷", "认领 T1", {}, kMonday0900 + 5 * 60);
  ASSERT_EQ(ticket(1).claimed_by, kHe);
  const std::vector<Reply> dispatched =
      say_line("b3u2", "u-chen", "陈单元长", "派单 T1 @刘阿姨", {"u-liu"}, kMonday0900 + 10 * 60);

  const store::Ticket passed = ticket(1);
  EXPECT_EQ(passed.assignee_person, kLiu);
  EXPECT_EQ(passed.claimed_by, kLiu) << "the one who does the wish earns its points";
  EXPECT_EQ(sent_to(dispatched, private_of("u-he")).size(), 1u) << "the passed-over claimer hears it";
  say_line("b3u2", "u-he", "何大爷", "退回 T1 我不去了", {}, kMonday0900 + 15 * 60);
  EXPECT_EQ(ticket(1).assignee_person, kLiu) << "only the holder sends back";

  say_line_privately("u-liu", "刘阿姨", "办结 T1 已送到", {}, kMonday0900 + kHour);
  say_line_privately("u-zhang", "张三", "满意", {}, kMonday0900 + 2 * kHour);
  EXPECT_EQ(ledger_.balance(config_.nodes.front().id, kLiu), config_.rules.wish_points);
  EXPECT_EQ(ledger_.balance(config_.nodes.front().id, kHe), 0);
}

TEST_F(TicketHandover, ALeaderTakingOverTellsTheOneWhoHeldIt) {
  open_ticket();
  say_line("b3u2", "u-chen", "陈单元长", "派单 T1 物业", {}, kMonday0900 + 5 * 60);
  const std::vector<Reply> replies =
      say_line("b3", "u-qian", "钱楼栋长", "办结 T1 我找电工换好了", {}, kMonday0900 + kHour);
  EXPECT_EQ(ticket(1).assignee_person, kQian);
  EXPECT_FALSE(sent_to(replies, "generic:wuye").empty()) << "物业 hears it need not come";
}

// Taken over by the one who says so: the note to the former holder named them twice
// ("已由钱楼栋长改由钱楼栋长办理"), and said "接手办理" of what was 办结.
TEST_F(TicketHandover, TheFormerHolderHearsWhoResolvedItNamedOnce) {
  open_ticket();
  say_line("b3u2", "u-chen", "陈单元长", "接单 T1", {}, kMonday0900 + 5 * 60);
  const std::vector<Reply> replies =
      say_line("b3", "u-qian", "钱楼栋长", "办结 T1 我找电工换好了", {}, kMonday0900 + kHour);
  const std::vector<Reply> told = sent_to(replies, "generic:@u-chen");
  ASSERT_EQ(told.size(), 1u);
  const std::string& text = told[0].text;
  const std::string name = "钱楼栋长";
  const std::size_t first = text.find(name);
  ASSERT_NE(first, std::string::npos) << text;
  EXPECT_EQ(text.find(name, first + name.size()), std::string::npos) << text;
  EXPECT_EQ(text, rendered("ticket_resolved_by_sender", {{"ticket", "1"},
                                                         {"mention", "@陈单元长"},
                                                         {"place", "3号楼2单元"},
                                                         {"text", ticket(1).text},
                                                         {"by", name}}));
}

TEST_F(TicketHandover, ASecondAcceptOfAnAcceptedTicketSaysWhoHasItAndChangesNothing) {
  open_ticket();
  say_line("g1", "u-li", "李网格长", "接单 T1", {}, kMonday0900 + 5 * 60);
  const store::Ticket first = ticket(1);
  const std::vector<Reply> replies =
      say_line("b3u2", "u-chen", "陈单元长", "接单 T1", {}, kMonday0900 + 10 * 60);

  const store::Ticket after = ticket(1);
  EXPECT_EQ(after.assignee_person, kLi);
  EXPECT_EQ(after.stage, first.stage);
  EXPECT_TRUE(sent_to(replies, private_of("u-zhang")).empty()) << "the reporter is not told twice";
  ASSERT_EQ(replies.size(), 1u);
  EXPECT_TRUE(text_has(replies[0].text, "李网格长")) << replies[0].text;
}

TEST_F(TicketHandover, WhoeverTookItOnMayFinishItAfterAMissedSolveDeadlineClimbedIt) {
  open_ticket({.urgency = "utilities"});
  say_line("b3u2", "u-chen", "陈单元长", "派单 T1 @刘阿姨", {"u-liu"}, kMonday0900 + 5 * 60);
  say_line_privately("u-liu", "刘阿姨", "接单 T1", {}, kMonday0900 + 10 * 60);
  run_jobs(kMonday0900 + 25 * kHour);  // utilities: 24 hours to solve
  ASSERT_EQ(ticket(1).node, "b3");
  ASSERT_EQ(climbed_events(tickets_, ticket(1)), 1);

  say_line_privately("u-liu", "刘阿姨", "办结 T1 已修好", {}, kMonday0900 + 26 * kHour);
  EXPECT_EQ(ticket(1).state, store::TicketState::resolved);
  EXPECT_EQ(ticket(1).resolved_by, kLiu);
}

TEST_F(TicketHandover, AnAcceptAfterADispatchIsNotInTimeWhenTheFirstWindowHadPassed) {
  open_ticket();
  // The level's leader passes it on just before the first window ends; it is taken long after.
  say_line("b3u2", "u-chen", "陈单元长", "派单 T1 @刘阿姨", {"u-liu"}, kMonday0900 + 2 * kHour - 60);
  say_line_privately("u-liu", "刘阿姨", "接单 T1", {}, kMonday0900 + 3 * kHour);
  EXPECT_FALSE(ticket(1).answered_in_time);
}

TEST_F(TicketHandover, ATicketWaitingAtTheTopOfTheLadderBreaksNoRule) {
  open_ticket();
  for (int hours = 2; hours <= 12; hours += 2)
    run_jobs(kMonday0900 + hours * kHour);
  const store::Ticket top = ticket(1);
  ASSERT_EQ(top.assignee_responder, std::optional<std::string>("wuye"));
  const store::ConsistencyReport report = store::check_consistency(db_);
  EXPECT_TRUE(report.violations.empty()) << report.violations.front();
  EXPECT_EQ(report.tickets_not_closed, 1);
}

TEST_F(TicketHandover, AtTheTopTheAnswerReminderThreatensNoClimb) {
  open_ticket();
  for (int hours = 2; hours <= 8; hours += 2)
    run_jobs(kMonday0900 + hours * kHour);
  ASSERT_EQ(ticket(1).assignee_responder, std::optional<std::string>("wuye"));
  const std::vector<Reply> reminded =
      sent_to(run_jobs(kMonday0900 + 8 * kHour + 90 * 60), private_of("u-shifu"));
  ASSERT_EQ(reminded.size(), 1u);
  // Rendered from the top's template: no threat of a climb that cannot happen.
  const std::int64_t at = kMonday0900 + 8 * kHour + 90 * 60;
  const std::string answer_by = local_time_text(services(), *ticket(1).answer_by, at);
  EXPECT_EQ(reminded[0].text, rendered("ticket_answer_reminder_top", {{"ticket", "1"},
                                                                      {"mention", "@刘师傅"},
                                                                      {"place", "3号楼2单元"},
                                                                      {"text", "楼道灯坏了"},
                                                                      {"answer_by", answer_by}}));
}

TEST_F(TicketHandover, WhatTheResponderSentBackIsNotHandedBackToItByTheNextDeadline) {
  open_ticket();
  for (int hours = 2; hours <= 8; hours += 2)  // unit → building → grid → community → 物业
    run_jobs(kMonday0900 + hours * kHour);
  ASSERT_EQ(ticket(1).assignee_responder, std::optional<std::string>("wuye"));
  say_line("wuye", "u-shifu", "刘师傅", "退回 T1 装修噪音归城管", {}, kMonday0900 + 8 * kHour + 10 * 60);
  ASSERT_EQ(ticket(1).assignee_person, "generic:u-wang");
  const int climbs = ticket(1).climbs;
  // 王书记 lets the window pass: the community is the top now, and its leaders hear it is overdue.
  const std::vector<Reply> replies = run_jobs(kMonday0900 + 11 * kHour);
  EXPECT_EQ(ticket(1).assignee_person, "generic:u-wang");
  EXPECT_FALSE(ticket(1).assignee_responder);
  EXPECT_EQ(ticket(1).climbs, climbs);
  EXPECT_TRUE(sent_to(replies, private_of("u-shifu")).empty());
  EXPECT_FALSE(sent_to(replies, private_of("u-wang")).empty());
}

TEST_F(TicketHandover, ASendBackWithNowhereHigherMovesNothingAndCountsNothing) {
  // A community with no responder: nothing is above its own level.
  db_.raw().exec("DELETE FROM responder_members; DELETE FROM responder_chats; DELETE FROM responders");
  open_ticket({.node = "c1"});
  ASSERT_EQ(ticket(1).assignee_person, "generic:u-wang");
  const std::vector<Reply> replies =
      say_line("c1", "u-wang", "王书记", "退回 T1 社区管不了", {}, kMonday0900 + kHour);

  const store::Ticket after = ticket(1);
  EXPECT_EQ(after.sent_back, 0);
  EXPECT_EQ(after.assignee_person, "generic:u-wang");
  EXPECT_EQ(after.climbs, 0);
  ASSERT_EQ(replies.size(), 1u) << "one answer to the sender, nothing posted";
  EXPECT_EQ(replies[0].chat, "generic:c1");
}

}  // namespace
}  // namespace whistle::handlers::testing
