#include "handlers/reward_questions.hpp"

#include <algorithm>
#include <array>
#include <string>
#include <string_view>

#include "handlers/language/text_util.hpp"
#include "handlers/language/utf8.hpp"
#include "handlers/redemption.hpp"

namespace whistle::handlers {

namespace {

// What makes a line that names a reward a question about it.
constexpr auto kAskingAboutAReward = std::to_array<std::string_view>({
    "还有吗",
    "还有没有",
    "有货吗",
    "有没有货",
    "还有货",
    "多少分",
    "多少积分",
    "几分",
    "怎么换",
    "怎么兑换",
    "能换吗",
    "能兑换吗",
    "可以换吗",
    "够换",
    "够兑换",
    "还剩几",
    "还剩多少",
});

// "大米5斤" is asked about as 大米: the name before its first digit.
std::string_view stem_of(std::string_view name) {
  const std::size_t digit = name.find_first_of("0123456789");
  return digit == std::string_view::npos || digit == 0 ? name : name.substr(0, digit);
}

// "在哪领", "去哪兑换": where to pick up what one has waiting.
constexpr auto kAsksWhereToCollect =
    std::to_array<std::string_view>({"哪领", "哪里领", "哪儿领", "哪兑换", "哪里兑换", "哪取", "哪里取"});

// Other things collected or bought ("在哪领快递", "口罩在哪领", "团购的大米还有吗", "兑换券在哪领"): not
// the service center's rewards (the fourth review, 2026-12-06), unless the catalog has them.
constexpr auto kOtherThings = std::to_array<std::string_view>(
    {"快递", "口罩", "团购", "拼单", "买的", "超市", "兑换券", "包裹", "药", "鸡蛋", "报纸", "证明"});

// "在哪领", "我兑换的东西在哪领": where to collect, and nothing else named.
bool asks_only_where_to_collect(std::string_view text) {
  std::string rest(text);
  for (const std::string_view word : kAsksWhereToCollect) {
    if (const std::size_t at = rest.find(word); at != std::string::npos) rest.erase(at, word.size());
  }
  for (const std::string_view word : {"我兑换的东西", "兑换的东西", "我兑换的", "兑换的", "东西", "积分商品",
                                      "商品", "在", "去", "到", "取", "呢", "啊", "呀", "?"})
    for (std::size_t at = rest.find(word); at != std::string::npos; at = rest.find(word))
      rest.erase(at, word.size());
  return language::is_filler(rest);
}

// The last character of a name, whole (a CJK character is three bytes, other text fewer or more).
std::string last_character(std::string_view name) {
  std::size_t start = name.size();
  while (start > 0 && language::is_utf8_continuation(static_cast<unsigned char>(name[start - 1])))
    --start;
  return start == 0 ? std::string() : std::string(name.substr(start - 1));
}

// "米还有吗", "油有货吗", "我的积分够换油吗": the word first with the question after it, or right after
// 换 with nothing more ("换油烟机" is another thing).
bool names_by_last_word(std::string_view text, const std::string& word) {
  for (const std::string_view asked : {"还有", "有货", "多少"}) {
    if (text.starts_with(word + std::string(asked))) return true;
  }
  const std::string exchanged = "换" + word;
  const std::size_t at = text.find(exchanged);
  if (at == std::string_view::npos) return false;
  const std::string_view after = text.substr(at + exchanged.size());
  return after.empty() || after.starts_with("吗") || after.starts_with("呢") || after.starts_with("?") ||
         after.starts_with("了") || after.starts_with("啊") || after.starts_with(" ");
}

}  // namespace

std::optional<std::vector<Reply>> answer_reward_question(Context& context, const Command& command) {
  if (!context.community || command.text.empty()) return std::nullopt;
  const std::string_view text = command.text;
  const std::vector<store::RewardRow> rewards = context.rewards.of_community(*context.community);
  const auto in_catalog = [&rewards](std::string_view word) {
    return std::any_of(rewards.begin(), rewards.end(), [word](const store::RewardRow& reward) {
      return reward.name.find(word) != std::string::npos;
    });
  };
  if (std::any_of(kOtherThings.begin(), kOtherThings.end(), [&](std::string_view word) {
        return text.find(word) != std::string_view::npos && !in_catalog(word);
      }))
    return std::nullopt;
  const bool asks_where =
      std::any_of(kAsksWhereToCollect.begin(), kAsksWhereToCollect.end(),
                  [text](std::string_view word) { return text.find(word) != std::string_view::npos; });
  if (asks_where && asks_only_where_to_collect(text) &&
      !context.redemptions.pending_of(*context.community, context.message.sender).empty()) {
    Command asked = command;
    asked.intent = Intent::catalog;
    asked.item.reset();
    asked.implicit = false;
    return handle_catalog(context, asked);
  }
  const bool asks =
      std::any_of(kAskingAboutAReward.begin(), kAskingAboutAReward.end(),
                  [text](std::string_view word) { return text.find(word) != std::string_view::npos; });
  if (!asks) return std::nullopt;
  for (const store::RewardRow& reward : rewards) {
    const std::string_view stem = language::trim_spaces(stem_of(reward.name));
    if (stem.size() < 6 || text.find(stem) == std::string_view::npos) continue;  // two characters at least
    Command asked = command;
    asked.intent = Intent::catalog;
    asked.item = std::string(stem);
    asked.implicit = false;
    return handle_catalog(context, asked);
  }
  // "米还有吗", "油还有没有", "我的积分够换油吗": people name 大米5斤 and 食用油1桶 by their last word (an
  // exploratory run of a month's points, 2026-12-07: 没看懂). Only a word one reward alone ends its
  // name's stem with, right beside the question's words.
  for (const store::RewardRow& reward : rewards) {
    const std::string last = last_character(language::trim_spaces(stem_of(reward.name)));
    if (last.empty() || static_cast<unsigned char>(last[0]) < 0x80) continue;  // a Chinese word only
    const bool unique =
        std::count_if(rewards.begin(), rewards.end(), [&](const store::RewardRow& other) {
          return language::trim_spaces(stem_of(other.name)).find(last) != std::string_view::npos;
        }) == 1;
    if (!unique || !names_by_last_word(text, last)) continue;
    Command asked = command;
    asked.intent = Intent::catalog;
    asked.item = std::string(language::trim_spaces(stem_of(reward.name)));
    asked.implicit = false;
    return handle_catalog(context, asked);
  }
  return std::nullopt;
}

}  // namespace whistle::handlers
