// The board's ledger views: the digest anyone can check, and the officials' entries.
#include "bot/board/board_cache.hpp"
#include "bot/board/board_views.hpp"
#include "store/ledger.hpp"
#include "store/publications.hpp"

namespace whistle::bot::board {

namespace {

constexpr const char* kHowToCheck =
    "每月民情日的积分公示都会附上当时积分账本的摘要（digest）和条目数。账本只增不改："
    "任何一条被改动，之后的摘要就对不上。社区工作人员可运行 whistle verify-ledger 重新计算整条账本并核对；"
    "持有令牌的工作人员可通过 /api/v1/nodes/{社区}/ledger/entries?month=YYYY-MM 导出当月条目及其哈希，"
    "与公示的摘要逐条比对。";

}  // namespace

nlohmann::json ledger_view(store::Database& db, BoardCache& cache, const store::OrgNode& node) {
  const store::LedgerDigest digest = cache.digest(db, node.community);
  nlohmann::json publications = nlohmann::json::array();
  // The 公示 are posted at the community; the same digests hold for every node below it.
  for (const store::Publication& publication : store::PublicationRepository(db).of_node(node.community)) {
    publications.push_back(
        {{"month", publication.month}, {"digest", publication.digest}, {"entries", publication.entries}});
  }
  return {{"community", node.community},
          {"digest", digest.hash},
          {"entries", digest.entries},
          {"publications", std::move(publications)},
          {"how_to_check", kHowToCheck}};
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
