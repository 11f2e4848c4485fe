// Group chatter that looked like a command changed state (an exploratory run, 2026-12-06): lists of
// other things took a task's places, a call to the neighbours opened tickets, 我退出了 withdrew,
// a newcomer's introduction signed up, a leader typing the bot's name posted empty tasks. Each line
// here must leave the group's state as it was.
#include <gtest/gtest.h>

#include "handler_fixture.hpp"

namespace whistle::handlers::testing {
namespace {

class GroupChatter : public HandlerTest {
 protected:
  int signed_up(std::int64_t number) {
    return signups_.count(task(number).id, store::SignupState::signed_up);
  }
};

TEST_F(GroupChatter, ListsOfOtherThingsTakeNoPlace) {
  const std::int64_t number = whistle_in_b3u2("清理楼道杂物", 5);
  say("b3u2", "u-r7", "居民甲", read("报名参加合唱团的接龙\n1. 刘阿姨\n2. 何大爷"));
  say("b3u2", "u-r8", "居民乙", read("投票：小区要不要装充电桩\n1. 要\n2. 不要"));
  say("b3u2", "u-r9", "居民丙", read("下周体检接龙\n1. 刘阿姨\n2. 何大爷\n3. 张三"));
  say("b3u2", "u-r6", "居民丁", read("1. 同意\n2. 反对"));
  EXPECT_EQ(signed_up(number), 0);
  say("b3u2", "u-r5", "居民戊", read("清理楼道接龙\n1. 刘阿姨\n2. 何大爷"));
  EXPECT_EQ(signed_up(number), 1) << "a 接龙 of the task still signs up";
  say("b3u2", "u-r4", "居民己", read("疫苗接种点秩序维护志愿者接龙\n1. 刘阿姨\n2. 王芳"));
  EXPECT_EQ(signed_up(number), 2) << "volunteers, whatever the topic";
}

TEST_F(GroupChatter, ACallToTheNeighboursOpensNoTicket) {
  for (const char* line :
       {"求助大家，谁家有梯子借用一下", "求助！谁家有退烧药", "求助，哪位知道哪里能修鞋"}) {
    EXPECT_TRUE(say("b3u2", "u-r1", "居民甲", read(line)).empty()) << line;
  }
  EXPECT_TRUE(tickets_.of_reporter(qualified("u-r1"), 10).empty());
  // Asked of the neighbours or not, one's own trouble is a report (the review of 2026-12-06).
  say("b3u2", "u-r2", "居民乙", read("求助大家，谁能帮我看看，我家水管爆了"));
  EXPECT_EQ(tickets_.of_reporter(qualified("u-r2"), 10).size(), 1u);
}

// Neighbours quarrelling dared each other with 投诉 and 报事: each line opened a ticket, paged the
// leader and answered the fight in the group with "收到你的报事" (an exploratory run of neighbour
// disputes, 2026-12-07).
TEST_F(GroupChatter, AQuarrelsDaresOpenNoTicket) {
  for (const char* line : {"投诉你又怎样，有本事你也去投诉我", "投诉就投诉，谁怕谁", "报事去啊，报12345去啊",
                           "投诉也没用", "反映一下你家狗天天叫，看社区管不管", "投诉？你投诉一个试试"}) {
    EXPECT_TRUE(say("b3u2", "u-r1", "居民甲", read(line)).empty()) << line;
  }
  EXPECT_TRUE(tickets_.of_reporter(qualified("u-r1"), 10).empty());
  // A complaint about a party, or a trouble told, is still a report.
  say("b3u2", "u-r2", "居民乙", read("投诉 你们物业太不负责了 楼道灯一个月没修"));
  say("b3u2", "u-r2", "居民乙", read("投诉 楼上装修 管不管啊"));
  EXPECT_EQ(tickets_.of_reporter(qualified("u-r2"), 10).size(), 2u);
}

TEST_F(GroupChatter, LeavingSomethingElseOrIntroducingOneselfIsNoWithdrawalOrSignUp) {
  const std::int64_t number = whistle_in_b3u2("清理楼道杂物", 5);
  say("b3u2", "u-zhang", "张三", read("报到"));
  EXPECT_TRUE(say("b3u2", "u-zhang", "张三", read("我退出了")).empty());
  EXPECT_TRUE(say("b3u2", "u-r5", "新邻居", read("报到：新入住3号楼2单元502住户，请多关照")).empty());
  EXPECT_EQ(signed_up(number), 1);
  // A newcomer who offers to help is a volunteer (the review of 2026-12-06).
  say("b3u2", "u-r6", "新志愿者", read("报到，第一次参加，请多多关照"));
  EXPECT_EQ(signup_state(number, "u-r6"), store::SignupState::signed_up);
  say("b3u2", "u-r6", "新志愿者", read("退出 1"));
  EXPECT_EQ(signup_state(number, "u-zhang"), store::SignupState::signed_up);
  say("b3u2", "u-zhang", "张三", read("退出 1"));
  EXPECT_EQ(signed_up(number), 0) << "退出 with the task still withdraws";
  // In private, a bare 退出 is the one task's withdrawal; a reason holding 了没 is still a reason.
  say("b3u2", "u-zhang", "张三", read("报到 1"));
  say_privately("u-zhang", "张三", read("退出"));
  EXPECT_EQ(signup_state(number, "u-zhang"), store::SignupState::withdrawn);
  say("b3u2", "u-lisi", "李四", read("报到 1"));
  say("b3u2", "u-lisi", "李四", read("请假 1 孩子病了没人带"));
  EXPECT_EQ(signup_state(number, "u-lisi"), store::SignupState::withdrawn);
}

TEST_F(GroupChatter, TheBotsNameBeforeAQuestionPostsNoTask) {
  for (const char* line : {"吹哨，在吗", "吹哨 我有多少积分", "吹哨啥时候开始", "吹哨 你好"}) {
    const std::vector<Reply> replies = say("b3u2", "u-chen", "陈单元长", read(line));
    EXPECT_EQ(replies.size(), 1u) << line << ": answered, as said to the bot";
  }
  EXPECT_TRUE(tasks_.open_in_chat(qualified("b3u2")).empty());
}

// A lone "？" reacts to a neighbour's message; it brought the whole menu into the group.
TEST_F(GroupChatter, ALoneQuestionMarkBringsTheMenuOnlyWhenSaidToTheBot) {
  for (const char* line : {"？", "?", "？？？"})
    EXPECT_TRUE(say("b3u2", "u-r1", "居民甲", read(line)).empty()) << line;
  EXPECT_EQ(say_privately("u-r1", "居民甲", read("？")).size(), 1u);
  EXPECT_EQ(say("b3u2", "u-r1", "居民甲", read("帮助")).size(), 1u) << "帮助 asks for it in words";
}

// 打卡 (健身打卡, 上班打卡) and 请假 (a day off work) are everyday words: from someone with nothing to
// check in to or leave, a group was told "you have no task" for them.
TEST_F(GroupChatter, EverydayWordsWithNothingToActOnAreTalk) {
  for (const char* line : {"打卡了", "打卡", "请假"})
    EXPECT_TRUE(say("b3u2", "u-r1", "居民甲", read(line)).empty()) << line;
  EXPECT_EQ(say_privately("u-r1", "居民甲", read("打卡")).size(), 1u) << "said to the bot, it is answered";
  // With a task of theirs under way, 打卡 is their check-in; before its day, still a fitness streak.
  const std::int64_t number = whistle_in_b3u2("清理楼道杂物", 5);
  say("b3u2", "u-zhang", "张三", read("报到"));
  EXPECT_TRUE(say("b3u2", "u-zhang", "张三", read("打卡 第30天")).empty());
  say("b3u2", "u-zhang", "张三", read("打卡"), kSaturday0900);
  const std::optional<store::Attendance> row = attendance_.find(task(number).id, qualified("u-zhang"));
  ASSERT_TRUE(row);
  EXPECT_TRUE(row->checked_in_at);
}

// A greeting or a filler after the command word is the resident's to the bot (a review of stop 65:
// "报修 你好，我家厨房水管漏水" was read as a dare and dropped).
TEST_F(GroupChatter, AReportThatStartsWithAGreetingIsStillAReport) {
  for (const char* line : {"报修 你好，我家厨房水管漏水", "报事 你看楼道灯又坏了", "投诉 随便停车堵消防通道"})
    say("b3u2", "u-r3", "居民丙", read(line));
  EXPECT_EQ(tickets_.of_reporter(qualified("u-r3"), 10).size(), 3u);
  // Nor does 举报 name a box or a letter.
  for (const char* line : {"举报箱在哪", "举报信写好了", "举报就举报"})
    EXPECT_TRUE(say("b3u2", "u-r4", "居民丁", read(line)).empty()) << line;
  EXPECT_TRUE(tickets_.of_reporter(qualified("u-r4"), 10).empty());
  // "为什么报名" asks, "我妈也要报名" with nothing open is about another sign-up.
  for (const char* line : {"为什么报名", "我妈也要报名", "帮王阿姨报个名"})
    EXPECT_TRUE(say("b3u2", "u-r4", "居民丁", read(line)).empty()) << line;
}

}  // namespace
}  // namespace whistle::handlers::testing
