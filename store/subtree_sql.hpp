#pragma once

#include <string>

namespace whistle::store {

/// The common head of every read over a node's subtree (?1 is the node): `sub` is the subtree,
/// walked down the org tree, and `root` its community (with whether ?1 is the community itself),
/// so every big table is read as a range of one community's rows. Shared by the rankings and the
/// board so both count the same subtree. Internal to store/.
inline const std::string kSubtreeCte =
    "WITH RECURSIVE sub(id) AS (SELECT id FROM org_nodes WHERE id = ?1 "
    "UNION ALL SELECT o.id FROM org_nodes o JOIN sub ON o.parent_id = sub.id), "
    "root(community, is_community) AS (SELECT community_id, id = community_id FROM org_nodes WHERE id = ?1) ";

}  // namespace whistle::store
