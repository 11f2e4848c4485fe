#include "config/config_error.hpp"

namespace whistle::config {

void fail(const Where& where, std::string_view reason) {
  // "file:line:column:" is the shape editors and terminals turn into a link to the spot.
  std::string message = where.file.empty() ? std::string("<config>") : where.file;
  if (where.line > 0) {
    message += ':' + std::to_string(where.line);
    if (where.column > 0) message += ':' + std::to_string(where.column);
  }
  message += ": ";
  if (!where.key.empty()) {
    message += where.key;
    message += ": ";
  }
  message += reason;
  throw Error(message);
}

std::string in_quotes(std::string_view text) {
  std::string result = "\"";
  result += text;
  result += '"';
  return result;
}

}  // namespace whistle::config
