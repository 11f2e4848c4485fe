#include "handlers/language/starts_from_now.hpp"

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

bool stands_alone(std::string_view text, std::size_t at, std::size_t end) {
  const bool before = at == 0 || text[at - 1] == ' ';
  const bool after = end >= text.size() || text[end] == ' ' || text[end] == ',' || text[end] == '.';
  return before && after;
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
        // "马上来报名": coming to sign up is no start either.
        if (starts_with_at(text, next, go))
          going = going || !(starts_with_at(text, next + go.size(), "报") ||
                             starts_with_at(text, next + go.size(), "接龙"));
      }
      if (!going && !stands_alone(text, at, end)) continue;
      erase_span(text, at, word.size());
      return start_from_now(context);
    }
  }
  return std::nullopt;
}

}  // namespace whistle::language
