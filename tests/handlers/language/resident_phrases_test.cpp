// Residents' answers to the bot's question and their troubles told without a verb: what is read
// as yes, as no, and as a trouble, and what is neither.

#include "handlers/language/resident_phrases.hpp"

#include <gtest/gtest.h>

namespace whistle::language {
namespace {

TEST(ResidentPhrases, AYesIsMadeOfYesWordsThanksAndParticlesAlone) {
  for (const char* yes :
       {"是", "是的", "是的，麻烦你们了", "嗯", "嗯嗯", "好的", "好的谢谢", "好嘞", "行吧", "可以的",
        "对对对", "对，帮我报一下吧", "要反映", "麻烦了", "OK", "ok！", "帮我报上去"}) {
    EXPECT_TRUE(answers_yes(yes)) << yes;
    EXPECT_FALSE(answers_no(yes)) << yes;
  }
  for (const char* other : {"谢谢", "好的 明天再说", "是不是要交钱", "要不要", "不好", "太麻烦了", "好几天了",
                            "对面楼也这样", "", "1", "你好", "对了", "好了", "行了行了", "报了 好的"}) {
    EXPECT_FALSE(answers_yes(other)) << other;
  }
}

TEST(ResidentPhrases, ANoIsMadeOfNoWordsThanksAndParticlesAlone) {
  for (const char* no : {"不用", "不用了", "不用了谢谢", "不要了", "算了", "算了吧", "不报了", "不用报了",
                         "没事了", "说错了", "发错了", "不是", "不用麻烦了", "先不用"}) {
    EXPECT_TRUE(answers_no(no)) << no;
    EXPECT_FALSE(answers_yes(no)) << no;
  }
  for (const char* other : {"不是这个问题，是楼上漏水", "谢谢", "好的", "没事干", "不要钱吗"}) {
    EXPECT_FALSE(answers_no(other)) << other;
  }
}

TEST(ResidentPhrases, ANoMayCarryItsReasonAndAYesWhatItAdds) {
  for (const char* no :
       {"别报了", "先别报", "不想报", "已经好了", "物业已经在修了", "不用了我儿子回来修", "发错了"})
    EXPECT_TRUE(answers_no(no)) << no;
  for (const char* hedge : {"我再想想", "我先问问物业"})
    EXPECT_TRUE(hedges(hedge)) << hedge;
  for (const char* off : {"明天再说", "已经有人报了"})
    EXPECT_TRUE(puts_off(off)) << off;
  // A yes that goes on about the trouble is neither.
  for (const char* more : {"已经坏了三天了", "明天上午家里有人", "不过晚上才在家", "之前修好了又坏了"})
    EXPECT_FALSE(puts_off(more) || hedges(more)) << more;
  for (const char* still : {"电梯修好了没两天又坏了", "物业说在修了 可是三天了还没修好", "算了 还是报一下吧"})
    EXPECT_FALSE(answers_no(still)) << still;
  EXPECT_TRUE(asks_to_report("算了算了 还是帮我报吧"));
  EXPECT_TRUE(answers_no("不对 不用报了"));
  EXPECT_TRUE(answers_no("不要报了"));
  EXPECT_FALSE(asks_to_report("不要报了"));
  EXPECT_FALSE(hedges("帮我看看是不是线路问题"));
  for (const char* no :
       {"算了 我自己去说说他", "不用了 我儿子回来修", "不用了我自己修好了", "不了谢谢", "没关系", "那算了"})
    EXPECT_TRUE(answers_no(no)) << no;
  EXPECT_EQ(yes_with_details("是的 在3号楼2单元"), std::optional<std::string_view>("在3号楼2单元"));
  EXPECT_EQ(yes_with_details("好的，麻烦你们了"), std::optional<std::string_view>(""));
  EXPECT_EQ(yes_with_details("好的 明天再说"), std::optional<std::string_view>("明天再说"));
  EXPECT_EQ(yes_with_details("今天天气不错"), std::nullopt);
  EXPECT_EQ(yes_with_details("好的 谢谢谢谢"), std::optional<std::string_view>(""));
  EXPECT_EQ(after_yes_words("是的我家住3号楼2单元301"),
            std::optional<std::string_view>("我家住3号楼2单元301"));
}

TEST(ResidentPhrases, ATroubleIsSomethingBrokenBlockedLeakingDirtyLoudOrInTheWay) {
  for (const char* trouble :
       {"卫生间马桶堵了", "门口地砖裂了", "楼下垃圾好臭", "窗户关不上", "楼上天天太吵了",
        "单元门的门禁失灵了", "楼道里有人乱堆东西", "厨房下水道返水", "马桶一直在响", "窗户关不严漏风"}) {
    EXPECT_TRUE(describes_trouble(trouble)) << trouble;
  }
  for (const char* talk : {"今天天气不错", "吃了吗", "明天几点集合", "谢谢大家", "我家孩子在吵架",
                           "手机没电了", "我的积分用不了", "小程序打不开"}) {
    EXPECT_FALSE(describes_trouble(talk)) << talk;
  }
}

TEST(ResidentPhrases, AHandAskedForIsAnOrderAndAThingWishedForIsAWish) {
  for (const char* need :
       {"帮我买药", "我腿脚不好 想请人帮忙买点菜", "能不能有人陪我去医院", "谁能帮我拿个快递"})
    EXPECT_TRUE(asks_for_service(need)) << need;
  for (const char* other :
       {"怎么买药", "今天买菜的人好多", "有没有人知道物业电话", "谢谢志愿者帮我买菜", "积分能不能买东西"})
    EXPECT_FALSE(asks_for_service(other)) << other;
  for (const char* wish : {"想要一副老花镜", "希望有一台收音机"})
    EXPECT_TRUE(wishes_for_thing(wish)) << wish;
  for (const char* other : {"想要参加活动", "我想要一起参加活动", "活动还缺一个人吗"})
    EXPECT_FALSE(wishes_for_thing(other)) << other;
}

}  // namespace
}  // namespace whistle::language
