#include "bot/board/assets.hpp"

namespace whistle::bot::board {

std::optional<Asset> board_asset(std::string_view name) {
  if (name == "board.css") return Asset{embedded::kBoardCss, "text/css; charset=utf-8"};
  return std::nullopt;
}

}  // namespace whistle::bot::board
