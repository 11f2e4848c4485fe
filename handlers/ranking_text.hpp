#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "handlers/context.hpp"
#include "handlers/ranking_month.hpp"
#include "store/ledger.hpp"
#include "store/org.hpp"

namespace whistle::handlers {

/// The most bytes one chat message may carry: the strictest platform's limit (WeCom's group robot
/// takes 2,048 bytes of text; 2,000 leaves room for its own framing).
inline constexpr std::size_t kMessageLimitBytes = 2000;

/// The month's ranking of a node's subtree as chat messages: individuals, the child nodes against
/// each other (by points per active volunteer, with the total's rank), participation and, for the
/// official publication, the ledger digest. Split into messages of at most `limit` bytes, each
/// naming the node, the month and, when there are several, part n/m.
std::vector<std::string> ranking_messages(const Services& services, const store::OrgNode& node,
                                          const RankingMonth& month,
                                          const std::optional<store::LedgerDigest>& digest,
                                          std::size_t limit = kMessageLimitBytes);

/// Packs lines under a header into messages of at most `limit` bytes; `header(n, m)` renders part n
/// of m (m = 1: a header without a part). A line too long for any message is cut at a character.
std::vector<std::string> pack_messages(const std::vector<std::string>& lines,
                                       const std::function<std::string(std::size_t, std::size_t)>& header,
                                       std::size_t limit);

}  // namespace whistle::handlers
