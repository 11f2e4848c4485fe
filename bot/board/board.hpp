#pragma once

#include <string>

#include "bot/adapters/inbound_request.hpp"
#include "bot/http_answer.hpp"
#include "bot/net.hpp"
#include "bot/router.hpp"
#include "config/config.hpp"
#include "config/templates.hpp"

namespace whistle::bot::board {

class BoardReader;

/// The public board's endpoints (docs/board.md): checks a request on the network thread (its query,
/// the officials' token), serves the embedded assets at once, and hands everything that reads the
/// database to the reader.
class Board {
 public:
  /// Keeps a reference to `reader`, which must outlive the board; takes the token, the time zone and
  /// the report's templates from `config`.
  Board(const config::Config& config, BoardReader& reader);

  /// Answers a board route into `answer`. `request` and `answer` must stay valid until the coroutine
  /// completes (an out-parameter, as Endpoints::handle and for the same g++ 12 reason).
  asio::awaitable<void> handle(Endpoint endpoint, std::string node, std::string file,
                               const InboundRequest& request, HttpAnswer& answer);

 private:
  std::string token_;
  int utc_offset_seconds_;
  config::Templates templates_;
  BoardReader& reader_;
};

}  // namespace whistle::bot::board
