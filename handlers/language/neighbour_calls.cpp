#include "handlers/language/neighbour_calls.hpp"

#include <array>

#include "handlers/language/text_util.hpp"

namespace whistle::language {

namespace {

constexpr auto kNeighboursCalled = std::to_array<std::string_view>(
    {"大家", "各位", "邻居们", "居民们", "志愿者", "有空的", "有时间的", "党员", "几个人", "几位", "人手"});
constexpr auto kComingWords = std::to_array<std::string_view>(
    {"出来", "一起", "都来", "过来", "帮忙", "帮把手", "参加", "报名", "集合", "招募", "搭把手", "来帮"});
// The work itself: a call without it is news, a ranking or a meeting ("大家一起看看这个月的排行", "志愿者都
// 来齐了", "楼下有人吵架 大家出来看看", "明天一起参加网格会": a review of stop 69 found each offered).
constexpr auto kNeighbourWork = std::to_array<std::string_view>(
    {"扫",   "清理", "打扫", "搬",   "铲",   "除冰", "巡逻",     "值班", "贴",
     "发放", "布置", "整理", "慰问", "看望", "送",   "捡",       "擦",   "修剪",
     "种",   "装",   "摆",   "排查", "宣传", "劝导", "维持秩序", "帮忙", "志愿服务"});
// A warning or a notice to stay in, thanks, news of work done, a question, a look or a meeting: not a
// call to come and work.
constexpr auto kNotACallToWork = std::to_array<std::string_view>(
    {"注意",   "小心", "别出来", "不要出来", "不要",     "别",       "谨防",  "谢谢", "感谢",
     "辛苦",   "完了", "好了",   "结束",     "收到",     "扣1",      "回复1", "通知", "是不是",
     "有没有", "排行", "积分",   "统计",     "报名情况", "几个人报", "齐了",  "看看", "加油",
     "积极",   "欢迎", "会议",   "开会",     "疫苗",     "核酸",     "吵架",  "扫码", "转发"});

}  // namespace

bool calls_neighbours_to_work(std::string_view text) {
  for (const std::string_view end : {"?", "？", "吗", "呢", "么"}) {
    if (text.ends_with(end)) return false;
  }
  return holds_any_of(text, kNeighboursCalled) && holds_any_of(text, kComingWords) &&
         holds_any_of(text, kNeighbourWork) && !holds_any_of(text, kNotACallToWork);
}

}  // namespace whistle::language
