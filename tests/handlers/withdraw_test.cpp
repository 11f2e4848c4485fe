#include <gtest/gtest.h>

#include "handler_fixture.hpp"

namespace whistle::handlers::testing {
namespace {

using Withdraw = HandlerTest;

// A volunteer who moved away (an exploratory run of roles changing, 2026-12-06): the leader's
// "取消报到 1 @张三" was told to 撤销 the whole task, and 张三 was recorded 失约 at its end.
TEST_F(Withdraw, ALeaderFreesThePlaceOfSomeoneNamedAndTheWaitlistMovesUp) {
  const std::int64_t number = whistle_in_b3u2("清理楼道杂物", 1);
  say("b3u2", "u-zhang", "张三", task_command(Intent::report_in));
  say("b3u2", "u-lisi", "李四", task_command(Intent::report_in));

  const std::vector<Reply> replies = say("b3u2", "u-chen", "陈单元长", read("取消报到 1 @张三 他搬走了"));
  EXPECT_EQ(signup_state(number, "u-zhang"), store::SignupState::withdrawn);
  EXPECT_EQ(signup_state(number, "u-lisi"), store::SignupState::signed_up);
  std::vector<std::string> chats;
  for (const Reply& reply : replies)
    chats.push_back(reply.chat);
  EXPECT_EQ(chats, (std::vector<std::string>{"generic:b3u2", "generic:@u-zhang", "generic:b3u2",
                                             "generic:@u-lisi"}));
  EXPECT_TRUE(contains(replies[0].text, "张三")) << replies[0].text;
  EXPECT_EQ(task(number).status, store::TaskStatus::open);
}

// "有事去不了了", "不好意思 去不了了", "我参加不了了", "请个假" were silence: the volunteer was made 失约
// at the end and the one waiting never moved up (a regression hunt of the volunteer loop,
// 2026-12-07). Said to the bot (an @-mention, a reply to its post) each frees the place; said among
// neighbours it is asked about, since "不能去了" answers a hike as often (a review, 2026-12-07).
TEST_F(Withdraw, CannotComeInTheVolunteersOwnWordsFreesThePlaceWhenSaidToTheBot) {
  const std::int64_t number = whistle_in_b3u2("清理楼道杂物", 1);
  say("b3u2", "u-zhang", "张三", task_command(Intent::report_in));
  say("b3u2", "u-lisi", "李四", task_command(Intent::report_in));
  say("b3u2", "u-zhang", "张三", read("不好意思临时有事，去不了了"), kMonday0900, true);
  EXPECT_EQ(signup_state(number, "u-zhang"), store::SignupState::withdrawn);
  EXPECT_EQ(signup_state(number, "u-lisi"), store::SignupState::signed_up);

  for (const std::string line : {"有事去不了了", "我参加不了了", "请个假", "抱歉，周六去不了了"}) {
    say("b3u2", "u-lisi", "李四", read("报到"));
    ASSERT_EQ(signup_state(number, "u-lisi"), store::SignupState::signed_up) << line;
    const std::vector<Reply> asked = say("b3u2", "u-lisi", "李四", read(line));
    EXPECT_EQ(signup_state(number, "u-lisi"), store::SignupState::signed_up) << line;
    ASSERT_EQ(asked.size(), 1u) << line;
    EXPECT_EQ(asked[0].text,
              rendered("withdraw_ask", {{"task", std::to_string(number)}, {"mention", "@李四"}}));
    say("b3u2", "u-lisi", "李四", read(line), kMonday0900, true);
    EXPECT_EQ(signup_state(number, "u-lisi"), store::SignupState::withdrawn) << line;
  }
  // "请假 1", the command the question asks for, is done however it is said.
  say("b3u2", "u-lisi", "李四", read("报到"));
  say("b3u2", "u-lisi", "李四", read("请假 1"));
  EXPECT_EQ(signup_state(number, "u-lisi"), store::SignupState::withdrawn);
  // Someone with nothing to leave who says it among neighbours is talking, and gets no answer.
  EXPECT_TRUE(say("b3u2", "u-wangwu", "王五", read("有事去不了了")).empty());
}

// "去不了了 家里老人摔倒了" was read as the danger alone: the leader heard of it, but the place was
// kept and its holder later made 失约 (a regression hunt of the volunteer loop, 2026-12-07). The
// withdrawal beside it is answered as it would be alone: asked among neighbours, done to the bot.
TEST_F(Withdraw, AWithdrawalSaidWithADangerIsAnsweredBesideTheAlert) {
  const std::int64_t number = whistle_in_b3u2("清理楼道杂物", 3);
  say("b3u2", "u-zhang", "张三", task_command(Intent::report_in));
  const std::vector<Reply> asked = say("b3u2", "u-zhang", "张三", read("去不了了 家里老人摔倒了"));
  EXPECT_EQ(signup_state(number, "u-zhang"), store::SignupState::signed_up);
  ASSERT_EQ(asked.size(), 2u);
  EXPECT_EQ(asked[0].chat, "generic:b3u2");
  EXPECT_EQ(asked[0].text,
            rendered("withdraw_ask", {{"task", std::to_string(number)}, {"mention", "@张三"}}));
  EXPECT_EQ(asked[1].chat, "generic:@u-chen");  // the leader's alert

  say("b3u2", "u-zhang", "张三", read("去不了了 家里着火了"), kMonday0900, true);
  EXPECT_EQ(signup_state(number, "u-zhang"), store::SignupState::withdrawn);
  // Said to the bot by someone holding no place, it is the danger alone.
  const std::vector<Reply> danger =
      say("b3u2", "u-lisi", "李四", read("去不了了 家里着火了"), kMonday0900, true);
  for (const Reply& reply : danger)
    EXPECT_FALSE(contains(reply.text, "取消")) << reply.text;
}

// "周六来不了了" from someone in Saturday's task and Sunday's was asked which (a review, 2026-12-07):
// the day said names it; a day with none of theirs frees nothing.
TEST_F(Withdraw, TheDaySaidNamesTheTaskAmongSeveral) {
  const std::int64_t saturday = whistle_in_b3u2("清理楼道杂物", 3, kSaturday0900);
  const std::int64_t sunday = whistle_in_b3u2("楼道消毒", 3, kSaturday0900 + 24 * kHour);
  say("b3u2", "u-he", "何大爷", read("报到 " + std::to_string(saturday)));
  say("b3u2", "u-he", "何大爷", read("报到 " + std::to_string(sunday)));
  say("b3u2", "u-he", "何大爷", read("抱歉，明天去不了了"), kMonday0900, true);
  EXPECT_EQ(signup_state(saturday, "u-he"), store::SignupState::signed_up);
  EXPECT_EQ(signup_state(sunday, "u-he"), store::SignupState::signed_up);
  say("b3u2", "u-he", "何大爷", read("周六来不了了"), kMonday0900, true);
  EXPECT_EQ(signup_state(saturday, "u-he"), store::SignupState::withdrawn);
  EXPECT_EQ(signup_state(sunday, "u-he"), store::SignupState::signed_up);
}

// "明天去不了了" in private from someone holding one task was asked for a number (the final read,
// 2026-12-07): the day said decides, and a day with none of theirs is said so.
TEST_F(Withdraw, InPrivateTheDaySaidDecides) {
  const std::int64_t saturday = whistle_in_b3u2("清理楼道杂物", 3, kSaturday0900);
  say("b3u2", "u-he", "何大爷", read("报到"));
  say_privately("u-he", "何大爷", read("明天去不了了"));
  EXPECT_EQ(signup_state(saturday, "u-he"), store::SignupState::signed_up);
  const std::int64_t friday = kSaturday0900 - 24 * kHour;
  say_privately("u-he", "何大爷", read("明天去不了了", friday), friday);
  EXPECT_EQ(signup_state(saturday, "u-he"), store::SignupState::withdrawn);
}

// A volunteer's own withdrawal that @-mentions the leader frees the volunteer's place only, and a
// volunteer cannot free anyone else's.
TEST_F(Withdraw, AVolunteerNamingSomeoneStillWithdrawsOnlyThemselves) {
  const std::int64_t number = whistle_in_b3u2("清理楼道杂物");
  say("b3u2", "u-zhang", "张三", task_command(Intent::report_in));
  say("b3u2", "u-lisi", "李四", task_command(Intent::report_in));
  say("b3u2", "u-zhang", "张三", read("取消报到 1 @陈单元长 家里有事"));
  EXPECT_EQ(signup_state(number, "u-zhang"), store::SignupState::withdrawn);
  say("b3u2", "u-wangwu", "王五", task_command(Intent::report_in));
  say("b3u2", "u-wangwu", "王五", read("取消报到 1 @李四"));
  EXPECT_EQ(signup_state(number, "u-lisi"), store::SignupState::signed_up);
  EXPECT_EQ(signup_state(number, "u-wangwu"), store::SignupState::withdrawn);
}

// Two 张三 hold places: which one is asked, not "你没有报到" about the leader (the second review).
TEST_F(Withdraw, ALeaderNamingANameTwoPeopleHaveIsAskedWhichOne) {
  const std::int64_t number = whistle_in_b3u2("清理楼道杂物");
  say("b3u2", "u-zhang", "张三", task_command(Intent::report_in));
  say("b3u2", "u-zhang2", "张三", task_command(Intent::report_in));
  const std::vector<Reply> replies = say("b3u2", "u-chen", "陈单元长", read("取消报到 1 @张三"));
  ASSERT_EQ(replies.size(), 1u);
  EXPECT_TRUE(
      contains(replies[0].text, rendered("adjust_refused_namesakes", {{"name", "张三"}, {"count", "2"}})))
      << replies[0].text;
  EXPECT_EQ(signup_state(number, "u-zhang"), store::SignupState::signed_up);
  EXPECT_EQ(signup_state(number, "u-zhang2"), store::SignupState::signed_up);
}

// The final read (2026-12-06): someone named who holds no place was taken for the leader's own
// withdrawal, and the leader's place was freed.
TEST_F(Withdraw, ALeaderNamingSomeoneWithoutAPlaceIsToldSoAndKeepsTheirOwn) {
  const std::int64_t number = whistle_in_b3u2("清理楼道杂物");
  say("b3u2", "u-chen", "陈单元长", task_command(Intent::report_in));
  say("b3u2", "u-zhang", "张三", read("大家好"));
  const std::vector<Reply> replies = say("b3u2", "u-chen", "陈单元长", read("取消报到 1 @张三"));
  EXPECT_EQ(signup_state(number, "u-chen"), store::SignupState::signed_up);
  ASSERT_EQ(replies.size(), 1u);
  EXPECT_TRUE(contains(
      replies[0].text,
      rendered("withdraw_others_none", {{"task", "1"}, {"mention", "@陈单元长"}, {"names", "张三"}})))
      << replies[0].text;
}

// "@刘阿姨 1号不用来了" sends her home; the task goes on for the others (the final read: it called
// the task off for everyone). "撤销 1 @张三 明天下雨" still calls it off, naming whom to tell.
TEST_F(Withdraw, NotToComeNamingSomeoneSendsOnlyThemHome) {
  const std::int64_t number = whistle_in_b3u2("清理楼道杂物");
  say("b3u2", "u-zhang", "张三", task_command(Intent::report_in));
  say("b3u2", "u-liu", "刘阿姨", task_command(Intent::report_in));
  say("b3u2", "u-chen", "陈单元长", read("@刘阿姨 1号不用来了"));
  EXPECT_EQ(task(number).status, store::TaskStatus::open);
  EXPECT_EQ(signup_state(number, "u-liu"), store::SignupState::withdrawn);
  EXPECT_EQ(signup_state(number, "u-zhang"), store::SignupState::signed_up);
  say("b3u2", "u-chen", "陈单元长", read("撤销 1 @张三 明天下雨"));
  EXPECT_EQ(task(number).status, store::TaskStatus::cancelled);
}

// Someone on site keeps the place: the stay is the leader's to settle.
TEST_F(Withdraw, ALeaderCannotFreeThePlaceOfSomeoneOnSite) {
  const std::int64_t number = whistle_in_b3u2("清理楼道杂物", 5, kSaturday0900);
  say("b3u2", "u-zhang", "张三", task_command(Intent::report_in));
  say("b3u2", "u-zhang", "张三", read("签到 1", kSaturday0900), kSaturday0900);
  const std::vector<Reply> replies =
      say("b3u2", "u-chen", "陈单元长", read("取消报到 1 @张三", kSaturday0900), kSaturday0900);
  EXPECT_EQ(signup_state(number, "u-zhang"), store::SignupState::signed_up);
  ASSERT_EQ(replies.size(), 1u);
  EXPECT_TRUE(contains(
      replies[0].text,
      rendered("withdraw_others_on_site", {{"task", "1"}, {"mention", "@陈单元长"}, {"names", "张三"}})))
      << replies[0].text;
}

TEST_F(Withdraw, EveryTaskNumberListedIsWithdrawnFrom) {
  whistle_in_b3u2("清理楼道杂物");
  whistle_in_b3u2("慰问独居老人");
  whistle_in_b3u2("垃圾分类督导");
  for (const char* number : {"报到 1", "报到 2", "报到 3"})
    say("b3u2", "u-zhang", "张三", read(number));
  const std::vector<Reply> replies = say("b3u2", "u-zhang", "张三", read("取消报到 1 2"));
  EXPECT_EQ(signup_state(1, "u-zhang"), store::SignupState::withdrawn);
  EXPECT_EQ(signup_state(2, "u-zhang"), store::SignupState::withdrawn);
  EXPECT_EQ(signup_state(3, "u-zhang"), store::SignupState::signed_up);
  // One answer in the group for both (a week's rota listed 60 numbers and got 62 posts).
  ASSERT_EQ(replies.size(), 1u);
  EXPECT_TRUE(contains(replies[0].text, "#1") && contains(replies[0].text, "#2")) << replies[0].text;
  say("b3u2", "u-zhang", "张三", read("请假 3 家里有事"));
  EXPECT_EQ(signup_state(3, "u-zhang"), store::SignupState::withdrawn);
}

TEST_F(Withdraw, FirstOnTheWaitlistMovesUpAndIsTold) {
  const std::int64_t number = whistle_in_b3u2("清理楼道杂物", 1);
  say("b3u2", "u-zhang", "张三", task_command(Intent::report_in));
  say("b3u2", "u-lisi", "李四", task_command(Intent::report_in));
  say("b3u2", "u-wangwu", "王五", task_command(Intent::report_in));

  const std::vector<Reply> replies = say("b3u2", "u-zhang", "张三", task_command(Intent::withdraw, number));
  ASSERT_EQ(replies.size(), 3u);
  EXPECT_EQ(replies[0],
            (Reply{"generic:b3u2", "【吹哨#1】@张三 已取消报到，现在已报到 1/1。", {"generic:u-zhang"}}));
  EXPECT_EQ(replies[1], (Reply{"generic:b3u2",
                               "【吹哨#1】@李四 有人取消报到，你已从候补转为正式报到，现在已报到 1/1。",
                               {"generic:u-lisi"}}));
  EXPECT_EQ(replies[2].chat, "generic:@u-lisi");
  EXPECT_EQ(replies[2].mentions, std::vector<std::string>{"generic:u-lisi"});
  EXPECT_EQ(replies[2].text.rfind("【吹哨#1】", 0), 0u) << replies[2].text;

  EXPECT_EQ(signup_state(number, "u-zhang"), store::SignupState::withdrawn);
  EXPECT_EQ(signup_state(number, "u-lisi"), store::SignupState::signed_up);
  EXPECT_EQ(signups_.waitlist_position(task(number).id, qualified("u-wangwu")), 1);
}

// "取消1号，报2号" withdrew from #1 and dropped 报2号, leaving the volunteer on no task (an
// exploratory run of corrections, 2026-12-06).
TEST_F(Withdraw, AWithdrawalThatSaysWhichOtherTaskToJoinJoinsIt) {
  const std::int64_t first = whistle_in_b3u2("清理楼道杂物", 3);
  const std::int64_t second = whistle_in_b3u2("陪老人聊天", 2);
  say("b3u2", "u-zhang", "张三", read("报到 1"));
  const std::vector<Reply> replies = say("b3u2", "u-zhang", "张三", read("取消1号，报2号"));
  ASSERT_EQ(replies.size(), 2u);
  EXPECT_TRUE(replies[1].text.starts_with("【吹哨#2】")) << replies[1].text;
  EXPECT_EQ(signup_state(first, "u-zhang"), store::SignupState::withdrawn);
  EXPECT_EQ(signup_state(second, "u-zhang"), store::SignupState::signed_up);
  // A switch to a task that cannot take him keeps the place he holds (a review, 2026-12-06: he
  // was left on a waitlist, or on nothing).
  const std::int64_t full = whistle_in_b3u2("慰问老人", 1);
  say("b3u2", "u-wangwu", "王五", read("报到 " + std::to_string(full)));
  for (const std::string line : {"取消2号，报3号", "取消2号，报9号"}) {
    const std::vector<Reply> kept = say("b3u2", "u-zhang", "张三", read(line));
    ASSERT_EQ(kept.size(), 1u) << line;
    EXPECT_EQ(signup_state(second, "u-zhang"), store::SignupState::signed_up) << line;
  }
  EXPECT_FALSE(signup_state(full, "u-zhang").has_value());
  // Words about the other task that are no report-in leave it alone.
  say("b3u2", "u-lisi", "李四", read("报到 1"));
  say("b3u2", "u-lisi", "李四", read("请假 1 报2号的人多吗"));
  EXPECT_FALSE(signups_.find(task(second).id, "generic:u-lisi").has_value());
}

TEST_F(Withdraw, AtNightTheOneMovingUpIsToldInPrivateOnly) {
  const std::int64_t number = whistle_in_b3u2("清理楼道杂物", 1);
  say("b3u2", "u-zhang", "张三", task_command(Intent::report_in));
  say("b3u2", "u-lisi", "李四", task_command(Intent::report_in));
  const std::int64_t late = kMonday0900 + 13 * kHour + 30 * 60;  // 22:30
  const std::vector<Reply> replies =
      say("b3u2", "u-zhang", "张三", read("取消报到 " + std::to_string(number), late), late);
  EXPECT_EQ(chats_of(replies), (std::vector<std::string>{"generic:b3u2", "generic:@u-lisi"}));
  EXPECT_EQ(signup_state(number, "u-lisi"), store::SignupState::signed_up);
}

TEST_F(Withdraw, WithoutAWaitlistOnlyTheWithdrawalIsAnswered) {
  const std::int64_t number = whistle_in_b3u2("清理楼道杂物", 5);
  say("b3u2", "u-zhang", "张三", task_command(Intent::report_in));
  const std::vector<Reply> replies = say("b3u2", "u-zhang", "张三", task_command(Intent::withdraw, number));
  ASSERT_EQ(replies.size(), 1u);
  EXPECT_EQ(replies[0].text, "【吹哨#1】@张三 已取消报到，现在已报到 0/5。");
}

TEST_F(Withdraw, WithdrawingWhenNotSignedUpGetsAHelpfulAnswer) {
  const std::int64_t number = whistle_in_b3u2("清理楼道杂物");
  const std::vector<Reply> replies = say("b3u2", "u-zhang", "张三", task_command(Intent::withdraw, number));
  ASSERT_EQ(replies.size(), 1u);
  EXPECT_EQ(replies[0].text, "【吹哨#1】@张三 你没有报到这个任务，不用取消。");

  const std::vector<Reply> bare = say("b3u2", "u-zhang", "张三", task_command(Intent::withdraw));
  ASSERT_EQ(bare.size(), 1u);
  EXPECT_EQ(bare[0].text, "@张三 你在本群没有报到进行中的任务，不用取消。");
}

TEST_F(Withdraw, WithoutANumberTheOnlyTaskThePersonJoinedIsMeant) {
  whistle_in_b3u2("清理楼道杂物");
  const std::int64_t second = whistle_in_b3u2("搬运防汛沙袋");
  say("b3u2", "u-zhang", "张三", task_command(Intent::report_in, second));
  const std::vector<Reply> replies = say("b3u2", "u-zhang", "张三", task_command(Intent::withdraw));
  ASSERT_EQ(replies.size(), 1u);
  EXPECT_EQ(replies[0].text.rfind("【吹哨#2】", 0), 0u) << replies[0].text;
  EXPECT_EQ(signup_state(second, "u-zhang"), store::SignupState::withdrawn);
}

TEST_F(Withdraw, LeavingTheWaitlistMovesNobodyUp) {
  const std::int64_t number = whistle_in_b3u2("清理楼道杂物", 1);
  say("b3u2", "u-zhang", "张三", task_command(Intent::report_in));
  say("b3u2", "u-lisi", "李四", task_command(Intent::report_in));
  say("b3u2", "u-wangwu", "王五", task_command(Intent::report_in));
  const std::vector<Reply> replies = say("b3u2", "u-lisi", "李四", task_command(Intent::withdraw, number));
  ASSERT_EQ(replies.size(), 1u);
  EXPECT_EQ(replies[0].text, "【吹哨#1】@李四 已退出候补。");
  EXPECT_EQ(signup_state(number, "u-wangwu"), store::SignupState::waitlisted);
  EXPECT_EQ(signups_.waitlist_position(task(number).id, qualified("u-wangwu")), 1);
}

TEST_F(Withdraw, AWithdrawnVolunteerMayReportInAgainAtTheEndOfTheLine) {
  const std::int64_t number = whistle_in_b3u2("清理楼道杂物", 1);
  say("b3u2", "u-zhang", "张三", task_command(Intent::report_in));
  say("b3u2", "u-lisi", "李四", task_command(Intent::report_in));
  say("b3u2", "u-zhang", "张三", task_command(Intent::withdraw, number));
  const std::vector<Reply> replies = say("b3u2", "u-zhang", "张三", task_command(Intent::report_in));
  ASSERT_EQ(replies.size(), 1u);
  EXPECT_NE(replies[0].text.find("候补第1位"), std::string::npos) << replies[0].text;
}

TEST_F(Withdraw, InPrivateTheMoveUpIsAnnouncedInTheTasksGroup) {
  const std::int64_t number = whistle_in_b3u2("清理楼道杂物", 1);
  say("b3u2", "u-zhang", "张三", task_command(Intent::report_in));
  say("b3u2", "u-lisi", "李四", task_command(Intent::report_in));
  const std::vector<Reply> replies = say_privately("u-zhang", "张三", task_command(Intent::withdraw, number));
  EXPECT_EQ(chats_of(replies),
            (std::vector<std::string>{"generic:@u-zhang", "generic:b3u2", "generic:@u-lisi"}));
}

// A 下发 task's line runs through many units' groups: the one moving up hears it in their own.
TEST_F(Withdraw, OnATaskSentDownTheMoveUpIsAnnouncedInTheGroupOfTheOneMovingUp) {
  say("c1", "u-wang", "王书记", read("吹哨 敬老院慰问 1人 周六上午9点 2小时 10分 下发"));
  say("b3u2", "u-zhang", "张三", read("报到"));
  say("b5u1", "u-he", "何大爷", read("报到 1"));
  const std::vector<Reply> replies = say("b3u2", "u-zhang", "张三", read("请假 1"));
  EXPECT_EQ(chats_of(replies), (std::vector<std::string>{"generic:b3u2", "generic:b5u1", "generic:@u-he"}));
  EXPECT_EQ(signup_state(1, "u-he"), store::SignupState::signed_up);
}

// "我不去了" in a group is often about something else (a dinner, a trip): from someone with a place it
// is asked about among neighbours and done when said to the bot, and it is chatter otherwise.
TEST_F(Withdraw, ISayIAmNotGoingFreesThePlaceOfOneWhoReportedIn) {
  const std::int64_t number = whistle_in_b3u2("清理楼道杂物", 5);
  say("b3u2", "u-zhang", "张三", task_command(Intent::report_in));
  const std::vector<Reply> asked = say("b3u2", "u-zhang", "张三", read("我不去了"));
  ASSERT_EQ(asked.size(), 1u);
  EXPECT_EQ(asked[0].mentions, std::vector<std::string>{"generic:u-zhang"});
  EXPECT_EQ(signup_state(number, "u-zhang"), store::SignupState::signed_up);
  const std::vector<Reply> replies = say("b3u2", "u-zhang", "张三", read("我不去了"), kMonday0900, true);
  ASSERT_EQ(replies.size(), 1u);
  EXPECT_EQ(replies[0].chat, "generic:b3u2");
  EXPECT_EQ(replies[0].mentions, std::vector<std::string>{"generic:u-zhang"});
  EXPECT_EQ(signup_state(number, "u-zhang"), store::SignupState::withdrawn);
}

TEST_F(Withdraw, ISayIAmNotGoingFromSomeoneWithNoPlaceIsChatter) {
  whistle_in_b3u2("清理楼道杂物", 5);
  EXPECT_TRUE(say("b3u2", "u-lisi", "李四", read("我不去了")).empty());
  // Said to the bot in private it is answered.
  EXPECT_EQ(say_privately("u-lisi", "李四", read("我不去了")).size(), 1u);
}

}  // namespace
}  // namespace whistle::handlers::testing

namespace whistle::handlers::testing {
namespace {

// Someone already on site leaves by checking out: a withdrawal then would erase the stay the
// leader is about to settle, or — as it once did — leave it to be paid in full anyway.
TEST_F(Withdraw, AfterCheckingInAPlaceIsNotGivenUpButCheckedOutOf) {
  const std::int64_t number = whistle_in_b3u2("清理楼道杂物", 2);
  say("b3u2", "u-zhang", "张三", read("报到 1"));
  say("b3u2", "u-zhang", "张三", read("签到 1"), kSaturday0900 + 5 * 60);
  const std::vector<Reply> replies = say("b3u2", "u-zhang", "张三", read("取消 1"), kSaturday0900 + 30 * 60);
  ASSERT_EQ(replies.size(), 1u);
  EXPECT_EQ(replies[0].text, rendered("withdraw_after_check_in", {{"task", "1"}, {"mention", "@张三"}}));
  EXPECT_EQ(signup_state(number, "u-zhang"), store::SignupState::signed_up);
}

TEST_F(Withdraw, InPrivateTheOneTaskThePersonIsSignedUpForIsMeant) {
  const std::int64_t number = whistle_in_b3u2("清理楼道杂物", 2);
  say("b3u2", "u-zhang", "张三", read("报到 1"));
  const std::vector<Reply> replies = say_privately("u-zhang", "张三", read("临时有事去不了了"));
  ASSERT_FALSE(replies.empty());
  EXPECT_EQ(replies[0].chat, "generic:@u-zhang");
  EXPECT_EQ(signup_state(number, "u-zhang"), store::SignupState::withdrawn);
}

// 90 minutes into the task 刘阿姨 withdrew; 何大爷, waiting, was moved in and made the no-show.
TEST_F(Withdraw, OnceTheTaskHasStartedAPlaceIsNotGivenUpAndTheWaitlistStays) {
  const std::int64_t number = whistle_in_b3u2("清理楼道杂物", 1);
  say("b3u2", "u-liu", "刘阿姨", read("报到 1"));
  say("b3u2", "u-he", "何大爷", read("报到 1"));  // waiting
  const std::vector<Reply> replies = say("b3u2", "u-liu", "刘阿姨", read("请假"), kSaturday0900 + 90 * 60);
  ASSERT_EQ(replies.size(), 1u);
  EXPECT_EQ(replies[0].chat, "generic:b3u2");
  EXPECT_EQ(signup_state(number, "u-liu"), store::SignupState::signed_up);
  EXPECT_EQ(signup_state(number, "u-he"), store::SignupState::waitlisted);
}

// Reporting in to work already done would only make a no-show of the person when the task closes.
TEST_F(Withdraw, ReportingInAfterTheTaskEndedIsRefusedAndItIsNoLongerOffered) {
  const std::int64_t number = whistle_in_b3u2("清理楼道杂物", 2);  // Saturday 09:00–11:00
  const std::vector<Reply> late = say("b3u2", "u-zhang", "张三", read("报到 1"), kSaturday0900 + 3 * kHour);
  ASSERT_EQ(late.size(), 1u);
  EXPECT_EQ(late[0].chat, "generic:b3u2");
  EXPECT_TRUE(late[0].text.starts_with("【吹哨#1】")) << late[0].text;
  EXPECT_EQ(signup_state(number, "u-zhang"), std::nullopt);
  // A bare 报到 no longer means the finished task: nothing is open here.
  const std::vector<Reply> bare = say("b3u2", "u-liu", "刘阿姨", read("报到"), kSaturday0900 + 3 * kHour);
  ASSERT_EQ(bare.size(), 1u);
  EXPECT_EQ(signup_state(number, "u-liu"), std::nullopt);
}

// After the work nobody withdraws or has the places changed: a place freed then would promote
// someone the task's close calls a no-show.
TEST_F(Withdraw, AfterTheTasksEndNeitherAWithdrawalNorAnEditOfItsPlacesChangesWhoCame) {
  const std::int64_t number = whistle_in_b3u2("清理楼道杂物", 1);  // Saturday 09:00–11:00
  say("b3u2", "u-zhang", "张三", read("报到 1"));
  say("b3u2", "u-liu", "刘阿姨", read("报到 1"));  // waitlisted
  const std::int64_t after = kSaturday0900 + 3 * kHour;
  const std::vector<Reply> withdrawn = say("b3u2", "u-zhang", "张三", read("取消 1"), after);
  ASSERT_EQ(withdrawn.size(), 1u);
  EXPECT_TRUE(withdrawn[0].text.starts_with("【吹哨#1】")) << withdrawn[0].text;
  const std::vector<Reply> edited = say("b3u2", "u-chen", "陈单元长", read("修改 1 人数 3"), after);
  ASSERT_EQ(edited.size(), 1u);
  EXPECT_EQ(signup_state(number, "u-zhang"), store::SignupState::signed_up);
  EXPECT_EQ(signup_state(number, "u-liu"), store::SignupState::waitlisted);
  EXPECT_EQ(task(number).places, 1);
}

// Sick on the day (an exploratory run of a week's rota, 2026-12-07): "不好意思我今天感冒了，请假 1" was
// asked to send the "请假 1" it held, "@吹哨 我今天发烧了去不了了" and the same in private were 没看懂;
// both were made 失约 and the one waiting never moved up.
TEST_F(Withdraw, SickOnTheDaySaidToTheBotFreesThePlaceAndTheOneWaitingMovesUp) {
  const std::int64_t saturday = whistle_in_b3u2("消防巡逻", 2);
  say("b3u2", "u-zhang", "张三", task_command(Intent::report_in));
  say("b3u2", "u-liu", "刘阿姨", task_command(Intent::report_in));
  say("b3u2", "u-he", "何大爷", task_command(Intent::report_in));
  ASSERT_EQ(signup_state(saturday, "u-he"), store::SignupState::waitlisted);

  say("b3u2", "u-liu", "刘阿姨", read("不好意思我今天感冒了，请假 1", kSaturday0900 - 2 * kHour),
      kSaturday0900 - 2 * kHour);
  EXPECT_EQ(signup_state(saturday, "u-liu"), store::SignupState::withdrawn);
  EXPECT_EQ(signup_state(saturday, "u-he"), store::SignupState::signed_up);

  say("b3u2", "u-zhang", "张三", read("我今天发烧了去不了了", kSaturday0900 - kHour), kSaturday0900 - kHour,
      true);
  EXPECT_EQ(signup_state(saturday, "u-zhang"), store::SignupState::withdrawn);

  // In private the day said chooses among places: only Saturday's is left.
  const std::int64_t sunday = whistle_in_b3u2("消防巡逻", 2, kSaturday0900 + 24 * kHour);
  say("b3u2", "u-he", "何大爷", task_command(Intent::report_in, sunday));
  say_privately("u-he", "何大爷", read("今天的巡逻我去不了了，发烧", kSaturday0900 - kHour),
                kSaturday0900 - kHour);
  EXPECT_EQ(signup_state(saturday, "u-he"), store::SignupState::withdrawn);
  EXPECT_EQ(signup_state(sunday, "u-he"), store::SignupState::signed_up);

  // Among neighbours, unaddressed, it stays talk; "去不了医院了" leaves no place.
  say("b3u2", "u-zhang", "张三", task_command(Intent::report_in, sunday));
  EXPECT_TRUE(say("b3u2", "u-zhang", "张三", read("我发烧了去不了了", kSaturday0900)).empty());
  say_privately("u-zhang", "张三", read("我腿摔伤了 去不了医院了", kSaturday0900), kSaturday0900);
  EXPECT_EQ(signup_state(sunday, "u-zhang"), store::SignupState::signed_up);
}

// "报到 1 2 … 60" posted 62 messages in the group (an exploratory run of a week's rota, 2026-12-07).
TEST_F(Withdraw, ALineOfTooManyNumbersIsRefusedWholeWithOneAnswer) {
  whistle_in_b3u2("清理楼道杂物");
  const std::vector<Reply> replies = say("b3u2", "u-zhang", "张三", read("报到 1 2 3 4 5 6 7 8 9 10 11 12"));
  ASSERT_EQ(replies.size(), 1u);
  EXPECT_FALSE(signup_state(1, "u-zhang").has_value());
}

// "撤销 1 2 3 连续降雨暂停巡逻" cancelled #1 only; #2 and #3 stayed open unsaid (the same run).
TEST_F(Withdraw, ALeaderCancellingSeveralTasksInOneLineCancelsEachWithTheReason) {
  for (const char* title : {"周二消防巡逻", "周三消防巡逻", "周四消防巡逻", "垃圾分类督导"})
    whistle_in_b3u2(title);
  say("b3u2", "u-zhang", "张三", read("报到 2"));
  const std::vector<Reply> replies = say("b3u2", "u-chen", "陈单元长", read("撤销 1 2 3 连续降雨暂停巡逻"));
  for (const std::int64_t number : {1, 2, 3})
    EXPECT_EQ(task(number).status, store::TaskStatus::cancelled) << number;
  EXPECT_EQ(task(4).status, store::TaskStatus::open);
  const auto told = std::find_if(replies.begin(), replies.end(),
                                 [](const Reply& reply) { return reply.chat == "generic:@u-zhang"; });
  ASSERT_NE(told, replies.end());
  EXPECT_TRUE(contains(told->text, "连续降雨")) << told->text;
}

// Not coming somewhere else, or someone else not coming, is no withdrawal of one's place (a review of
// stop 65: "医院去不了了，谁能帮我买点药" freed the sender's place and lost the errand asked for).
TEST_F(Withdraw, CannotGoWordsOfAnotherPlaceOrPersonLeaveThePlace) {
  const std::int64_t number = whistle_in_b3u2("清理楼道杂物", 3);
  say("b3u2", "u-zhang", "张三", task_command(Intent::report_in));
  for (const char* line : {"医院去不了了，谁能帮我买点药", "修电梯的师傅来不了了，什么时候修", "我妈来不了了",
                           "王阿姨说她去不了了", "孩子发烧了，兴趣班去不了了", "下周去不了了",
                           "明天的体检我去不了了，怎么改期"}) {
    say_privately("u-zhang", "张三", read(line));
    EXPECT_EQ(signup_state(number, "u-zhang"), store::SignupState::signed_up) << line;
  }
  // "替@张三 请假 1" from a neighbour frees nobody's place.
  say("b3u2", "u-liu", "刘阿姨", task_command(Intent::report_in));
  say("b3u2", "u-liu", "刘阿姨", read("替@张三 请假 1"));
  EXPECT_EQ(signup_state(number, "u-zhang"), store::SignupState::signed_up);
  EXPECT_EQ(signup_state(number, "u-liu"), store::SignupState::signed_up);
}

// "撤销 1 2号再安排" rearranges #1 on the 2nd; it called #2 off too (a review of stop 65).
TEST_F(Withdraw, ADayAfterACancelsNumberIsNoSecondTask) {
  whistle_in_b3u2("周二消防巡逻");
  whistle_in_b3u2("周三消防巡逻");
  say("b3u2", "u-chen", "陈单元长", read("撤销 1 2号再安排"));
  EXPECT_EQ(task(1).status, store::TaskStatus::cancelled);
  EXPECT_EQ(task(2).status, store::TaskStatus::open);
}

}  // namespace
}  // namespace whistle::handlers::testing
