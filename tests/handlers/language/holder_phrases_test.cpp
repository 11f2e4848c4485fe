// How a ticket's holder says they take a job on or have done it, and what is neither.

#include "handlers/language/holder_phrases.hpp"

#include <gtest/gtest.h>

#include <string_view>

#include "handlers/language/own_report_phrases.hpp"

namespace whistle::language {
namespace {

TEST(HolderPhrases, TakingAJobOnIsSaidAtAClausesStart) {
  for (std::string_view line : {"好的 接了", "收到 马上去", "我来处理", "收到，我这就去", "嗯 我过去看看",
                                "这单我接了", "好嘞 马上到"}) {
    EXPECT_TRUE(takes_job_on(line)) << line;
  }
  for (std::string_view line : {"接了吗", "这个接不了", "我明天过去看看", "我接了个电话", "我下午过去",
                                "马上去吗", "我去不了", "刚接了个电话 等会说"}) {
    EXPECT_FALSE(takes_job_on(line)) << line;
  }
}

TEST(HolderPhrases, DoneIsSaidAtAClausesStart) {
  for (std::string_view line :
       {"弄好了 换了个灯泡", "搞定了", "修好了", "好的 已经修好了", "下水道疏通了", "门禁弄好了"}) {
    EXPECT_TRUE(says_job_done(line)) << line;
  }
  for (std::string_view line :
       {"修好了吗", "还没弄好", "弄好了没", "修不好 得换整个泵", "灯修好了没两天又坏了", "明天修好了再说",
        "等修好了告诉你", "电话打通了 他下午在家"}) {
    EXPECT_FALSE(says_job_done(line)) << line;
  }
}

TEST(OwnReportPhrases, ANumberToCallBackIsContactDetails) {
  for (std::string_view line : {"我电话是一三八一二三四五六七八九 下午家里有人", "电话13900001111",
                                "有事打我电话 139 0000 1111", "联系方式：13900001111"}) {
    EXPECT_TRUE(gives_contact_details(line)) << line;
  }
  for (std::string_view line : {"电话打不通", "物业电话是多少", "13900001111", "我住302"}) {
    EXPECT_FALSE(gives_contact_details(line)) << line;
  }
}

}  // namespace
}  // namespace whistle::language
