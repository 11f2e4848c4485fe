#include "bot/board/board_cache.hpp"

#include <algorithm>

#include "bot/cli/report_writer.hpp"
#include "store/people.hpp"

namespace whistle::bot::board {

namespace {

// Bounds on memory: a month of a 100k-person community is some tens of MB; the lobby screens and
// phones of a district look at this month and the last, and at far fewer nodes than this at once.
constexpr std::size_t kMonthsPerCommunity = 6;
constexpr std::size_t kSubtreesPerMonth = 64;

// The node's subtree and each child's, from the org tree as it is now (a node moved since a
// month's figures were built has them rebuilt).
struct Subtrees {
  Subtree whole;
  std::vector<std::pair<store::OrgNode, Subtree>> children;  ///< by id, as RankingRepository::children
};

Subtrees subtrees_of(store::Database& db, const store::OrgNode& node) {
  Subtrees out;
  out.whole.nodes.insert(node.id);
  out.whole.unplaced = node.id == node.community;
  std::map<std::string, std::size_t> child_of;  // a node below → its child of `node`
  // Parents come before their children, so each node's child is known when it is reached.
  for (const store::OrgNode& below : store::OrgRepository(db).descendants(node.id)) {
    out.whole.nodes.insert(below.id);
    std::size_t child = 0;
    if (below.parent == node.id) {
      child = out.children.size();
      out.children.emplace_back(below, Subtree{});
    } else {
      child = child_of.at(below.parent);
    }
    child_of[below.id] = child;
    out.children[child].second.nodes.insert(below.id);
  }
  std::sort(out.children.begin(), out.children.end(),
            [](const auto& a, const auto& b) { return a.first.id < b.first.id; });
  return out;
}

}  // namespace

CommunityLedger& BoardCache::follow(store::Database& db, const std::string& community) {
  auto found = communities_.find(community);
  if (found != communities_.end()) {
    found->second.drop_unused(kMonthsPerCommunity, kSubtreesPerMonth);
    if (found->second.catch_up(db)) return found->second;
    communities_.erase(found);
  }
  return communities_.try_emplace(community, db, community).first->second;
}

BoardRanking BoardCache::ranking(store::Database& db, const store::OrgNode& node,
                                 const handlers::RankingMonth& month, std::int64_t offset,
                                 std::int64_t limit) {
  const Subtrees subtrees = subtrees_of(db, node);
  MonthLedger& ledger = follow(db, node.community).month(db, month.from, month.to);

  BoardRanking out;
  const SubtreeMonth& whole = ledger.subtree(node.id, subtrees.whole, true);
  out.whole = store::NodeStanding{node.id, "", whole.sums.points, whole.sums.minutes,
                                  static_cast<std::int64_t>(whole.active.size())};
  const RankedPeople& people = *whole.people;
  // A month that nets to 0 points or fewer is no place on the list (docs/ranking.md); they sort
  // last, so the list ends before them.
  out.total = people.size();
  while (out.total > 0 && people.at(out.total - 1).points <= 0)
    --out.total;
  // Names are read for the page only, as they are now.
  store::PeopleRepository names(db);
  for (std::int64_t place = std::max<std::int64_t>(offset, 0); place < std::min(offset + limit, out.total);
       ++place) {
    const RankedRow& row = people.at(place);
    const std::optional<store::Person> person = names.find(ledger.ids().id(row.person));
    out.people.push_back(
        store::RankedPerson{people.rank_at(place), person ? person->name : "", row.points, row.minutes});
  }

  for (const auto& [child, subtree] : subtrees.children) {
    const SubtreeMonth& figures = ledger.subtree(child.id, subtree, false);
    out.children.push_back(store::NodeStanding{child.id, child.name, figures.sums.points,
                                               figures.sums.minutes,
                                               static_cast<std::int64_t>(figures.active.size())});
  }
  // The 评比 order of `whistle report` and the 公示: points per active volunteer, then total.
  sort_children_for_ranking(out.children);
  return out;
}

store::LedgerDigest BoardCache::digest(store::Database& db, const std::string& community) {
  return follow(db, community).digest();
}

}  // namespace whistle::bot::board
