#pragma once

#include <string>
#include <utility>
#include <vector>

namespace whistle::bot {

/// A response as the endpoints produce it, before the session turns it into HTTP.
struct HttpAnswer {
  int status = 200;
  std::string content_type = "application/json";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;  ///< extra headers, e.g. Allow
};

}  // namespace whistle::bot
