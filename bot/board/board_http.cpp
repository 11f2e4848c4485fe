#include "bot/board/board_http.hpp"

#include <algorithm>
#include <cctype>

#include "bot/crypto/digest.hpp"

namespace whistle::bot::board {

namespace {

constexpr std::string_view kBearer = "Bearer ";

// If-None-Match is a list of ETags ("a", W/"b"); a weak form of ours matches too (RFC 9110 13.1.2
// compares weakly for If-None-Match).
bool matches(std::string_view if_none_match, std::string_view etag) {
  while (!if_none_match.empty()) {
    const std::size_t comma = if_none_match.find(',');
    std::string_view candidate = if_none_match.substr(0, comma);
    if_none_match = comma == std::string_view::npos ? std::string_view() : if_none_match.substr(comma + 1);
    while (!candidate.empty() && candidate.front() == ' ')
      candidate.remove_prefix(1);
    while (!candidate.empty() && candidate.back() == ' ')
      candidate.remove_suffix(1);
    if (candidate.starts_with("W/")) candidate.remove_prefix(2);
    if (candidate == "*" || candidate == etag) return true;
  }
  return false;
}

}  // namespace

HttpAnswer cacheable(std::string body, std::string content_type, std::string_view cache_control,
                     std::string_view if_none_match) {
  HttpAnswer answer;
  const std::string etag = "\"" + sha256_hex(body).substr(0, 32) + "\"";
  answer.headers.emplace_back("ETag", etag);
  answer.headers.emplace_back("Cache-Control", std::string(cache_control));
  answer.content_type = std::move(content_type);
  if (matches(if_none_match, etag)) {
    answer.status = 304;
    return answer;
  }
  answer.body = std::move(body);
  return answer;
}

HttpAnswer cacheable_json(const nlohmann::json& body, std::string_view cache_control,
                          std::string_view if_none_match) {
  // Invalid UTF-8 typed by a user is replaced rather than thrown on (conventions.md, JSON).
  return cacheable(body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace),
                   "application/json; charset=utf-8", cache_control, if_none_match);
}

std::optional<HttpError> bearer_refusal(std::string_view authorization, const std::string& token) {
  if (token.empty()) return HttpError{404, "not found"};
  // The scheme's name is case-insensitive (RFC 9110 11.1): "bearer xyz" is as good as "Bearer xyz".
  const bool bearer =
      authorization.size() > kBearer.size() &&
      std::equal(kBearer.begin(), kBearer.end(), authorization.begin(), [](char a, char b) {
        return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
      });
  if (!bearer) return HttpError{401, "a bearer token is required"};
  std::string_view credentials = authorization.substr(kBearer.size());
  while (credentials.starts_with(' '))
    credentials.remove_prefix(1);
  // Hashing both first makes the comparison's time independent of the token's length too.
  const std::string given = sha256_hex(credentials);
  if (!constant_time_equal(given, sha256_hex(token))) return HttpError{401, "the bearer token is wrong"};
  return std::nullopt;
}

HttpAnswer refused(const HttpError& error) {
  HttpAnswer answer = error_answer(error);
  answer.content_type = "application/json; charset=utf-8";
  if (error.status == 401) answer.headers.emplace_back("WWW-Authenticate", "Bearer");
  answer.headers.emplace_back("Cache-Control", std::string(kPrivateCaching));
  return answer;
}

}  // namespace whistle::bot::board
