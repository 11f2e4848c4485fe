#include "handlers/language/acknowledgement_asks.hpp"

#include <algorithm>
#include <array>

#include "handlers/language/text_util.hpp"

namespace whistle::language {
namespace {

// The words that ask for a number back: 扣1, 回1, 回复1, 打1, 发1, 刷1, +1 ("有意的私我 +1就行").
constexpr std::array<std::string_view, 7> kAskVerbs{"回复", "扣", "回", "打", "发", "刷", "+"};
// What may stand between the verb and the digit: "扣个1", "回复数字1", "扣“1”".
constexpr std::array<std::string_view, 9> kBetween{"一个", "个", "数字", "“", "\"", "「", "'", "‘", " "};
// After the digit, the ask ends ("扣1。", "扣1表示收到", "回1即可"); "回1楼", "打110", "发1张照片"
// are something else. The line is normalized: full-width punctuation is ASCII.
constexpr std::array<std::string_view, 20> kAfterDigit{"”",  "\"", "」", "'",  "’",  " ",  ",",
                                                       ".",  "!",  "~",  "。", "?",  "表", "即",
                                                       "就", "确", "收", "哦", "哈", "谢"};
// Numbers asked for to sign up with: the task's report-in, as before.
constexpr std::array<std::string_view, 16> kSignUpPurposes{"参加", "报名", "报到", "能来",  "要来", "来的",
                                                           "去的", "能去", "参与", "有空",  "愿意", "加入",
                                                           "志愿", "帮忙", "接龙", "可以的"};
// What the number answers when it is no sign-up: a notice read ("收到请扣1") or a poll's choice
// ("同意的扣1", "需要的扣1"). A review of stop 67 found "明早扫雪的扣1" and "可以的扣1" silencing the 1s
// that signed up: without these words the 1s stay sign-ups.
constexpr auto kAcknowledges =
    std::to_array<std::string_view>({"收到", "已阅", "知悉", "知道了", "看到", "明白", "收悉", "同意",
                                     "不同意", "赞成", "反对", "需要的", "不需要", "投票"});
// So is an ad's or a neighbour's ask ("想看房的扣1", "有意向的扣1", "拼车回老家的扣1": an exploratory run of
// renters, stop 70, found each signing tenants up for the unit's task) — unless a leader of the chat
// asks it, whose "有意向的扣1" calls volunteers (numbers_asked.cpp).
constexpr auto kAdAsks = std::to_array<std::string_view>(
    {"看房", "有意", "意向", "要租", "想租", "出租", "拼车", "顺风车", "私我", "私聊", "团购", "出售", "拼单",
     "加我微信", "加微信", "小窗", "要买的", "想买的"});

bool ends_ask(std::string_view text, std::size_t pos) {
  if (pos >= text.size()) return true;
  return std::any_of(kAfterDigit.begin(), kAfterDigit.end(),
                     [&](std::string_view word) { return starts_with_at(text, pos, word); });
}

// The digit a number ask at `pos` (just past its verb) names, or 0.
char digit_at(std::string_view text, std::size_t pos) {
  for (int skipped = 0; skipped < 2; ++skipped) {
    const auto between = std::find_if(kBetween.begin(), kBetween.end(),
                                      [&](std::string_view word) { return starts_with_at(text, pos, word); });
    if (between == kBetween.end()) break;
    pos += between->size();
  }
  if (pos < text.size() && text[pos] >= '1' && text[pos] <= '9' && ends_ask(text, pos + 1)) return text[pos];
  return 0;
}

}  // namespace

bool asks_for_a_number(std::string_view text) {
  if (text.find_first_of("123456789") == std::string_view::npos) return false;
  for (const std::string_view verb : kAskVerbs) {
    for (std::size_t at = text.find(verb); at != std::string_view::npos; at = text.find(verb, at + 1)) {
      if (digit_at(text, at + verb.size()) != 0) return true;
    }
  }
  return false;
}

bool asks_numbers_back(std::string_view text) {
  return asks_for_a_number(text) && (holds_any_of(text, kAcknowledges) || holds_any_of(text, kAdAsks)) &&
         !holds_any_of(text, kSignUpPurposes);
}

bool asks_numbers_for_an_ad(std::string_view text) {
  return asks_numbers_back(text) && !holds_any_of(text, kAcknowledges);
}

bool calls_for_sign_ups(std::string_view text) {
  return holds_any_of(text, kSignUpPurposes);
}

}  // namespace whistle::language
