#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "bot/http_error.hpp"

namespace whistle::bot {

/// What a request's head says about how to read it, as the session found it (no Beast here).
struct RequestHead {
  unsigned version = 11;  ///< 10 for HTTP/1.0, 11 for HTTP/1.1
  std::size_t host_lines = 0;
  std::string_view host;  ///< the first Host line's value
  /// Every Transfer-Encoding line's value, joined with commas; empty when there is none.
  std::string_view transfer_encoding;
};

/// Why a request's head cannot be answered safely, RFC 9112's rules the parser leaves to us: a
/// Transfer-Encoding whose last coding is not `chunked` (its body's length is unknown: read as
/// empty, its bytes would be taken for the next request) is 400, one with a coding we do not
/// decode before `chunked` is 501; an HTTP/1.1 request without Host, any request with two, or
/// a Host that is no host[:port] is 400. The session closes the connection after such an answer.
std::optional<HttpError> head_refusal(const RequestHead& head);

/// Whether the client waits for `100 Continue` before sending its body: an HTTP/1.1 request
/// whose Expect is 100-continue, in any letter case (an HTTP/1.0 client is never sent a 1xx).
bool expects_continue(unsigned version, std::string_view expect);

/// The target in origin form: an absolute-form target ("http://host:8080/hooks/generic/a?x=1",
/// as a forward proxy sends it) becomes its path and query ("/hooks/generic/a?x=1", "/" when the
/// URL has no path); any other target is returned as it is. `storage` holds the rare one that is
/// not a part of `target` ("http://host?x=1" → "/?x=1").
std::string_view origin_form(std::string_view target, std::string& storage);

}  // namespace whistle::bot
