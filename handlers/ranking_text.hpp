#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "handlers/context.hpp"
#include "handlers/message_pack.hpp"
#include "handlers/ranking_month.hpp"
#include "store/ledger.hpp"
#include "store/org.hpp"

namespace whistle::handlers {

/// How a period is named in answers: "2026年10月", or "2026年" for a whole year.
std::string period_text(const Services& services, const RankingMonth& period);

/// The month's ranking of a node's subtree as chat messages: individuals, the child nodes against
/// each other (by points per active volunteer, with the total's rank), participation and, for the
/// official publication, the ledger digest. Split into messages of at most `limit` bytes, each
/// naming the node, the month and, when there are several, part n/m.
std::vector<std::string> ranking_messages(const Services& services, const store::OrgNode& node,
                                          const RankingMonth& month,
                                          const std::optional<store::LedgerDigest>& digest,
                                          std::size_t limit = kMessageLimitBytes);

/// "我排第几": where `person` stands in `node_id`'s ranking of the month [from, to), as one line for
/// them ("你在3号楼2单元排第2名（8分）"), or that they are not on it.
std::string own_place_text(Context& context, const std::string& person, const std::string& node_id,
                           std::int64_t from, std::int64_t to);

/// "我们单元排第几": where the child `child_id` stands among `parent`'s children in the month's 评比
/// (by points per active volunteer, with its total's rank), as one line; empty when it is no child.
std::string group_place_text(const Services& services, const store::OrgNode& parent,
                             const std::string& child_id, const RankingMonth& month);

}  // namespace whistle::handlers
