#include "bot/json_string.hpp"

#include <cstdio>

#include "handlers/language/utf8.hpp"

namespace whistle::bot {

void append_json_string(std::string& out, std::string_view text) {
  out += '"';
  for (std::size_t pos = 0; pos < text.size();) {
    const auto byte = static_cast<unsigned char>(text[pos]);
    if (byte >= 0x80) {
      const language::CodePoint code_point = language::decode_utf8(text, pos);
      if (code_point.length == 1) {
        language::append_utf8(out, language::kReplacementCharacter);
      } else {
        out.append(text.substr(pos, code_point.length));
      }
      pos += code_point.length;
      continue;
    }
    switch (byte) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\f':
        out += "\\f";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (byte < 0x20) {
          char escaped[7];
          std::snprintf(escaped, sizeof escaped, "\\u%04x", byte);
          out += escaped;
        } else {
          out += static_cast<char>(byte);
        }
    }
    ++pos;
  }
  out += '"';
}

}  // namespace whistle::bot
