#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "bot/http_error.hpp"

namespace whistle::bot {

/// What a request is for.
enum class Endpoint { webhook, healthz, metrics };

/// The route template of an endpoint ("/hooks/{platform}/{instance}"), the `route` label of the metrics.
std::string_view endpoint_route(Endpoint endpoint);

/// The `route` label of a request that matched no route.
inline constexpr std::string_view kUnmatchedRoute = "unmatched";

/// Where a request goes: an endpoint with its path parameter, or the error to answer.
struct Route {
  std::optional<Endpoint> endpoint;  ///< empty when `error` applies
  std::string platform;              ///< `{platform}` of /hooks/{platform}/{instance}
  std::string instance;              ///< `{instance}` of /hooks/{platform}/{instance}
  HttpError error;                   ///< 404 unknown path, 405 wrong method
  std::string allow;                 ///< the Allow header of a 405
};

/// The bot's one route table, readable at a glance in router.cpp:
/// `POST|GET /hooks/{platform}/{instance}`, `GET /healthz`, `GET /metrics`. Which platforms and
/// instances exist is the adapters' business (an unknown one is 404 from the endpoint).
class Router {
 public:
  /// Matches a method ("POST") and a request target ("/hooks/wecom/default?x=1"); never throws.
  Route route(std::string_view method, std::string_view target) const;
};

}  // namespace whistle::bot
