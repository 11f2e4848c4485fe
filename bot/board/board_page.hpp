#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "store/org.hpp"

namespace whistle::bot::board {

/// Everything a node's page shows, read in one snapshot (board_views.hpp gives each part).
struct PageData {
  store::OrgNode node;
  std::vector<store::OrgNode> path;  ///< community first, the node last
  bool has_children = false;
  nlohmann::json ranking_this_month;
  nlohmann::json ranking_last_month;
  nlohmann::json tasks;
  nlohmann::json tickets;
  nlohmann::json trend;
  nlohmann::json echo;
  nlohmann::json ledger;
  std::string updated;  ///< "HH:MM" local
  bool lobby = false;   ///< ?screen=lobby: the 1080p layout, refreshed every minute
};

/// The node's page: a header with its name, path, month and update time, then every section.
std::string render_board_page(const PageData& data);

/// The index: the org tree as nested links, communities first.
std::string render_board_index(const std::vector<store::OrgNode>& nodes);

/// The 404 page of an unknown node, in Chinese, with a link to /board.
std::string render_unknown_node();

/// The page for an address the board cannot read (a bad ?page=, ?screen= or %XX), with why.
std::string render_bad_address(std::string_view why);

}  // namespace whistle::bot::board
