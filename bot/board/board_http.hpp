#pragma once

#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "bot/http_answer.hpp"
#include "bot/http_error.hpp"

namespace whistle::bot::board {

/// Cache-Control of the public API: a lobby screen and a crowd of phones may cache for 30 s.
inline constexpr std::string_view kApiCaching = "public, max-age=30";
/// Cache-Control of the HTML pages: they refresh themselves and must show the newest figures.
inline constexpr std::string_view kPageCaching = "no-cache";
/// Cache-Control of the embedded assets: they change only with the binary (the ETag tells).
inline constexpr std::string_view kAssetCaching = "public, max-age=86400";
/// Cache-Control of the officials' exports: nothing may keep them.
inline constexpr std::string_view kPrivateCaching = "no-store";

/// An answer with a strong ETag (a hash of the body) and `cache_control`; when `if_none_match`
/// names that ETag (or is "*"), a 304 with an empty body instead.
HttpAnswer cacheable(std::string body, std::string content_type, std::string_view cache_control,
                     std::string_view if_none_match);

/// A JSON body as `cacheable` answers it.
HttpAnswer cacheable_json(const nlohmann::json& body, std::string_view cache_control,
                          std::string_view if_none_match);

/// Why a request for the officials' exports is refused, or nothing when its
/// `Authorization: Bearer …` carries `token`: 404 when no token is configured (the API does not
/// exist), 401 when it is missing or wrong. Compared in constant time, lengths included.
std::optional<HttpError> bearer_refusal(std::string_view authorization, const std::string& token);

/// An error answer (`{"ok":false,"error":…}`), with `WWW-Authenticate: Bearer` on a 401 and
/// `Cache-Control: no-store`.
HttpAnswer refused(const HttpError& error);

}  // namespace whistle::bot::board
