#include "bot/http_error.hpp"

#include <nlohmann/json.hpp>

namespace whistle::bot {

std::string error_body(std::string_view message) {
  const nlohmann::json body{{"ok", false}, {"error", message}};
  return body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

HttpAnswer error_answer(const HttpError& error) {
  HttpAnswer answer;
  answer.status = error.status;
  answer.body = error_body(error.message);
  return answer;
}

}  // namespace whistle::bot
