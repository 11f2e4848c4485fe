#include "bot/adapters/wecom_callback.hpp"

#include "bot/adapters/query_string.hpp"

namespace whistle::bot {

namespace {

// Unix seconds written as WeCom writes them: 1 to 12 digits, no sign.
std::optional<std::int64_t> unix_seconds(std::string_view text) {
  if (text.empty() || text.size() > 12) return std::nullopt;
  std::int64_t value = 0;
  for (const char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  return value;
}

}  // namespace

std::variant<WecomCallbackQuery, HttpError> WecomCallback::read_query(const InboundRequest& request) {
  const auto params = parse_query(request.target);
  if (!params) return HttpError{401, "malformed query"};
  WecomCallbackQuery query;
  const auto take = [&params](std::string_view name, std::string& out) {
    const auto it = params->find(name);
    if (it == params->end() || it->second.empty()) return false;
    out = it->second;
    return true;
  };
  if (!take("msg_signature", query.signature)) return HttpError{401, "missing msg_signature"};
  if (!take("timestamp", query.timestamp)) return HttpError{401, "missing timestamp"};
  if (!take("nonce", query.nonce)) return HttpError{401, "missing nonce"};
  if (request.method == "GET" && !take("echostr", query.echostr)) return HttpError{400, "missing echostr"};
  return query;
}

std::optional<HttpError> WecomCallback::check(const WecomCallbackQuery& query, std::string_view encrypted,
                                              std::int64_t now) const {
  const std::optional<std::int64_t> stamped = unix_seconds(query.timestamp);
  if (!stamped) return HttpError{401, "bad timestamp"};
  if (*stamped < now - kWecomReplayWindowSeconds || *stamped > now + kWecomReplayWindowSeconds) {
    return HttpError{401, "timestamp outside the replay window"};
  }
  if (!crypto_.signature_matches(query.signature, query.timestamp, query.nonce, encrypted)) {
    return HttpError{401, "bad msg_signature"};
  }
  return std::nullopt;
}

std::variant<std::string, HttpError> WecomCallback::open(std::string_view encrypted) const {
  std::variant<std::string, WecomCryptoError> opened = crypto_.decrypt(encrypted);
  if (auto* error = std::get_if<WecomCryptoError>(&opened)) {
    // Signed with our token but sealed for someone else: not a message for this instance.
    const int status = *error == WecomCryptoError::wrong_receive_id ? 401 : 400;
    return HttpError{status, std::string(describe(*error))};
  }
  return std::get<std::string>(std::move(opened));
}

HttpAnswer WecomCallback::echo(std::string_view plaintext) {
  HttpAnswer answer;
  answer.content_type = "text/plain";
  answer.body = std::string(plaintext);
  return answer;
}

std::optional<HttpError> WecomCallback::verify(const InboundRequest& request,
                                               EncryptedOf encrypted_of) const {
  std::variant<WecomCallbackQuery, HttpError> query = read_query(request);
  if (auto* error = std::get_if<HttpError>(&query)) return std::move(*error);
  const WecomCallbackQuery& parameters = std::get<WecomCallbackQuery>(query);
  std::variant<std::string, HttpError> encrypted = encrypted_of(request, parameters);
  if (auto* error = std::get_if<HttpError>(&encrypted)) return std::move(*error);
  return check(parameters, std::get<std::string>(encrypted), request.received_at);
}

std::variant<std::string, HttpError> WecomCallback::decrypt(const InboundRequest& request,
                                                            EncryptedOf encrypted_of) const {
  std::variant<WecomCallbackQuery, HttpError> query = read_query(request);
  if (auto* error = std::get_if<HttpError>(&query)) return std::move(*error);
  std::variant<std::string, HttpError> encrypted = encrypted_of(request, std::get<WecomCallbackQuery>(query));
  if (auto* error = std::get_if<HttpError>(&encrypted)) return std::move(*error);
  return open(std::get<std::string>(encrypted));
}

}  // namespace whistle::bot
