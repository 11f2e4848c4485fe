// The board's ledger views: the digest anyone can check, and the officials' entries.
#include <algorithm>
#include <tuple>
#include <utility>
#include <vector>

#include "bot/board/board_cache.hpp"
#include "bot/board/board_views.hpp"
#include "store/ledger.hpp"
#include "store/org.hpp"
#include "store/publications.hpp"

namespace whistle::bot::board {

namespace {

// How anyone can check the ledger: a resident with a screenshot first, then the staff's tools, the
// export's address with the community's own id (it read "{社区}" literally, and offered a resident
// no step of their own: an exploratory run of the board, 2026-12-07).
std::string how_to_check(const std::string& community) {
  return "每月民情日的积分公示都会附上当时积分账本的摘要（digest）和条目数。账本只增不改："
         "任何一条被改动，之后的摘要就对不上。居民可以截图保存每月公示里的摘要，之后对照本页列出的历史摘要是"
         "否一致。"
         "社区工作人员可运行 whistle verify-ledger 重新计算整条账本并核对；持有令牌的工作人员可通过 "
         "/api/v1/nodes/" +
         community + "/ledger/entries?month=YYYY-MM 导出当月条目及其哈希，与公示的摘要逐条比对。";
}

}  // namespace

nlohmann::json ledger_view(store::Database& db, BoardCache& cache, const store::OrgNode& node) {
  const store::LedgerDigest digest = cache.digest(db, node.community);
  // Every 公示 this node's group could have read: the community's on 民情日, and one a leader posted
  // by hand for this node or a level between, whose digest a resident may hold a screenshot of.
  std::vector<std::pair<store::Publication, std::string>> shown;  // with the name of its node
  store::PublicationRepository publications_of(db);
  for (const store::OrgNode& level : store::OrgRepository(db).ancestors_and_self(node.id)) {
    for (store::Publication& publication : publications_of.of_node(level.id))
      shown.emplace_back(std::move(publication), level.name);
  }
  std::stable_sort(shown.begin(), shown.end(), [](const auto& a, const auto& b) {
    return std::tie(a.first.month, a.first.at, a.first.id) < std::tie(b.first.month, b.first.at, b.first.id);
  });
  nlohmann::json publications = nlohmann::json::array();
  for (const auto& [publication, node_name] : shown) {
    publications.push_back({{"month", publication.month},
                            {"node", publication.node},
                            {"node_name", node_name},
                            {"digest", publication.digest},
                            {"entries", publication.entries}});
  }
  return {{"community", node.community},
          {"digest", digest.hash},
          {"entries", digest.entries},
          {"publications", std::move(publications)},
          {"how_to_check", how_to_check(node.community)}};
}

nlohmann::json ledger_entries_view(store::Database& db, const store::OrgNode& node,
                                   const handlers::RankingMonth& month) {
  nlohmann::json entries = nlohmann::json::array();
  for (const store::LedgerEntry& row :
       store::LedgerRepository(db).of_month(node.community, month.from, month.to)) {
    entries.push_back({{"id", row.id},
                       {"person", row.person},
                       {"points", row.points},
                       {"minutes", row.minutes},
                       {"kind", store::ledger_kind_text(row.kind)},
                       {"node", row.node ? nlohmann::json(*row.node) : nlohmann::json()},
                       {"task_id", row.task_id ? nlohmann::json(*row.task_id) : nlohmann::json()},
                       {"author", row.author ? nlohmann::json(*row.author) : nlohmann::json()},
                       {"reason", row.reason},
                       {"at", row.at},
                       {"prev_hash", row.prev_hash},
                       {"hash", row.hash}});
  }
  return {{"community", node.community}, {"month", month.label()}, {"entries", std::move(entries)}};
}

}  // namespace whistle::bot::board
