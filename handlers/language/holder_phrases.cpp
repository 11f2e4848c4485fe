#include "handlers/language/holder_phrases.hpp"

#include <algorithm>
#include <array>
#include <span>

#include "handlers/language/argument_words.hpp"
#include "handlers/language/text_util.hpp"

namespace whistle::language {

namespace {

// At a clause's start only (after 好的, 收到, 嗯): "接了" ends "好的 接了", and "我接了个电话" in a
// clause of its own is no job taken on.
constexpr auto kTakesOn = std::to_array<std::string_view>({
    "接了",     "我接了",   "这单我接了", "我接单",   "我来处理", "我去处理",   "我来弄",   "我去弄",
    "我来修",   "我去修",   "马上去",     "马上过去", "我马上去", "我马上过去", "这就去",   "这就过去",
    "我这就去", "现在过去", "现在就去",   "马上到",   "我去看看", "我过去看看", "我马上到",
});

// Anywhere in the line, after what was done too ("门禁弄好了").
constexpr auto kDone = std::to_array<std::string_view>({
    "弄好了", "修好了",   "搞定了",   "搞好了",   "处理好了", "处理完了",   "修完了",   "弄完了",
    "换好了", "已修好",   "已经修好", "已经弄好", "已经搞定", "已经处理好", "已经换好", "完工了",
    "干完了", "都弄好了", "都修好了", "都搞定了", "已处理好", "疏通了",     "疏通好了",
});

// How an answer starts before what it says: "好的 接了", "收到，马上去", "嗯 弄好了".
constexpr auto kAcknowledgements = std::to_array<std::string_view>({
    "好的",
    "好嘞",
    "好",
    "收到",
    "嗯嗯",
    "嗯",
    "ok",
    "OK",
    "行",
    "没问题",
    "师傅",
    "领导",
});

// Not done, or not now: "接不了", "还没弄好", "修不好", "明天再去" (a promise for later takes nothing on).
constexpr auto kNot = std::to_array<std::string_view>({
    "不了",
    "没接",
    "不接",
    "不去",
    "没空",
    "来不了",
    "还没",
    "没弄好",
    "没修好",
    "没搞定",
    "修不好",
    "弄不好",
    "没好",
    "又坏",
    "明天",
    "下午",
    "晚上",
    "改天",
    "回头",
    "等会",
    "一会",
    "待会",
    // Done some day, not now: "等修好了告诉你", "修好了再说", "要是修好了".
    "等修好",
    "等弄好",
    "好了再",
    "好了告诉",
    "好了通知",
    "要是",
    "如果",
    "什么时候",
    "能不能",
});

bool is_clause_mark(char c) {
  return c == ' ' || c == ',' || c == '.' || c == '!' || c == '~' || c == ';' || c == '\n';
}

constexpr auto kWideClauseMarks = std::to_array<std::string_view>({"，", "。", "！", "；", "、"});

// Whether a clause starts at `at`: the text's start, or a mark of either width before it.
bool starts_a_clause(std::string_view text, std::size_t at) {
  if (at == 0) return true;
  if (is_clause_mark(text[at - 1])) return true;
  return std::any_of(kWideClauseMarks.begin(), kWideClauseMarks.end(),
                     [&](std::string_view mark) { return text.substr(0, at).ends_with(mark); });
}

// Whether the clause ends right after `end`: "好的 接了" does, "我接了个电话" goes on.
bool ends_a_clause(std::string_view text, std::size_t end) {
  if (end >= text.size() || is_clause_mark(text[end])) return true;
  const std::string_view rest = text.substr(end);
  return std::any_of(kWideClauseMarks.begin(), kWideClauseMarks.end(),
                     [&](std::string_view mark) { return rest.starts_with(mark); }) ||
         rest.starts_with("啊") || rest.starts_with("哈") || rest.starts_with("哦") || rest.starts_with("吧");
}

// Whether a clause of `text` starts, after its acknowledgements, with one of `phrases`; one that
// ends in 了 ends its clause ("我接了个电话" takes nothing on).
bool a_clause_starts_with(std::string_view text, std::span<const std::string_view> phrases) {
  for (std::size_t at = 0; at < text.size(); ++at) {
    if (!starts_a_clause(text, at) || is_clause_mark(text[at])) continue;
    std::size_t from = at;
    for (bool skipped = true; skipped;) {
      skipped = false;
      for (std::string_view ack : kAcknowledgements) {
        if (starts_with_at(text, from, ack)) {
          from = skip_separators(text, from + ack.size());
          skipped = true;
          break;
        }
      }
    }
    for (std::string_view phrase : phrases) {
      if (!starts_with_at(text, from, phrase)) continue;
      if (!phrase.ends_with("了") || ends_a_clause(text, from + phrase.size())) return true;
    }
  }
  return false;
}

bool asks(std::string_view text) {
  const std::string_view said = without_end_punctuation(trim_spaces(text));
  return text.find('?') != std::string_view::npos || ends_as_a_question_or_suggestion(said) ||
         said.ends_with("没") || said.ends_with("没有");
}

}  // namespace

bool takes_job_on(std::string_view text) {
  return a_clause_starts_with(text, kTakesOn) && !holds_any_of(text, kNot) && !asks(text);
}

bool only_acknowledges(std::string_view text) {
  std::string_view rest = trim_spaces(text);
  for (bool skipped = true; skipped && !rest.empty();) {
    skipped = false;
    for (std::string_view ack : kAcknowledgements) {
      if (starts_with_at(rest, 0, ack)) {
        rest = trim_spaces(rest.substr(skip_separators(rest, ack.size())));
        skipped = true;
        break;
      }
    }
  }
  return rest.size() < text.size() && (rest.empty() || is_filler(rest) || rest == "知道了" || rest == "明白");
}

// Done may follow what was done: "门禁弄好了", "灯换好了".
bool says_job_done(std::string_view text) {
  return holds_any_of(text, kDone) && !holds_any_of(text, kNot) && !asks(text);
}

}  // namespace whistle::language
