#pragma once

#include <string>

#include <nlohmann/json.hpp>

namespace whistle::bot::board {

// Each renders one <section data-section="…"> of a node's page from its view's JSON
// (board_views.hpp). Every figure a person reads is a <span data-value="raw number">; all user text
// is HTML-escaped. docs/board.md describes the hooks the browser tests use.

/// People of a month (`ranking-this-month` with a pager, or `ranking-last-month`), with the whole
/// subtree's points, hours and active volunteers.
std::string ranking_section(const nlohmann::json& ranking, const std::string& section,
                            const std::string& title, bool with_pager, const std::string& page_link);

/// The children against each other (评比), each with a link to its page.
std::string children_section(const nlohmann::json& ranking);

/// Open whistles with places left.
std::string tasks_section(const nlohmann::json& tasks);

/// Tickets by state, the month's six rates as percentages, and the mean times.
std::string tickets_section(const nlohmann::json& tickets);

/// The 12-month chart.
std::string trend_section(const nlohmann::json& trend);

/// 回音壁: recently resolved tickets.
std::string echo_section(const nlohmann::json& echo);

/// The ledger digest, the published digests and how anyone can check them.
std::string ledger_section(const nlohmann::json& ledger);

/// `<span data-value="raw">shown</span>`: a figure a test can read without parsing the text.
std::string figure(const nlohmann::json& raw, const std::string& shown);

/// A JSON number as a person reads it ("12", "2.5"); "—" for null.
std::string number_text(const nlohmann::json& value);

}  // namespace whistle::bot::board
