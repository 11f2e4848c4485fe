// Renters, landlords and newcomers (an exploratory run, stop 70): a landlord's "想看房的扣1" and a
// tenants' register filled a fire-safety check's places, and a pasted 流动人口 drive with its 下发 after
// the 备注 line stayed in the community's group.

#include <gtest/gtest.h>

#include <algorithm>

#include "handler_fixture.hpp"

namespace whistle::handlers::testing {
namespace {

class Renters : public HandlerTest {};

TEST_F(Renters, NumbersAnsweringAnAdOrANoticeSignNobodyUpButALeadersCallDoes) {
  const std::int64_t number = whistle_in_b3u2("出租屋消防安全检查", 4);
  std::int64_t at = kMonday0900 + 60;
  const auto line = [&](const std::string& sender, const std::string& text) {
    say("b3u2", sender, "", read(text, at), at);
    at += 60;
  };
  line("u-landlord", "502次卧出租 1000一个月 想看房的扣1");
  line("u-t1", "1");
  line("u-landlord", "有意的私我 +1就行");
  line("u-t2", "+1");
  line("u-landlord", "拼车回老家的扣1 腊月二十八走");
  line("u-t3", "1");
  line("u-x4", "各位业主 燃气安全检查今天进行 收到请回复1");
  line("u-t4", "+1");
  line("u-t5", "收到1");
  for (const char* tenant : {"u-t1", "u-t2", "u-t3", "u-t4", "u-t5"})
    EXPECT_FALSE(signup_state(number, tenant).has_value()) << tenant;
  line("u-chen", "明天检查 能来的扣1");
  line("u-t6", "1");
  EXPECT_EQ(signup_state(number, "u-t6"), store::SignupState::signed_up);
}

// A leader of the chat asking with an ad's words calls volunteers, and a leader's call for sign-ups after a
// landlord's ad ends its window (a review of stop 70: the 1s were dropped for twelve hours).
TEST_F(Renters, ALeadersAskWithAnAdsWordsStillSignsUp) {
  const std::int64_t number = whistle_in_b3u2("出租屋消防安全检查", 8);
  say("b3u2", "u-chen", "陈单元长", read("周六检查 有意向的扣1", kMonday0900 + 60), kMonday0900 + 60);
  say("b3u2", "u-v1", "", read("1", kMonday0900 + 120), kMonday0900 + 120);
  EXPECT_EQ(signup_state(number, "u-v1"), store::SignupState::signed_up);
  // "需要人手" is a call, not a poll's "需要的" (the final read of stop 70: the 1 was dropped).
  say("b3u2", "u-chen", "陈单元长", read("明早还需要人手 扣1", kMonday0900 + 130), kMonday0900 + 130);
  say("b3u2", "u-v3", "", read("1", kMonday0900 + 140), kMonday0900 + 140);
  EXPECT_EQ(signup_state(number, "u-v3"), store::SignupState::signed_up);
  say("b3u2", "u-landlord", "", read("502次卧出租 想看房的扣1", kMonday0900 + 180), kMonday0900 + 180);
  say("b3u2", "u-chen", "陈单元长", read("还差人 大家踊跃报名", kMonday0900 + 240), kMonday0900 + 240);
  say("b3u2", "u-v2", "", read("1", kMonday0900 + 300), kMonday0900 + 300);
  EXPECT_EQ(signup_state(number, "u-v2"), store::SignupState::signed_up);
}

// WeChat's own 接龙 puts the title on its second line; a tenants' register there is no sign-up either.
TEST_F(Renters, ARegisterWithItsTitleOnTheSecondLineIsNoSignUp) {
  const std::int64_t number = whistle_in_b3u2("出租屋消防安全检查", 8);
  say("b3u2", "u-r9", "", read("#接龙\n新住户信息登记\n\n1. 小王 602\n2. 小赵 502"));
  EXPECT_FALSE(signup_state(number, "u-r9").has_value());
  say("b3u2", "u-r8", "", read("接龙 租客登记\n1. 小王"));
  EXPECT_FALSE(signup_state(number, "u-r8").has_value());
}

TEST_F(Renters, RegistersOfResidentsAndFlatsAreNoSignUpsButAVolunteersListIs) {
  const std::int64_t number = whistle_in_b3u2("出租屋消防安全检查", 8);
  std::int64_t at = kMonday0900 + 60;
  int n = 0;
  for (const char* list :
       {"接龙 看房登记\n1. 王先生\n2. 小李", "接龙 新住户信息登记\n1. 小王 602\n2. 小赵 502",
        "流动人口登记\n1. 张三 3-2-101\n2. 李四 3-2-102", "接龙 门禁卡办理\n1. 小王\n2. 小赵",
        "出租屋登记接龙\n1. 何大爷 301 出租1间"}) {
    const std::string sender = "u-r" + std::to_string(++n);
    say("b3u2", sender, "", read(list, at), at);
    EXPECT_FALSE(signup_state(number, sender).has_value()) << list;
    at += 60;
  }
  say("b3u2", "u-v1", "", read("接龙 出租屋消防检查志愿者\n1. 小周", at), at);
  EXPECT_EQ(signup_state(number, "u-v1"), store::SignupState::signed_up);
}

TEST_F(Renters, APastedFormsSendDownAfterItsNoteSendsTheTaskDown) {
  const std::vector<Reply> replies = say("c1", "u-wang", "王书记",
                                         read("吹哨\n事项：流动人口信息采集\n时间：1月3日上午9:00-11:"
                                              "30\n人数：每栋2人\n积分：每人15分\n备注：请带好手机，"
                                              "扫码登记\n下发"));
  for (const char* below : {"generic:b3", "generic:b3u2", "generic:g1"}) {
    EXPECT_TRUE(std::any_of(replies.begin(), replies.end(), [&](const Reply& reply) {
      return reply.chat == below;
    })) << below;
  }
}

// "我是新来的租户 也想参加 报名", "新来的 报名": a sign-up after saying one is new (silence before); "报到
// 新租户 请多关照" is a greeting to the community, as "报到：新入住…住户" was.
TEST_F(Renters, ANewcomersSignUpAfterSayingWhoTheyAreSignsThemUp) {
  const std::int64_t number = whistle_in_b3u2("出租屋消防安全检查", 8);
  int n = 0;
  for (const char* line : {"我是新来的租户 也想参加 报名", "新来的 报名", "我新搬来的 算我一个",
                           "报名 我是新来的", "报到 新来的 周六能去", "新来的租客 报名"}) {
    const std::string sender = "u-n" + std::to_string(++n);
    say("b3u2", sender, "", read(line));
    EXPECT_EQ(signup_state(number, sender), store::SignupState::signed_up) << line;
  }
  for (const char* greeting :
       {"报到 新租户 请多关照", "报到，新来的租客，请大家多关照", "报到 新邻居 请多关照"}) {
    const std::string sender = "u-n" + std::to_string(++n);
    say("b3u2", sender, "", read(greeting));
    EXPECT_FALSE(signup_state(number, sender).has_value()) << greeting;
  }
}

// Said to the bot in private by someone it does not know yet: each had met the menu.
TEST_F(Renters, ANewcomersQuestionsGetTheirAnswersNotTheMenu) {
  const auto answer = [&](const std::string& line) {
    const std::vector<Reply> replies = say_privately("u-new", "", read(line));
    return replies.empty() ? std::string() : replies[0].text;
  };
  const std::string volunteering = rendered("volunteering_help", {{"mention", "@u-new"}});
  for (const char* line : {"我是新来的租户 想当志愿者", "我是新搬来的 怎么当志愿者", "租户可以参加活动吗",
                           "我没有本地户口能当志愿者吗", "我是外地的 在这打工 能参加吗"})
    EXPECT_EQ(answer(line), volunteering) << line;
  // Where to register and join: the leaders, who keep the register.
  for (const char* line : {"我刚搬来 怎么加入", "怎么登记", "租户登记在哪", "单元群怎么进", "居住证怎么办"})
    EXPECT_TRUE(contains(answer(line), "王书记")) << line;
  for (const char* line : {"我是新来的", "新搬来的 请多关照"})
    EXPECT_TRUE(
        contains(answer(line), rendered("unknown_newcomer", {{"mention", "@u-new"}, {"leaders", "王书记"}})))
        << line;
  for (const char* line :
       {"押金不退怎么办", "房东说要涨房租 不涨就让我搬走 合理吗", "租客欠了三个月房租 人联系不上了"})
    EXPECT_TRUE(contains(answer(line), "12345")) << line;
  EXPECT_EQ(answer("我下个月搬走了 积分怎么办"), rendered("moved_away", {{"mention", "@u-new"}}));
  // How, asked after who is asking: as the bare question is answered.
  EXPECT_EQ(answer("我是新来的 怎么报名"), answer("怎么报名"));
  // Whom, and nothing of what: asked what happened, as a bare 投诉 is (a ticket of "房东" had gone to the
  // 书记).
  for (const char* line :
       {"投诉房东", "我想投诉房东", "投诉物业", "我要举报502", "我要举报502室", "投诉刘师傅", "投诉3号楼"})
    EXPECT_EQ(answer(line), answer("我要投诉")) << line;
  // A trouble told with a place or a title is the report (the final read of stop 70: "没电了2单元" was lost).
  say_privately("u-new", "", read("报事 没电了2单元"));
  EXPECT_TRUE(tickets_.by_number("c1", 1).has_value());
}

// A tenant whose flat is still leaking (an exploratory run of renters, stop 70: the menu, open or
// closed): with the report open the water still running chases it; closed, it is offered again; whom
// to turn to names the unit's leaders, where the report was made.
TEST_F(Renters, WaterStillRunningChasesTheOpenReportAndIsOfferedAgainAfterTheClose) {
  say("b3u2", "u-tenant", "", read("@吹哨 报修 我租的602 卫生间漏水 楼下都滴水了"), kMonday0900, true);
  const std::vector<Reply> chased =
      say("b3u2", "u-tenant", "", read("@吹哨 水还在漏", kMonday0900 + 3600), kMonday0900 + 3600, true);
  EXPECT_TRUE(std::any_of(chased.begin(), chased.end(), [](const Reply& reply) {
    return reply.chat == "generic:@u-chen";
  })) << "the holder is told the water still runs";
  say("b3u2", "u-chen", "陈单元长", read("关闭 T1 室内水管属业主自用部分 请联系房东", kMonday0900 + 7200),
      kMonday0900 + 7200);
  const std::vector<Reply> offered =
      say_privately("u-tenant", "", read("水一直在漏", kMonday0900 + 8000), kMonday0900 + 8000);
  ASSERT_EQ(offered.size(), 1u);
  EXPECT_TRUE(contains(offered[0].text, "T1")) << offered[0].text;
  const std::vector<Reply> turn_to =
      say_privately("u-tenant", "", read("房东联系不上 谁来管啊", kMonday0900 + 8100), kMonday0900 + 8100);
  ASSERT_EQ(turn_to.size(), 1u);
  EXPECT_TRUE(contains(turn_to[0].text, "陈单元长")) << turn_to[0].text;
}

// "还在往下滴" names no water but is of the one leak open; "厨房水龙头一直漏水" tells a tap of its own.
TEST_F(Renters, DrippingStillIsTheOpenLeaksAndANewTapIsANewReport) {
  say("b3u2", "u-tenant", "", read("@吹哨 报修 卫生间漏水 楼下都滴水了"), kMonday0900, true);
  const std::vector<Reply> chased =
      say("b3u2", "u-tenant", "", read("@吹哨 还在往下滴", kMonday0900 + 3600), kMonday0900 + 3600, true);
  EXPECT_TRUE(std::any_of(chased.begin(), chased.end(),
                          [](const Reply& reply) { return reply.chat == "generic:@u-chen"; }));
  EXPECT_FALSE(tickets_.by_number("c1", 2).has_value());
}

// Moving out, then the withdrawal: the place is freed ("下周就搬走了 去不了了" had the move's answer).
TEST_F(Renters, MovingOutThenWithdrawingFreesThePlace) {
  const std::int64_t number = whistle_in_b3u2("出租屋消防安全检查", 8);
  say("b3u2", "u-zhang", "张三", read("报到"));
  say_privately("u-zhang", "张三", read("下周就搬走了 去不了了", kMonday0900 + 60), kMonday0900 + 60);
  EXPECT_EQ(signup_state(number, "u-zhang"), store::SignupState::withdrawn);
}

// An e-bike charged indoors or on a line from a window is urgent; a charger, a phone or a charging pile is
// not.
TEST_F(Renters, AnEbikeChargedIndoorsIsUrgent) {
  std::int64_t at = kMonday0900;
  std::int64_t number = 0;
  for (const char* line : {"报事 楼上有人飞线给电瓶车充电", "报事 502电动车充电 拉了根线从窗户下来",
                           "报事 电动车电池在屋里充电 还有隔断 住了8个人"}) {
    say_privately("u-zhang", "张三", read(line, at), at);
    EXPECT_EQ(tickets_.by_number("c1", ++number)->urgency, "urgent") << line;
    at += 3600;
  }
  for (const char* line : {"报事 家里充电器坏了", "报事 楼道充电桩坏了"}) {
    say_privately("u-zhang", "张三", read(line, at), at);
    EXPECT_NE(tickets_.by_number("c1", ++number)->urgency, "urgent") << line;
    at += 3600;
  }
}

}  // namespace
}  // namespace whistle::handlers::testing
