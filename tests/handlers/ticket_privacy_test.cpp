// What the groups read of a resident's report as it is worked: a phone number left for the worker
// is masked where the report climbs, the worker's 办结 note and the resident's angry rating stay
// out of the groups, and a leader's aside on 关闭 is not handed to 物业's group (an exploratory run
// on privacy, 2026-12-05).

#include <gtest/gtest.h>

#include <algorithm>

#include "handler_fixture.hpp"

namespace whistle::handlers::testing {
namespace {

using TicketPrivacy = HandlerTest;

// Whether a reply to `chat` holds `words`.
bool told(const std::vector<Reply>& replies, const std::string& chat, const std::string& words) {
  return std::any_of(replies.begin(), replies.end(), [&](const Reply& reply) {
    return reply.chat == chat && reply.text.find(words) != std::string::npos;
  });
}

TEST_F(TicketPrivacy, APhoneNumberInAReportIsMaskedInTheGroupsItClimbsTo) {
  const std::vector<Reply> received = say(
      "b3u2", "u-zhang", "张三", read("报修 卫生间漏水到楼下了 我电话13800138000 身份证110101199003071234"));
  // The group's receipt masks it as the later posts do (an exploratory run of the board, 2026-12-07).
  EXPECT_TRUE(told(received, "generic:b3u2", "138****8000"));
  EXPECT_FALSE(told(received, "generic:b3u2", "13800138000"));
  const std::vector<Reply> climbed = run_jobs(*ticket(1).answer_by);
  ASSERT_EQ(ticket(1).node, "b3");
  EXPECT_TRUE(told(climbed, "generic:b3", "138****8000"));
  for (const Reply& reply : climbed) {
    if (reply.chat == "generic:b3") {
      EXPECT_EQ(reply.text.find("13800138000"), std::string::npos) << reply.text;
      EXPECT_EQ(reply.text.find("199003071234"), std::string::npos) << reply.text;
    }
  }
  // The leader who must call back reads it whole, in private.
  const std::string leader = *ticket(1).assignee_person;
  EXPECT_TRUE(told(climbed, private_chat_of(leader), "13800138000"));
  // A list asked for in the group masks it too; in private it is whole.
  const std::vector<Reply> listed = say("b3u2", "u-chen", "陈单元长", read("工单"));
  EXPECT_TRUE(told(listed, "generic:b3u2", "138*"));
  EXPECT_FALSE(told(listed, "generic:b3u2", "1380013"));
  EXPECT_TRUE(
      told(say_privately("u-chen", "陈单元长", read("工单")), private_chat_of("generic:u-chen"), "1380013"));
}

// The thanks for a rating said in the group quoted the report whole, phone number and the door's code
// a daughter left for whoever went (an exploratory run of old people living alone, stop 68).
TEST_F(TicketPrivacy, TheThanksForARatingInTheGroupMasksThePhoneAndTheDoorCode) {
  const std::vector<Reply> received =
      say("b3u2", "u-zhang", "张三", read("报修 我妈家水管漏了 她电话13912345678 家门密码是852963"));
  EXPECT_TRUE(told(received, "generic:b3u2", "家门密码是******"));
  EXPECT_FALSE(told(received, "generic:b3u2", "852963"));
  // Whoever works it reads it whole.
  EXPECT_TRUE(told(received, private_chat_of(*ticket(1).assignee_person), "852963"));
  say("b3u2", "u-chen", "陈单元长", read("接单 T1"), kMonday0900 + 60);
  say("b3u2", "u-chen", "陈单元长", read("办结 T1 换了水管"), kMonday0900 + 120);
  const std::vector<Reply> thanked = say("b3u2", "u-zhang", "张三", read("评价 T1 满意"), kMonday0900 + 180);
  ASSERT_EQ(ticket(1).state, store::TicketState::closed);
  EXPECT_TRUE(told(thanked, "generic:b3u2", "139****5678"));
  EXPECT_FALSE(told(thanked, "generic:b3u2", "13912345678"));
  EXPECT_FALSE(told(thanked, "generic:b3u2", "852963"));
  // Nor does the offer of a report said to the bot in the group repeat them (the final read).
  const std::vector<Reply> offered =
      say("b3u2", "u-he", "何大爷", read("@吹哨 我家水管漏了 电话13912345678 密码是：852963"),
          kMonday0900 + 4 * kHour);
  ASSERT_FALSE(offered.empty());
  EXPECT_FALSE(told(offered, "generic:b3u2", "852963"));
  EXPECT_FALSE(told(offered, "generic:b3u2", "13912345678"));
}

// "你是私下反映的，群里不会出现你的名字": the climb posts carried "我叫刘桂芳" and the name she is known
// by to three groups (an exploratory run of residents' reports, 2026-12-06), then, with the name
// masked, "我是何建国，住502" and "我一个人住腿脚不好" (an exploratory run of people changing,
// 2026-12-07). The group reads the ticket's number and place; the words stay private.
TEST_F(TicketPrivacy, APrivateReportsWordsStayOutOfTheGroupsItClimbsTo) {
  say_privately("u-liu", "刘桂芳",
                read("报事 3号楼2单元 我家厨房下水道堵了 住502 我叫刘桂芳 电话13912345678"));
  std::vector<Reply> climbed = run_jobs(*ticket(1).answer_by);
  ASSERT_EQ(ticket(1).node, "b3");
  EXPECT_TRUE(told(climbed, "generic:b3", "T1"));
  EXPECT_FALSE(told(climbed, "generic:b3", "下水道堵了"));
  EXPECT_FALSE(told(climbed, "generic:b3", "502"));
  EXPECT_FALSE(told(climbed, "generic:b3", "刘桂芳"));
  // Her leader reads it whole, in private, to call her back.
  EXPECT_TRUE(told(climbed, private_chat_of(*ticket(1).assignee_person), "刘桂芳"));
}

// A private report of "3" put the placeholder into "3号楼" and the deadline's clock (the final read,
// 2026-12-07): only the words as the post quotes them are hidden.
TEST_F(TicketPrivacy, APrivateReportsShortWordsAreHiddenOnlyWhereTheyAreQuoted) {
  say_privately("u-he", "何大爷", read("报事 3号楼2单元 3"));
  const std::vector<Reply> climbed = run_jobs(*ticket(1).answer_by);
  EXPECT_TRUE(told(climbed, "generic:b3", "3号楼2单元"));
  EXPECT_TRUE(told(climbed, "generic:b3", "T1"));
}

TEST_F(TicketPrivacy, TheWorkersNoteOnDoneGoesToTheReporterNotToTheGroup) {
  say("b3u2", "u-zhang", "张三", read("报修 3号楼2单元 卫生间漏水"));
  say("b3u2", "u-chen", "陈单元长", read("接单 T1"));
  const std::vector<Reply> done =
      say("b3u2", "u-chen", "陈单元长", read("办结 T1 已修好，是楼上602老王家水管老化渗水"));
  EXPECT_TRUE(told(done, private_chat_of("generic:u-zhang"), "602老王家"));
  EXPECT_TRUE(told(done, "generic:b3u2", "T1"));
  EXPECT_FALSE(told(done, "generic:b3u2", "602老王家"));
}

TEST_F(TicketPrivacy, ALeadersReasonForClosingIsNotHandedToTheResponderGroup) {
  say_privately("u-he", "何大爷", read("报事 3号楼2单元 楼上天天半夜吵"));
  const std::vector<Reply> closed =
      say_privately("u-chen", "陈单元长", read("关闭 T1 转物业 这个老何经常乱投诉"));
  ASSERT_TRUE(ticket(1).is_closed());
  EXPECT_TRUE(told(closed, "generic:wuye", "T1"));
  EXPECT_FALSE(told(closed, "generic:wuye", "乱投诉"));
}

TEST_F(TicketPrivacy, ALeadersReasonForClosingIsNotPostedInTheGroupOfTheResponderThatHeldIt) {
  say_privately("u-he", "何大爷", read("报事 3号楼2单元 楼道灯坏了"));
  say_privately("u-chen", "陈单元长", read("派单 T1 物业"));
  ASSERT_EQ(ticket(1).assignee_responder, "wuye");
  const std::vector<Reply> closed =
      say_privately("u-chen", "陈单元长", read("关闭 T1 重复 这老太太隔三差五就来一次 别理她"));
  ASSERT_TRUE(ticket(1).is_closed());
  EXPECT_TRUE(told(closed, "generic:wuye", "T1"));
  EXPECT_FALSE(told(closed, "generic:wuye", "隔三差五"));
}

TEST_F(TicketPrivacy, AGroupListMasksANumberBeforeItCutsTheWords) {
  // The number straddles the list's cut: cut first, "138001" would have shown.
  say("b3u2", "u-zhang", "张三", read("报修 楼道灯坏了好几天没人管我电话13800138000"));
  const std::vector<Reply> listed = say("b3u2", "u-chen", "陈单元长", read("工单"));
  ASSERT_TRUE(told(listed, "generic:b3u2", "T1"));
  EXPECT_FALSE(told(listed, "generic:b3u2", "1380"));
}

TEST_F(TicketPrivacy, NumbersSaidByVoiceAreMaskedInTheGroupsToo) {
  say("b3u2", "u-zhang", "张三", read("报修 楼道灯坏了 手机138，1234，5678 座机幺三八 一二三四 五六七八"));
  const std::vector<Reply> climbed = run_jobs(*ticket(1).answer_by);
  ASSERT_TRUE(told(climbed, "generic:b3", "T1"));
  EXPECT_FALSE(told(climbed, "generic:b3", "1234"));
  EXPECT_FALSE(told(climbed, "generic:b3", "一二三四"));
}

// 进度 asked in a building group showed the caller's number whole and the worker's 办结 note (an
// exploratory run of the workers' side, 2026-12-07).
TEST_F(TicketPrivacy, ProgressInAGroupMasksNumbersAndKeepsTheWorkersNote) {
  say("b3u2", "u-he", "何大爷", read("报修 卫生间天花板漏水 我电话13900001111"));
  say_privately("u-chen", "陈单元长", read("办结 T1 是602家马桶密封圈老化"), kMonday0900 + kHour);
  const std::vector<Reply> asked = say("b3", "u-qian", "钱楼栋长", read("进度 T1"), kMonday0900 + 2 * kHour);
  ASSERT_TRUE(told(asked, "generic:b3", "T1"));
  EXPECT_FALSE(told(asked, "generic:b3", "13900001111"));
  EXPECT_FALSE(told(asked, "generic:b3", "密封圈"));
  // In private the leader reads it all.
  const std::vector<Reply> alone =
      say_privately("u-qian", "钱楼栋长", read("进度 T1"), kMonday0900 + 2 * kHour);
  EXPECT_TRUE(told(alone, private_chat_of("generic:u-qian"), "密封圈"));
}

// "刘阿姨已关闭此工单" in 物业's group, to a private reporter told no group would read her name (the
// same run).
TEST_F(TicketPrivacy, AResidentTakingBackTheirReportIsNotNamedInTheRespondersGroup) {
  say_privately("u-liu", "刘阿姨", read("报修 3号楼2单元 水龙头关不紧 一直滴水"));
  say("b3u2", "u-chen", "陈单元长", read("派单 T1 物业"), kMonday0900 + 60);
  const std::vector<Reply> replies =
      say_privately("u-liu", "刘阿姨", read("撤回 T1 儿子已经修好了"), kMonday0900 + kHour);
  ASSERT_TRUE(told(replies, "generic:wuye", "T1"));
  EXPECT_FALSE(told(replies, "generic:wuye", "刘阿姨"));
}

// A close's reason, a withdrawal's words among them, is no group's to read in 进度 (the final read).
TEST_F(TicketPrivacy, ProgressInAGroupLeavesOutACloseReason) {
  say("b3u2", "u-he", "何大爷", read("报修 楼道灯坏了"));
  say_privately("u-he", "何大爷", read("撤回 T1 我自己花200找人修好了"), kMonday0900 + kHour);
  const std::vector<Reply> asked =
      say("b3u2", "u-chen", "陈单元长", read("进度 T1"), kMonday0900 + 2 * kHour);
  ASSERT_TRUE(told(asked, "generic:b3u2", "T1"));
  EXPECT_FALSE(told(asked, "generic:b3u2", "200"));
}

// "撤回 T1 物业的师傅已经修好了" posted her name and a 转交 that never happened (the final read).
TEST_F(TicketPrivacy, AWithdrawalNamingTheResponderHandsNothingOverAndNamesNobody) {
  say_privately("u-liu", "刘阿姨", read("报修 3号楼2单元 水龙头关不紧 一直滴水"));
  say("b3u2", "u-chen", "陈单元长", read("派单 T1 物业"), kMonday0900 + 60);
  const std::vector<Reply> replies =
      say_privately("u-liu", "刘阿姨", read("撤回 T1 物业的师傅已经修好了"), kMonday0900 + kHour);
  EXPECT_FALSE(told(replies, "generic:wuye", "刘阿姨"));
  EXPECT_FALSE(told(replies, "generic:wuye", "转交"));
}

// "别说是我说的 匿名反映": the report reached the neighbour it complained about with 反映人：刘阿姨 (an
// exploratory run of neighbour disputes, 2026-12-07). Whoever it is sent on to reads 居民; the
// leader who holds it knows, and is told when the one sent is named in it.
TEST_F(TicketPrivacy, AReporterWhoAsksNotToBeNamedIsNotNamedToWhoeverIsSent) {
  const std::vector<Reply> received =
      say_privately("u-liu", "刘阿姨", read("报事 3号楼2单元张三家的狗天天在楼道拉屎 别说是我说的"));
  ASSERT_FALSE(received.empty());
  EXPECT_EQ(received[0].text,
            rendered("ticket_received_anonymous", {{"ticket", "1"},
                                                   {"kind_name", "报事"},
                                                   {"text", "张三家的狗天天在楼道拉屎 别说是我说的"},
                                                   {"place", "3号楼2单元"},
                                                   {"assignee", "陈单元长"}}));
  const std::vector<Reply> sent = say_privately("u-chen", "陈单元长", read("派单 T1 @张三"));
  EXPECT_TRUE(told(sent, "generic:@u-zhang", "派给你"));
  for (const Reply& reply : sent)
    EXPECT_EQ(reply.text.find("刘阿姨"), std::string::npos) << reply.chat << ": " << reply.text;
  EXPECT_TRUE(told(sent, "generic:@u-chen",
                   rendered("ticket_dispatch_named_in_report", {{"ticket", "1"}, {"name", "张三"}})));
  // Without the ask the one sent reads the name, to call back.
  say_privately("u-he", "何大爷", read("报事 3号楼2单元楼道灯坏了"));
  EXPECT_TRUE(told(say_privately("u-chen", "陈单元长", read("派单 T2 @张三")), "generic:@u-zhang", "何大爷"));
}

// "匿名反映 …" asked it in the command word, which the ticket's words lost; and the one dispatched read
// "收到（刘阿姨）" in 进度 (a review of stop 65).
TEST_F(TicketPrivacy, AnAnonymousReportsReporterIsHiddenInItsHistoryToWhoeverWorksIt) {
  say_privately("u-liu", "刘阿姨", read("匿名反映 3号楼2单元楼道里有人给电动车充电"));
  const std::vector<Reply> sent = say_privately("u-chen", "陈单元长", read("派单 T1 @张三"));
  for (const Reply& reply : sent)
    EXPECT_EQ(reply.text.find("刘阿姨"), std::string::npos) << reply.chat << ": " << reply.text;
  const std::vector<Reply> progress = say_privately("u-zhang", "张三", read("进度 T1"));
  ASSERT_FALSE(progress.empty());
  EXPECT_EQ(progress[0].text.find("刘阿姨"), std::string::npos) << progress[0].text;
  // The leader who holds it reads the name.
  const std::vector<Reply> leader = say_privately("u-chen", "陈单元长", read("进度 T1"));
  ASSERT_FALSE(leader.empty());
  EXPECT_NE(leader[0].text.find("刘阿姨"), std::string::npos) << leader[0].text;
}

// "@吹哨 匿名反映 …" in the unit's group: the receipt and the 办结 post @-mentioned the reporter there
// (an exploratory run, 2026-12-07). The group reads that it is taken, with no name; the reporter
// reads the receipt and what follows in private.
TEST_F(TicketPrivacy, AnAnonymousReportInAGroupNamesNobodyThere) {
  const std::vector<Reply> received =
      say("b3u2", "u-liu", "刘阿姨", read("匿名反映 楼上天天半夜剁肉 吵得睡不着"));
  ASSERT_TRUE(ticket(1).reported_in_private);
  EXPECT_TRUE(told(received, "generic:b3u2", "T1"));
  EXPECT_TRUE(told(received, "generic:@u-liu", "T1"));
  say_privately("u-chen", "陈单元长", read("接单 T1"));
  const std::vector<Reply> resolved = say_privately("u-chen", "陈单元长", read("办结 T1 已上门沟通"));
  EXPECT_TRUE(told(resolved, "generic:@u-liu", "已上门沟通"));
  for (const std::vector<Reply>* replies : {&received, &resolved}) {
    for (const Reply& reply : *replies) {
      if (reply.chat != "generic:b3u2") continue;
      EXPECT_TRUE(reply.mentions.empty()) << reply.text;
      EXPECT_EQ(reply.text.find("刘阿姨"), std::string::npos) << reply.text;
    }
  }
  EXPECT_FALSE(told(resolved, "generic:b3u2", "T1"));
  // Without the ask, a group report is answered in the group, its reporter @-mentioned.
  const std::vector<Reply> named = say("b3u2", "u-he", "何大爷", read("报事 楼道灯坏了"));
  ASSERT_FALSE(named.empty());
  EXPECT_EQ(named[0].chat, "generic:b3u2");
  EXPECT_EQ(named[0].mentions, std::vector<std::string>{"generic:u-he"});
}

// Said without a verb, the ask not to be named was asked back in the group with the words and the
// name; taken back, the 撤回 named the reporter there (a review of stop 67).
TEST_F(TicketPrivacy, AnAnonymousTroubleWithoutAVerbIsReportedAtOnceAndTakenBackInPrivate) {
  const std::vector<Reply> received =
      say("b3u2", "u-liu", "刘阿姨", read("别说是我说的，我家楼上漏水"), kMonday0900, /*mentions_bot=*/true);
  ASSERT_TRUE(tickets_.by_number("c1", 1));
  EXPECT_TRUE(ticket(1).reported_in_private);
  const std::vector<Reply> withdrawn =
      say("b3u2", "u-liu", "刘阿姨", read("撤回 T1 已经好了"), kMonday0900 + kHour, /*mentions_bot=*/true);
  EXPECT_TRUE(ticket(1).is_closed());
  for (const std::vector<Reply>* replies : {&received, &withdrawn}) {
    for (const Reply& reply : *replies) {
      if (reply.chat != "generic:b3u2") continue;
      EXPECT_EQ(reply.text.find("漏水"), std::string::npos) << reply.text;
    }
  }
  EXPECT_TRUE(told(withdrawn, "generic:@u-liu", "T1"));
}

}  // namespace
}  // namespace whistle::handlers::testing
