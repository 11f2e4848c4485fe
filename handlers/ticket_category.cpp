#include "handlers/ticket_category.hpp"

#include <algorithm>
#include <array>
#include <optional>
#include <string_view>
#include <utility>

#include "handlers/language/danger_words.hpp"

namespace whistle::handlers {

namespace {

// Slips of pinyin input and voice input that hide a category's word: "楼道等坏了" is the lamp,
// "电题坏勒" the lift (an exploratory run of residents' reports, 2026-12-06: general, days to solve).
// Not 楼道等 or 路等 alone: "快递员总在楼道等人" (a review, 2026-12-07).
constexpr std::array<std::pair<std::string_view, std::string_view>, 4> kCategorySlips{{
    {"等坏", "灯坏"},
    {"等不亮", "灯不亮"},
    {"电题", "电梯"},
    {"店梯", "电梯"},
}};

const config::Category* category_by_keyword(const config::Config& config, std::string_view text) {
  for (const config::Category& category : config.categories) {
    for (const std::string& keyword : category.keywords) {
      if (!keyword.empty() && text.find(keyword) != std::string_view::npos) return &category;
    }
  }
  return nullptr;
}

}  // namespace

std::vector<std::string> category_keywords_in(const config::Config& config, std::string_view text) {
  std::vector<std::string> found;
  for (const config::Category& category : config.categories) {
    for (const std::string& keyword : category.keywords) {
      if (!keyword.empty() && text.find(keyword) != std::string_view::npos) found.push_back(keyword);
    }
  }
  return found;
}

bool holds_any_keyword(std::string_view words, const std::vector<std::string>& keywords) {
  return std::any_of(keywords.begin(), keywords.end(), [&](const std::string& keyword) {
    return words.find(keyword) != std::string_view::npos;
  });
}

// Config order: urgent first in the built-in set, so "煤气味" is danger before "燃气" is utilities.
const config::Category* category_of(const config::Config& config, const std::string& said) {
  // "楼道堆了纸箱 怕着火": the fear is no fire, and no urgent class that climbs through the night.
  const std::optional<std::string> without = language::without_fears(said);
  std::string text = without ? *without : said;
  // "燃气灶打不着火" holds 着火, the urgent class's word: a stove that will not light is no fire (an
  // exploratory run of winter, stop 67: filed as 紧急险情).
  for (const std::string_view unlit : {"打不着火", "点不着火"}) {
    for (std::size_t at = text.find(unlit); at != std::string::npos; at = text.find(unlit, at + 1))
      text.replace(at, unlit.size(), "打不着");
  }
  if (const config::Category* category = category_by_keyword(config, text)) return category;
  for (const auto& [slip, meant] : kCategorySlips) {
    const std::size_t at = text.find(slip);
    if (at == std::string::npos) continue;
    std::string corrected = text;
    corrected.replace(at, slip.size(), meant);
    if (const config::Category* category = category_by_keyword(config, corrected)) return category;
  }
  return nullptr;
}

}  // namespace whistle::handlers
