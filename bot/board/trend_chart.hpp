#pragma once

#include <string>

#include <nlohmann/json.hpp>

namespace whistle::bot::board {

/// The 12-month trend (trend_view's JSON) as an inline SVG drawn on the server: a pair of bars per
/// month (received, solved), each a <rect> with data-month and data-received / data-solved, and the
/// satisfaction rate as a line on a 0–100 % scale. Needs no script and no library.
std::string trend_svg(const nlohmann::json& trend);

}  // namespace whistle::bot::board
