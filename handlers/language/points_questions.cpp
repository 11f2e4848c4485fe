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
// Times of the work, not of a doctor ("今年去了几次医院了": a review of stop 67).
constexpr auto kWork = std::to_array<std::string_view>(
    {"扫雪", "活动", "任务", "志愿", "服务", "值班", "巡逻", "报到", "参加", "积分"});
// Someone else's points: the family's are answered as before ("我妈的积分怎么少了").
constexpr auto kSomeoneElse =
    std::to_array<std::string_view>({"我妈", "我爸", "老伴", "阿姨", "大爷", "奶奶", "爷爷", "叔", "姐", "哥",
                                     "他的", "她的", "别人", "孩子"});
// What a task pays, asked.
constexpr auto kPaysWhat = std::to_array<std::string_view>(
    {"有积分吗", "有没有积分", "给多少分", "给几分", "多少积分", "算积分吗", "加分吗", "有分吗"});
// A point of a game, a test or a rating is not a volunteer's.
constexpr auto kOtherPoints = std::to_array<std::string_view>(
    {"考试", "成绩", "分数线", "游戏", "信用分", "芝麻", "驾照",   "扣分", "评分", "打分", "满分", "信用卡",
     "银行", "超市", "会员",   "里程", "航空",   "话费", "斗地主", "打牌", "麻将", "赢了", "淘宝", "京东"});

}  // namespace

PointsQuestion points_question(std::string_view text) {
  if (holds_any_of(text, kOtherPoints) || holds_any_of(text, kSomeoneElse)) return PointsQuestion::none;
  const bool points = text.find("积分") != std::string_view::npos;
  if (points && holds_any_of(text, kNotYetPaid)) return PointsQuestion::own;
  if (holds_any_of(text, kTimesTaken) && holds_any_of(text, kOwnPeriod) && holds_any_of(text, kWork))
    return PointsQuestion::own;
  if (holds_any_of(text, kPaysWhat)) return PointsQuestion::rules;
  return PointsQuestion::none;
}

}  // namespace whistle::language
