#include "handlers/language/private_names.hpp"

#include <gtest/gtest.h>

namespace whistle::language {
namespace {

TEST(OwnName, SaidAfterTheWordsThatIntroduceItIsMasked) {
  EXPECT_EQ(mask_own_name("我家厨房下水道堵了 我叫刘桂芳 电话139****5678", {}),
            "我家厨房下水道堵了 我叫*** 电话139****5678");
  EXPECT_EQ(mask_own_name("我姓马，住5楼", {}), "我姓*，住5楼");
  EXPECT_EQ(mask_own_name("我的名字叫王秀兰", {}), "我的名字叫***");
}

TEST(OwnName, AnEldersTitleKeepsItsTitleAndLosesTheSurname) {
  EXPECT_EQ(mask_own_name("喂 你好 我是马奶奶 我住三号楼二单元五楼", {}),
            "喂 你好 我是*奶奶 我住三号楼二单元五楼");
  EXPECT_EQ(mask_own_name("我是老王师傅", {}), "我是**师傅");
}

TEST(OwnName, WhatIsNoNameIsKept) {
  // The review of 2026-12-06: 我叫 as a verb, a shop's name, someone else's title, an @-mention.
  for (const char* kept :
       {"我是3号楼的", "我是他女儿", "我是新来的住户 楼道灯坏了", "我是说电梯又坏了", "我叫了物业好几次了",
        "我叫过师傅 没来", "我叫孩子去看了", "名字叫锦华的那个超市门口", "我是张师傅介绍来的"})
    EXPECT_EQ(mask_own_name(kept, {}), kept);
}

TEST(OwnName, TheNameTheReporterIsKnownByIsMaskedWhereverItStands) {
  EXPECT_EQ(mask_own_name("刘桂芳家的水管漏了，找刘桂芳", {"刘桂芳"}), "***家的水管漏了，找***");
  EXPECT_EQ(mask_own_name("已上报。@刘桂芳 请接单", {"刘桂芳"}), "已上报。@刘桂芳 请接单");
  // A one-character name would mask every such character of the text.
  EXPECT_EQ(mask_own_name("王家水管漏了", {"王"}), "王家水管漏了");
}

}  // namespace
}  // namespace whistle::language
