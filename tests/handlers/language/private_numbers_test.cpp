// Private numbers masked where a resident's words reach more people than they were said to: the
// board, and a ticket's posts in the level groups.
#include "handlers/language/private_numbers.hpp"

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

namespace whistle::language {
namespace {

TEST(PrivacyMask, PhoneAndIdCardRunsAreMaskedAndOtherTextIsKept) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"电话13800138000", "电话138****8000"},
      {"座机 85551234 找我", "座机 855***** 找我"},
      {"身份证11010519491231002X", "身份证110***********002X"},
      {"身份证110105194912310021", "身份证110***********0021"},
      {"3号楼2单元 502室", "3号楼2单元 502室"},
      {"2026年11月", "2026年11月"},
      {"123456", "123456"},
      {"家门密码是852963", "家门密码是******"},
      {"密码：1234 进门左手", "密码：**** 进门左手"},
      {"门锁密码 0000", "门锁密码 ****"},
      {"家门密码是：852963 电话", "家门密码是：****** 电话"},
      {"门锁密码为 8529 63", "门锁密码为 **** **"},
      {"门禁密码#1234#", "门禁密码#****#"},
      {"家门密码852963 13812345678", "家门密码****** 138****5678"},
      {"密码是八五二九六三", "密码是******"},
      {"密码锁 852963", "密码锁 ******"},
      {"", ""},
  };
  for (const auto& [text, shown] : cases)
    EXPECT_EQ(mask_private_numbers(text), shown) << text;
}

TEST(PrivacyMask, ANumberWrittenInGroupsIsMaskedButADateIsNot) {
  for (const char* text :
       {"电话138 0013 8000找我", "电话138-0013-8000找我", "座机010-8765-4321", "手机138.0013.8000"}) {
    const std::string masked = mask_private_numbers(text);
    EXPECT_EQ(masked.find("0013"), std::string::npos) << masked;
    EXPECT_EQ(masked.find("8765"), std::string::npos) << masked;
    EXPECT_NE(masked.find('*'), std::string::npos) << masked;
  }
  EXPECT_EQ(mask_private_numbers("2026-11-28 上午9点"), "2026-11-28 上午9点");
  EXPECT_EQ(mask_private_numbers("3号楼 2 单元"), "3号楼 2 单元");
  EXPECT_EQ(mask_private_numbers("2026.11.28 上午9.30"), "2026.11.28 上午9.30");
  EXPECT_EQ(mask_private_numbers("分机85551234-12"), "分机855*****-12");
}

TEST(PrivacyMask, NoElevenDigitRunSurvives) {
  const std::string masked = mask_private_numbers("13912345678和15000000000");
  EXPECT_EQ(masked, "139****5678和150****0000");
}

TEST(PrivacyMask, ANumberSaidInChineseNumeralsIsMaskedToo) {
  EXPECT_EQ(mask_private_numbers("502窗户坏了 电话一三八零零一三八零零零"),
            "502窗户坏了 电话一三八****八零零零");
  EXPECT_EQ(mask_private_numbers("打幺三九幺二三四五六七八"), "打幺三九****五六七八");
  EXPECT_EQ(mask_private_numbers("座机八七六五四三二"), "座机八七六****");
  // Numerals in words stay: a unit, a count, a day of the week.
  for (const char* words : {"一单元", "三四个人", "一二三四五六", "两三天了", "星期一"})
    EXPECT_EQ(mask_private_numbers(words), words) << words;
}

TEST(PrivacyMask, VoiceInputsGroupsAndMixedNumeralsAreOneNumber) {
  for (const char* text : {"手机138，1234，5678", "电话幺三八 一二三四 五六七八", "一八六 零一二三 四五六七",
                           "电话138零零13八零零零", "家里座机 8765 4321", "电话+86-138-1234-5678"}) {
    const std::string masked = mask_private_numbers(text);
    EXPECT_NE(masked.find('*'), std::string::npos) << masked;
    for (const char* middle : {"1234", "一二三四", "零一二三", "零零13", "4321"})
      EXPECT_EQ(masked.find(middle), std::string::npos) << text << " → " << masked;
  }
  EXPECT_EQ(mask_private_numbers("手机138，1234，5678"), "手机138****5678");
  for (const char* text : {"138 - 1234 - 5678", "138/1234/5678", "138·1234·5678", "138， 1234， 5678"})
    EXPECT_EQ(mask_private_numbers(text).find("1234"), std::string::npos) << text;
  // Flats listed, years, a date written without marks: what leaders need stays.
  for (const char* text : {"138、1234、5678", "138－1234－5678", "138／1234／5678"})
    EXPECT_EQ(mask_private_numbers(text).find("1234"), std::string::npos) << text;
  for (const char* kept : {"301、302、303", "301 302 303", "2024-2026", "20261123", "2026-11-28",
                           "100 / 200 / 3000 元", "1201 1202 1301", "2026.11.28 14.30"})
    EXPECT_EQ(mask_private_numbers(kept), kept) << kept;
  // Sums and counts keep their short groups.
  EXPECT_EQ(mask_private_numbers("共1,000,000元"), "共1,000,000元");
  EXPECT_EQ(mask_private_numbers("3号楼 2 单元 301"), "3号楼 2 单元 301");
}

// A card number as it is printed, in fours (an exploratory run of scams, stop 70: a victim's card went
// to the building's and the grid's groups); a list of four-digit flats begins with a floor and stays.
TEST(PrivacyMask, ABankCardInFoursIsMaskedAndFlatsInFoursAreKept) {
  for (const char* text :
       {"卡号 6222 0212 3456 7890 都告诉他了", "卡号6222-0212-3456-7890", "6222 0212 3456 7890 123",
        "卡号6222021234567890", "卡号 六二二二 零二一二 三四五六 七八九零"}) {
    const std::string masked = mask_private_numbers(text);
    EXPECT_EQ(masked.find("0212"), std::string::npos) << masked;
    EXPECT_EQ(masked.find("3456"), std::string::npos) << masked;
    EXPECT_EQ(masked.find("三四五六"), std::string::npos) << masked;
    EXPECT_EQ(mask_id_numbers(text).find("3456"), std::string::npos) << text;
  }
  for (const char* kept : {"1201 1202 1301 1302", "2101、2102、2201、2202"})
    EXPECT_EQ(mask_private_numbers(kept), kept) << kept;
  // 物业 still reads the number to call back.
  EXPECT_EQ(mask_id_numbers("电话13912345678"), "电话13912345678");
}

TEST(PrivacyMask, AMentionsIdStaysWholeToReachThePerson) {
  EXPECT_EQ(mask_private_numbers("@13800138000 你反映的…电话13800138000"),
            "@13800138000 你反映的…电话138****8000");
  EXPECT_EQ(mask_private_numbers("【工单T1】@13800138000 你反映的"), "【工单T1】@13800138000 你反映的");
  EXPECT_EQ(mask_private_numbers("加我微信@13912345678"), "加我微信@139****5678");
}

// What a responder's group reads: the number to call back whole, an ID number masked (an exploratory
// run of residents' reports, 2026-12-06).
TEST(PrivacyMask, OnlyIdNumbersAreMaskedForAResponder) {
  EXPECT_EQ(mask_id_numbers("电话13912345678 身份证号110101195001011234"),
            "电话13912345678 身份证号110***********1234");
  EXPECT_EQ(mask_id_numbers("身份证11010119900307123X"), "身份证110***********123X");
  EXPECT_EQ(mask_id_numbers("座机010-8765-4321 301、302"), "座机010-8765-4321 301、302");
}

}  // namespace
}  // namespace whistle::language
