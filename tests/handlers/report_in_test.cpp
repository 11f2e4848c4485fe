#include <gtest/gtest.h>

#include "handler_fixture.hpp"

namespace whistle::handlers::testing {
namespace {

using ReportIn = HandlerTest;

TEST_F(ReportIn, ABareReportInSignsUpForTheChatsOnlyOpenTask) {
  const std::int64_t number = whistle_in_b3u2("清理楼道杂物");
  const std::vector<Reply> replies = say("b3u2", "u-zhang", "张三", task_command(Intent::report_in));
  ASSERT_EQ(replies.size(), 1u);
  EXPECT_EQ(replies[0], (Reply{"generic:b3u2", "【吹哨#1】@张三 报到成功，已报到 1/5", {"generic:u-zhang"}}));
  EXPECT_EQ(signup_state(number, "u-zhang"), store::SignupState::signed_up);
}

// An exploratory run of an urgent night (2026-12-06): "我和老伴一起去" was silence, and the answer to
// "报到 1 我和老伴两个人" said nothing of the second person.
TEST_F(ReportIn, TwoGoingTogetherTakeTheSendersPlaceAndTheOtherIsAskedToReportIn) {
  const std::int64_t number = whistle_in_b3u2("清理楼道杂物");
  const std::vector<Reply> replies = say("b3u2", "u-he", "何大爷", read("我和老伴一起去"));
  ASSERT_EQ(replies.size(), 1u);
  EXPECT_TRUE(contains(replies[0].text, rendered("report_in_two_note", {{"task", "1"}}))) << replies[0].text;
  EXPECT_EQ(signup_state(number, "u-he"), store::SignupState::signed_up);
  EXPECT_EQ(signups_.count(task(number).id, store::SignupState::signed_up), 1);

  const std::vector<Reply> alone = say("b3u2", "u-zhang", "张三", read("报到 1"));
  ASSERT_EQ(alone.size(), 1u);
  EXPECT_FALSE(contains(alone[0].text, rendered("report_in_two_note", {{"task", "1"}}))) << alone[0].text;
}

// The final read: a 接龙 copy whose other line says 老伴 is no report-in for two.
TEST_F(ReportIn, AJielongCopyWithSomeoneElsesPartnerIsNoReportInForTwo) {
  whistle_in_b3u2("清理楼道杂物");
  say("b3u2", "u-he", "何大爷", read("报到 1"));
  const std::vector<Reply> replies = say("b3u2", "u-zhang", "张三", read("接龙\n1. 何大爷和老伴\n2. 张三"));
  ASSERT_EQ(replies.size(), 1u);
  EXPECT_FALSE(contains(replies[0].text, rendered("report_in_two_note", {{"task", "1"}}))) << replies[0].text;
  EXPECT_EQ(signup_state(1, "u-zhang"), store::SignupState::signed_up);
}

// The same run: "报到 2" in 3号楼's group took 5号楼's task #2 unseen, and its taker was made 失约.
TEST_F(ReportIn, ReportingInByNumberToAnotherGroupsTaskNamesThatTask) {
  const std::int64_t number = whistle_in_b3u2("清理楼道杂物");
  const std::vector<Reply> elsewhere = say("b5u1", "u-zhang", "张三", read("报到 1"));
  ASSERT_EQ(elsewhere.size(), 1u);
  EXPECT_EQ(elsewhere[0].chat, "generic:b5u1");
  EXPECT_TRUE(contains(elsewhere[0].text, "清理楼道杂物")) << elsewhere[0].text;
  EXPECT_TRUE(contains(elsewhere[0].text, "取消 1")) << elsewhere[0].text;
  EXPECT_EQ(signup_state(number, "u-zhang"), store::SignupState::signed_up);

  const std::vector<Reply> at_home = say("b3u2", "u-liu", "刘阿姨", read("报到 1"));
  ASSERT_EQ(at_home.size(), 1u);
  EXPECT_FALSE(contains(at_home[0].text, "清理楼道杂物")) << at_home[0].text;
}

// "2号我来" among neighbours answering "下周值班怎么排" joined another building's task #2 (a review,
// 2026-12-07): said in passing, a task's number counts only for a task posted in this chat.
TEST_F(ReportIn, ANumberedReplyInPassingCountsOnlyForATaskPostedHere) {
  const std::int64_t number = whistle_in_b3u2("清理楼道杂物");
  EXPECT_TRUE(say("b5u1", "u-zhang", "张三", read("1号我来")).empty());
  EXPECT_TRUE(say("b3u2", "u-zhang", "张三", read("14号我来")).empty());
  EXPECT_FALSE(signup_state(number, "u-zhang").has_value());
  say("b3u2", "u-zhang", "张三", read("1号我来"));
  EXPECT_EQ(signup_state(number, "u-zhang"), store::SignupState::signed_up);
}

TEST_F(ReportIn, ReportingInMakesThePersonAVolunteerOfTheChatsNode) {
  whistle_in_b3u2("清理楼道杂物");
  say("b3u2", "u-zhang", "张三", task_command(Intent::report_in));
  EXPECT_TRUE(people_.has_role(qualified("u-zhang"), "b3u2", store::Role::volunteer));
}

TEST_F(ReportIn, FullTaskPutsTheNextVolunteerOnTheWaitlist) {
  const std::int64_t number = whistle_in_b3u2("清理楼道杂物", 2);
  say("b3u2", "u-zhang", "张三", task_command(Intent::report_in));
  say("b3u2", "u-lisi", "李四", task_command(Intent::report_in));
  const std::vector<Reply> third = say("b3u2", "u-wangwu", "王五", task_command(Intent::report_in));
  const std::vector<Reply> fourth = say("b3u2", "u-zhaoliu", "赵六", task_command(Intent::report_in));

  ASSERT_EQ(third.size(), 1u);
  EXPECT_EQ(third[0].text, "【吹哨#1】@王五 名额已满（2/2），你排在候补第1位，有人取消时自动递补。");
  ASSERT_EQ(fourth.size(), 1u);
  EXPECT_NE(fourth[0].text.find("候补第2位"), std::string::npos) << fourth[0].text;
  EXPECT_EQ(signup_state(number, "u-wangwu"), store::SignupState::waitlisted);
  EXPECT_EQ(signups_.count(task(number).id, store::SignupState::signed_up), 2);
}

TEST_F(ReportIn, ReportingTwiceChangesNothing) {
  const std::int64_t number = whistle_in_b3u2("清理楼道杂物");
  say("b3u2", "u-zhang", "张三", task_command(Intent::report_in));
  const std::vector<Reply> again = say("b3u2", "u-zhang", "张三", task_command(Intent::report_in, number));
  ASSERT_EQ(again.size(), 1u);
  EXPECT_EQ(again[0].text, "【吹哨#1】@张三 你已报到（1/5），不用重复报到。");
  EXPECT_EQ(signups_.count(task(number).id, store::SignupState::signed_up), 1);
}

TEST_F(ReportIn, ReportingAgainWhileWaitlistedTellsThePlaceInLine) {
  whistle_in_b3u2("清理楼道杂物", 1);
  say("b3u2", "u-zhang", "张三", task_command(Intent::report_in));
  say("b3u2", "u-lisi", "李四", task_command(Intent::report_in));
  const std::vector<Reply> again = say("b3u2", "u-lisi", "李四", task_command(Intent::report_in));
  ASSERT_EQ(again.size(), 1u);
  EXPECT_EQ(again[0].text, "【吹哨#1】@李四 你已在候补第1位，有人取消时自动递补。");
}

TEST_F(ReportIn, WithoutALimitTheAnswerCountsPeople) {
  whistle_in_b3u2("慰问独居老人", std::nullopt);
  const std::vector<Reply> replies = say("b3u2", "u-zhang", "张三", task_command(Intent::report_in));
  ASSERT_EQ(replies.size(), 1u);
  EXPECT_EQ(replies[0].text, "【吹哨#1】@张三 报到成功，已报到 1人");
}

TEST_F(ReportIn, AnImplicitPlusOneWithAnOpenTaskSignsUp) {
  const std::int64_t number = whistle_in_b3u2("清理楼道杂物");
  const std::vector<Reply> replies = say("b3u2", "u-zhang", "张三", implicit_report_in("+1"));
  ASSERT_EQ(replies.size(), 1u);
  EXPECT_EQ(replies[0].text, "【吹哨#1】@张三 报到成功，已报到 1/5");
  EXPECT_EQ(signup_state(number, "u-zhang"), store::SignupState::signed_up);
}

TEST_F(ReportIn, AnImplicitOneWithoutAnOpenTaskIsChatterAndGetsNoAnswer) {
  EXPECT_TRUE(say("b3u2", "u-zhang", "张三", implicit_report_in("1")).empty());
  // An open task in another group does not make this group's "1" a report-in.
  whistle_in_b3u2("清理楼道杂物");
  EXPECT_TRUE(say("b3u1", "u-zhang", "张三", implicit_report_in("我来")).empty());
}

TEST_F(ReportIn, AnExplicitReportInWithNothingOpenSaysSo) {
  const std::vector<Reply> replies = say("b3u2", "u-zhang", "张三", task_command(Intent::report_in));
  ASSERT_EQ(replies.size(), 1u);
  EXPECT_EQ(replies[0].text, "@张三 本群现在没有进行中的吹哨任务，有新任务时会在群里通知。");
}

TEST_F(ReportIn, AJielongLineCountsForItsSender) {
  const std::int64_t number = whistle_in_b3u2("清理楼道杂物");
  say("b3u2", "u-lisi", "李四", implicit_report_in("接龙\n1. 张三\n2. 李四", "李四"));
  EXPECT_EQ(signup_state(number, "u-lisi"), store::SignupState::signed_up);
  EXPECT_FALSE(signup_state(number, "u-zhang").has_value());
}

// A leader's whistle that opens a 接龙, copied and extended the WeChat way: each copy once told the
// volunteer "only leaders may whistle", and a leader's copy, or the bot's own post quoted, made a
// second task.
TEST_F(ReportIn, AWhistlesOwnJielongCopiedSignsUpAndNeverMakesASecondTask) {
  const std::string whistle = "【吹哨】周六上午9点到11点 清理楼道 5人 10分\n接龙报名：\n1. 陈单元长";
  say("b3u2", "u-chen", "陈单元长", read(whistle));
  ASSERT_EQ(task(1).title, "清理楼道");
  say("b3u2", "u-zhang", "张三", read(whistle + "\n2. 张三"));
  EXPECT_EQ(signup_state(1, "u-zhang"), store::SignupState::signed_up);
  say("b3u2", "u-qian", "钱楼栋长", read(whistle + "\n2. 张三\n3. 钱楼栋长"));
  EXPECT_EQ(signup_state(1, "u-qian"), store::SignupState::signed_up);
  say("b3u2", "u-liu", "刘阿姨", read("【吹哨#1】清理楼道｜11月28日(周六) 09:00–11:00｜需5人\n1. 刘阿姨"));
  EXPECT_EQ(signup_state(1, "u-liu"), store::SignupState::signed_up);
  EXPECT_TRUE(say("b3u2", "u-chen", "陈单元长", read("【吹哨#1】收到请大家积极报名")).empty());
  EXPECT_FALSE(tasks_.by_number("c1", 2).has_value());
}

// The review's case: a leader's notice opens an empty 接龙 and the first volunteer fills line 1;
// read as a whistle from someone who may not whistle, they were refused and not signed up.
TEST_F(ReportIn, TheFirstVolunteerFillingAWhistlesEmptyJielongIsSignedUp) {
  const std::string notice = "【吹哨】周六上午9点到11点 清理楼道 5人 10分\n接龙报名：";
  say("b3u2", "u-chen", "陈单元长", read(notice));
  ASSERT_EQ(task(1).title, "清理楼道");
  say("b3u2", "u-zhang", "张三", read(notice + "\n1. 张三"));
  EXPECT_EQ(signup_state(1, "u-zhang"), store::SignupState::signed_up);
  EXPECT_FALSE(tasks_.by_number("c1", 2).has_value());
}

TEST_F(ReportIn, StepsUnderASignUpNoticeStayTheWhistles) {
  say("b3u2", "u-chen", "陈单元长",
      read("吹哨 周六上午9点 清理楼道 5人\n报名须知：\n1. 带好手套\n2. 穿运动鞋"));
  EXPECT_TRUE(tasks_.by_number("c1", 1).has_value());
}

// A 接龙 copied without one's own line is how people leave it: 张三 stayed signed up and was marked
// 失约 (an exploratory run of corrections, 2026-12-06). He is asked; nothing is withdrawn.
TEST_F(ReportIn, AJielongCopiedWithoutTheSendersLineAsksWhetherTheyLeave) {
  const std::int64_t number = whistle_in_b3u2("清理楼道杂物");
  say("b3u2", "u-zhang", "张三", read("#接龙\n清理楼道杂物\n1. 张三"));
  say("b3u2", "u-liu", "刘阿姨", read("#接龙\n清理楼道杂物\n1. 张三\n2. 刘阿姨"));
  const std::vector<Reply> replies = say("b3u2", "u-zhang", "张三", read("#接龙\n清理楼道杂物\n1. 刘阿姨"));
  ASSERT_EQ(replies.size(), 1u);
  EXPECT_EQ(replies[0].text, rendered("report_in_chain_left", {{"task", "1"}, {"mention", "@张三"}}));
  EXPECT_EQ(signup_state(number, "u-zhang"), store::SignupState::signed_up);
}

// A bare 报到 in private got only "请写上任务编号" (stop 54's notes): the tasks still taking people in
// the groups of one's places are listed; nothing is signed up on a guess.
TEST_F(ReportIn, ABareReportInInPrivateListsTheTasksOfOnesPlaces) {
  whistle_in_b3u2("清理楼道杂物");
  whistle_in_b3u2("慰问老人");
  say("b3u2", "u-zhang", "张三", read("报到 1"));  // a volunteer of 3号楼2单元 now
  const std::vector<Reply> replies = say_privately("u-zhang", "张三", read("报到"));
  ASSERT_EQ(replies.size(), 1u);
  EXPECT_TRUE(contains(replies[0].text, "#2 慰问老人")) << replies[0].text;
  EXPECT_FALSE(contains(replies[0].text, "#1 ")) << replies[0].text;  // his already
  EXPECT_FALSE(signup_state(2, "u-zhang").has_value());
  // A full one is listed as one to wait for (the second review, 2026-12-06).
  whistle_in_b3u2("整理快递架", 1);
  say("b3u2", "u-liu", "刘阿姨", read("报到 3"));
  const std::vector<Reply> with_full = say_privately("u-zhang", "张三", read("报到"));
  ASSERT_EQ(with_full.size(), 1u);
  EXPECT_TRUE(contains(with_full[0].text, "#3 整理快递架") &&
              contains(with_full[0].text, rendered("report_in_private_full", {})))
      << with_full[0].text;
  // Someone placed nowhere is asked for the number, as before.
  const std::vector<Reply> stranger = say_privately("u-x9", "路人", read("报到"));
  ASSERT_EQ(stranger.size(), 1u);
  EXPECT_FALSE(contains(stranger[0].text, "慰问老人")) << stranger[0].text;
}

// Read as the parser reads them: a list copied without a new line adds nobody; a name that shares
// nothing with the sender's may be someone else or a nickname, so the sender is signed up and told
// whose name was added.
TEST_F(ReportIn, AJielongThatAddsNobodySignsUpNobodyAndAnotherNameIsPointedOut) {
  const std::int64_t number = whistle_in_b3u2("清理楼道杂物");
  say("b3u2", "u-zhang", "张三", read("#接龙\n清理楼道杂物\n1. 张三"));
  ASSERT_EQ(signup_state(number, "u-zhang"), store::SignupState::signed_up);

  EXPECT_TRUE(say("b3u2", "u-lisi", "李四", read("#接龙\n清理楼道杂物\n1. 张三")).empty());
  EXPECT_FALSE(signup_state(number, "u-lisi").has_value());

  const std::vector<Reply> replies =
      say("b3u2", "u-liu", "刘阿姨", read("#接龙\n清理楼道杂物\n1. 张三\n2. 王奶奶"));
  ASSERT_EQ(replies.size(), 1u);
  EXPECT_EQ(replies[0].mentions, std::vector<std::string>{"generic:u-liu"});
  EXPECT_TRUE(
      contains(replies[0].text, rendered("report_in_chain_note", {{"task", "1"}, {"name", "王奶奶"}})))
      << replies[0].text;
  EXPECT_EQ(signup_state(number, "u-liu"), store::SignupState::signed_up);

  // Her own name as she writes it shares a character with the platform's: no note.
  const std::vector<Reply> own =
      say("b3u2", "u-he", "何大爷", read("#接龙\n清理楼道杂物\n1. 张三\n2. 王奶奶\n3. 何建国"));
  ASSERT_EQ(own.size(), 1u);
  EXPECT_FALSE(contains(own[0].text, rendered("report_in_chain_note", {{"task", "1"}, {"name", "何建国"}})));
  EXPECT_EQ(signup_state(number, "u-he"), store::SignupState::signed_up);

  // With no name known for the sender (a platform that sends ids only) there is nothing to
  // compare: signed up, no note.
  const std::vector<Reply> unnamed =
      say("b3u2", "u-x9", "", read("#接龙\n清理楼道杂物\n1. 张三\n2. 王奶奶\n3. 何建国\n4. 赵敏"));
  ASSERT_EQ(unnamed.size(), 1u);
  EXPECT_FALSE(
      contains(unnamed[0].text, rendered("report_in_chain_note", {{"task", "1"}, {"name", "赵敏"}})));
  EXPECT_EQ(signup_state(number, "u-x9"), store::SignupState::signed_up);
}

TEST_F(ReportIn, SeveralOpenTasksAskForTheNumber) {
  whistle_in_b3u2("消防巡逻");
  whistle_in_b3u2("消防巡逻", 5, kSaturday0900 + 24 * kHour);
  const std::vector<Reply> replies = say("b3u2", "u-zhang", "张三", task_command(Intent::report_in));
  ASSERT_EQ(replies.size(), 1u);
  // Each line with its time: a rota's shifts share one title (an exploratory run, 2026-12-07).
  const std::string& text = replies[0].text;
  const std::size_t first = text.find("#1");
  const std::size_t second = text.find("#2");
  ASSERT_TRUE(first != std::string::npos && second != std::string::npos) << text;
  EXPECT_NE(text.find("11月28日(周六) 09:00", first), std::string::npos) << text;
  EXPECT_NE(text.find("11月29日(周日) 09:00", second), std::string::npos) << text;
  EXPECT_FALSE(signup_state(1, "u-zhang").has_value());

  // An implicit "1" is a real answer here too, so it gets the same question.
  EXPECT_EQ(say("b3u2", "u-lisi", "李四", implicit_report_in("1")).size(), 1u);

  say("b3u2", "u-zhang", "张三", task_command(Intent::report_in, 2));
  EXPECT_EQ(signup_state(2, "u-zhang"), store::SignupState::signed_up);
}

TEST_F(ReportIn, ANumberReachesAnOpenTaskOfAnotherGroupInTheCommunity) {
  say("b5", "u-wu", "吴楼栋长", whistle_command("清理5号楼杂物"));
  const std::vector<Reply> replies = say("b3u2", "u-zhang", "张三", task_command(Intent::report_in, 1));
  ASSERT_EQ(replies.size(), 1u);
  EXPECT_EQ(replies[0].chat, "generic:b3u2");
  EXPECT_EQ(signup_state(1, "u-zhang"), store::SignupState::signed_up);
}

TEST_F(ReportIn, AnUnknownNumberIsNotFound) {
  const std::vector<Reply> replies = say("b3u2", "u-zhang", "张三", task_command(Intent::report_in, 42));
  ASSERT_EQ(replies.size(), 1u);
  EXPECT_EQ(replies[0].text, "@张三 没有找到任务#42，请核对编号。");
}

TEST_F(ReportIn, AClosedTaskTakesNoMoreReportIns) {
  const std::int64_t number = whistle_in_b3u2("清理楼道杂物");
  say("b3u2", "u-chen", "陈单元长", task_command(Intent::finish, number));
  const std::vector<Reply> replies = say("b3u2", "u-zhang", "张三", task_command(Intent::report_in, number));
  ASSERT_EQ(replies.size(), 1u);
  EXPECT_EQ(replies[0].text, "【吹哨#1】@张三 这个任务已经结束，不能再报名或取消了。");
  EXPECT_FALSE(signup_state(number, "u-zhang").has_value());
}

TEST_F(ReportIn, InPrivateANumberIsNeededAndEnough) {
  const std::int64_t number = whistle_in_b3u2("清理楼道杂物");
  const std::vector<Reply> bare = say_privately("u-zhang", "张三", task_command(Intent::report_in));
  ASSERT_EQ(bare.size(), 1u);
  EXPECT_EQ(bare[0].chat, "generic:@u-zhang");
  EXPECT_NE(bare[0].text.find("报到 12"), std::string::npos) << bare[0].text;

  const std::vector<Reply> numbered =
      say_privately("u-zhang", "张三", task_command(Intent::report_in, number));
  ASSERT_EQ(numbered.size(), 1u);
  EXPECT_EQ(numbered[0].chat, "generic:@u-zhang");
  EXPECT_EQ(signup_state(number, "u-zhang"), store::SignupState::signed_up);
  EXPECT_TRUE(people_.has_role(qualified("u-zhang"), "b3u2", store::Role::volunteer));
}

TEST_F(ReportIn, AnImplicitOneInPrivateIsStillAnswered) {
  const std::vector<Reply> replies = say_privately("u-zhang", "张三", implicit_report_in("1"));
  ASSERT_EQ(replies.size(), 1u);
  EXPECT_EQ(replies[0].chat, "generic:@u-zhang");
}

// "报到 1和2" signed up for #1 and dropped #2 unsaid; "签到 1和2" too (a second review, 2026-12-06).
TEST_F(ReportIn, SeveralNumbersSignUpForEachAndACheckInAsksForOne) {
  whistle_in_b3u2("清理楼道杂物");
  whistle_in_b3u2("发传单");
  say("b3u2", "u-zhang", "张三", read("报到 1和2"));
  EXPECT_EQ(signup_state(1, "u-zhang"), store::SignupState::signed_up);
  EXPECT_EQ(signup_state(2, "u-zhang"), store::SignupState::signed_up);
  const std::vector<Reply> replies = say("b3u2", "u-zhang", "张三", read("签到 1和2"), kSaturday0900);
  ASSERT_EQ(replies.size(), 1u);
  EXPECT_FALSE(attendance_.find(task(1).id, qualified("u-zhang")));
  EXPECT_FALSE(attendance_.find(task(2).id, qualified("u-zhang")));
}

}  // namespace
}  // namespace whistle::handlers::testing
