#pragma once

#include <cstdint>
#include <string_view>

namespace whistle::bot {

/// Read-only access to a request's headers, so that adapters need not see Beast.
class RequestHeaders {
 public:
  virtual ~RequestHeaders() = default;

  /// The value of header `name` (case-insensitive); empty when absent.
  virtual std::string_view get(std::string_view name) const = 0;
};

/// A webhook request as an adapter sees it: the raw bytes that signatures cover, untouched.
struct InboundRequest {
  std::string_view method;  ///< "POST", "GET"
  std::string_view target;  ///< path and query, as sent ("/hooks/wecom/app?msg_signature=...")
  std::string_view body;    ///< the raw body
  const RequestHeaders& headers;
  std::int64_t received_at = 0;  ///< Unix seconds, from the bot's clock
};

}  // namespace whistle::bot
