#include "handlers/language/neighbour_calls.hpp"

#include <algorithm>
#include <array>
#include <span>

namespace whistle::language {

namespace {

constexpr auto kWho = std::to_array<std::string_view>(
    {"大家", "各位", "邻居们", "居民们", "志愿者", "有空的", "有时间的", "党员", "几个人", "几位", "人手"});
constexpr auto kComing = std::to_array<std::string_view>(
    {"出来", "一起", "都来", "过来", "帮忙", "帮把手", "参加", "报名", "集合", "招募", "搭把手", "来帮"});
// A warning or a notice to stay in, thanks, news of work done or a call to read: not a call to come.
constexpr auto kNotACall = std::to_array<std::string_view>(
    {"注意", "小心", "别出来", "不要出来", "不要", "别", "谨防", "谢谢", "感谢", "辛苦", "完了", "好了",
     "结束", "收到", "扣1", "回复1", "通知", "是不是", "有没有"});

bool holds_any(std::string_view text, std::span<const std::string_view> words) {
  return std::any_of(words.begin(), words.end(),
                     [text](std::string_view word) { return text.find(word) != std::string_view::npos; });
}

}  // namespace

bool calls_neighbours_to_work(std::string_view text) {
  for (const std::string_view end : {"?", "？", "吗", "呢", "么"}) {
    if (text.ends_with(end)) return false;
  }
  return holds_any(text, kWho) && holds_any(text, kComing) && !holds_any(text, kNotACall);
}

}  // namespace whistle::language
