#include "handlers/language/points_questions.hpp"

#include <array>

#include "handlers/language/text_util.hpp"

namespace whistle::language {

namespace {

// One's own points not yet seen: when, why not.
constexpr auto kNotYetPaid = std::to_array<std::string_view>(
    {"到账", "没加", "没到", "怎么没", "还没", "少了", "没算", "没记", "不对", "什么时候加", "啥时候加"});
// How many times one took part, of a month or a year.
constexpr auto kTimesTaken = std::to_array<std::string_view>({"几次了", "多少次", "去了几次", "参加了几次"});
constexpr auto kOwnPeriod = std::to_array<std::string_view>({"这个月", "本月", "今年", "我"});
// What a task pays, asked.
constexpr auto kPaysWhat = std::to_array<std::string_view>(
    {"有积分吗", "有没有积分", "给多少分", "给几分", "多少积分", "算积分吗", "加分吗", "有分吗"});
// A point of a game, a test or a rating is not a volunteer's.
constexpr auto kOtherPoints = std::to_array<std::string_view>(
    {"考试", "成绩", "分数线", "游戏", "信用分", "芝麻", "驾照", "扣分", "评分", "打分", "满分"});

}  // namespace

PointsQuestion points_question(std::string_view text) {
  if (holds_any_of(text, kOtherPoints)) return PointsQuestion::none;
  const bool points = text.find("积分") != std::string_view::npos;
  if (points && holds_any_of(text, kNotYetPaid)) return PointsQuestion::own;
  if (holds_any_of(text, kTimesTaken) && holds_any_of(text, kOwnPeriod)) return PointsQuestion::own;
  if (holds_any_of(text, kPaysWhat)) return PointsQuestion::rules;
  return PointsQuestion::none;
}

}  // namespace whistle::language
