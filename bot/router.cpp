#include "bot/router.hpp"

#include <algorithm>
#include <array>

namespace whistle::bot {

namespace {

// One row per route. A "{name}" segment of a pattern matches one non-empty segment of the path.
struct RouteRow {
  std::string_view method;
  std::string_view pattern;
  Endpoint endpoint;
};

// Every platform's webhook is one route: the endpoint finds the adapter by platform and instance,
// and only the adapter knows its methods (POST; GET too for a URL check, WeCom's echostr), so it
// takes every method and answers a wrong one with the instance's own Allow.
constexpr std::string_view kAnyMethod = "*";
constexpr std::array kRoutes{
    RouteRow{kAnyMethod, "/hooks/{platform}/{instance}", Endpoint::webhook},
    RouteRow{"GET", "/healthz", Endpoint::healthz},
    RouteRow{"GET", "/metrics", Endpoint::metrics},
    // The public board (docs/board.md): pages, embedded assets and the read-only JSON API. The
    // last two API routes are the officials' exports, behind the [board] token.
    RouteRow{"GET", "/board", Endpoint::board_index},
    // An operator opening the server's address in a browser finds the board's tree.
    RouteRow{"GET", "/", Endpoint::board_index},
    RouteRow{"GET", "/board/{node}", Endpoint::board_page},
    RouteRow{"GET", "/board/assets/{file}", Endpoint::board_asset},
    RouteRow{"GET", "/api/v1/nodes", Endpoint::api_nodes},
    RouteRow{"GET", "/api/v1/nodes/{node}/ranking", Endpoint::api_ranking},
    RouteRow{"GET", "/api/v1/nodes/{node}/tasks", Endpoint::api_tasks},
    RouteRow{"GET", "/api/v1/nodes/{node}/tickets", Endpoint::api_tickets},
    RouteRow{"GET", "/api/v1/nodes/{node}/tickets/trend", Endpoint::api_trend},
    RouteRow{"GET", "/api/v1/nodes/{node}/echo", Endpoint::api_echo},
    RouteRow{"GET", "/api/v1/nodes/{node}/ledger", Endpoint::api_ledger},
    RouteRow{"GET", "/api/v1/nodes/{node}/report", Endpoint::api_report},
    RouteRow{"GET", "/api/v1/nodes/{node}/ledger/entries", Endpoint::api_ledger_entries},
};
static_assert(kRoutes.back().endpoint == Endpoint::api_ledger_entries, "every endpoint has a route");

// The next '/'-separated segment of `text` (which starts after a '/'), consumed.
std::string_view next_segment(std::string_view& text) {
  const auto slash = text.find('/');
  const std::string_view segment = text.substr(0, slash);
  text = slash == std::string_view::npos ? std::string_view() : text.substr(slash + 1);
  return segment;
}

// Matches a path against a pattern segment by segment; the {platform}, {instance}, {node} and
// {file} segments are stored in `into`.
bool match(std::string_view pattern, std::string_view path, Route& into) {
  if (!pattern.starts_with('/') || !path.starts_with('/')) return false;
  pattern.remove_prefix(1);
  path.remove_prefix(1);
  const std::size_t segments = static_cast<std::size_t>(std::count(pattern.begin(), pattern.end(), '/')) + 1;
  if (static_cast<std::size_t>(std::count(path.begin(), path.end(), '/')) + 1 != segments) return false;
  Route found;
  for (std::size_t i = 0; i < segments; ++i) {
    const std::string_view want = next_segment(pattern);
    const std::string_view have = next_segment(path);
    if (!want.starts_with('{')) {
      if (want != have) return false;
      continue;
    }
    if (have.empty()) return false;
    if (want == "{platform}") found.platform.assign(have);
    if (want == "{instance}") found.instance.assign(have);
    if (want == "{node}") found.node.assign(have);
    if (want == "{file}") found.file.assign(have);
  }
  into.platform = std::move(found.platform);
  into.instance = std::move(found.instance);
  into.node = std::move(found.node);
  into.file = std::move(found.file);
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
  std::string_view path = target.substr(0, target.find('?'));
  // A page asked for as "/board/c1/", as a link copied by hand often ends, is "/board/c1". A
  // webhook's address stays exact: it is configured once, by a platform, not typed.
  if ((method == "GET" || method == "HEAD") && path.size() > 1 && path.ends_with('/')) path.remove_suffix(1);
  Route result;
  for (const RouteRow& row : kRoutes) {
    if (!match(row.pattern, path, result)) continue;
    // HEAD is GET without the body (RFC 9110 9.3.2), which the session leaves out.
    if (row.method == method || row.method == kAnyMethod || (method == "HEAD" && row.method == "GET")) {
      result.endpoint = row.endpoint;
      return result;
    }
    if (!result.allow.empty()) result.allow += ", ";
    result.allow += row.method;
    if (row.method == "GET") result.allow += ", HEAD";
  }
  if (!result.allow.empty()) {
    result.error = HttpError{405, "method not allowed"};
  } else {
    result.error = HttpError{404, "not found"};
  }
  return result;
}

}  // namespace whistle::bot
