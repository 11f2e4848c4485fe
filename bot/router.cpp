#include "bot/router.hpp"

#include <array>

namespace whistle::bot {

namespace {

// One row per route. A pattern ends either exactly or in "{param}", a single non-empty segment.
struct RouteRow {
  std::string_view method;
  std::string_view pattern;
  Endpoint endpoint;
};

constexpr std::array kRoutes{
    RouteRow{"POST", "/hooks/generic/{instance}", Endpoint::generic_webhook},
    RouteRow{"GET", "/healthz", Endpoint::healthz},
    RouteRow{"GET", "/metrics", Endpoint::metrics},
};

// Matches a path against a pattern; on a match with a trailing {param}, stores the segment.
bool match(std::string_view pattern, std::string_view path, std::string& param) {
  const auto brace = pattern.find('{');
  if (brace == std::string_view::npos) return pattern == path;
  const std::string_view prefix = pattern.substr(0, brace);
  if (!path.starts_with(prefix)) return false;
  const std::string_view segment = path.substr(prefix.size());
  if (segment.empty() || segment.find('/') != std::string_view::npos) return false;
  param.assign(segment);
  return true;
}

}  // namespace

std::string_view endpoint_route(Endpoint endpoint) {
  for (const RouteRow& row : kRoutes) {
    if (row.endpoint == endpoint) return row.pattern;
  }
  return kUnmatchedRoute;
}

Route Router::route(std::string_view method, std::string_view target) const {
  // The query string plays no part in routing.
  const std::string_view path = target.substr(0, target.find('?'));
  Route result;
  std::string param;
  for (const RouteRow& row : kRoutes) {
    if (!match(row.pattern, path, param)) continue;
    // HEAD is not offered: every endpoint answers with a body, and no client of ours sends it.
    if (row.method == method) {
      result.endpoint = row.endpoint;
      result.instance = std::move(param);
      return result;
    }
    if (!result.allow.empty()) result.allow += ", ";
    result.allow += row.method;
  }
  if (!result.allow.empty()) {
    result.error = HttpError{405, "method not allowed"};
  } else {
    result.error = HttpError{404, "not found"};
  }
  return result;
}

}  // namespace whistle::bot
