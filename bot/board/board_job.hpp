#pragma once

#include <string>

#include "bot/board/board_query.hpp"
#include "bot/board/board_views.hpp"
#include "bot/http_answer.hpp"
#include "bot/router.hpp"

namespace whistle::config {
class Templates;
}

namespace whistle::store {
class Database;
}

namespace whistle::bot::board {

class BoardCache;

/// One board request's work on the reader's thread: everything it reads in one ReadSnapshot, then
/// the answer (JSON, HTML, or a report) with its ETag and caching. The request was already checked
/// (query, token) on the network thread.
struct BoardJob {
  Endpoint endpoint;
  std::string node;  ///< decoded; empty for /board and /api/v1/nodes
  BoardQuery query;
  std::string if_none_match;
  ViewClock clock;
  const config::Templates* templates = nullptr;  ///< the report's labels

  /// Reads and renders; an unknown node is 404 (an HTML page for /board/{node}).
  HttpAnswer operator()(store::Database& db, BoardCache& cache) const;
};

}  // namespace whistle::bot::board
