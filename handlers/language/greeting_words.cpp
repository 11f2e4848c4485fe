#include "handlers/language/greeting_words.hpp"

#include <array>
#include <string>

#include "handlers/language/text_util.hpp"

namespace whistle::language {

namespace {

constexpr auto kSeasonGreetings = std::to_array<std::string_view>(
    {"新年快乐", "元旦快乐", "春节快乐", "新春快乐", "过年好", "新年好", "节日快乐", "圣诞快乐", "元宵节快乐",
     "元宵快乐", "中秋快乐", "中秋节快乐", "国庆快乐", "国庆节快乐", "小年快乐", "跨年快乐"});

// What good wishes are made of: with these taken out, nothing of a need is left.
constexpr auto kWishesWell = std::to_array<std::string_view>(
    {"新的一年", "新年",     "来年",     "明年",     "今年",     "身体健康", "万事如意",
     "心想事成", "阖家幸福", "合家幸福", "阖家欢乐", "合家欢乐", "平安喜乐", "幸福安康",
     "吉祥如意", "大吉大利", "年年有余", "步步高升", "岁岁平安", "平平安安", "健健康康",
     "开开心心", "快快乐乐", "工作顺利", "事业有成", "恭喜发财", "财源广进", "平安",
     "健康",     "快乐",     "幸福",     "顺利",     "顺心",     "如意",     "祝",
     "愿",       "希望",     "大家",     "全家",     "家人",     "我们",     "你们",
     "咱们",     "所有人",   "邻居",     "都",       "和",       "越来越好", "好"});

}  // namespace

std::optional<std::string_view> season_greeting(std::string_view text) {
  text = trim_spaces(without_words_at_start(trim_spaces(text), {"祝大家", "祝你", "祝您", "祝", "大家"}));
  for (const std::string_view greeting : kSeasonGreetings) {
    if (text.starts_with(greeting) && is_filler(text.substr(greeting.size()))) return greeting;
  }
  return std::nullopt;
}

bool only_wishes_well(std::string_view words) {
  std::string left(words);
  bool wished = false;
  for (const std::string_view wish : kWishesWell) {
    for (std::size_t at = left.find(wish); at != std::string::npos; at = left.find(wish, at)) {
      left.replace(at, wish.size(), " ");
      wished = true;
    }
  }
  return wished && is_filler(left);
}

}  // namespace whistle::language
