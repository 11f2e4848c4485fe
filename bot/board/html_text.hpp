#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace whistle::bot::board {

/// Text made safe inside HTML element content and double-quoted attribute values: & < > " ' escaped.
std::string html_escape(std::string_view text);

/// A percent-encoded path segment decoded ('+' left as is); empty when an escape is malformed.
std::optional<std::string> percent_decode(std::string_view text);

}  // namespace whistle::bot::board
