#include "bot/board/board_query.hpp"

#include <charconv>

#include "bot/adapters/query_string.hpp"
#include "handlers/ranking_month.hpp"

namespace whistle::bot::board {

namespace {

constexpr std::int64_t kMaxPerPage = 100;
constexpr std::int64_t kMaxPage = 1'000'000;

std::optional<std::int64_t> whole_number(std::string_view text, std::int64_t low, std::int64_t high) {
  std::int64_t value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || value < low || value > high)
    return std::nullopt;
  return value;
}

HttpError bad(std::string_view parameter, std::string_view accepted) {
  return HttpError{400, "bad parameter " + std::string(parameter) + ": " + std::string(accepted)};
}

}  // namespace

std::variant<BoardQuery, HttpError> parse_board_query(std::string_view target) {
  const auto parameters = parse_query(target);
  if (!parameters) return HttpError{400, "malformed query: a bad %XX escape or a parameter given twice"};
  BoardQuery query;
  for (const auto& [name, value] : *parameters) {
    if (name == "month") {
      query.month = handlers::parse_year_month(value);
      if (!query.month) return bad("month", "YYYY-MM with a month 01-12, e.g. 2026-11");
    } else if (name == "page") {
      const std::optional<std::int64_t> page = whole_number(value, 1, kMaxPage);
      if (!page) return bad("page", "a whole number from 1");
      query.page = *page;
    } else if (name == "per_page") {
      const std::optional<std::int64_t> per_page = whole_number(value, 1, kMaxPerPage);
      if (!per_page) return bad("per_page", "a whole number from 1 to 100");
      query.per_page = *per_page;
    } else if (name == "format") {
      if (value != "json" && value != "csv" && value != "md") return bad("format", "json, csv or md");
      query.format = value;
    } else if (name == "screen") {
      if (value != "lobby") return bad("screen", "lobby (or leave it out for the phone layout)");
      query.lobby = true;
    }
    // Other parameters are left alone: a browser or a proxy may add its own (a cache buster).
  }
  return query;
}

}  // namespace whistle::bot::board
