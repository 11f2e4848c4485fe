// 撤销办结 / 办结错了: a 办结 said by mistake, taken back by whoever said it.

#include <gtest/gtest.h>

#include "handlers/ticket_flow.hpp"
#include "ticket_test_support.hpp"

namespace whistle::handlers::testing {
namespace {

using ResolveUndo = TicketTest;

constexpr std::int64_t kResolvedAt = kMonday0900 + kHour;

TEST_F(ResolveUndo, TheResolverTakesItBackAndTheWorkGoesOnOnTheSameClock) {
  open_ticket();
  say_line_privately("u-chen", "陈单元长", "接单 T1", {}, kMonday0900 + 10 * 60);
  const store::Ticket accepted = ticket(1);
  say_line_privately("u-chen", "陈单元长", "办结 T1 已更换灯泡", {}, kResolvedAt);
  const store::Ticket resolved = ticket(1);

  const std::vector<Reply> replies =
      say_line_privately("u-chen", "陈单元长", "办结错了 T1，是T2修好了", {}, kResolvedAt + 5 * 60);
  const store::Ticket now = ticket(1);
  EXPECT_EQ(now.state, store::TicketState::accepted);
  EXPECT_EQ(now.assignee_person, kChen);
  EXPECT_FALSE(now.resolved_at);
  EXPECT_FALSE(now.first_resolved_at);  // the figures count no 办结
  EXPECT_FALSE(now.resolution);
  EXPECT_EQ(now.accepted_at, accepted.accepted_at);
  // The same solve clock, resumed; the rating it asked for is void.
  EXPECT_EQ(now.solve_from, accepted.solve_from);
  EXPECT_EQ(now.solve_by, accepted.solve_by);
  EXPECT_TRUE(job_pending(kTicketSolveDeadline, now, now.solve_from));
  EXPECT_GT(now.stage, resolved.stage);
  EXPECT_FALSE(job_pending(kTicketRateDeadline, now, now.stage));
  // The reporter, asked to rate, hears it is not done; so does the group that read 办结.
  EXPECT_EQ(sent_to(replies, private_of("u-zhang")).size(), 1u);
  const std::vector<Reply> group = sent_to(replies, "generic:b3u2");
  ASSERT_EQ(group.size(), 1u);
  EXPECT_EQ(group[0].mentions, std::vector<std::string>{"generic:u-zhang"});
  // A 满意 now rates nothing: the reporter has nothing awaiting a rating.
  say_line_privately("u-zhang", "张三", "满意", {}, kResolvedAt + 6 * 60);
  EXPECT_EQ(ticket(1).state, store::TicketState::accepted);
  // Said again when done, it resolves as usual.
  say_line_privately("u-chen", "陈单元长", "办结 T1 这次真换好了", {}, kResolvedAt + kHour);
  EXPECT_EQ(ticket(1).state, store::TicketState::resolved);
  EXPECT_EQ(ticket(1).first_resolved_at, kResolvedAt + kHour);
}

// A deadline due in the instant before the scheduler ran it, cancelled by the 办结, runs after the
// taking back; one that ran (the ticket climbed) does not run again (a final read, 2026-12-06).
TEST_F(ResolveUndo, ADeadlineDueWhileResolvedRunsOnceAfterTheTakingBack) {
  open_ticket();
  say_line_privately("u-chen", "陈单元长", "接单 T1", {}, kMonday0900 + 10 * 60);
  const std::int64_t due = *ticket(1).solve_by;
  say_line_privately("u-chen", "陈单元长", "办结 T1", {}, due + 10);  // the job had not run yet
  say_line_privately("u-chen", "陈单元长", "撤销办结 T1", {}, due + 60);
  EXPECT_TRUE(job_pending(kTicketSolveDeadline, ticket(1), ticket(1).solve_from));
  run_jobs(due + 61);
  EXPECT_EQ(ticket(1).climbs, 1);

  open_ticket();  // T2: its deadline ran and climbed it before the 办结
  say_line_privately("u-chen", "陈单元长", "接单 T2", {}, kMonday0900 + 10 * 60);
  const std::int64_t due2 = *ticket(2).solve_by;
  run_jobs(due2);
  ASSERT_EQ(ticket(2).climbs, 1);
  say_line_privately("u-chen", "陈单元长", "办结 T2", {}, due2 + 10);
  say_line_privately("u-chen", "陈单元长", "撤销办结 T2", {}, due2 + 60);
  EXPECT_FALSE(job_pending(kTicketSolveDeadline, ticket(2), ticket(2).solve_from));
}

TEST_F(ResolveUndo, ABareTakeBackFindsTheOneRecentResolve) {
  open_ticket();
  say_line_privately("u-chen", "陈单元长", "办结 T1", {}, kResolvedAt);
  say_line_privately("u-chen", "陈单元长", "撤销办结", {}, kResolvedAt + 60);
  EXPECT_EQ(ticket(1).state, store::TicketState::accepted);

  // Nothing recent: the sender is told how to name one, and nothing changes.
  const std::vector<Reply> replies =
      say_line_privately("u-chen", "陈单元长", "撤销办结", {}, kResolvedAt + 120);
  ASSERT_EQ(replies.size(), 1u);
  EXPECT_EQ(ticket(1).state, store::TicketState::accepted);
}

// Too late, after the reporter answered, or not the sender's 办结: it stands, and the sender is told.
TEST_F(ResolveUndo, ItStandsLateOrOnceTheReporterAnsweredOrForSomeoneElse) {
  open_ticket();
  say_line_privately("u-chen", "陈单元长", "办结 T1", {}, kResolvedAt);
  std::vector<Reply> replies =
      say_line_privately("u-chen", "陈单元长", "撤销办结 T1", {}, kResolvedAt + 31 * 60);
  ASSERT_EQ(replies.size(), 1u);
  EXPECT_TRUE(text_has(replies[0].text, "【工单T1】")) << replies[0].text;
  EXPECT_EQ(ticket(1).state, store::TicketState::resolved);

  open_ticket();  // T2
  say_line_privately("u-chen", "陈单元长", "办结 T2", {}, kResolvedAt);
  say_line_privately("u-zhang", "张三", "评价 T2 满意", {}, kResolvedAt + 60);
  say_line_privately("u-chen", "陈单元长", "撤销办结 T2", {}, kResolvedAt + 120);
  EXPECT_EQ(ticket(2).state, store::TicketState::closed);

  open_ticket();  // T3
  say_line_privately("u-chen", "陈单元长", "办结 T3", {}, kResolvedAt);
  replies = say_line_privately("u-qian", "钱楼栋长", "撤销办结 T3", {}, kResolvedAt + 60);
  ASSERT_EQ(replies.size(), 1u);
  EXPECT_EQ(ticket(3).state, store::TicketState::resolved);
}

// The reporter's "T1 办结错了" is theirs to say with 不满意 (a final read, 2026-12-06).
TEST_F(ResolveUndo, TheReporterIsPointedToTheRating) {
  open_ticket();
  say_line_privately("u-chen", "陈单元长", "办结 T1", {}, kResolvedAt);
  for (const std::string line : {"T1 办结错了", "办结错了"}) {
    const std::vector<Reply> replies = say_line_privately("u-zhang", "张三", line, {}, kResolvedAt + 60);
    ASSERT_EQ(replies.size(), 1u) << line;
    EXPECT_TRUE(text_has(replies[0].text, "不满意")) << replies[0].text;
  }
  EXPECT_EQ(ticket(1).state, store::TicketState::resolved);
}

// A 办结's own note may tell of an earlier mistake: it is a 办结.
TEST_F(ResolveUndo, ANoteMentioningAnEarlierMistakeIsStillAResolve) {
  open_ticket();
  say_line_privately("u-chen", "陈单元长", "办结 T1 上次办结错了 这次换了总阀", {}, kResolvedAt);
  EXPECT_EQ(ticket(1).state, store::TicketState::resolved);
}

}  // namespace
}  // namespace whistle::handlers::testing
