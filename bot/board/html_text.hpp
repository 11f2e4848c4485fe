#pragma once

#include <string>
#include <string_view>

namespace whistle::bot::board {

/// Text made safe inside HTML element content and double-quoted attribute values: & < > " ' escaped.
std::string html_escape(std::string_view text);

}  // namespace whistle::bot::board
