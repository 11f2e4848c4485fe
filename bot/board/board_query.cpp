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

// The API's reason in English, and the page's in Chinese: a resident who mistyped a link read "bad
// parameter page: a whole number from 1" under a Chinese heading (an exploratory run of the board,
// 2026-12-07).
HttpError bad(std::string_view parameter, std::string_view accepted, std::string_view in_chinese) {
  return HttpError{400, "bad parameter " + std::string(parameter) + ": " + std::string(accepted),
                   std::string(in_chinese)};
}

}  // namespace

std::variant<BoardQuery, HttpError> parse_board_query(std::string_view target) {
  const auto parameters = parse_query(target);
  if (!parameters)
    return HttpError{400, "malformed query: a bad %XX escape or a parameter given twice",
                     "地址里有写错的 %XX 编码，或同一个参数写了两次。"};
  BoardQuery query;
  for (const auto& [name, value] : *parameters) {
    if (name == "month") {
      query.month = handlers::parse_year_month(value);
      if (!query.month)
        return bad("month", "YYYY-MM with a month 01-12, e.g. 2026-11",
                   "月份要写成 年-月，例如 ?month=2026-11。");
    } else if (name == "page") {
      const std::optional<std::int64_t> page = whole_number(value, 1, kMaxPage);
      if (!page)
        return bad("page", "a whole number from 1 to 1000000", "页码要写成从 1 开始的整数，例如 ?page=2。");
      query.page = *page;
    } else if (name == "per_page") {
      const std::optional<std::int64_t> per_page = whole_number(value, 1, kMaxPerPage);
      if (!per_page)
        return bad("per_page", "a whole number from 1 to 100", "每页条数要写成 1 到 100 的整数。");
      query.per_page = *per_page;
    } else if (name == "format") {
      if (value != "json" && value != "csv" && value != "md")
        return bad("format", "json, csv or md", "格式只能是 json、csv 或 md。");
      query.format = value;
    } else if (name == "screen") {
      if (value != "lobby")
        return bad("screen", "lobby (or leave it out for the phone layout)",
                   "screen 只能写 lobby（大厅屏幕）；手机上看不用写它。");
      query.lobby = true;
    }
    // Other parameters are left alone: a browser or a proxy may add its own (a cache buster).
  }
  return query;
}

}  // namespace whistle::bot::board
