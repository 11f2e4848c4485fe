// Danger (design.md "Rules that hold"): said to the bot or in private, the emergency numbers at
// once and an urgent ticket whose leader is told immediately, even with no 报事 and at night; said
// to the others in a group, silence there and the leader told in private, once per chat and danger
// in ten minutes.

#include <gtest/gtest.h>

#include "handler_fixture.hpp"

namespace whistle::handlers::testing {
namespace {

using Danger = HandlerTest;

// The advice for the danger's kind names the number to call first: 119 for fire, gas and someone
// trapped, 120 for the ill and the hurt, 110 for violence and someone missing, 12356 for despair.
bool names_the_emergency_numbers(const Reply& reply) {
  for (const char* number : {"119", "120", "110", "12356"}) {
    if (reply.text.find(number) != std::string::npos) return true;
  }
  return false;
}

std::vector<Reply> to_chat(const std::vector<Reply>& replies, const std::string& chat) {
  std::vector<Reply> found;
  for (const Reply& reply : replies) {
    if (reply.chat == chat) found.push_back(reply);
  }
  return found;
}

// Monday 23:30 local: inside the quiet hours.
constexpr std::int64_t kMondayNight = kMonday0900 + 14 * kHour + 30 * 60;

TEST_F(Danger, SaidInPrivateGetsTheEmergencyNumbersAndAnUrgentTicket) {
  const std::vector<Reply> replies = say_privately("u-zhang", "张三", read("3号楼有煤气味！"));
  ASSERT_EQ(replies.size(), 3u);
  EXPECT_EQ(replies[0].chat, "generic:@u-zhang");
  EXPECT_TRUE(names_the_emergency_numbers(replies[0])) << replies[0].text;
  EXPECT_EQ(replies[1].chat, "generic:@u-zhang");
  EXPECT_EQ(replies[1].text.rfind("【工单T1】", 0), 0u) << replies[1].text;
  EXPECT_EQ(replies[2].chat, "generic:@u-qian");

  const std::optional<store::Ticket> t = tickets_.by_number("c1", 1);
  ASSERT_TRUE(t);
  EXPECT_TRUE(t->danger);
  EXPECT_EQ(t->urgency, "urgent");
  EXPECT_EQ(t->first_node, "b3");
  EXPECT_EQ(t->assignee_person, "generic:u-qian");
  EXPECT_TRUE(t->reported_in_private);
}

TEST_F(Danger, SaidAsResidentsWriteItInPrivateIsDangerToo) {
  // From an exploratory run: each got the command menu, no numbers and no ticket.
  const char* lines[] = {"煤气泄露",       "电梯里有人被困", "电梯关人了", "我家老伴摔倒了",
                         "老人突发心脏病", "快叫120",        "家里进贼了", "楼道里有烟"};
  std::int64_t number = 0;
  // Each hours apart: words of the same kind soon after are the open danger's (danger_follow_up).
  std::int64_t at = kMonday0900;
  for (const char* line : lines) {
    at += 7 * kHour;
    const std::vector<Reply> replies = say_privately("u-he", "何大爷", read(line, at), at);
    ASSERT_FALSE(replies.empty()) << line;
    EXPECT_TRUE(names_the_emergency_numbers(replies[0])) << line << ": " << replies[0].text;
    const std::optional<store::Ticket> t = tickets_.by_number("c1", ++number);
    ASSERT_TRUE(t) << line;
    EXPECT_TRUE(t->danger) << line;
    EXPECT_EQ(t->urgency, "urgent") << line;
  }
}

TEST_F(Danger, AddressedInAGroupAtNightTheLeaderIsToldAtOnce) {
  const std::vector<Reply> replies =
      say("b3u2", "u-zhang", "张三", read("@吹哨 楼道里有煤气味", kMondayNight), kMondayNight);
  ASSERT_FALSE(replies.empty());
  EXPECT_EQ(replies[0].chat, "generic:b3u2");
  EXPECT_EQ(replies[0].mentions, std::vector<std::string>{"generic:u-zhang"});
  EXPECT_TRUE(names_the_emergency_numbers(replies[0])) << replies[0].text;
  EXPECT_EQ(to_chat(replies, "generic:@u-chen").size(), 1u);

  const std::optional<store::Ticket> t = tickets_.by_number("c1", 1);
  ASSERT_TRUE(t);
  EXPECT_TRUE(t->danger);
  EXPECT_EQ(t->urgency, "urgent");
  EXPECT_EQ(t->assignee_person, "generic:u-chen");
  // Urgent clocks never pause for the night.
  EXPECT_EQ(t->solve_by, kMondayNight + 24 * kHour);
  EXPECT_EQ(t->answer_by, kMondayNight + 2 * kHour);
}

TEST_F(Danger, ReportedWithAVerbInAGroupIsAnsweredThere) {
  const std::vector<Reply> replies = say("b3u2", "u-zhang", "张三", read("报事 楼道里冒烟了"));
  ASSERT_FALSE(replies.empty());
  EXPECT_EQ(replies[0].chat, "generic:b3u2");
  EXPECT_TRUE(names_the_emergency_numbers(replies[0])) << replies[0].text;
  ASSERT_TRUE(tickets_.by_number("c1", 1));
  EXPECT_TRUE(tickets_.by_number("c1", 1)->danger);
}

TEST_F(Danger, SaidToTheOthersInAGroupOnlyTheLeaderHearsOnceInTenMinutes) {
  const std::vector<Reply> first = say("b3u2", "u-zhang", "张三", read("楼道里有煤气味"));
  ASSERT_EQ(first.size(), 1u);
  EXPECT_EQ(first[0].chat, "generic:@u-chen");
  EXPECT_EQ(first[0].mentions, std::vector<std::string>{"generic:u-chen"});
  EXPECT_FALSE(tickets_.by_number("c1", 1));

  // More worried voices in the same chat: the leader already knows.
  EXPECT_TRUE(say("b3u2", "u-he", "何大妈", read("真的有煤气味"), kMonday0900 + 5 * 60).empty());
  // Another chat is another alert.
  EXPECT_EQ(chats_of(say("b5u1", "u-he", "何大妈", read("5号楼1单元楼道里冒烟了"), kMonday0900 + 6 * 60)),
            std::vector<std::string>{"generic:@u-chu"});
  // Past ten minutes the same chat alerts again.
  EXPECT_EQ(chats_of(say("b3u2", "u-zhang", "张三", read("还是有煤气味"), kMonday0900 + 11 * 60)),
            std::vector<std::string>{"generic:@u-chen"});
}

TEST_F(Danger, ANewDangerInTheSameChatIsNewsWithinTheTenMinutes) {
  // A lift scare, then gas and a fire from other neighbours: the leader must hear of each.
  ASSERT_EQ(say("b3u2", "u-he", "何大妈", read("电梯困人了 快来人")).size(), 1u);
  EXPECT_EQ(chats_of(say("b3u2", "u-liu", "刘阿姨", read("大家注意 楼道里有煤气味"), kMonday0900 + 6 * 60)),
            std::vector<std::string>{"generic:@u-chen"});
  EXPECT_EQ(chats_of(say("b3u2", "u-zhang", "张三", read("5楼好像着火了"), kMonday0900 + 7 * 60)),
            std::vector<std::string>{"generic:@u-chen"});
  EXPECT_TRUE(say("b3u2", "u-zhang", "张三", read("真的着火了"), kMonday0900 + 8 * 60).empty());
}

TEST_F(Danger, ACommunitysOwnDangerWordCountsToo) {
  // "困人" is in the configured danger_words; the parser alone does not read this as danger.
  ASSERT_EQ(read("5号楼电梯里困人了").intent, Intent::unknown);
  const std::vector<Reply> replies = say_privately("u-zhang", "张三", read("5号楼电梯里困人了"));
  ASSERT_FALSE(replies.empty());
  EXPECT_TRUE(names_the_emergency_numbers(replies[0])) << replies[0].text;
  const std::optional<store::Ticket> t = tickets_.by_number("c1", 1);
  ASSERT_TRUE(t);
  EXPECT_TRUE(t->danger);
  EXPECT_EQ(t->first_node, "b5");
  EXPECT_EQ(t->assignee_person, "generic:u-wu");

  // Unaddressed in a group: the leader only.
  EXPECT_EQ(chats_of(say("b3u1", "u-he", "何大妈", read("电梯里困人了"))),
            std::vector<std::string>{"generic:@u-feng"});
  // With a verb it is an urgent ticket as well.
  say("b3u2", "u-he", "何大妈", read("报修 电梯里困人了"));
  ASSERT_TRUE(tickets_.by_number("c1", 2));
  EXPECT_EQ(tickets_.by_number("c1", 2)->urgency, "urgent");
}

TEST_F(Danger, AWordAddedByTheCommunityIsHeard) {
  config_.rules.danger_words.push_back("高空抛物");
  const std::vector<Reply> replies = say("b3u2", "u-zhang", "张三", read("@吹哨 有人高空抛物砸到车了"));
  ASSERT_FALSE(replies.empty());
  EXPECT_TRUE(names_the_emergency_numbers(replies[0])) << replies[0].text;
  EXPECT_TRUE(tickets_.by_number("c1", 1));
}

TEST_F(Danger, ADrillIsNoDanger) {
  const std::vector<Reply> replies = say_privately("u-zhang", "张三", read("明天消防演练，模拟电梯里困人"));
  for (const Reply& reply : replies)
    EXPECT_FALSE(names_the_emergency_numbers(reply)) << reply.text;
  EXPECT_FALSE(tickets_.by_number("c1", 1));
}

// A quarrel turned to a knife or a death threat reached nobody; only "打起来了" did (an exploratory run
// of neighbour disputes, 2026-12-07). A knife in the kitchen, a mosquito or a game is no danger.
TEST_F(Danger, AKnifeOrADeathThreatAmongNeighboursReachesTheLeader) {
  EXPECT_EQ(chats_of(say("b3u2", "u-x1", "居民甲", read("601的拿着菜刀在楼道里骂人，好吓人"))),
            std::vector<std::string>{"generic:@u-chen"});
  EXPECT_EQ(chats_of(say("b5u1", "u-x2", "居民乙", read("来啊，我在楼下等你，看谁打死谁"))),
            std::vector<std::string>{"generic:@u-chu"});
  for (const char* talk :
       {"他拿着菜刀剁肉", "打死你这个蚊子", "打死我也不去", "这游戏太难了 打死我也过不了"}) {
    EXPECT_TRUE(say("b1u1", "u-x3", "居民丙", read(talk)).empty()) << talk;
  }
}

// Idioms and kitchen talk paged the leader (a review of stop 65).
TEST_F(Danger, IdiomsOfKillingAndKitchenKnivesAreNoDanger) {
  for (const char* talk : {"说出来打死谁都不信", "打死谁也想不到", "这题再不会我就打死你", "拿菜刀砍排骨",
                           "拿着刀追老鼠", "我拿菜刀的时候手滑了，吓死我了"}) {
    EXPECT_TRUE(say("b3u2", "u-x3", "居民丙", read(talk)).empty()) << talk;
  }
}

// Winter (an exploratory run of winter, stop 67): coal gas poisoning was told a gas leak's steps and
// never 120; a CO alarm and a stove's fumes with their signs met the menu; a leader's notice to
// beware of them paged the leader above.
TEST_F(Danger, CoalGasPoisoningIsAnsweredWithFreshAirAnd120) {
  std::int64_t at = kMonday0900;
  for (const char* line : {"一氧化碳中毒 人晕过去了", "一氧化碳报警器响了", "头晕 想吐 屋里烧着炉子"}) {
    const std::vector<Reply> replies = say_privately("u-zhang", "张三", read(line, at), at);
    ASSERT_FALSE(replies.empty()) << line;
    EXPECT_EQ(replies[0].text, rendered("danger_now_poisoning", {{"mention", "@张三"}})) << line;
    at += 2 * kHour;
  }
}

// Old people living alone (an exploratory run, stop 68): a parent unreachable, a door unanswered, chest
// pain or a collapse in their own words met the menu; the unseen neighbour was told to leave the area.
TEST_F(Danger, SomeoneAloneWhoDoesNotAnswerIsToldToCallGoAndFindTheKey) {
  std::int64_t at = kMonday0900;
  for (const char* line : {"我爸两天没接电话了 他一个人住", "何奶奶家没人应门 她一个人住 平时这个点都在家",
                           "孙大爷家门口的报纸两天没拿了 敲门没反应", "敲门没人应 电话也不通 两天没见人了"}) {
    const std::vector<Reply> replies = say_privately("u-zhang", "张三", read(line, at), at);
    ASSERT_FALSE(replies.empty()) << line;
    EXPECT_EQ(replies[0].text, rendered("danger_now_unanswered", {{"mention", "@张三"}})) << line;
    at += 2 * kHour;
  }
  for (const char* line :
       {"我胸口疼", "我心脏不舒服 家里就我一个人", "我老伴突然倒地上了叫他不答应", "我血压200了"}) {
    const std::vector<Reply> replies = say_privately("u-he", "何大爷", read(line, at), at);
    ASSERT_FALSE(replies.empty()) << line;
    EXPECT_EQ(replies[0].text, rendered("danger_now_medical", {{"mention", "@何大爷"}})) << line;
    at += 2 * kHour;
  }
  // A phone out of charge, a courier's knock, a leak upstairs, a drunk asleep: talk.
  // Nor pain past or blamed on noise, a child's fever, a reading asked about, an absence explained (a
  // review of stop 68 found each paging a leader).
  for (const char* talk :
       {"我妈电话一直打不通 是不是没电了", "快递员敲门没人应 放门口了", "楼上漏水 敲门也没人应",
        "喝多了倒在地上睡着了", "发烧了 一个人在家 已经吃了药 好多了", "昨天我胸口疼 今天好了",
        "楼上装修太吵了 吵得我心脏不舒服", "孩子发烧了 一个人在家 我得请假", "血压200的人要注意什么",
        "我爸早上出去到现在还没回来 电话也不接 应该是去钓鱼了", "电话打不通 一整天了 是不是停电了"})
    EXPECT_TRUE(say("b3u2", "u-x3", "居民丙", read(talk, at), at).empty()) << talk;
}

// A leftover of stop 68: a call asked of the bot was told it cannot phone or met the menu, and a fire
// left on by someone away from home was no danger.
TEST_F(Danger, AnAmbulanceAskedOfTheBotIsTheMedicalAnswerAndAFireLeftOnItsOwn) {
  std::int64_t at = kMonday0900;
  for (const char* line : {"快帮我打个电话给120", "帮我叫个救护车", "能帮我给120打个电话吗 我妈摔了"}) {
    const std::vector<Reply> replies = say_privately("u-liu", "刘阿姨", read(line, at), at);
    ASSERT_FALSE(replies.empty()) << line;
    EXPECT_EQ(replies[0].text, rendered("danger_now_medical", {{"mention", "@刘阿姨"}})) << line;
    at += 2 * kHour;
  }
  for (const char* line : {"我忘了关火 人在外面", "我出门忘关煤气了 家里没人", "锅还在灶上 我在单位回不去",
                           "小太阳没关 我在医院陪我妈"}) {
    const std::vector<Reply> replies = say_privately("u-liu", "刘阿姨", read(line, at), at);
    ASSERT_FALSE(replies.empty()) << line;
    EXPECT_EQ(replies[0].text, rendered("danger_now_left_on", {{"mention", "@刘阿姨"}})) << line;
    at += 2 * kHour;
  }
  // A reminder, one already off, someone on the way back to it: talk.
  // Nor talk of calling, a story told after it (a review of stop 69 found each paging a leader).
  for (const char* talk :
       {"出门记得关火 关煤气", "我忘了关火 马上回去关", "忘了关火 邻居帮我关了 出门了",
        "冬天出门前检查一下煤气没关的赶紧关", "叫个救护车要多少钱", "楼下车挡了消防通道 要不要打电话给119",
        "树上有只猫下不来 要不要叫消防车", "昨天我忘关火就出门了 回来锅都烧糊了",
        "电热毯没关 上班了 没事 有自动断电", "这次停气跟煤气没关系 我在上班"})
    EXPECT_TRUE(say("b3u2", "u-x4", "居民丁", read(talk, at), at).empty()) << talk;
}

TEST_F(Danger, ALeadersWinterNoticeToBewareOfGasPagesNobody) {
  for (const char* line : {"大家注意 煤气安全 谨防煤气中毒",
                           "【温馨提示】冬季取暖注意防范一氧化碳中毒，烧炉子的居民一定要开窗通风",
                           "冬季防火：不要用电暖气烤衣服，小心着火"}) {
    EXPECT_TRUE(say("b3u2", "u-chen", "陈单元长", read(line)).empty()) << line;
  }
  EXPECT_FALSE(tickets_.by_number("c1", 1));
}

}  // namespace
}  // namespace whistle::handlers::testing
