#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "bot/http_error.hpp"

namespace whistle::bot {

/// Readers for fields of a platform's JSON payload. Each fails with a 400 naming the field, so a
/// malformed delivery is refused before anything is stored, and never throws (nlohmann's typed
/// getters would, on a wrong type).

/// 400 `"<field>" <problem>`.
HttpError bad_field(std::string_view field, std::string_view problem);

/// The object member `field`, or null when absent, JSON null, or `object` is not an object.
const nlohmann::json* member(const nlohmann::json& object, std::string_view field);

/// A string member, or empty when absent or not a string: optional fields read leniently.
std::string string_member(const nlohmann::json& object, std::string_view field);

/// A string member; absent or null: empty when `required` is false, else 400.
std::optional<HttpError> read_string(const nlohmann::json& object, std::string_view field, bool required,
                                     std::string& out);

/// An integer member, also accepted as a string of decimal digits with an optional '-' (DingTalk
/// sends `conversationType` as "1"); absent or null: untouched when `required` is false, else 400.
std::optional<HttpError> read_integer(const nlohmann::json& object, std::string_view field, bool required,
                                      std::int64_t& out);

/// A boolean member; absent or null: false.
std::optional<HttpError> read_bool(const nlohmann::json& object, std::string_view field, bool& out);

/// Compact JSON with invalid UTF-8 replaced, never throwing on user text.
std::string dump_json(const nlohmann::json& value);

}  // namespace whistle::bot
