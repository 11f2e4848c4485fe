#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "bot/http_error.hpp"

namespace whistle::bot {

/// What a request is for. The board's endpoints (issue 14, docs/board.md) follow the bot's own.
enum class Endpoint {
  webhook,
  healthz,
  metrics,
  board_index,         ///< the org tree as links
  board_page,          ///< one node's page
  board_asset,         ///< an embedded static file
  api_nodes,           ///< the org tree as JSON
  api_ranking,         ///< people and children of a month
  api_tasks,           ///< open whistles with places left
  api_tickets,         ///< ticket states, figures and rates
  api_trend,           ///< 12 months of ticket figures
  api_echo,            ///< 回音壁: recently resolved tickets
  api_ledger,          ///< the ledger digest and the published ones
  api_report,          ///< officials: `whistle report` (bearer token)
  api_ledger_entries,  ///< officials: the month's ledger entries with hashes (bearer token)
};

/// How many endpoints there are (the metrics keep a counter row for each, plus "unmatched").
inline constexpr std::size_t kEndpointCount = static_cast<std::size_t>(Endpoint::api_ledger_entries) + 1;

/// The route template of an endpoint ("/hooks/{platform}/{instance}"), the `route` label of the metrics.
std::string_view endpoint_route(Endpoint endpoint);

/// The `route` label of a request that matched no route.
inline constexpr std::string_view kUnmatchedRoute = "unmatched";

/// Where a request goes: an endpoint with its path parameter, or the error to answer.
struct Route {
  std::optional<Endpoint> endpoint;  ///< empty when `error` applies
  std::string platform;              ///< `{platform}` of /hooks/{platform}/{instance}
  std::string instance;              ///< `{instance}` of /hooks/{platform}/{instance}
  std::string node;                  ///< `{node}` of the board's routes, still percent-encoded
  std::string file;                  ///< `{file}` of /board/assets/{file}
  HttpError error;                   ///< 404 unknown path, 405 wrong method
  std::string allow;                 ///< the Allow header of a 405
};

/// The bot's one route table, readable at a glance in router.cpp:
/// `/hooks/{platform}/{instance}` (every method: the adapter knows which it takes), `GET /healthz`,
/// `GET /metrics`, and the public board's `GET /board…` and `GET /api/v1/…`; a GET route takes HEAD
/// too. Which platforms, instances and nodes exist is the endpoints' business (an unknown one is
/// 404 from the endpoint).
class Router {
 public:
  /// Matches a method ("POST") and a request target ("/hooks/wecom/default?x=1"); never throws.
  Route route(std::string_view method, std::string_view target) const;
};

}  // namespace whistle::bot
