// How a ticket's holder says they take a job on or have done it, and what is neither.

#include "handlers/language/holder_phrases.hpp"

#include <gtest/gtest.h>

#include <string_view>

#include "handlers/language/own_report_phrases.hpp"

namespace whistle::language {
namespace {

TEST(HolderPhrases, TakingAJobOnIsSaidInAClauseOfItsOwn) {
  for (std::string_view line : {"好的 接了", "这单我接了", "嗯 我接了"}) {
    EXPECT_EQ(holder_says(line), HolderSays::takes_on) << line;
  }
  // Doing may be about anything ("好的 我去弄，工具我带" was about a clean-up; a review, 2026-12-07).
  for (std::string_view line : {"收到 马上去", "收到，我这就去", "嗯 我过去看看", "好嘞 马上到", "我来处理",
                                "好的，我来处理一下", "好的 我去弄"}) {
    EXPECT_EQ(holder_says(line), HolderSays::may_take_on) << line;
  }
  // A review (2026-12-07) found each of these taking a job.
  for (std::string_view line :
       {"接了吗", "这个接不了", "我明天过去看看", "我接了个电话", "我下午过去", "马上去吗", "我去不了",
        "刚接了个电话 等会说", "我马上去社区开会", "我去看看1号活动报名情况", "我马上过去签到"}) {
    EXPECT_EQ(holder_says(line), HolderSays::nothing) << line;
  }
}

TEST(HolderPhrases, DoneIsSaidAtAClausesStartOrAfterWhatWasDone) {
  for (std::string_view line : {"弄好了 换了个灯泡", "搞定了", "修好了", "好的 已经修好了"}) {
    EXPECT_EQ(holder_says(line), HolderSays::done) << line;
  }
  for (std::string_view line : {"门禁弄好了", "下水道疏通了", "电梯修好了"}) {
    EXPECT_EQ(holder_says(line), HolderSays::done_of_thing) << line;
  }
  for (std::string_view line :
       {"修好了吗", "还没弄好", "弄好了没", "修不好 得换整个泵", "灯修好了没两天又坏了", "明天修好了再说",
        "等修好了告诉你", "物业说今天修好了"}) {
    EXPECT_EQ(holder_says(line), HolderSays::nothing) << line;
  }
}

TEST(HolderPhrases, ANodIsNoTakingOn) {
  for (std::string_view line : {"收到", "好的", "嗯嗯 知道了", "OK"}) {
    EXPECT_TRUE(only_acknowledges(line)) << line;
  }
  for (std::string_view line : {"领导", "师傅", "好的 明天见", "收到 马上去"}) {
    EXPECT_FALSE(only_acknowledges(line)) << line;
  }
}

TEST(OwnReportPhrases, ANumberToCallBackIsContactDetails) {
  for (std::string_view line : {"我电话是一三八一二三四五六七八九 下午家里有人", "电话13900001111",
                                "有事打我电话 139 0000 1111", "联系方式：13900001111"}) {
    EXPECT_TRUE(gives_contact_details(line)) << line;
  }
  EXPECT_TRUE(gives_contact_details("13900001111"));
  // A review (2026-12-07) found these filed as additions.
  for (std::string_view line :
       {"电话打不通", "物业电话是多少", "我住302", "物业的电话是多少 我打13900001111没人接",
        "我手机13812345678，报名1号活动", "1390000111"}) {
    EXPECT_FALSE(gives_contact_details(line)) << line;
  }
}

}  // namespace
}  // namespace whistle::language
