#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace whistle::bot {

/// The parameters of a request target's query ("/hooks/wecom/app?nonce=1&echostr=a%2Bb"), each
/// value percent-decoded exactly once. A literal '+' stays '+': WeCom's Base64 values carry it, and
/// reading it as a space (the HTML form rule) breaks their signature. Empty when the query is
/// malformed (a bad %XX escape) or names a parameter twice, so a second value cannot slip past a
/// check made on the first.
std::optional<std::map<std::string, std::string, std::less<>>> parse_query(std::string_view target);

/// `text` with every %XX decoded exactly once (a '+' stays '+'); empty when an escape is malformed.
std::optional<std::string> percent_decode(std::string_view text);

/// `text` percent-encoded for a query value: everything but A-Z a-z 0-9 - . _ ~ as %XX.
std::string percent_encode(std::string_view text);

}  // namespace whistle::bot
