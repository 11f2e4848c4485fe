#pragma once

#include <string>
#include <string_view>

#include "bot/http_answer.hpp"

namespace whistle::bot {

/// A request the bot refuses: the status and a public message that never contains internals.
struct HttpError {
  int status = 400;
  std::string message;
  /// The same for a person reading a page (the board's), in Chinese; empty: `message`.
  std::string page_message = {};
};

/// The one place an error becomes a response: `{"ok":false,"error":"<message>"}` with its status.
HttpAnswer error_answer(const HttpError& error);

/// The JSON body `{"ok":false,"error":"<message>"}`.
std::string error_body(std::string_view message);

}  // namespace whistle::bot
