#pragma once

#include <optional>
#include <string_view>

namespace whistle::bot::board {

namespace embedded {

/// The text of bot/board/assets/board.css, compiled in by config/embed_text.cmake.
extern const std::string_view kBoardCss;

}  // namespace embedded

/// An embedded static file of the board: its bytes and content type.
struct Asset {
  std::string_view body;
  std::string_view content_type;
};

/// The embedded file called `name` ("board.css"); empty for any other name.
std::optional<Asset> board_asset(std::string_view name);

}  // namespace whistle::bot::board
