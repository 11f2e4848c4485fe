// 派单, 接单, 认领 and 办结, with tickets made through the store (intake is built apart).

#include <gtest/gtest.h>

#include "handlers/ticket_flow.hpp"
#include "ticket_test_support.hpp"

namespace whistle::handlers::testing {
namespace {

using TicketWork = TicketTest;

// --- 派单 ----------------------------------------------------------------------------------

TEST_F(TicketWork, ALeaderDispatchesToAPersonWhoIsToldInPrivateAndTheLevelGroupSeesIt) {
  const store::Ticket made = open_ticket();
  ASSERT_EQ(made.assignee_person, kChen);
  const std::vector<Reply> replies = say_line_privately("u-chen", "陈单元长", "派单 T1 @刘阿姨", {"u-liu"});

  const store::Ticket now = ticket(1);
  EXPECT_EQ(now.assignee_person, kLiu);
  EXPECT_FALSE(now.assignee_responder);
  EXPECT_EQ(now.dispatched_by, kChen);
  EXPECT_EQ(now.state, store::TicketState::assigned);
  EXPECT_EQ(now.stage, made.stage + 1);
  // A fresh answer window for the new holder.
  EXPECT_TRUE(job_pending(kTicketAnswerDeadline, now, now.stage));
  EXPECT_EQ(now.answer_by, kMonday0900 + 2 * kHour);

  ASSERT_FALSE(replies.empty());
  EXPECT_EQ(replies[0].chat, private_of("u-chen"));
  EXPECT_TRUE(text_has(replies[0].text, "【工单T1】")) << replies[0].text;
  const std::vector<Reply> to_liu = sent_to(replies, private_of("u-liu"));
  ASSERT_EQ(to_liu.size(), 1u);
  EXPECT_EQ(to_liu[0].mentions, std::vector<std::string>{kLiu});
  EXPECT_TRUE(text_has(to_liu[0].text, "楼道灯坏了")) << to_liu[0].text;
  EXPECT_TRUE(text_has(to_liu[0].text, "张三")) << "whom the job is for: " << to_liu[0].text;
  const std::vector<Reply> group = sent_to(replies, "generic:b3u2");
  ASSERT_EQ(group.size(), 1u);
  // A group report names its reporter.
  EXPECT_TRUE(text_has(group[0].text, "张三")) << group[0].text;
}

// Two residents called 李强 who had only spoken to the bot: "派单 T1 @李强" typed without the
// platform's mention was told nobody is so called (an exploratory run of people changing,
// 2026-12-07). It is asked which one is meant, and nobody is given it.
TEST_F(TicketWork, ANameTwoResidentsAnswerToIsAskedAboutNotUnknown) {
  open_ticket();
  say_line("b3u2", "u-lq1", "李强", "大家好");
  say_line("b3u1", "u-lq2", "李强", "大家好");
  const std::vector<Reply> replies = say_line_privately("u-chen", "陈单元长", "派单 T1 @李强");
  ASSERT_EQ(replies.size(), 1u);
  EXPECT_TRUE(text_has(replies[0].text, "2位")) << replies[0].text;
  EXPECT_EQ(ticket(1).assignee_person, kChen);
}

TEST_F(TicketWork, AtNightTheGroupPostWaitsForTheMorningButTheNewHolderIsToldAtOnce) {
  open_ticket();
  const std::int64_t night = kMonday0900 + 14 * kHour;  // 23:00
  const std::vector<Reply> replies =
      say_line_privately("u-chen", "陈单元长", "派单 T1 @刘阿姨", {"u-liu"}, night);
  EXPECT_EQ(sent_to(replies, private_of("u-liu")).size(), 1u);
  EXPECT_TRUE(sent_to(replies, "generic:b3u2").empty());
  // 07:00 the next morning the post goes out.
  const std::vector<Reply> morning = run_jobs(kMonday0900 + 22 * kHour);
  EXPECT_EQ(sent_to(morning, "generic:b3u2").size(), 1u);
}

TEST_F(TicketWork, ALeaderDispatchesToTheResponderWhoseChatAndMembersAreTold) {
  open_ticket();
  const std::vector<Reply> replies = say_line("b3u2", "u-chen", "陈单元长", "派单 T1 物业");
  const store::Ticket now = ticket(1);
  EXPECT_EQ(now.assignee_responder, "wuye");
  EXPECT_FALSE(now.assignee_person);
  EXPECT_EQ(now.state, store::TicketState::assigned);
  EXPECT_EQ(sent_to(replies, "generic:wuye").size(), 1u);
  EXPECT_EQ(sent_to(replies, private_of("u-shifu")).size(), 1u);
  // Said in the level's own group: the answer there is the post, no second one.
  EXPECT_EQ(sent_to(replies, "generic:b3u2").size(), 1u);
}

TEST_F(TicketWork, AnUnknownResponderIsAnsweredWithTheOnesThereAre) {
  open_ticket();
  const std::vector<Reply> replies = say_line("b3u2", "u-chen", "陈单元长", "派单 T1 自来水公司");
  ASSERT_EQ(replies.size(), 1u);
  EXPECT_TRUE(text_has(replies[0].text, "物业")) << replies[0].text;
  EXPECT_EQ(ticket(1).assignee_person, kChen);
}

// "派单 T1 @何大爷 @张三" gave it to the first and dropped the second unsaid (an exploratory run of
// the leaders' side, 2026-12-07): a ticket has one holder, and the leader is told so.
TEST_F(TicketWork, ADispatchToTwoPeopleIsAskedForOne) {
  open_ticket({.reporter = "u-he"});
  const std::vector<Reply> replies =
      say_line("b3u2", "u-chen", "陈单元长", "派单 T1 @刘阿姨 @张三", {"u-liu", "u-zhang"});
  ASSERT_EQ(replies.size(), 1u);
  EXPECT_EQ(replies[0].chat, "generic:b3u2");
  EXPECT_EQ(ticket(1).assignee_person, kChen);
}

// "派单 T1 张三", "派单 T1 刘师傅": a person's name typed where a responder's would stand was "没有叫张三
// 的单位" (the same run).
TEST_F(TicketWork, ANameTypedWithoutAnAtIsThePersonDispatchedTo) {
  open_ticket({.reporter = "u-he"});
  say_line("b3u2", "u-chen", "陈单元长", "派单 T1 张三");
  EXPECT_EQ(ticket(1).assignee_person, kZhang);
  say_line("b3u2", "u-chen", "陈单元长", "派单 T1 刘师傅");
  EXPECT_EQ(ticket(1).assignee_person, qualified("u-shifu"));
}

// Said in a group of a private report, the note would name its reporter there: the leader reads it
// in private (a review, 2026-12-07).
TEST_F(TicketWork, ADispatchToAPrivateReporterSaysSoOnlyInPrivate) {
  open_ticket({.reporter = "u-liu", .in_private = true});
  const std::vector<Reply> replies = say_line("b3u2", "u-chen", "陈单元长", "派单 T1 @刘阿姨", {"u-liu"});
  const std::string note = rendered("ticket_dispatch_to_reporter_note", {{"name", "刘阿姨"}});
  EXPECT_FALSE(any_group_reply_contains(replies, note));
  const std::vector<Reply> to_chen = sent_to(replies, private_of("u-chen"));
  ASSERT_EQ(to_chen.size(), 1u);
  EXPECT_TRUE(contains(to_chen[0].text, note)) << to_chen[0].text;
}

// Typed, "派单 T1 何大爷 张三" names two and "派单 T1 何大爷？" asks: neither dispatches (a review,
// 2026-12-07: each did).
TEST_F(TicketWork, ATypedDispatchToTwoOrAskedIsNotDone) {
  open_ticket({.reporter = "u-liu"});
  EXPECT_EQ(say_line("b3u2", "u-chen", "陈单元长", "派单 T1 何大爷 张三").size(), 1u);
  EXPECT_EQ(say_line("b3u2", "u-chen", "陈单元长", "派单 T1 何大爷？").size(), 1u);
  EXPECT_EQ(ticket(1).assignee_person, kChen);
  say_line("b3u2", "u-chen", "陈单元长", "派单 T1 何大爷 屋顶那块");
  EXPECT_EQ(ticket(1).assignee_person, qualified("u-he"));
}

// Given to the one who reported it: the leader is told they will not be asked to rate it.
TEST_F(TicketWork, ADispatchToTheReporterSaysSo) {
  open_ticket({.reporter = "u-liu"});
  const std::vector<Reply> replies = say_line("b3u2", "u-chen", "陈单元长", "派单 T1 @刘阿姨", {"u-liu"});
  EXPECT_EQ(ticket(1).assignee_person, kLiu);
  ASSERT_FALSE(replies.empty());
  EXPECT_TRUE(contains(replies[0].text, rendered("ticket_dispatch_to_reporter_note", {{"name", "刘阿姨"}})))
      << replies[0].text;
}

TEST_F(TicketWork, OnlyLeadersOfTheLevelOrAboveDispatchAndTheRefusalNamesThem) {
  const store::Ticket made = open_ticket();
  // A resident, and the leader of the unit next door.
  for (const auto& [who, name] :
       std::vector<std::pair<std::string, std::string>>{{"u-he", "何大爷"}, {"u-feng", "冯单元长"}}) {
    const std::vector<Reply> replies = say_line_privately(who, name, "派单 T1 物业");
    ASSERT_EQ(replies.size(), 1u);
    EXPECT_TRUE(text_has(replies[0].text, "陈单元长")) << replies[0].text;
    EXPECT_TRUE(text_has(replies[0].text, "【工单T1】")) << replies[0].text;
  }
  EXPECT_EQ(ticket(1).stage, made.stage);
  EXPECT_EQ(ticket(1).assignee_person, kChen);

  // The grid leader above may.
  say_line_privately("u-li", "李网格长", "派单 T1 物业");
  EXPECT_EQ(ticket(1).assignee_responder, "wuye");
  EXPECT_EQ(ticket(1).dispatched_by, "generic:u-li");
}

TEST_F(TicketWork, APrivateReporterIsNeverNamedInAGroup) {
  open_ticket({.in_private = true});
  std::vector<Reply> replies = say_line_privately("u-chen", "陈单元长", "派单 T1 @刘阿姨", {"u-liu"});
  say_line_privately("u-liu", "刘阿姨", "接单 T1");
  for (const Reply& reply : say_line_privately("u-liu", "刘阿姨", "办结 T1 已更换灯泡"))
    replies.push_back(reply);
  bool group_post = false;
  for (const Reply& reply : replies) {
    if (reply.chat.find(":@") != std::string::npos) continue;
    group_post = true;
    EXPECT_FALSE(text_has(reply.text, "张三")) << reply.chat << ": " << reply.text;
    for (const std::string& mention : reply.mentions)
      EXPECT_NE(mention, "generic:u-zhang");
  }
  EXPECT_TRUE(group_post);
}

TEST_F(TicketWork, AGroupReporterIsNamedOnlyInTheGroupTheyReportedIn) {
  // A complaint about 601 said in 3号楼1单元's group: 3号楼2单元's group, 601's, never reads who made it.
  say_line("b3u1", "u-zhang", "张三", "投诉 3号楼2单元 601家天天往楼下扔垃圾");
  ASSERT_EQ(ticket(1).node, "b3u2");
  const std::vector<Reply> replies = say_line_privately("u-chen", "陈单元长", "派单 T1 @刘阿姨", {"u-liu"});
  const std::vector<Reply> there = sent_to(replies, "generic:b3u2");
  ASSERT_EQ(there.size(), 1u);
  EXPECT_FALSE(text_has(there[0].text, "张三")) << there[0].text;
  EXPECT_EQ(there[0].mentions, std::vector<std::string>{"generic:u-liu"});
}

// --- 接单 ----------------------------------------------------------------------------------

TEST_F(TicketWork, TheHolderAcceptsInTimeAndTheReporterIsTold) {
  const store::Ticket made = open_ticket();
  const std::vector<Reply> replies =
      say_line("b3u2", "u-chen", "陈单元长", "接单 T1", {}, kMonday0900 + kHour);
  const store::Ticket now = ticket(1);
  EXPECT_EQ(now.state, store::TicketState::accepted);
  EXPECT_EQ(now.accepted_at, kMonday0900 + kHour);
  EXPECT_EQ(now.first_accepted_at, kMonday0900 + kHour);
  EXPECT_TRUE(now.answered_in_time);
  EXPECT_EQ(now.stage, made.stage + 1);
  ASSERT_EQ(replies.size(), 2u);
  EXPECT_EQ(replies[0].chat, "generic:b3u2");
  EXPECT_EQ(replies[1].chat, private_of("u-zhang"));
  EXPECT_TRUE(text_has(replies[1].text, "陈单元长")) << replies[1].text;

  // Said twice: nothing changes.
  say_line("b3u2", "u-chen", "陈单元长", "接单 T1", {}, kMonday0900 + 2 * kHour);
  EXPECT_EQ(ticket(1).stage, now.stage);
  EXPECT_EQ(ticket(1).accepted_at, kMonday0900 + kHour);
}

TEST_F(TicketWork, AnAcceptAfterTheAnswerWindowIsNotInTime) {
  open_ticket();
  say_line("b3u2", "u-chen", "陈单元长", "接单 T1", {}, kMonday0900 + 3 * kHour);
  EXPECT_EQ(ticket(1).state, store::TicketState::accepted);
  EXPECT_FALSE(ticket(1).answered_in_time);
}

TEST_F(TicketWork, ALeaderAboveWhoAcceptsTakesTheTicket) {
  open_ticket();
  say_line("g1", "u-li", "李网格长", "接单 T1");
  EXPECT_EQ(ticket(1).assignee_person, "generic:u-li");
  EXPECT_EQ(ticket(1).state, store::TicketState::accepted);
}

TEST_F(TicketWork, SomeoneElseMayNotAcceptAndIsToldWhoMay) {
  const store::Ticket made = open_ticket();
  const std::vector<Reply> replies = say_line("b3u2", "u-liu", "刘阿姨", "接单 T1");
  ASSERT_EQ(replies.size(), 1u);
  EXPECT_TRUE(text_has(replies[0].text, "陈单元长")) << replies[0].text;
  EXPECT_EQ(ticket(1).state, store::TicketState::assigned);
  EXPECT_EQ(ticket(1).stage, made.stage);
}

TEST_F(TicketWork, AResponderMemberAcceptsInTheRespondersChatForTheResponder) {
  open_ticket_for_wuye();
  const std::vector<Reply> replies = say_line("wuye", "u-shifu", "刘师傅", "接单 T1");
  const store::Ticket now = ticket(1);
  EXPECT_EQ(now.state, store::TicketState::accepted);
  EXPECT_EQ(now.assignee_responder, "wuye");  // a 回炉 goes back to 物业
  ASSERT_FALSE(replies.empty());
  EXPECT_EQ(replies[0].chat, "generic:wuye");
  EXPECT_EQ(sent_to(replies, private_of("u-zhang")).size(), 1u);

  // A person who is not its member may not, even in that chat.
  open_ticket_for_wuye();
  say_line("wuye", "u-he", "何大爷", "接单 T2");
  EXPECT_EQ(ticket(2).state, store::TicketState::assigned);
}

TEST_F(TicketWork, ATicketNumberIsNeededAndMustExist) {
  open_ticket();
  std::vector<Reply> replies = say_line("b3u2", "u-chen", "陈单元长", "接单 T9");
  ASSERT_EQ(replies.size(), 1u);
  EXPECT_EQ(replies[0].text, rendered("ticket_not_found", {{"mention", "@陈单元长"}, {"ticket", "9"}}));
}

TEST_F(TicketWork, TheHolderOfOneTicketAcceptsAndResolvesItWithoutItsNumber) {
  open_ticket();
  say_line_privately("u-chen", "陈单元长", "派单 T1 @刘阿姨", {"u-liu"});
  say_line_privately("u-liu", "刘阿姨", "接单");
  EXPECT_EQ(ticket(1).state, store::TicketState::accepted);
  EXPECT_EQ(ticket(1).assignee_person, kLiu);
  say_line_privately("u-liu", "刘阿姨", "完成 T1", {}, kMonday0900 + kHour);
  EXPECT_EQ(ticket(1).state, store::TicketState::resolved);
  EXPECT_EQ(ticket(1).resolved_by, kLiu);
}

// Since an exploratory run of the leaders' side (2026-12-07), the two are listed to choose from.
TEST_F(TicketWork, WithTwoTicketsWaitingABareAcceptAsksForTheNumber) {
  open_ticket();
  open_ticket();
  const std::vector<Reply> replies = say_line_privately("u-chen", "陈单元长", "接单");
  ASSERT_EQ(replies.size(), 1u);
  EXPECT_TRUE(contains(replies[0].text, "T1") && contains(replies[0].text, "T2")) << replies[0].text;
  EXPECT_EQ(ticket(1).state, store::TicketState::assigned);
  EXPECT_EQ(ticket(2).state, store::TicketState::assigned);
}

// --- 认领 ----------------------------------------------------------------------------------

TEST_F(TicketWork, ANeighbourClaimsAWishAndTheWisherIsTold) {
  const store::Ticket made = open_ticket({.text = "想请人帮忙读报", .kind = "wish"});
  const std::vector<Reply> replies = say_line("b3u2", "u-liu", "刘阿姨", "认领 T1");
  const store::Ticket now = ticket(1);
  EXPECT_EQ(now.claimed_by, kLiu);
  EXPECT_EQ(now.assignee_person, kLiu);
  EXPECT_EQ(now.state, store::TicketState::accepted);
  EXPECT_EQ(now.stage, made.stage + 1);
  EXPECT_EQ(sent_to(replies, private_of("u-zhang")).size(), 1u);

  // Taken: another neighbour is thanked, nothing changes.
  const std::vector<Reply> late = say_line("b3u2", "u-he", "何大爷", "认领 T1");
  ASSERT_EQ(late.size(), 1u);
  EXPECT_TRUE(text_has(late[0].text, "刘阿姨")) << late[0].text;
  EXPECT_EQ(ticket(1).claimed_by, kLiu);

  // The claimer resolves it as its holder.
  say_line("b3u2", "u-liu", "刘阿姨", "办结 T1 读了一下午");
  EXPECT_EQ(ticket(1).state, store::TicketState::resolved);
  EXPECT_EQ(ticket(1).resolved_by, kLiu);
}

// "我来认领" where one wish waits was asked for a number (an exploratory run of month end,
// 2026-12-06); with two waiting, it still is.
TEST_F(TicketWork, ABareClaimTakesTheOneWishWaitingInTheGroup) {
  open_ticket({.text = "想请人帮忙读报", .kind = "wish"});
  open_ticket();  // a report beside it is no wish to claim
  say_line("b3u2", "u-liu", "刘阿姨", "我来认领");
  EXPECT_EQ(ticket(1).claimed_by, kLiu);

  open_ticket({.text = "想要一本字典", .kind = "wish"});
  open_ticket({.text = "想学用智能手机", .kind = "wish"});
  say_line("b3u2", "u-he", "何大爷", "认领");
  EXPECT_FALSE(ticket(3).claimed_by);
  EXPECT_FALSE(ticket(4).claimed_by);
}

// A day later "我来认领" was about a lost umbrella (a review, 2026-12-06): only a wish just posted.
TEST_F(TicketWork, ABareClaimTakesNoWishPostedLongAgo) {
  open_ticket({.text = "想要一本字典", .kind = "wish"});
  say_line("b3u2", "u-liu", "刘阿姨", "我来认领", {}, kMonday0900 + 24 * kHour);
  EXPECT_FALSE(ticket(1).claimed_by);
}

TEST_F(TicketWork, OnlyAWishIsClaimedAndNotByItsOwnReporter) {
  open_ticket();
  std::vector<Reply> replies = say_line("b3u2", "u-liu", "刘阿姨", "认领 T1");
  ASSERT_EQ(replies.size(), 1u);
  EXPECT_TRUE(text_has(replies[0].text, "微心愿")) << replies[0].text;
  EXPECT_FALSE(ticket(1).claimed_by);

  open_ticket({.text = "想要一本字典", .kind = "wish"});
  say_line("b3u2", "u-zhang", "张三", "认领 T2");
  EXPECT_FALSE(ticket(2).claimed_by);
}

TEST_F(TicketWork, AWishItsLeaderIsAlreadyDoingIsNotClaimed) {
  open_ticket({.text = "想请人帮忙读报", .kind = "wish"});
  say_line("b3u2", "u-chen", "陈单元长", "接单 T1");
  const std::vector<Reply> replies = say_line("b3u2", "u-liu", "刘阿姨", "认领 T1");
  ASSERT_EQ(replies.size(), 1u);
  EXPECT_TRUE(text_has(replies[0].text, "陈单元长")) << replies[0].text;
  EXPECT_FALSE(ticket(1).claimed_by);
  EXPECT_EQ(ticket(1).assignee_person, kChen);
}

// --- 办结 ----------------------------------------------------------------------------------

TEST_F(TicketWork, TheHolderResolvesStraightFromAssignedAndTheReporterIsAskedToRate) {
  const store::Ticket made = open_ticket();
  const std::int64_t at = kMonday0900 + kHour;
  const std::vector<Reply> replies = say_line_privately("u-chen", "陈单元长", "办结 T1 已更换灯泡", {}, at);
  const store::Ticket now = ticket(1);
  EXPECT_EQ(now.state, store::TicketState::resolved);
  EXPECT_EQ(now.resolved_by, kChen);
  EXPECT_EQ(now.resolution, "已更换灯泡");
  EXPECT_EQ(now.resolved_at, at);
  EXPECT_EQ(now.first_resolved_at, at);
  // 办结 straight from assigned counts as the accept at that moment.
  EXPECT_EQ(now.first_accepted_at, at);
  EXPECT_TRUE(now.answered_in_time);
  EXPECT_GT(now.stage, made.stage);
  // The rating deadline, for the stage after the resolve; the solve clock's jobs are gone.
  EXPECT_TRUE(job_pending(kTicketRateDeadline, now, now.stage));
  EXPECT_FALSE(job_pending(kTicketSolveDeadline, now, now.solve_from));

  const std::vector<Reply> to_reporter = sent_to(replies, private_of("u-zhang"));
  ASSERT_EQ(to_reporter.size(), 1u);
  EXPECT_TRUE(text_has(to_reporter[0].text, "已更换灯泡")) << to_reporter[0].text;
  EXPECT_TRUE(text_has(to_reporter[0].text, "评价 T1")) << to_reporter[0].text;
  // Reported in the group: the group hears it too, naming the reporter.
  const std::vector<Reply> group = sent_to(replies, "generic:b3u2");
  ASSERT_EQ(group.size(), 1u);
  EXPECT_EQ(group[0].mentions, std::vector<std::string>{"generic:u-zhang"});
}

TEST_F(TicketWork, TheRateDeadlineIsRateDaysAfterTheResolve) {
  open_ticket();
  say_line("b3u2", "u-chen", "陈单元长", "办结 T1 已更换灯泡");
  const store::Ticket now = ticket(1);
  const std::vector<store::Job> due = jobs_.due(kMonday0900 + config_.rules.rate_days * 24 * kHour, 100);
  bool found = false;
  for (const store::Job& job : due) {
    if (job.kind == kTicketRateDeadline && job.payload == ticket_job_payload(now, now.stage)) {
      found = true;
      EXPECT_EQ(job.due_at, kMonday0900 + config_.rules.rate_days * 24 * kHour);
    }
  }
  EXPECT_TRUE(found);
}

TEST_F(TicketWork, AResolvedTicketIsNotResolvedAgainNorAccepted) {
  open_ticket();
  say_line("b3u2", "u-chen", "陈单元长", "办结 T1 已更换灯泡");
  const store::Ticket resolved = ticket(1);
  for (const std::string line : {"办结 T1 又换了一次", "接单 T1", "派单 T1 物业"}) {
    const std::vector<Reply> replies = say_line("b3u2", "u-chen", "陈单元长", line);
    ASSERT_EQ(replies.size(), 1u) << line;
    EXPECT_TRUE(text_has(replies[0].text, "【工单T1】")) << replies[0].text;
  }
  EXPECT_EQ(ticket(1).stage, resolved.stage);
  EXPECT_EQ(ticket(1).resolution, "已更换灯泡");
}

TEST_F(TicketWork, SomeoneElseMayNotResolve) {
  open_ticket();
  const std::vector<Reply> replies = say_line("b3u2", "u-he", "何大爷", "办结 T1 修好了");
  ASSERT_EQ(replies.size(), 1u);
  EXPECT_TRUE(text_has(replies[0].text, "陈单元长")) << replies[0].text;
  EXPECT_EQ(ticket(1).state, store::TicketState::assigned);
}

TEST_F(TicketWork, AResponderMemberResolvesInItsChat) {
  open_ticket_for_wuye();
  say_line("wuye", "u-shifu", "刘师傅", "接单 T1");
  const std::vector<Reply> replies = say_line("wuye", "u-shifu", "刘师傅", "办结 T1 灯泡已换");
  EXPECT_EQ(ticket(1).state, store::TicketState::resolved);
  EXPECT_EQ(ticket(1).resolved_by, "generic:u-shifu");
  EXPECT_EQ(ticket(1).assignee_responder, "wuye");
  EXPECT_EQ(sent_to(replies, private_of("u-zhang")).size(), 1u);
}

}  // namespace
}  // namespace whistle::handlers::testing
