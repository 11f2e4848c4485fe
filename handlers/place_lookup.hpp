#pragma once

#include <optional>
#include <string>
#include <vector>

#include "handlers/context.hpp"

namespace whistle::handlers {

/// The node a place names ("3号楼", "第一网格", "b3u2"): an exact node name or id anywhere in the
/// org, else the one node among `scope` whose name ends with it ("2单元" → "3号楼2单元").
std::optional<store::OrgNode> node_named(const Services& services, const std::string& place,
                                         const std::vector<store::OrgNode>& scope);

/// The nodes at or below any of `roots`, each once, roots first.
std::vector<store::OrgNode> subtrees_of(const Services& services, const std::vector<store::OrgNode>& roots);

}  // namespace whistle::handlers
