#include "bot/board/month_ledger.hpp"

#include <algorithm>

namespace whistle::bot::board {

namespace {

void add_to(Sums& sums, const Sums& earned) {
  sums.points += earned.points;
  sums.minutes += earned.minutes;
}

}  // namespace

MonthLedger::MonthLedger(std::int64_t from, std::int64_t to, const std::vector<store::NodePersonSum>& sums,
                         const std::vector<store::ActiveAt>& active)
    : from_(from), to_(to) {
  for (const store::NodePersonSum& sum : sums)
    add_earning(sum.node, sum.person, Sums{sum.points, sum.minutes});
  for (const store::ActiveAt& person : active)
    add_active(person.node, person.person);
}

void MonthLedger::add_earning(const std::optional<std::string>& node, const std::string& person,
                              const Sums& earned) {
  const PersonIndex index = ids_.index(person);
  if (node) {
    add_to(people_by_node_[*node][index], earned);
    add_to(sums_by_node_[*node], earned);
  } else {
    add_to(unplaced_people_[index], earned);
    add_to(unplaced_sums_, earned);
  }
  for (auto& [top, month] : subtrees_) {
    if (!month.subtree.holds(node)) continue;
    add_to(month.sums, earned);
    if (month.people) month.people->add(index, earned, ids_);
  }
}

void MonthLedger::add_active(const std::string& node, const std::string& person) {
  const PersonIndex index = ids_.index(person);
  if (!active_by_node_[node].insert(index).second) return;
  for (auto& [top, month] : subtrees_) {
    if (month.subtree.holds(node)) month.active.insert(index);
  }
}

const SubtreeMonth& MonthLedger::subtree(const std::string& top, const Subtree& subtree, bool with_people) {
  const auto [slot, added] = subtrees_.try_emplace(top);
  SubtreeMonth& month = slot->second;
  if (added || month.subtree != subtree) {
    month = SubtreeMonth{subtree, {}, {}, std::nullopt, 0};
    if (subtree.unplaced) add_to(month.sums, unplaced_sums_);
    for (const std::string& node : subtree.nodes) {
      if (const auto found = sums_by_node_.find(node); found != sums_by_node_.end())
        add_to(month.sums, found->second);
      if (const auto found = active_by_node_.find(node); found != active_by_node_.end())
        month.active.insert(found->second.begin(), found->second.end());
    }
  }
  if (with_people && !month.people) {
    // A person's month in the subtree is the sum of their sums at its nodes.
    std::unordered_map<PersonIndex, Sums> merged;
    const auto merge = [&merged](const std::unordered_map<PersonIndex, Sums>& people) {
      for (const auto& [person, sums] : people)
        add_to(merged[person], sums);
    };
    if (subtree.unplaced) merge(unplaced_people_);
    for (const std::string& node : subtree.nodes) {
      if (const auto found = people_by_node_.find(node); found != people_by_node_.end()) merge(found->second);
    }
    month.people.emplace(merged, ids_);
  }
  month.used = ++clock_;
  return month;
}

void MonthLedger::drop_unused(std::size_t keep) {
  while (subtrees_.size() > keep) {
    const auto oldest =
        std::min_element(subtrees_.begin(), subtrees_.end(),
                         [](const auto& a, const auto& b) { return a.second.used < b.second.used; });
    subtrees_.erase(oldest);
  }
}

}  // namespace whistle::bot::board
