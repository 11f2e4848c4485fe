#include "handlers/language/heating_words.hpp"

#include <array>
#include <string>

#include "handlers/language/text_util.hpp"

namespace whistle::language {

namespace {

constexpr auto kHeating = std::to_array<std::string_view>({"供暖", "暖气", "供热", "采暖", "取暖费"});
constexpr auto kAsks =
    std::to_array<std::string_view>({"怎么交", "在哪交", "哪里交", "交多少", "多少钱", "什么时候", "啥时候",
                                     "几号", "哪天", "放气", "试水", "停暖", "怎么办理", "标准", "吗", "?"});
// A trouble told: a report, as before ("今天供暖了吗 怎么还是冷": a review of stop 67).
constexpr auto kTrouble =
    std::to_array<std::string_view>({"不热", "不够热", "不太热", "凉", "冰", "漏", "爆", "坏", "冻", "不通",
                                     "停了", "没暖气", "没有暖气", "冷", "度", "响", "修"});

// "才16度", "15度": a room's temperature said, at most 18 (the heating's standard).
bool says_low_degrees(std::string_view text) {
  for (std::size_t at = text.find("度"); at != std::string_view::npos; at = text.find("度", at + 1)) {
    std::size_t start = at;
    while (start > 0 && text[start - 1] >= '0' && text[start - 1] <= '9')
      --start;
    // "20.5度": a fraction's digits are not the whole number.
    if (start == at || at - start > 2 || (start > 0 && text[start - 1] == '.')) continue;
    if (std::stoi(std::string(text.substr(start, at - start))) <= 18) return true;
  }
  return false;
}

}  // namespace

bool asks_about_heating_service(std::string_view text) {
  return holds_any_of(text, kHeating) && holds_any_of(text, kAsks) && !holds_any_of(text, kTrouble);
}

bool tells_cold_home(std::string_view text) {
  static constexpr auto kHome =
      std::to_array<std::string_view>({"家里", "屋里", "室内", "房间", "卧室", "家才"});
  static constexpr auto kCold = std::to_array<std::string_view>({"冻死", "太冷", "好冷", "冷死", "很冷"});
  // "多穿点就行", "才10点就困了": the cold taken in stride, a number of something else (a review of stop 67).
  static constexpr auto kNotHome =
      std::to_array<std::string_view>({"外面", "室外", "天气", "明天", "降温", "?", "吗", "多穿", "就行",
                                       "穿", "正好", "空调", "开到", "调到"});
  if (!holds_any_of(text, kHome) || holds_any_of(text, kNotHome)) return false;
  return holds_any_of(text, kCold) || says_low_degrees(text);
}

}  // namespace whistle::language
