#include "handlers/language/starts_from_now.hpp"

#include <algorithm>
#include <array>
#include <string_view>

#include "handlers/language/text_util.hpp"

namespace whistle::language {

namespace {

constexpr std::array<std::string_view, 6> kNowWords = {"现在", "马上", "立即", "立刻", "即刻", "立马"};

// After a now word, going somewhere at once: the task starts now ("马上到3号楼门口", "立即集合").
// Anything else is what people are asked to do soon ("马上报名", "赶紧来报名") or talk ("马上过年了",
// "现在的楼道太乱了"): no start (a review, 2026-12-06: each made a task that had already begun).
constexpr std::array<std::string_view, 9> kGoingNow = {"到",   "来",   "集合", "出发", "过来",
                                                       "赶到", "赶来", "下楼", "去"};

// Whether what follows a going word (到, 来, 去…) at `pos` is somewhere to go: a place or a meeting
// ("马上到3号楼门口", "立即集合"), not a time coming ("马上到年底了", "现在到了冬季", "马上到期的灭火器",
// "快递马上到了") nor signing up ("马上来报名"). A review, 2026-12-06: each of those made a task that
// had already begun.
// `goes_already`: the going word names the going itself (下楼, 集合, 出发): what follows is what is done
// there ("马上下楼扫雪", "立即集合扫雪"; an exploratory run of winter, stop 67: no start).
bool goes_somewhere(std::string_view text, std::size_t pos, bool goes_already) {
  const std::size_t clause_end = std::min(text.find(' ', pos), text.size());
  const std::string_view clause = text.substr(pos, clause_end - pos);
  for (const std::string_view not_a_place :
       {"了", "期", "报", "接龙", "年底", "月底", "春节", "周末", "冬", "夏"}) {
    if (clause.find(not_a_place) != std::string_view::npos) return false;
  }
  if (clause.empty() || goes_already) return true;  // "马上到", "立即集合" said alone
  if (is_ascii_digit(static_cast<unsigned char>(clause.front()))) return true;  // "马上到3号楼"
  for (const std::string_view place :
       {"门口", "楼下", "小区", "现场", "集合", "地库", "广场", "社区", "楼道", "单元", "楼前", "大门",
        "路口", "活动室", "服务中心", "帮忙", "支援"}) {
    if (clause.find(place) != std::string_view::npos) return true;
  }
  return false;
}

}  // namespace

std::int64_t start_from_now(const TimeContext& context, int minutes) {
  const std::int64_t at = context.now + static_cast<std::int64_t>(minutes) * 60;
  return (at + 59) / 60 * 60;
}

std::optional<std::int64_t> take_start_now(std::string& text, const TimeContext& context) {
  for (const std::string_view word : kNowWords) {
    for (std::size_t at = text.find(word); at != std::string::npos; at = text.find(word, at + word.size())) {
      const std::size_t end = at + word.size();
      const std::size_t next = skip_spaces(text, end);
      bool going = false;
      for (const std::string_view go : kGoingNow) {
        if (starts_with_at(text, next, go))
          going =
              going || goes_somewhere(text, next + go.size(), go == "下楼" || go == "集合" || go == "出发");
      }
      if (!going && !stands_apart(text, at, end)) continue;
      erase_span(text, at, word.size());
      return start_from_now(context);
    }
  }
  return std::nullopt;
}

}  // namespace whistle::language
