#include "handlers/redemption_second_thoughts.hpp"

#include <algorithm>
#include <array>
#include <string_view>

#include "handlers/language/text_util.hpp"
#include "handlers/people_names.hpp"
#include "handlers/redemption_rules.hpp"
#include "handlers/task_lookup.hpp"

namespace whistle::handlers {

namespace {

// Held anywhere in the line: "换错了", "我不换了", "兑换错了 多换了一个".
// Not 点错了: said as often of a rating or a 报到 just made (a review, 2026-12-06).
constexpr auto kTakesItBack = std::to_array<std::string_view>(
    {"换错了", "兑错了", "不换了", "不兑了", "不兑换了", "不想换了", "不想要了", "多换了"});

// The whole line, particles aside: "不要了", "我不要了", "算了不要了". Longer, 不要了 is about
// anything ("不要了 那个柜子谁要").
constexpr auto kNoLongerWanted =
    std::to_array<std::string_view>({"不要了", "我不要了", "算了不要了", "不要了吧"});

bool second_thoughts(std::string_view text) {
  const std::string_view plain = language::without_words_at_end(
      text, {" ", "!", "?", "。", "！", "？", "~", "啊", "呀", "哈", "哦", "啦"});
  if (std::find(kNoLongerWanted.begin(), kNoLongerWanted.end(), plain) != kNoLongerWanted.end()) return true;
  return std::any_of(kTakesItBack.begin(), kTakesItBack.end(),
                     [&](std::string_view words) { return text.find(words) != std::string_view::npos; });
}

}  // namespace

std::optional<std::vector<Reply>> ask_about_redemption_just_made(Context& context, const Command& command) {
  // A pickup code is a claim ticket: it is shown in private only.
  if (!context.message.is_private || !context.community || !second_thoughts(command.text))
    return std::nullopt;
  const std::vector<store::Redemption> pending =
      context.redemptions.pending_of(*context.community, context.message.sender);
  const auto latest = std::max_element(pending.begin(), pending.end(), [](const auto& a, const auto& b) {
    return a.created_at < b.created_at;
  });
  if (latest == pending.end() || context.now - latest->created_at > kSecondThoughtsWindow)
    return std::nullopt;
  std::vector<std::pair<std::string_view, std::string>> values = redemption_values(*latest);
  values.emplace_back("mention", mention_of(context.people, context.message.sender));
  return std::vector<Reply>{reply_to_sender(context, context.text("cancel_redeem_ask", values))};
}

}  // namespace whistle::handlers
