#include "handlers/language/newcomer_words.hpp"

#include <array>
#include <string>

#include "handlers/language/text_util.hpp"

namespace whistle::language {

namespace {

constexpr auto kNewHere = std::to_array<std::string_view>(
    {"新来的", "新搬来", "刚搬来", "新住户", "新租户", "新租客", "刚入住", "新入住", "新邻居"});
// Who they are and a greeting: what may stand beside being new.
constexpr auto kGreetingOnly = std::to_array<std::string_view>({"以后请多多关照",
                                                                "请多多关照",
                                                                "以后请多关照",
                                                                "请多关照",
                                                                "多多关照",
                                                                "多关照",
                                                                "大家好",
                                                                "你好",
                                                                "您好",
                                                                "新来的",
                                                                "新搬来",
                                                                "刚搬来",
                                                                "新住户",
                                                                "新租户",
                                                                "新租客",
                                                                "刚入住",
                                                                "新入住",
                                                                "新邻居",
                                                                "租户",
                                                                "租客",
                                                                "住户",
                                                                "我是",
                                                                "我们是",
                                                                "我",
                                                                "的",
                                                                "登记",
                                                                "报到",
                                                                "啦",
                                                                "了",
                                                                "哈",
                                                                ",",
                                                                ".",
                                                                "!",
                                                                "~",
                                                                " "});

// A landlord's and a tenant's quarrel over money or the lease.
constexpr auto kRentMatters = std::to_array<std::string_view>(
    {"押金", "房租", "涨租", "租金", "退租", "租约", "合同到期", "欠租", "物业费"});
constexpr auto kRentParties =
    std::to_array<std::string_view>({"房东", "租客", "租户", "中介", "房客", "租的"});
constexpr auto kRentQuarrel =
    std::to_array<std::string_view>({"不退", "不给", "不交", "欠", "涨", "要钱", "怎么办", "合理吗", "能帮",
                                     "管吗", "找谁", "让我搬", "赶我走"});

void erase_all(std::string& text, std::string_view word) {
  for (std::size_t at = text.find(word); at != std::string::npos; at = text.find(word))
    text.erase(at, word.size());
}

}  // namespace

bool only_says_new_here(std::string_view text) {
  const std::string_view plain = trim_spaces(text);
  if (plain.empty() || !holds_any_of(plain, kNewHere)) return false;
  // "我是新来的 房东不给修马桶", "新搬来的 楼道里好大的烟" tell something (a review of stop 70: welcomed, the
  // trouble dropped).
  std::string rest(plain);
  for (const std::string_view word : kGreetingOnly)
    erase_all(rest, word);
  // Where they live, said with it ("我是502新搬来的", "3号楼2单元新住户").
  std::erase_if(rest, [](char c) { return c >= '0' && c <= '9'; });
  for (const std::string_view place : {"号楼", "单元", "室", "栋", "楼", "住"})
    erase_all(rest, place);
  return rest.empty();
}

bool tells_rent_quarrel(std::string_view text) {
  // "押金不退怎么办" names no party: a deposit is a lease's.
  return holds_any_of(text, kRentMatters) && holds_any_of(text, kRentQuarrel) &&
         (holds_any_of(text, kRentParties) || text.find("押金") != std::string_view::npos);
}

}  // namespace whistle::language
