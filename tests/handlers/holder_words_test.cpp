// Whoever holds a ticket says they take it on or have done it in their own words, without the
// command or its number: "好的 接了", "收到 马上去", "弄好了 换了个灯泡" (an exploratory run of
// residents' reports, 2026-12-06: 没看懂, or offered back as a new report a 是 would have opened).

#include <gtest/gtest.h>

#include "ticket_test_support.hpp"

namespace whistle::handlers::testing {
namespace {

using HolderWords = TicketTest;

TEST_F(HolderWords, TheOneTicketWaitingForItsHolderIsTakenOnAndDoneIsAskedAbout) {
  open_ticket({.reporter = "u-he"});
  say_line("b3u2", "u-chen", "陈单元长", "派单 T1 @张三", {"u-zhang"});
  const std::vector<Reply> taken = say_line_privately("u-zhang", "张三", "好的 接了", {}, kMonday0900 + 60);
  EXPECT_EQ(ticket(1).state, store::TicketState::accepted);
  EXPECT_EQ(ticket(1).assignee_person, "generic:u-zhang");
  EXPECT_FALSE(sent_to(taken, private_of("u-zhang")).empty());

  // Done in words is asked about with the command that does it, words and all: a 办结 asks the
  // resident to rate, and "物业说今天修好了" is no 办结 (a review, 2026-12-07).
  const std::vector<Reply> asked =
      say_line_privately("u-zhang", "张三", "弄好了 换了个灯泡", {}, kMonday0900 + kHour);
  EXPECT_EQ(ticket(1).state, store::TicketState::accepted);
  ASSERT_EQ(asked.size(), 1u);
  EXPECT_TRUE(text_has(asked.front().text, "办结 T1 弄好了 换了个灯泡")) << asked.front().text;
  EXPECT_FALSE(tickets_.by_number("c1", 2).has_value()) << "no report made of the worker's words";
  say_line_privately("u-zhang", "张三", "办结 T1 弄好了 换了个灯泡", {}, kMonday0900 + kHour + 60);
  EXPECT_EQ(ticket(1).state, store::TicketState::resolved);
}

// "好的 接了" said in a unit's group under a whistle's post took the ticket the volunteer had been
// handed, and made no report-in (a regression hunt of the volunteer loop, 2026-12-07): where a task
// is open the words may be the task's, so the job is asked about, not taken.
TEST_F(HolderWords, InAGroupWithATaskOpenTheWordsAreAskedAboutNotActedOn) {
  open_ticket({.reporter = "u-he"});
  say_line("b3u2", "u-chen", "陈单元长", "派单 T1 @张三", {"u-zhang"});
  whistle_in_b3u2("清理楼道杂物");
  const std::vector<Reply> asked =
      say("b3u2", "u-zhang", "张三", read("好的 接了", kMonday0900 + 60), kMonday0900 + 60, true);
  EXPECT_EQ(ticket(1).state, store::TicketState::assigned);
  ASSERT_EQ(asked.size(), 1u);
  EXPECT_TRUE(text_has(asked.front().text, "接单 T1")) << asked.front().text;
  // A bare 收到 to the bot while the job's answer window runs is how to take it, task or not (a
  // review, 2026-12-07: told how to join the task instead).
  const std::vector<Reply> nod =
      say("b3u2", "u-zhang", "张三", read("收到", kMonday0900 + 120), kMonday0900 + 120, true);
  ASSERT_EQ(nod.size(), 1u);
  EXPECT_TRUE(text_has(nod.front().text, "接单 T1")) << nod.front().text;
  // In private the same words take it.
  say_line_privately("u-zhang", "张三", "好的 接了", {}, kMonday0900 + 180);
  EXPECT_EQ(ticket(1).state, store::TicketState::accepted);
}

// "接了 2" in private from 物业's worker holding T2 was told to write the number he had written (a
// review, 2026-12-07): asked with the ticket's command, nothing taken.
TEST_F(HolderWords, ABareNumberInPrivateNamingAHeldTicketIsAskedAbout) {
  open_ticket_for_wuye();
  open_ticket_for_wuye({.reporter = "u-he", .text = "单元门禁坏了"});
  const std::vector<Reply> asked = say_line_privately("u-shifu", "刘师傅", "接了 2", {}, kMonday0900 + 60);
  ASSERT_EQ(asked.size(), 1u);
  EXPECT_TRUE(text_has(asked.front().text, "接单 T2")) << asked.front().text;
  EXPECT_EQ(ticket(2).state, store::TicketState::assigned);
}

// "已完成 1", "接了 1": a bare number after a worker's words is a task's, never ticket T1.
TEST_F(HolderWords, ABareNumberAfterTheWordsIsNoTicket) {
  open_ticket({.reporter = "u-he"});
  say_line("b3u2", "u-chen", "陈单元长", "接单 T1");
  for (const char* line : {"已完成 1", "弄完了 1 大家辛苦", "搞定了 1"})
    say_line("b3u2", "u-chen", "陈单元长", line, {}, kMonday0900 + 60);
  EXPECT_EQ(ticket(1).state, store::TicketState::accepted);
  say_line("b3u2", "u-chen", "陈单元长", "弄好了 T1 换了灯泡", {}, kMonday0900 + 120);
  EXPECT_EQ(ticket(1).state, store::TicketState::resolved);
}

TEST_F(HolderWords, GoingSomewhereIsAskedAboutAndNothingIsTaken) {
  open_ticket_for_wuye();
  const std::vector<Reply> asked =
      say_line_privately("u-shifu", "刘师傅", "收到 马上去", {}, kMonday0900 + 60);
  EXPECT_EQ(ticket(1).state, store::TicketState::assigned);
  ASSERT_EQ(asked.size(), 1u);
  EXPECT_TRUE(text_has(asked.front().text, "接单 T1"));
  // Going to a meeting is nobody's job (a review, 2026-12-07).
  const std::vector<Reply> meeting =
      say_line_privately("u-shifu", "刘师傅", "我马上去社区开会", {}, kMonday0900 + 120);
  EXPECT_EQ(ticket(1).state, store::TicketState::assigned);
  for (const Reply& reply : meeting)
    EXPECT_FALSE(text_has(reply.text, "T1")) << reply.text;
  say_line_privately("u-shifu", "刘师傅", "这单我接了", {}, kMonday0900 + 180);
  EXPECT_EQ(ticket(1).state, store::TicketState::accepted);
  EXPECT_EQ(ticket(1).assignee_responder, "wuye");
}

TEST_F(HolderWords, WithSeveralWaitingTheWordsNamingOneActOnItAndOtherwiseTheyAreListed) {
  open_ticket({.text = "楼道灯坏了"});
  open_ticket({.reporter = "u-he", .text = "单元门禁坏了"});
  // 陈单元长 holds both, as the unit's leader.
  const std::vector<Reply> asked =
      say_line_privately("u-chen", "陈单元长", "好的 我来处理", {}, kMonday0900 + 60);
  EXPECT_EQ(ticket(1).state, store::TicketState::assigned);
  EXPECT_EQ(ticket(2).state, store::TicketState::assigned);
  ASSERT_EQ(sent_to(asked, private_of("u-chen")).size(), 1u);
  EXPECT_TRUE(text_has(asked.front().text, "T1"));
  EXPECT_TRUE(text_has(asked.front().text, "T2"));

  const std::vector<Reply> named =
      say_line_privately("u-chen", "陈单元长", "门禁弄好了", {}, kMonday0900 + kHour);
  ASSERT_EQ(named.size(), 1u);
  EXPECT_TRUE(text_has(named.front().text, "办结 T2")) << named.front().text;
  // Another thing than the jobs hold is about something else (a review, 2026-12-07).
  const std::vector<Reply> lift =
      say_line_privately("u-chen", "陈单元长", "电梯修好了", {}, kMonday0900 + 2 * kHour);
  for (const Reply& reply : lift)
    EXPECT_FALSE(text_has(reply.text, "办结 T")) << reply.text;
  EXPECT_EQ(ticket(1).state, store::TicketState::assigned);
  EXPECT_EQ(ticket(2).state, store::TicketState::assigned);
}

TEST_F(HolderWords, AQuestionARefusalOrALaterPromiseTakesNothingOn) {
  open_ticket({.reporter = "u-he"});
  say_line("b3u2", "u-chen", "陈单元长", "派单 T1 @张三", {"u-zhang"});
  for (const std::string line : {"接了吗", "这个接不了", "我明天过去看看", "还没弄好", "修好了吗",
                                 "我接了个电话 等会说", "弄不好 得换整个灯座"}) {
    SCOPED_TRACE(line);
    say_line_privately("u-zhang", "张三", line, {}, kMonday0900 + 60);
    EXPECT_EQ(ticket(1).state, store::TicketState::assigned);
  }
}

TEST_F(HolderWords, SomeoneWhoHoldsNothingIsNotTakenForAWorker) {
  open_ticket();
  say_line_privately("u-he", "何大爷", "收到 马上去", {}, kMonday0900 + 60);
  EXPECT_EQ(ticket(1).state, store::TicketState::assigned);
  EXPECT_EQ(ticket(1).assignee_person, kChen);
}

TEST_F(HolderWords, InAGroupOnlyWordsSaidToTheBotAct) {
  open_ticket({.reporter = "u-he"});
  say_line("b3u2", "u-chen", "陈单元长", "派单 T1 @张三", {"u-zhang"});
  EXPECT_TRUE(say_line("b3u2", "u-zhang", "张三", "这单我接了", {}, kMonday0900 + 60).empty());
  EXPECT_EQ(ticket(1).state, store::TicketState::assigned);
  say_line("b3u2", "u-zhang", "张三", "@吹哨 这单我接了", {}, kMonday0900 + 120);
  EXPECT_EQ(ticket(1).state, store::TicketState::accepted);
}

TEST_F(HolderWords, AfterTheNumberTheWorkersWordsAreTheCommands) {
  open_ticket({.reporter = "u-he"});
  say_line("b3u2", "u-chen", "陈单元长", "派单 T1 @张三", {"u-zhang"});
  say_line_privately("u-zhang", "张三", "T1 我接了", {}, kMonday0900 + 60);
  EXPECT_EQ(ticket(1).state, store::TicketState::accepted);
  say_line_privately("u-zhang", "张三", "T1 搞定了 换了灯泡", {}, kMonday0900 + kHour);
  EXPECT_EQ(ticket(1).state, store::TicketState::resolved);
}

TEST_F(HolderWords, ABareNodFromWhoeverWasHandedAJobSaysHowToTakeItAndTakesNothing) {
  open_ticket({.reporter = "u-he"});
  say_line("b3u2", "u-chen", "陈单元长", "派单 T1 @张三", {"u-zhang"});
  const std::vector<Reply> replies = say_line_privately("u-zhang", "张三", "收到", {}, kMonday0900 + 60);
  ASSERT_EQ(replies.size(), 1u);
  EXPECT_TRUE(text_has(replies.front().text, "T1"));
  EXPECT_EQ(ticket(1).state, store::TicketState::assigned);
}

// "接单 T2 T3": T3 was left to climb four levels unseen; "办结 T2 T3 灯换了 信报箱门装好了" told T2's
// resident of T3's repair (an exploratory run of the workers' side, 2026-12-07).
TEST_F(HolderWords, SeveralTicketsInOneLineAreEachTakenAndDoneApartWhenTheWordsSayWhatWasDone) {
  open_ticket_for_wuye({.text = "楼道灯坏了"});
  open_ticket_for_wuye({.reporter = "u-he", .text = "信报箱门掉了"});
  say_line("wuye", "u-shifu", "刘师傅", "接单 T1 T2", {}, kMonday0900 + 60);
  EXPECT_EQ(ticket(1).state, store::TicketState::accepted);
  EXPECT_EQ(ticket(2).state, store::TicketState::accepted);
  const std::vector<Reply> asked =
      say_line("wuye", "u-shifu", "刘师傅", "办结 T1 T2 灯换了 信报箱门装好了", {}, kMonday0900 + kHour);
  EXPECT_EQ(ticket(1).state, store::TicketState::accepted);
  EXPECT_EQ(ticket(2).state, store::TicketState::accepted);
  ASSERT_EQ(asked.size(), 1u);
  EXPECT_TRUE(sent_to(asked, private_of("u-zhang")).empty());
  say_line("wuye", "u-shifu", "刘师傅", "办结 T1、T2", {}, kMonday0900 + 2 * kHour);
  EXPECT_EQ(ticket(1).state, store::TicketState::resolved);
  EXPECT_EQ(ticket(2).state, store::TicketState::resolved);
}

// "派单 T1 T2 T3 物业" answered "没有叫「T2」的单位" while a whole building's radiators were cold,
// each report climbing through the night (an exploratory run of winter, stop 67): each is sent.
TEST_F(HolderWords, SeveralTicketsAreDispatchedTogetherToTheUnitNamedAfterThem) {
  open_ticket({.text = "暖气不热"});
  open_ticket({.reporter = "u-liu", .text = "我家暖气也不热"});
  open_ticket({.reporter = "u-he", .text = "暖气片冰凉"});
  say_line_privately("u-chen", "陈单元长", "派单 T1 T2 T3 物业", {}, kMonday0900 + 60);
  for (const std::int64_t number : {1, 2, 3})
    EXPECT_EQ(ticket(number).assignee_responder, std::optional<std::string>("wuye")) << number;
}

// "T1 T2 T3 一起派给物业" was silence, "T1 T2 已处理" closed T2 alone and "T1、T2 接单" neither (a
// leftover of stop 67): tickets listed before the command word are each acted on, the note with each.
TEST_F(HolderWords, TicketsListedBeforeTheCommandWordAreEachActedOn) {
  open_ticket({.text = "暖气不热"});
  open_ticket({.reporter = "u-liu", .text = "我家暖气也不热"});
  open_ticket({.reporter = "u-he", .text = "暖气片冰凉"});
  say_line_privately("u-chen", "陈单元长", "T1 T2 T3 一起派给物业 抓紧", {}, kMonday0900 + 60);
  for (const std::int64_t number : {1, 2, 3}) {
    EXPECT_EQ(ticket(number).assignee_responder, std::optional<std::string>("wuye")) << number;
    EXPECT_EQ(ticket(number).state, store::TicketState::assigned) << number;
  }
  say_line("wuye", "u-shifu", "刘师傅", "T1、T2 接单", {}, kMonday0900 + kHour);
  EXPECT_EQ(ticket(1).state, store::TicketState::accepted);
  EXPECT_EQ(ticket(2).state, store::TicketState::accepted);
  EXPECT_EQ(ticket(3).state, store::TicketState::assigned);
  say_line("wuye", "u-shifu", "刘师傅", "T1和T2 已处理", {}, kMonday0900 + 2 * kHour);
  EXPECT_EQ(ticket(1).state, store::TicketState::resolved);
  EXPECT_EQ(ticket(2).state, store::TicketState::resolved);
  // So a send-back, with its reason for each (a review of stop 68: it sent back the last alone).
  open_ticket({.reporter = "u-he", .text = "单元门坏了"});
  say_line_privately("u-chen", "陈单元长", "派单 T4 物业", {}, kMonday0900 + 4 * kHour);
  say_line("wuye", "u-shifu", "刘师傅", "T3、T4 退回 不归我们管", {}, kMonday0900 + 5 * kHour);
  EXPECT_EQ(ticket(3).sent_back, 1);
  EXPECT_EQ(ticket(4).sent_back, 1);
}

// "T1 电梯主板烧了 要等厂家配件 下周才能修" was offered back as a new report, and a 是 opened one that
// paged the 书记 (the same run). It is a note for whoever works on it; the resident does not read
// notes, which are as often asides ("T1 这家天天报 别理她"; a review, 2026-12-07).
TEST_F(HolderWords, AWorkersLineAboutTheTicketIsANoteForTheWorkersNeverANewReport) {
  open_ticket_for_wuye({.text = "电梯坏了"});
  const std::vector<Reply> replies = say_line_privately(
      "u-shifu", "刘师傅", "T1 电梯主板烧了 要等厂家配件 下周才能修", {}, kMonday0900 + 60);
  EXPECT_EQ(tickets_.events(ticket(1).id).back().kind, "noted");
  EXPECT_TRUE(sent_to(replies, private_of("u-zhang")).empty());
  EXPECT_FALSE(tickets_.offer_to(private_of("u-shifu"), "generic:u-shifu").has_value());
  EXPECT_FALSE(tickets_.by_number("c1", 2).has_value());
  // The resident's 进度 leaves the note out; the leader's shows it.
  const std::vector<Reply> resident = say_line_privately("u-zhang", "张三", "进度 T1", {}, kMonday0900 + 120);
  ASSERT_FALSE(resident.empty());
  EXPECT_FALSE(text_has(resident.front().text, "厂家配件")) << resident.front().text;
  const std::vector<Reply> leader =
      say_line_privately("u-chen", "陈单元长", "进度 T1", {}, kMonday0900 + 120);
  ASSERT_FALSE(leader.empty());
  EXPECT_TRUE(text_has(leader.front().text, "厂家配件")) << leader.front().text;
  // A send-back in the making, or a repair they cannot do, is pointed to 退回.
  for (const std::string line : {"T1 不归我们管 是电梯公司的事", "T1 修不好"}) {
    const std::vector<Reply> not_ours = say_line_privately("u-shifu", "刘师傅", line, {}, kMonday0900 + 180);
    ASSERT_EQ(not_ours.size(), 1u);
    EXPECT_TRUE(text_has(not_ours.front().text, "退回 T1"));
  }
  EXPECT_EQ(ticket(1).sent_back, 0);
  // Someone with nothing to do with it is read as before.
  say_line_privately("u-he", "何大爷", "T1 电梯又坏了", {}, kMonday0900 + 240);
  EXPECT_EQ(tickets_.events(ticket(1).id).back().kind, "noted");
}

// "T1 我来处理" from the building's leader, standing in for the unit's who was away, got a menu
// without 接单 (an exploratory run of people changing, 2026-12-07): told how to take it over.
TEST_F(HolderWords, ALeaderAboveSayingHeWillHandleItIsToldHowToTakeItOver) {
  open_ticket({.text = "楼道灯坏了"});
  const std::vector<Reply> replies =
      say_line_privately("u-qian", "钱楼栋长", "T1 我来处理", {}, kMonday0900 + 60);
  ASSERT_EQ(replies.size(), 1u);
  EXPECT_TRUE(text_has(replies[0].text, "接单 T1")) << replies[0].text;
  EXPECT_EQ(ticket(1).state, store::TicketState::assigned);  // asked, not taken
}

// A leader holds his unit's new reports; his own report's 修好了 is his to rate or take back (a
// review, 2026-12-07: he was asked which job to 办结, a neighbour's first).
TEST_F(HolderWords, ALeadersWordsAboutHisOwnReportAreNoJobOfHis) {
  open_ticket({.reporter = "u-he", .text = "楼道灯坏了"});
  open_ticket({.reporter = "u-chen", .text = "我家水管漏水"});
  const std::vector<Reply> replies =
      say_line_privately("u-chen", "陈单元长", "我家水管修好了 不用来了", {}, kMonday0900 + kHour);
  for (const Reply& reply : replies)
    EXPECT_FALSE(text_has(reply.text, "办结 T")) << reply.text;
  EXPECT_EQ(ticket(1).state, store::TicketState::assigned);
}

// 陈单元长 reported his own building's lift, took it, fixed it and rated it 满意, and it counted in
// 满意率 (an exploratory run of people changing, 2026-12-07): resolved by its reporter, nobody is
// asked to rate it, his own rating is refused, it may be taken back, and it closes unrated in time.
TEST_F(HolderWords, AReportResolvedByItsOwnReporterIsNotRated) {
  open_ticket({.reporter = "u-chen", .text = "电梯坏了"});
  say_line_privately("u-chen", "陈单元长", "接单 T1", {}, kMonday0900 + 60);
  const std::vector<Reply> done =
      say_line_privately("u-chen", "陈单元长", "办结 T1 重启好了", {}, kMonday0900 + 120);
  EXPECT_EQ(ticket(1).state, store::TicketState::resolved);
  for (const Reply& reply : done)
    EXPECT_FALSE(text_has(reply.text, "评价 T1")) << reply.chat << reply.text;
  say_line_privately("u-chen", "陈单元长", "满意", {}, kMonday0900 + 180);
  EXPECT_EQ(ticket(1).ratings, 0);
  say_line_privately("u-chen", "陈单元长", "撤销办结 T1", {}, kMonday0900 + 240);
  EXPECT_EQ(ticket(1).state, store::TicketState::accepted);
  say_line_privately("u-chen", "陈单元长", "办结 T1 重启好了", {}, kMonday0900 + 300);
  for (const Reply& reply : run_jobs(kMonday0900 + 8 * 24 * kHour))
    EXPECT_FALSE(text_has(reply.text, "T1")) << reply.chat << reply.text;
  EXPECT_EQ(ticket(1).outcome, store::TicketOutcome::not_rated);
}

TEST_F(HolderWords, ATubesNameIsNoTicketListed) {
  open_ticket({.text = "楼道灯坏了"});
  open_ticket({.reporter = "u-he", .text = "单元门禁坏了"});
  say_line_privately("u-chen", "陈单元长", "接单 T1 T2灯管没货", {}, kMonday0900 + 60);
  EXPECT_EQ(ticket(1).state, store::TicketState::accepted);
  EXPECT_EQ(ticket(2).state, store::TicketState::assigned);
}

TEST_F(HolderWords, ANodLongAfterTheJobWasHandedOverIsNoAnswerToIt) {
  open_ticket({.reporter = "u-he"});
  say_line("b3u2", "u-chen", "陈单元长", "派单 T1 @张三", {"u-zhang"});
  const std::vector<Reply> later = say_line_privately("u-zhang", "张三", "好的", {}, kMonday0900 + 5 * kHour);
  for (const Reply& reply : later)
    EXPECT_FALSE(text_has(reply.text, "接单 T1")) << reply.text;
}

TEST_F(HolderWords, ANeighbourAJobWasHandedToListsTheirOwn) {
  open_ticket({.reporter = "u-he"});
  say_line("b3u2", "u-chen", "陈单元长", "派单 T1 @张三", {"u-zhang"});
  const std::vector<Reply> listed = say_line_privately("u-zhang", "张三", "我的单", {}, kMonday0900 + 60);
  ASSERT_EQ(listed.size(), 1u);
  EXPECT_TRUE(text_has(listed.front().text, "T1")) << listed.front().text;
}

// From a second review (2026-12-07).
TEST_F(HolderWords, AWorkersLinesByNumberAndBetweenTwoJobsAreReadForTheRightJob) {
  open_ticket_for_wuye({.text = "楼道灯坏了"});
  open_ticket_for_wuye({.reporter = "u-he", .text = "电梯坏了"});
  open_ticket_for_wuye({.reporter = "u-liu", .text = "下水道堵了"});
  // "T1 换好了" with three jobs named its own.
  say_line_privately("u-shifu", "刘师傅", "T1 换好了", {}, kMonday0900 + 60);
  EXPECT_EQ(ticket(1).state, store::TicketState::resolved);
  // "下水道疏通了" names the drain's job once its own words of done are set aside.
  const std::vector<Reply> drain =
      say_line_privately("u-shifu", "刘师傅", "下水道疏通了", {}, kMonday0900 + 90);
  ASSERT_EQ(drain.size(), 1u);
  EXPECT_TRUE(text_has(drain.front().text, "办结 T3")) << drain.front().text;
  // "灯换好了 电梯还在等配件" named the lift by 电梯 and offered to close it.
  open_ticket_for_wuye({.reporter = "u-he", .text = "门口路灯不亮"});
  // A trouble none of the jobs holds, with a promise to mend it, is no job of theirs to list.
  for (const Reply& reply : say_line_privately("u-shifu", "刘师傅", "水泵坏了 我去修", {}, kMonday0900 + 100))
    EXPECT_FALSE(text_has(reply.text, "接单 T")) << reply.text;
  const std::vector<Reply> two =
      say_line_privately("u-shifu", "刘师傅", "灯换好了 电梯还在等配件", {}, kMonday0900 + 120);
  ASSERT_FALSE(two.empty());
  for (const Reply& reply : two)
    EXPECT_FALSE(text_has(reply.text, "T2")) << reply.text;  // the lamps' jobs only, T1 and T4
  EXPECT_EQ(ticket(2).state, store::TicketState::assigned);
}

TEST_F(HolderWords, ALeaderAboveSayingReceivedTakesNothingFromItsHolder) {
  open_ticket({.reporter = "u-he"});
  say_line("b3u2", "u-chen", "陈单元长", "派单 T1 @张三", {"u-zhang"});
  say_line_privately("u-qian", "钱楼栋长", "T1 收到", {}, kMonday0900 + 60);
  EXPECT_EQ(ticket(1).assignee_person, "generic:u-zhang");
  EXPECT_EQ(ticket(1).state, store::TicketState::assigned);
  // From its holder, asked whether it is taken.
  const std::vector<Reply> asked = say_line_privately("u-zhang", "张三", "T1 收到", {}, kMonday0900 + 120);
  ASSERT_EQ(asked.size(), 1u);
  EXPECT_TRUE(text_has(asked.front().text, "接单 T1"));
  EXPECT_EQ(ticket(1).state, store::TicketState::assigned);
}

TEST_F(HolderWords, ALeaderHoldingItDispatchesItByItsNumberFirst) {
  open_ticket();
  say_line_privately("u-chen", "陈单元长", "T1 派单给物业", {}, kMonday0900 + 60);
  EXPECT_EQ(ticket(1).assignee_responder, "wuye");
}

TEST_F(HolderWords, ANoteSaidToTheBotInAGroupIsNotSaidBackThere) {
  open_ticket_for_wuye();
  const std::vector<Reply> replies = say_line(
      "wuye", "u-shifu", "刘师傅", "@吹哨 T1 业主身份证号是330102199001011234", {}, kMonday0900 + 60);
  for (const Reply& reply : replies)
    EXPECT_FALSE(text_has(reply.text, "199001011234")) << reply.text;
  EXPECT_EQ(tickets_.events(ticket(1).id).back().kind, "noted");
}

// From the final read (2026-12-07).
TEST_F(HolderWords, GoingWordsByNumberFromALeaderAboveTakeNothingFromItsHolder) {
  open_ticket_for_wuye({.reporter = "u-he"});
  say_line_privately("u-li", "李网格长", "T1 我去看看", {}, kMonday0900 + 60);
  EXPECT_EQ(ticket(1).assignee_responder, "wuye");
  EXPECT_EQ(ticket(1).state, store::TicketState::assigned);
}

TEST_F(HolderWords, AJobsWordsSaidBackInAnotherGroupAreMasked) {
  open_ticket({.reporter = "u-he", .text = "楼道灯坏了 电话13900001111"});
  const std::vector<Reply> replies =
      say_line("b3", "u-chen", "陈单元长", "@吹哨 收到 马上去", {}, kMonday0900 + 60);
  ASSERT_FALSE(replies.empty());
  for (const Reply& reply : replies)
    EXPECT_FALSE(text_has(reply.text, "13900001111")) << reply.text;
}

TEST_F(HolderWords, WhatTheLeaderSaysOnDispatchReachesTheWorkerAndTheHistory) {
  open_ticket({.text = "楼道窗户玻璃碎了"});
  const std::vector<Reply> replies =
      say_line("b3u2", "u-chen", "陈单元长", "派单 T1 物业 是3楼 东边那扇", {}, kMonday0900 + 60);
  EXPECT_TRUE(text_has(sent_to(replies, private_of("u-shifu")).front().text, "东边那扇"));
  EXPECT_TRUE(text_has(sent_to(replies, "generic:wuye").front().text, "东边那扇"));
  // An ID number in the leader's words is masked there (the final read, 2026-12-07).
  open_ticket({.reporter = "u-he", .text = "门口路灯不亮"});
  const std::vector<Reply> id =
      say_line("b3u2", "u-chen", "陈单元长", "派单 T2 物业 业主身份证330102199001011234 上门核实", {},
               kMonday0900 + 90);
  ASSERT_FALSE(sent_to(id, "generic:wuye").empty());
  EXPECT_FALSE(text_has(sent_to(id, "generic:wuye").front().text, "199001011234"));
  EXPECT_EQ(tickets_.events(ticket(1).id).back().kind, "noted");
  // The resident who reported it does not read it (a review: "这家老太太比较难缠" was shown to her).
  const std::vector<Reply> resident = say_line("b3u2", "u-zhang", "张三", "进度 T1", {}, kMonday0900 + 120);
  for (const Reply& reply : resident)
    EXPECT_FALSE(text_has(reply.text, "东边那扇")) << reply.text;
}

TEST_F(HolderWords, ALeadersChaseReachesWhoeverHoldsIt) {
  open_ticket_for_wuye();
  const std::vector<Reply> replies =
      say_line_privately("u-chen", "陈单元长", "催办 T1 刘师傅抓紧", {}, kMonday0900 + kHour);
  EXPECT_EQ(sent_to(replies, private_of("u-shifu")).size(), 1u);
  EXPECT_EQ(ticket(1).state, store::TicketState::assigned);
}

TEST_F(HolderWords, AWorkerAsksForTheirOwnJobsInTheirWords) {
  open_ticket_for_wuye({.text = "楼道灯坏了"});
  for (const std::string line : {"我手上还有几个单", "哪些单没做完", "我的单"}) {
    SCOPED_TRACE(line);
    const std::vector<Reply> replies = say_line_privately("u-shifu", "刘师傅", line, {}, kMonday0900 + 60);
    ASSERT_EQ(replies.size(), 1u);
    EXPECT_TRUE(text_has(replies.front().text, "T1"));
  }
}

}  // namespace
}  // namespace whistle::handlers::testing

namespace whistle::handlers::testing {
namespace {

using ErrandWords = TicketTest;

// A neighbour who took an errand (a 点单) and says "药送到了", or falls ill ("我发烧了 去不了了"), was
// met with 没看懂 (an exploratory run of the leaders' side, 2026-12-07): asked whether it is done,
// told how to hand it back. Nothing is done on the words.
TEST_F(ErrandWords, TheErrandsHolderIsAskedAboutDoneAndToldHowToHandItBack) {
  open_ticket({.reporter = "u-liu", .text = "需要有人帮忙去医院取个药", .kind = "order"});
  say_line("b3u2", "u-chen", "陈单元长", "派单 T1 @何大爷", {"u-he"});
  say_line_privately("u-he", "何大爷", "接单 T1", {}, kMonday0900 + 60);
  const std::vector<Reply> ill =
      say_line_privately("u-he", "何大爷", "我发烧了 去不了了", {}, kMonday0900 + 120);
  ASSERT_EQ(ill.size(), 1u);
  EXPECT_EQ(ill[0].text, rendered("withdraw_held_ticket", {{"mention", "@何大爷"}, {"ticket", "1"}}));
  const std::vector<Reply> done = say_line_privately("u-he", "何大爷", "药送到了", {}, kMonday0900 + 180);
  ASSERT_EQ(done.size(), 1u);
  EXPECT_TRUE(contains(done[0].text, "办结 T1")) << done[0].text;
  EXPECT_EQ(ticket(1).state, store::TicketState::accepted);
  EXPECT_EQ(ticket(1).assignee_person, qualified("u-he"));
  // A resident asking for help with the same words is not read as leaving anything.
  const std::vector<Reply> help =
      say_line_privately("u-zhang", "张三", "我妈去不了医院，需要人帮忙取药", {}, kMonday0900 + 240);
  ASSERT_FALSE(help.empty());
  EXPECT_FALSE(contains(help[0].text, "退回")) << help[0].text;
}

// Holding two errands, "去不了了" lists them with the 退回 that hands one back; nothing is handed back.
TEST_F(ErrandWords, NotGoingWithTwoErrandsListsThem) {
  open_ticket({.reporter = "u-liu", .text = "需要有人帮忙去医院取个药", .kind = "order"});
  open_ticket({.reporter = "u-zhang", .text = "帮忙买点菜", .kind = "order"});
  say_line("b3u2", "u-chen", "陈单元长", "派单 T1 @何大爷", {"u-he"});
  say_line("b3u2", "u-chen", "陈单元长", "派单 T2 @何大爷", {"u-he"}, kMonday0900 + 60);
  const std::vector<Reply> replies =
      say_line_privately("u-he", "何大爷", "我发烧了 去不了了", {}, kMonday0900 + 120);
  ASSERT_EQ(replies.size(), 1u);
  EXPECT_TRUE(contains(replies[0].text, "T1") && contains(replies[0].text, "T2")) << replies[0].text;
  EXPECT_TRUE(contains(replies[0].text, "退回 T")) << replies[0].text;
  EXPECT_EQ(ticket(1).assignee_person, qualified("u-he"));
  EXPECT_EQ(ticket(2).assignee_person, qualified("u-he"));
}

}  // namespace
}  // namespace whistle::handlers::testing
