#include "handlers/language/points_questions.hpp"

#include <algorithm>
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

// Hours of service asked: the words of hours with a question of how many.
constexpr auto kHours = std::to_array<std::string_view>({"小时", "时长", "志愿时间", "服务时间"});
constexpr auto kHowMany = std::to_array<std::string_view>({"几", "多少", "还差", "查", "够"});
// Whose hours: one's own or the service's ("我做了几个小时", "学校要20个小时 还差几个小时").
// "电梯坏了几个小时 了", "这汤要炖几个小时" are of something else (a review of stop 69: each got the asker's
// points).
constexpr auto kOwnService = std::to_array<std::string_view>(
    {"我", "志愿", "服务", "时长", "学校", "还差", "做了", "干了", "参加", "累计", "一共"});
// Hours of something else: a shop's, a doctor's, a trip's.
constexpr auto kOtherHours = std::to_array<std::string_view>(
    {"营业", "开门", "上班", "下班", "排队", "路上", "开车", "坐车", "睡", "等了", "手机", "充电", "停水",
     "停电", "到", "要多久", "多长时间", "坏", "停", "不热", "漏",
     // A fault's hours gone by, told ("我家没热水好几个小时了", "断网", "冻死了": the final read of stop 69).
     "好几个小时", "没", "断", "冻"});
constexpr auto kRecords =
    std::to_array<std::string_view>({"我的记录", "服务记录", "志愿记录", "志愿服务记录", "我的志愿记录",
                                     "我的服务记录", "参加记录", "活动记录"});
// A certificate of service: what it is called, and the stamp it needs.
constexpr auto kCertificate = std::to_array<std::string_view>({"证明", "盖章", "盖个章", "签字盖章"});
constexpr auto kOfService = std::to_array<std::string_view>(
    {"志愿", "时长", "实践", "服务", "学校", "活动", "寒假", "暑假", "小时", "表格"});
// A stamp asked for with nothing else said: where the pupil's form is stamped.
constexpr auto kStampAlone = std::to_array<std::string_view>(
    {"盖章", "盖个章", "哪里盖章", "在哪盖章", "在哪里盖章", "去哪盖章", "去哪里盖章", "哪里可以盖章"});
// Proofs of other things (a residence, an income, a pension, a marriage) are the community office's
// work, not a volunteer's record (a review of stop 69 found 老年证, 医保, 未婚证明 answered with one).
constexpr auto kOtherProofs = std::to_array<std::string_view>(
    {"居住证明", "收入证明", "无犯罪", "死亡证明", "户籍", "低保", "困难证明", "在职证明", "房产",
     "出生证明", "亲属关系", "租房",   "老年证",   "医保", "报销", "独生子女", "健康证明", "未婚",
     "单身",     "婚姻",     "退休",   "养老",     "残疾", "社保", "转学",     "计生",     "准生"});

bool certificate_asked(std::string_view text) {
  if (!holds_any_of(text, kCertificate) || holds_any_of(text, kOtherProofs)) return false;
  if (holds_any_of(text, kOfService)) return true;
  const std::string_view said = without_words_at_end(trim_spaces(text), {"?", "!", ".", " "});
  return std::find(kStampAlone.begin(), kStampAlone.end(), said) != kStampAlone.end();
}

}  // namespace

PointsQuestion points_question(std::string_view text) {
  static constexpr auto kGivenAway = std::to_array<std::string_view>(
      {"转给", "转让", "送给", "给别人", "过户", "赠送", "送人", "把我的积分给", "把积分给"});
  // Not a redemption for someone ("用我的积分给我妈换一袋大米"), which its own answer meets.
  if (text.find("积分") != std::string_view::npos && holds_any_of(text, kGivenAway) &&
      text.find("换") == std::string_view::npos && !holds_any_of(text, kOtherPoints))
    return PointsQuestion::transfer;
  if (holds_any_of(text, kOtherPoints) || holds_any_of(text, kSomeoneElse)) return PointsQuestion::none;
  if (certificate_asked(text)) return PointsQuestion::certificate;
  if (holds_any_of(text, kRecords)) return PointsQuestion::records;
  if (holds_any_of(text, kHours) && holds_any_of(text, kHowMany) && holds_any_of(text, kOwnService) &&
      !holds_any_of(text, kOtherHours))
    return PointsQuestion::own;
  const bool points = text.find("积分") != std::string_view::npos;
  if (points && holds_any_of(text, kNotYetPaid)) return PointsQuestion::own;
  if (holds_any_of(text, kTimesTaken) && holds_any_of(text, kOwnPeriod) && holds_any_of(text, kWork))
    return PointsQuestion::own;
  if (holds_any_of(text, kPaysWhat)) return PointsQuestion::rules;
  return PointsQuestion::none;
}

}  // namespace whistle::language
