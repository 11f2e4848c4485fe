// Scams, rumours and impostors (an exploratory run, stop 70): money leaving now met 没看懂 or waited
// the night as a general ticket; "这个是不是骗子" met the menu; neighbours' warnings about a fake 兑换
// got the catalog in the group; a card printed in fours went to the building's group.

#include <gtest/gtest.h>

#include "handlers/people_names.hpp"
#include "ticket_test_support.hpp"

namespace whistle::handlers::testing {
namespace {

class Scams : public TicketTest {};

TEST_F(Scams, MoneyCheatedAwayNowIsAnUrgentDangerWithTheFraudAnswer) {
  std::int64_t at = kMonday0900;
  std::int64_t number = 0;
  for (const char* line :
       {"我妈正在给骗子转钱 快帮忙", "快报警 我奶奶正在被骗", "我点了那个链接 输了银行卡密码 怎么办啊",
        "求助 我妈被电信诈骗了 正在转钱 快去拦一下"}) {
    const std::vector<Reply> replies = say_line_privately("u-liu", "刘阿姨", line, {}, at);
    ASSERT_FALSE(replies.empty()) << line;
    EXPECT_EQ(replies[0].text, rendered("danger_now_fraud", {{"mention", "@刘阿姨"}})) << line;
    const store::Ticket opened = ticket(++number);
    EXPECT_TRUE(opened.danger) << line;
    EXPECT_EQ(opened.urgency, "urgent") << line;
    at += 2 * kHour;
  }
  // Among neighbours it is told to the unit's leader in private.
  const std::vector<Reply> told =
      say_line("b3u2", "u-liu", "刘阿姨", "何奶奶在楼下银行转钱 好像被骗了 谁去拦一下", {}, at);
  EXPECT_EQ(sent_to(told, "generic:@u-chen").size(), 1u);
  EXPECT_TRUE(sent_to(told, "generic:b3u2").empty());
}

TEST_F(Scams, WarningsAndStoriesOfScamsPageNobody) {
  std::int64_t at = kMonday0900;
  for (const char* talk :
       {"最近骗子很多 不要给陌生人转账", "大家注意 骗子冒充社区发链接 别点", "我妈差点被骗 还好没转账",
        "这年头骗子真多 我同事被骗了好几万", "买的橘子是坏的 被骗了 20块钱", "去年我被骗了两万块"}) {
    EXPECT_TRUE(say_line("b3u2", "u-liu", "刘阿姨", talk, {}, at).empty()) << talk;
    at += kHour;
  }
  EXPECT_FALSE(tickets_.by_number("c1", 1).has_value());
}

TEST_F(Scams, AskedWhetherSomethingIsAScamTheAnswerNamesWhomToCheckWith) {
  std::int64_t at = kMonday0900;
  for (const char* line : {"这个是不是骗子", "刘师傅是物业的吗", "13812345678这个号码是社区的吗",
                           "上面那个链接能点吗", "有人上门推销保健品 说是社区组织的"}) {
    const std::vector<Reply> replies = say_line_privately("u-he", "何大爷", line, {}, at);
    ASSERT_EQ(replies.size(), 1u) << line;
    EXPECT_TRUE(text_has(replies[0].text, "96110")) << line << ": " << replies[0].text;
    EXPECT_TRUE(text_has(replies[0].text, "刘师傅")) << line;  // 物业's registered worker
    at += kHour;
  }
  EXPECT_FALSE(tickets_.by_number("c1", 1).has_value());
}

TEST_F(Scams, NeighboursWarningAboutAFakeRedemptionIsTheirs) {
  for (const char* talk : {"积分兑换那个是诈骗 社区没发过", "兑换大米那个链接是假的", "兑换礼品的短信别信"})
    EXPECT_TRUE(say_line("b3u2", "u-liu", "刘阿姨", talk).empty()) << talk;
  // An item asked for is still answered.
  EXPECT_FALSE(say_line("b3u2", "u-liu", "刘阿姨", "兑换 面粉").empty());
}

TEST_F(Scams, ACardPrintedInFoursIsMaskedInTheGroupsPost) {
  const std::vector<Reply> replies =
      say_line("b3u2", "u-he", "何大爷", "@吹哨 报事 我被冒充客服的骗了 卡号 6222 0212 3456 7890 都告诉他了");
  ASSERT_FALSE(replies.empty());
  for (const Reply& reply : replies) {
    if (reply.chat.find("@") == std::string::npos)
      EXPECT_FALSE(text_has(reply.text, "0212 3456")) << reply.chat << ": " << reply.text;
  }
}

// A WeChat name copied from the secretary's: the bot writes it marked, so the group never reads that
// "@王书记" was refused, nor the 公示 that 王书记 took points; the real holders' names stay as they are.
TEST_F(Scams, ANameClaimingAnOfficeNotHeldIsWrittenMarked) {
  const std::vector<Reply> refused =
      say_line("b3u2", "u-x1", "王书记", "吹哨 收取卫生费 每户300元 今天下午3点");
  ASSERT_EQ(refused.size(), 1u);
  EXPECT_TRUE(text_has(refused[0].text, "@王书记（非登记负责人）")) << refused[0].text;
  EXPECT_EQ(display_name(people_, qualified("u-x1")), "王书记（非登记负责人）");
  EXPECT_EQ(display_name(people_, qualified("u-wang")), "王书记");
  EXPECT_EQ(display_name(people_, qualified("u-chen")), "陈单元长");
  const std::vector<Reply> asked = say_line("b3u2", "u-liu", "刘阿姨", "@吹哨 这个王书记是真的吗");
  ASSERT_EQ(asked.size(), 1u);
  EXPECT_TRUE(text_has(asked[0].text, "96110")) << asked[0].text;
}

// "吹哨 这是不是诈骗", "吹哨 有人冒充物业收钱" from a resident call the bot by name: answered, not refused as
// a whistle ("吹哨 我被骗了" is the fraud's danger, as "我被骗了" is).
TEST_F(Scams, AResidentsScamQuestionAfterTheBotsNameIsAnswered) {
  for (const char* line : {"吹哨 这是不是诈骗", "吹哨 有人冒充物业收钱", "吹哨 上面那个链接能点吗"}) {
    const std::vector<Reply> replies = say_line("b3u2", "u-he", "何大爷", line);
    ASSERT_EQ(replies.size(), 1u) << line;
    EXPECT_TRUE(text_has(replies[0].text, "96110")) << line << ": " << replies[0].text;
  }
  EXPECT_FALSE(tasks_.by_number("c1", 1).has_value());
}

// A leader's warning of a scam or a rumour is a notice to post: neither a report to himself nor a task
// nine groups are asked to sign up for; a real task of anti-fraud work with its count still whistles.
TEST_F(Scams, ALeadersWarningIsANoticeNotAReportNorATask) {
  const std::string notice = rendered("unknown_notice_leader", {{"mention", "@钱楼栋长"}});
  for (const char* line :
       {"@吹哨 辟谣：3号楼明天不停水，请大家不要轻信转发", "@吹哨 反诈提醒 近期有冒充社区的短信 请勿点击",
        "吹哨 辟谣 明天不停水", "吹哨 反诈宣传 下发 近期冒充社区诈骗多发 请大家提高警惕"}) {
    const std::vector<Reply> replies = say_line("b3", "u-qian", "钱楼栋长", line);
    ASSERT_EQ(replies.size(), 1u) << line;
    EXPECT_EQ(replies[0].text, notice) << line;
  }
  EXPECT_FALSE(tasks_.by_number("c1", 1).has_value());
  EXPECT_FALSE(tickets_.by_number("c1", 1).has_value());
  say_line("b3", "u-qian", "钱楼栋长", "吹哨 反诈宣传进楼入户 6人 周六上午9点 2小时 10分");
  EXPECT_TRUE(tasks_.by_number("c1", 1).has_value());
}

// Giving points away, asked: the usual bait of a points scam, told plainly that points are one's own.
TEST_F(Scams, PointsCannotBeGivenToSomeoneElse) {
  const std::string told = rendered("points_not_transferable", {{"mention", "@刘阿姨"}});
  for (const char* line : {"积分能转给别人吗", "把我的积分给张三 10分", "积分转让 @张三 10"}) {
    const std::vector<Reply> replies = say_line_privately("u-liu", "刘阿姨", line);
    ASSERT_EQ(replies.size(), 1u) << line;
    EXPECT_EQ(replies[0].text, told) << line;
  }
}

// The review of stop 70's phrasings: frauds in progress or just told, and chatter about money that is none.
TEST_F(Scams, MoreFraudsAreDangersAndMarketTalkIsNot) {
  std::int64_t at = kMonday0900;
  for (const char* line :
       {"骗子还在跟我妈视频 让她转账", "我被诈骗了", "我老公被网上刷单骗了 还在往里充钱",
        "我奶奶要去银行取钱给一个陌生人 拦不住", "刚刚被人骗走了3000块", "帮我报个警 我妈被骗了"}) {
    const std::vector<Reply> replies = say_line_privately("u-liu", "刘阿姨", line, {}, at);
    ASSERT_FALSE(replies.empty()) << line;
    EXPECT_EQ(replies[0].text, rendered("danger_now_fraud", {{"mention", "@刘阿姨"}})) << line;
    at += 2 * kHour;
  }
  for (const char* talk :
       {"这菜市场的秤不准 骗了我好几块钱", "钱没了可以再挣 人没事就好", "上个月我妈被骗了两万 后来追回来了",
        "微信群里有人说能拿养老钱翻倍 骗子吧", "卖菜的老王骗了我 一斤少了二两", "钱被转走了 转给房东交房租了",
        "我给骗子转了一块钱逗他玩", "刚才骗子打电话问我要验证码 我没给", "我被诈骗电话烦死了",
        "卡里钱被转走了"}) {
    EXPECT_TRUE(say_line("b3u2", "u-he", "何大爷", talk, {}, at).empty()) << talk;
    at += kHour;
  }
}

// A ranking's rows carry their names: marked there too; a doctor's title is no office.
TEST_F(Scams, ARankingsNamesAreMarkedAsEveryOtherName) {
  say_line("b3u2", "u-x1", "王书记", "你好");
  EXPECT_EQ(shown_name_of(people_, qualified("u-x1"), "王书记"), "王书记（非登记负责人）");
  EXPECT_EQ(shown_name_of(people_, qualified("u-x1"), "主任医师老赵"), "主任医师老赵");
  EXPECT_EQ(shown_name_of(people_, qualified("u-wang"), "王书记"), "王书记");
}

// Another danger said beside a fraud's words is the one answered (the final read of stop 70: a fire got
// "hang up, stop the transfer"); a call for the police beside a fraud stays the fraud's.
TEST_F(Scams, AFireOrAFallBesideAFraudsWordsGetsItsOwnAnswer) {
  const auto first_answer = [&](const std::string& line, std::int64_t at) {
    const std::vector<Reply> replies = say_line_privately("u-liu", "刘阿姨", line, {}, at);
    return replies.empty() ? std::string() : replies[0].text;
  };
  EXPECT_EQ(first_answer("着火了 冒充的消防员 快报警", kMonday0900),
            rendered("danger_now_fire", {{"mention", "@刘阿姨"}}));
  EXPECT_EQ(first_answer("我妈摔倒了 叫不醒 刚才说被骗了 怎么办", kMonday0900 + kHour),
            rendered("danger_now_medical", {{"mention", "@刘阿姨"}}));
  EXPECT_EQ(first_answer("快报警 我奶奶正在被骗", kMonday0900 + 2 * kHour),
            rendered("danger_now_fraud", {{"mention", "@刘阿姨"}}));
}

// A call for hands to do anti-fraud work is a whistle, not a warning to post.
TEST_F(Scams, ACallForAntiFraudVolunteersWhistles) {
  say_line("b3u2", "u-chen", "陈单元长", "吹哨 反诈宣传 需要志愿者 明天");
  EXPECT_TRUE(tasks_.by_number("c1", 1).has_value());
}

}  // namespace
}  // namespace whistle::handlers::testing
