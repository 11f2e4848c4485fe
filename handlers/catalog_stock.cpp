// 上架 and 补货: the service center keeps its catalog from the chat.
#include <algorithm>
#include <string>

#include "handlers/people_names.hpp"
#include "handlers/redemption.hpp"
#include "handlers/redemption_rules.hpp"
#include "handlers/reward_match.hpp"
#include "handlers/task_lookup.hpp"

namespace whistle::handlers {

namespace {

using Values = std::vector<std::pair<std::string_view, std::string>>;

// Bounds that catch a slip ("上架 毛巾 2000000分") without limiting any real service center.
constexpr int kMaxPoints = 100000;
constexpr int kMaxStock = 100000;

bool may_keep_catalog(const Services& services, const std::string& person, const std::string& community) {
  return is_staff_of(services, person, community) ||
         services.people.has_role(person, community, store::Role::leader);
}

std::vector<std::string> catalog_keepers(const Services& services, const std::string& community) {
  std::vector<std::string> people = staff_of(services, community);
  for (const store::Person& leader : services.people.holders(community, store::Role::leader)) {
    if (std::find(people.begin(), people.end(), leader.id) == people.end()) people.push_back(leader.id);
  }
  return people;
}

}  // namespace

std::vector<Reply> handle_stock(Context& context, const Command& command) {
  const std::string mention = mention_of(context.people, context.message.sender);
  if (!context.community) {
    return {reply_to_sender(context, context.text("redemption_no_community", {{"mention", mention}}))};
  }
  const std::string& community = *context.community;
  if (!may_keep_catalog(context, context.message.sender, community)) {
    return {reply_to_sender(
        context, context.text("stock_no_right",
                              {{"mention", mention},
                               {"people", names_of(context, catalog_keepers(context, community))}}))};
  }
  if (!command.item) return {reply_to_sender(context, context.text("stock_what", {{"mention", mention}}))};

  const int quantity = command.count.value_or(0);
  const bool priced = command.points.has_value();
  if ((priced && (*command.points < 1 || *command.points > kMaxPoints)) || quantity < 0 ||
      quantity > kMaxStock || (!priced && quantity == 0)) {
    // 补货 has no price: its answer speaks of the pieces alone, with its own example.
    return {reply_to_sender(context, context.text(priced ? "stock_bad_numbers" : "stock_bad_quantity",
                                                  {{"mention", mention},
                                                   {"item", *command.item},
                                                   {"max_points", std::to_string(kMaxPoints)},
                                                   {"max_quantity", std::to_string(kMaxStock)}}))};
  }

  const std::vector<store::RewardRow> items = context.rewards.of_community(community);
  // With a price (上架) only the exact name updates an item: "上架 大米 60分" must not reprice
  // "大米5斤". Restocking forgives a shortened name, but never guesses by shared characters.
  std::vector<store::RewardRow> found = match_reward(items, *command.item, MatchReach::close);
  if (priced) {
    std::erase_if(found, [&](const store::RewardRow& item) { return item.name != *command.item; });
  }
  if (found.size() > 1) {
    return {
        reply_to_sender(context, context.text("stock_ambiguous", {{"mention", mention},
                                                                  {"item", *command.item},
                                                                  {"items", reward_names(context, found)}}))};
  }

  if (found.empty()) {
    if (!priced) {
      return {reply_to_sender(context,
                              context.text("stock_unknown_item", {{"mention", mention},
                                                                  {"item", *command.item},
                                                                  {"quantity", std::to_string(quantity)},
                                                                  {"items", reward_names(context, items)}}))};
    }
    // A new item with no count was forgotten, not put up sold out: ask for it.
    if (quantity == 0) {
      return {reply_to_sender(
          context, context.text("stock_count_needed", {{"mention", mention},
                                                       {"item", *command.item},
                                                       {"points", std::to_string(*command.points)}}))};
    }
    // A new item's id is its name: unique in the community, and what seeding checks against.
    context.rewards.insert(
        store::RewardRow{*command.item, community, *command.item, *command.points, quantity});
    return {reply_to_sender(context, context.text("stock_added", {{"mention", mention},
                                                                  {"item", *command.item},
                                                                  {"points", std::to_string(*command.points)},
                                                                  {"stock", std::to_string(quantity)}}))};
  }

  const store::RewardRow& item = found.front();
  if (quantity > 0) context.rewards.add_stock(community, item.id, quantity);
  if (priced && *command.points != item.points)
    context.rewards.set_points(community, item.id, *command.points);
  const store::RewardRow now = *context.rewards.find(community, item.id);
  const Values values{{"mention", mention},
                      {"item", now.name},
                      {"points", std::to_string(now.points)},
                      {"old_points", std::to_string(item.points)},
                      {"quantity", std::to_string(quantity)},
                      {"stock", std::to_string(now.stock)}};
  const bool repriced = priced && now.points != item.points;
  return {reply_to_sender(context, context.text(repriced ? "stock_repriced" : "stock_restocked", values))};
}

}  // namespace whistle::handlers
