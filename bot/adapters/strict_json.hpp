#pragma once

#include <string>
#include <string_view>
#include <variant>

#include <nlohmann/json.hpp>

namespace whistle::bot {

/// Parses JSON text, refusing what a lenient parser would silently accept: a key repeated in one
/// object (`{"from": "a", "from": "b"}` would otherwise take the last). The error is a short
/// public sentence ("malformed JSON", "duplicate key \"from\"").
std::variant<nlohmann::json, std::string> parse_strict_json(std::string_view text);

}  // namespace whistle::bot
