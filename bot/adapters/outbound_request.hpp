#pragma once

#include <string>
#include <utility>
#include <vector>

namespace whistle::bot {

/// An HTTP request the outbox sender makes to a platform's send API (or a bridge's deliver_url).
struct OutboundRequest {
  std::string method = "POST";
  std::string url;  ///< absolute: "http://127.0.0.1:9000/deliver"
  std::vector<std::pair<std::string, std::string>> headers;
  std::string content_type = "application/json";
  std::string body;
};

}  // namespace whistle::bot
