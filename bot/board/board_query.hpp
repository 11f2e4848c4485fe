#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

#include "bot/http_error.hpp"
#include "handlers/language/command.hpp"

namespace whistle::bot::board {

/// The query parameters the board's routes take, each checked (docs/board.md lists them).
struct BoardQuery {
  std::optional<language::YearMonth> month;  ///< month=YYYY-MM; empty: this month
  std::int64_t page = 1;                     ///< page=N, N ≥ 1
  std::int64_t per_page = 50;                ///< per_page=M, 1 ≤ M ≤ 100
  std::string format = "json";               ///< format=json|csv|md (the report)
  bool lobby = false;                        ///< screen=lobby
};

/// Reads the query of `target`; a 400 naming the parameter and what is accepted for a bad value, or
/// for a malformed query. Unknown parameters are ignored.
std::variant<BoardQuery, HttpError> parse_board_query(std::string_view target);

}  // namespace whistle::bot::board
