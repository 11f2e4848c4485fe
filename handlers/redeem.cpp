// 商品 and 兑换: what the service center offers this person, and taking it.
#include <algorithm>
#include <string>

#include "handlers/addressing.hpp"
#include "handlers/language/calendar.hpp"
#include "handlers/language/text_util.hpp"
#include "handlers/people_names.hpp"
#include "handlers/pickup_code.hpp"
#include "handlers/redemption.hpp"
#include "handlers/redemption_rules.hpp"
#include "handlers/reward_match.hpp"
#include "handlers/task_lookup.hpp"
#include "handlers/task_text.hpp"
#include "handlers/ticket_intake.hpp"

namespace whistle::handlers {

namespace {

using Values = std::vector<std::pair<std::string_view, std::string>>;

// More than this at once is a slip of the keyboard ("兑换 大米 100"), not a wish.
constexpr int kMaxQuantity = 99;

std::vector<store::RewardRow> in_stock(const std::vector<store::RewardRow>& items) {
  std::vector<store::RewardRow> out;
  for (const store::RewardRow& item : items) {
    if (item.stock > 0) out.push_back(item);
  }
  return out;
}

std::string catalog_line(const Services& services, const store::RewardRow& item, std::int64_t balance) {
  const Values values{{"item", item.name},
                      {"points", std::to_string(item.points)},
                      {"stock", std::to_string(item.stock)},
                      {"short", std::to_string(item.points - balance)}};
  if (item.stock <= 0) return services.text("catalog_line_sold_out", values);
  return services.text(balance >= item.points ? "catalog_line_affordable" : "catalog_line", values);
}

// The private message with the claim ticket; the code goes nowhere else.
Reply code_in_private(Context& context, const store::Redemption& redemption) {
  Values values = redemption_values(redemption);
  values.emplace_back("until", local_time_text(context, redemption.expires_at, context.now));
  values.emplace_back("center", service_center(context, redemption.community));
  values.emplace_back("balance",
                      std::to_string(context.ledger.balance(redemption.community, redemption.person)));
  return Reply{
      private_chat_of(redemption.person), context.text("redeem_done_private", values), {redemption.person}};
}

// What the person has waiting at the service center: with the codes in private, only how many in a
// group (a code is a claim ticket). Empty when nothing waits.
std::string pending_text(Context& context, const std::string& community) {
  const std::vector<store::Redemption> pending =
      context.redemptions.pending_of(community, context.message.sender);
  if (pending.empty()) return "";
  if (!context.message.is_private) {
    return "\n" + context.text("catalog_pending_count", {{"count", std::to_string(pending.size())}});
  }
  std::string text =
      "\n" + context.text("catalog_pending_header", {{"count", std::to_string(pending.size())},
                                                     {"center", service_center(context, community)}});
  for (const store::Redemption& redemption : pending) {
    Values values = redemption_values(redemption);
    values.emplace_back("until", local_time_text(context, redemption.expires_at, context.now));
    text += "\n" + context.text("catalog_pending_line", values);
  }
  return text;
}

// A bare 换 ("换一袋米", "换洗衣液吗") speaks to the bot only when addressed to it about a reward the
// catalog has; otherwise it is the neighbours' talk.
bool is_neighbours_talk(Context& context, const Command& command) {
  if (!command.implicit) return false;
  const bool in_catalog =
      context.community && command.item &&
      !match_reward(context.rewards.of_community(*context.community), *command.item).empty();
  return !is_addressed(context.message, command) || !in_catalog;
}

// "兑换鸡蛋？": the command word first and one question, nothing said after it.
bool asks_the_bot_alone(std::string_view text) {
  if (!text.starts_with("兑换") && !text.starts_with("积分兑换")) return false;
  const std::size_t mark = text.find('?');
  return mark == std::string_view::npos || language::is_filler(text.substr(mark));
}

std::vector<Reply> as_talk(Context& context, const Command& command) {
  Command talk = command;
  talk.intent = Intent::unknown;
  return handle_unknown_line(context, talk);
}

}  // namespace

std::vector<Reply> handle_catalog(Context& context, const Command& command) {
  // "换洗衣液吗" among neighbours is theirs; asked of the bot about a reward it has, it is answered.
  if (is_neighbours_talk(context, command)) return as_talk(context, command);
  if (!context.community) return {redemption_no_community(context)};
  const std::string& person = context.message.sender;
  std::vector<store::RewardRow> items = context.rewards.of_community(*context.community);
  const std::string mention = sender_mention(context);
  if (items.empty()) return {reply_to_sender(context, context.text("catalog_empty", {{"mention", mention}}))};
  // "兑换大米？", "兑换大米要多少积分": the reward asked about, its price beside the balance. A thing
  // the catalog has not ("可以兑换外币吗", "能兑换现金吗") is the neighbours' talk in a group; asked
  // of the bot, the whole catalog answers it.
  if (command.item) {
    std::vector<store::RewardRow> asked = match_reward(items, *command.item);
    if (!asked.empty()) {
      items = std::move(asked);
    } else if (!spoken_to_the_bot(context.message, command) && !asks_the_bot_alone(command.text)) {
      // "兑换鸡蛋？" names the command and is answered; "可以兑换外币吗" and "兑换外币？汇率多少"
      // talk with the neighbours.
      return as_talk(context, command);
    }
  }

  const std::int64_t balance = context.ledger.balance(*context.community, person);
  std::string text =
      context.text("catalog_header", {{"mention", mention}, {"balance", std::to_string(balance)}});
  // Cheapest first (the repository's order), sold-out items last: they are news, not offers.
  for (const store::RewardRow& item : items) {
    if (item.stock > 0) text += "\n" + catalog_line(context, item, balance);
  }
  for (const store::RewardRow& item : items) {
    if (item.stock <= 0) text += "\n" + catalog_line(context, item, balance);
  }
  const std::vector<store::RewardRow> offered = in_stock(items);
  const std::string example = offered.empty() ? items.front().name : offered.front().name;
  text += "\n" + context.text("catalog_footer", {{"example", example}});
  text += pending_text(context, *context.community);
  return {reply_to_sender(context, std::move(text))};
}

namespace {

// "我妈", "老伴", "替她": the one a redemption would be for, when it is not the sender.
constexpr std::string_view kFamilyWords[] = {"我妈",   "我爸",     "老伴", "老妈", "老爸", "我婆婆",
                                             "我公公", "家里老人", "家人", "替她", "替他", "代领"};

bool names_family(std::string_view text) {
  return std::any_of(std::begin(kFamilyWords), std::end(kFamilyWords),
                     [text](std::string_view word) { return text.find(word) != std::string_view::npos; });
}

// Someone besides the sender (and the bot) the platform's mentions name, or an @ in the item.
bool names_someone_else(const Context& context, const Command& command) {
  if (command.item && command.item->find('@') != std::string::npos) return true;
  return std::any_of(context.message.mentions.begin(), context.message.mentions.end(),
                     [&](const std::string& id) { return id != context.message.sender; });
}

Reply only_ones_own_points(Context& context) {
  return reply_to_sender(context,
                         context.text("redeem_for_someone_else", {{"mention", sender_mention(context)}}));
}

}  // namespace

std::optional<std::vector<Reply>> answer_redeeming_for_someone_else(Context& context,
                                                                    const Command& command) {
  const std::string& text = command.text;
  const auto holds = [&text](std::string_view word) { return text.find(word) != std::string::npos; };
  // Points or a redemption named, not any 换 or 领: "我爸家灯泡坏了，能帮忙换一下吗" and "我妈的快递谁能
  // 帮忙领一下" ask for help (a final read, 2026-12-06).
  const bool speaks_of_redeeming = holds("兑换") || holds("积分") || holds("取货码") || holds("代领") ||
                                   ((holds("替她") || holds("替他")) && holds("领"));
  if (!speaks_of_redeeming || !names_family(text)) return std::nullopt;
  return std::vector<Reply>{only_ones_own_points(context)};
}

std::vector<Reply> handle_redeem(Context& context, const Command& command) {
  // "换一袋米" is a redemption only said to the bot (in private, or addressed in a group: "换油"
  // among neighbours spent 80 points) and only when the catalog has the item ("换灯泡", "换个时间" are
  // other talk, and are read as such, danger words included).
  if (is_neighbours_talk(context, command)) return as_talk(context, command);
  // "兑换 大米 @刘阿姨", "兑换 洗衣液 @何大爷" from the staff: points are their owner's to spend, and
  // a code may be handed on (an exploratory run of month end, 2026-12-06: "没有找到「大米 @刘阿姨」").
  // Family named here ("兑换 大米 我妈来领") is the owner redeeming for a pickup by them: not refused.
  if (names_someone_else(context, command)) return {only_ones_own_points(context)};
  if (!context.community) return {redemption_no_community(context)};
  const std::string& community = *context.community;
  const std::string& person = context.message.sender;
  const std::string mention = sender_mention(context);
  const std::vector<store::RewardRow> items = context.rewards.of_community(community);
  const std::vector<store::RewardRow> offered = in_stock(items);
  if (items.empty()) return {reply_to_sender(context, context.text("catalog_empty", {{"mention", mention}}))};
  const std::string example = offered.empty() ? items.front().name : offered.front().name;

  // "兑换商品" is someone asking what there is to redeem, not for an item called 商品.
  if (command.item && *command.item == context.text("command_catalog")) {
    Command catalog = command;
    catalog.item.reset();
    return handle_catalog(context, catalog);
  }
  if (!command.item) {
    return {reply_to_sender(
        context,
        context.text("redeem_what", {{"mention", mention},
                                     {"example", example},
                                     {"items", reward_names(context, offered.empty() ? items : offered)}}))};
  }
  // "兑换 大米和油": one item a redemption; redeeming the rice alone dropped the oil unsaid.
  if (const std::vector<store::RewardRow> several = several_rewards(items, *command.item); !several.empty()) {
    std::vector<std::string> lines;
    for (const store::RewardRow& item : several)
      lines.push_back(context.text("redeem_one_line", {{"item", item.name}}));
    return {reply_to_sender(
        context,
        context.text("redeem_one_at_a_time", {{"mention", mention}, {"lines", join_list(context, lines)}}))};
  }
  const std::vector<store::RewardRow> found = match_reward(items, *command.item);
  // "积分兑换那个是诈骗 社区没发过", "兑换大米那个链接是假的" among neighbours: a warning to each other,
  // not an item asked for (an exploratory run of scams, stop 70: each got the catalog in the group).
  // An item's name is short; a clause about one is talk unless said to the bot.
  constexpr std::size_t kLongestItemAsked = 6;
  if (found.empty() && !spoken_to_the_bot(context.message, command) &&
      (language::characters(*command.item) > kLongestItemAsked ||
       command.item->find(' ') != std::string::npos))
    return as_talk(context, command);
  if (found.empty()) {
    return {reply_to_sender(
        context, context.text("redeem_unknown_item",
                              {{"mention", mention},
                               {"item", *command.item},
                               {"items", reward_names(context, offered.empty() ? items : offered)}}))};
  }
  if (found.size() > 1) {
    return {
        reply_to_sender(context, context.text("redeem_ambiguous", {{"mention", mention},
                                                                   {"item", *command.item},
                                                                   {"items", reward_names(context, found)},
                                                                   {"example", found.front().name}}))};
  }
  const store::RewardRow& item = found.front();
  // Words around the item's name make a remark ("兑换洗衣液的人好多", "兑换大米5斤的在哪领"): asked
  // back, never spent. Not silent: someone who meant it hears how to say it.
  if (!asks_for_only(*command.item, item.name)) {
    return {reply_to_sender(
        context, context.text("redeem_confirm_item", {{"mention", mention}, {"item", item.name}}))};
  }
  const int quantity = command.count.value_or(1);
  if (quantity < 1 || quantity > kMaxQuantity) {
    return {reply_to_sender(
        context,
        context.text("redeem_bad_quantity", {{"mention", mention}, {"max", std::to_string(kMaxQuantity)}}))};
  }

  const std::int64_t cost = static_cast<std::int64_t>(item.points) * quantity;
  const std::int64_t balance = context.ledger.balance(community, person);
  const Values values{{"mention", mention},
                      {"item", item.name},
                      {"quantity", std::to_string(quantity)},
                      {"stock", std::to_string(item.stock)},
                      {"cost", std::to_string(cost)},
                      {"balance", std::to_string(balance)},
                      {"short", std::to_string(cost - balance)}};
  if (item.stock <= 0) return {reply_to_sender(context, context.text("redeem_sold_out", values))};
  if (item.stock < quantity) return {reply_to_sender(context, context.text("redeem_short_of_stock", values))};
  // Balances never go below zero: the points are checked here and taken in the same transaction.
  if (balance < cost) return {reply_to_sender(context, context.text("redeem_not_enough", values))};
  // The stock is taken by a guarded update; under the single writer it cannot fail after the check
  // above, but if it ever did nothing else is written.
  if (!context.rewards.take(community, item.id, quantity)) {
    return {reply_to_sender(context, context.text("redeem_short_of_stock", values))};
  }

  store::Redemption redemption;
  redemption.community = community;
  redemption.person = person;
  redemption.reward_id = item.id;
  redemption.item_name = item.name;
  redemption.quantity = quantity;
  redemption.points = cost;
  redemption.node = node_of_volunteer(context, person, community);
  redemption.created_at = context.now;
  redemption.expires_at = pickup_deadline(context.now, context.config.rules.redemption_days,
                                          context.config.locale.utc_offset_seconds);
  redemption.code = new_pickup_code(
      [&](const std::string& code) { return context.redemptions.code_taken(community, code); });

  store::NewLedgerEntry hold;
  hold.community = community;
  hold.person = person;
  hold.points = -cost;
  hold.kind = store::LedgerKind::redeem;
  hold.node = redemption.node;
  hold.author = person;
  hold.reason = context.text("ledger_reason_redeem", redemption_values(redemption));
  hold.at = context.now;
  context.ledger.append(hold);
  redemption.id = context.redemptions.create(redemption);
  schedule_redemption_expiry(context, redemption);

  // A pickup code is a claim ticket: whoever shows it takes the goods. It goes to the person in
  // private only; a group hears that it worked.
  std::vector<Reply> replies;
  if (!context.message.is_private) {
    Values group = redemption_values(redemption);
    group.emplace_back("mention", mention);
    group.emplace_back("center", service_center(context, redemption.community));
    replies.push_back(reply_to_sender(context, context.text("redeem_done_group", group)));
  }
  replies.push_back(code_in_private(context, redemption));
  return replies;
}

}  // namespace whistle::handlers
