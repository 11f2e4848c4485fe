#include "handlers/language/starts_from_now.hpp"

#include <array>
#include <string_view>

#include "handlers/language/text_util.hpp"

namespace whistle::language {

namespace {

// Longest first: "马上就" before "马上".
constexpr std::array<std::string_view, 8> kNowWords = {"马上就", "现在", "马上", "立即",
                                                       "立刻",   "即刻", "立马", "赶紧"};

// After a now word, what people are asked to do at once rather than when the task starts.
constexpr std::array<std::string_view, 7> kActsAtOnce = {"报名", "报到", "接龙", "回复",
                                                         "回应", "联系", "确认"};

}  // namespace

std::int64_t start_from_now(const TimeContext& context, int minutes) {
  const std::int64_t at = context.now + static_cast<std::int64_t>(minutes) * 60;
  return (at + 59) / 60 * 60;
}

std::optional<std::int64_t> take_start_now(std::string& text, const TimeContext& context) {
  for (const std::string_view word : kNowWords) {
    for (std::size_t at = text.find(word); at != std::string::npos; at = text.find(word, at + word.size())) {
      const std::size_t after = skip_spaces(text, at + word.size());
      bool acts = false;
      for (const std::string_view act : kActsAtOnce)
        acts = acts || starts_with_at(text, after, act);
      if (acts) continue;
      erase_span(text, at, word.size());
      return start_from_now(context);
    }
  }
  return std::nullopt;
}

}  // namespace whistle::language
