#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace whistle::bot {

/// Standard Base64 (RFC 4648 §4, with '=' padding) of `bytes`.
std::string base64_encode(std::string_view bytes);

/// The bytes of standard Base64 text; empty when it is not Base64 (a wrong character, a bad length
/// or misplaced padding). Whitespace is not accepted: the platforms send none.
std::optional<std::string> base64_decode(std::string_view text);

}  // namespace whistle::bot
