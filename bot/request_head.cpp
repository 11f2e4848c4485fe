#include "bot/request_head.hpp"

#include <algorithm>
#include <cctype>
#include <string>

namespace whistle::bot {

namespace {

bool same_letters(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}

std::string_view trimmed(std::string_view text) {
  const auto space = [](char c) { return c == ' ' || c == '\t'; };
  while (!text.empty() && space(text.front()))
    text.remove_prefix(1);
  while (!text.empty() && space(text.back()))
    text.remove_suffix(1);
  return text;
}

// The Transfer-Encoding's verdict: the codings in order, parameters dropped, empty list
// elements skipped (RFC 9110 5.6.1).
std::optional<HttpError> transfer_coding_refusal(std::string_view codings) {
  std::size_t chunked = 0;
  std::size_t others = 0;
  bool chunked_last = false;
  while (!codings.empty()) {
    const std::size_t comma = codings.find(',');
    std::string_view coding = codings.substr(0, comma);
    codings = comma == std::string_view::npos ? std::string_view() : codings.substr(comma + 1);
    coding = trimmed(coding.substr(0, coding.find(';')));
    if (coding.empty()) continue;
    chunked_last = same_letters(coding, "chunked");
    if (chunked_last) {
      ++chunked;
    } else {
      ++others;
    }
  }
  // RFC 9112 6.3: without chunked last, the body's length "cannot be determined reliably".
  if (!chunked_last || chunked > 1) return HttpError{400, "malformed HTTP request"};
  if (others > 0) return HttpError{501, "unsupported transfer coding"};
  return std::nullopt;
}

// host[:port] as RFC 3986 writes it: a name or address of its characters, an IP literal in
// brackets, and digits after the colon. Empty is allowed (a target with no authority).
bool valid_host(std::string_view host) {
  const auto name_char = [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) != 0 ||
           std::string_view("-._~%!$&'()*+,;=").find(c) != std::string_view::npos;
  };
  std::string_view port;
  if (host.starts_with('[')) {
    const std::size_t close = host.find(']');
    if (close == std::string_view::npos) return false;
    const std::string_view literal = host.substr(1, close - 1);
    if (literal.empty() ||
        !std::all_of(literal.begin(), literal.end(), [&](char c) { return name_char(c) || c == ':'; }))
      return false;
    port = host.substr(close + 1);
    if (!port.empty() && !port.starts_with(':')) return false;
  } else {
    const std::size_t colon = host.find(':');
    const std::string_view name = host.substr(0, colon);
    if (!std::all_of(name.begin(), name.end(), name_char)) return false;
    if (colon != std::string_view::npos) port = host.substr(colon);
  }
  if (port.empty()) return true;
  port.remove_prefix(1);  // the colon
  return std::all_of(port.begin(), port.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

std::optional<HttpError> head_refusal(const RequestHead& head) {
  if (!head.transfer_encoding.empty()) {
    if (std::optional<HttpError> refusal = transfer_coding_refusal(head.transfer_encoding)) return refusal;
  }
  // RFC 9112 3.2: the server MUST answer 400 to these.
  if (head.host_lines == 0 && head.version >= 11) return HttpError{400, "missing Host header"};
  if (head.host_lines > 1) return HttpError{400, "more than one Host header"};
  if (head.host_lines == 1 && !valid_host(head.host)) return HttpError{400, "invalid Host header"};
  return std::nullopt;
}

bool expects_continue(unsigned version, std::string_view expect) {
  return version >= 11 && same_letters(trimmed(expect), "100-continue");
}

std::string_view origin_form(std::string_view target, std::string& storage) {
  const std::size_t scheme_end = target.find("://");
  if (target.starts_with('/') || scheme_end == std::string_view::npos) return target;
  const std::string_view scheme = target.substr(0, scheme_end);
  if (!same_letters(scheme, "http") && !same_letters(scheme, "https")) return target;
  const std::string_view rest = target.substr(scheme_end + 3);
  const std::size_t path = rest.find_first_of("/?");
  if (path == std::string_view::npos) return "/";
  if (rest[path] == '/') return rest.substr(path);
  // "http://host?x=1": the empty path is written "/" before the query.
  storage = "/";
  storage += rest.substr(path);
  return storage;
}

}  // namespace whistle::bot
