#pragma once

#include <string>
#include <string_view>

namespace whistle::bot {

/// Appends `text` as a JSON string the way nlohmann's dump (error_handler_t::replace) writes valid
/// UTF-8: quotes, backslashes and control characters escaped, the rest as it is; an invalid byte
/// becomes U+FFFD, so the result is always valid JSON. For the bodies written on every event
/// (the inbox's answer, the generic webhook's acknowledgement), where building a json tree to
/// dump it cost more than the rest of the answer.
void append_json_string(std::string& out, std::string_view text);

}  // namespace whistle::bot
