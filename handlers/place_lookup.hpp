#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "handlers/context.hpp"

namespace whistle::handlers {

/// The node a place names ("3号楼", "第一网格", "b3u2"): an exact node name or id anywhere in the
/// org, else the one node among `scope` whose name ends with it ("2单元" → "3号楼2单元").
std::optional<store::OrgNode> node_named(const Services& services, const std::string& place,
                                         const std::vector<store::OrgNode>& scope);

/// The node a command names as its place ("统计 第一网格", "排行 3号楼"): by its name anywhere, or a
/// short name ("2单元") among the nodes below the chat's (in private, the community's). Empty when the
/// command names no place or no node of this community.
std::optional<store::OrgNode> node_asked_about(Context& context, const Command& command);

/// The node of this community that words name among their own ("我搬到3号楼了", "3号楼2单元的单元长是谁"),
/// found as a resident writes a place. Empty when they name none.
std::optional<store::OrgNode> node_named_in_words(Context& context, std::string_view words);

/// The nodes at or below any of `roots`, each once, roots first.
std::vector<store::OrgNode> subtrees_of(const Services& services, const std::vector<store::OrgNode>& roots);

}  // namespace whistle::handlers
