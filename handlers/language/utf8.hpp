#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace whistle::language {

/// One decoded code point and the number of bytes it took in the text.
struct CodePoint {
  char32_t value = 0;
  std::size_t length = 0;
};

/// The replacement character that stands in for every invalid byte.
inline constexpr char32_t kReplacementCharacter = 0xFFFD;
/// Its UTF-8 bytes.
inline constexpr std::string_view kReplacementCharacterUtf8 = "\xEF\xBF\xBD";

/// Whether `byte` continues a multi-byte sequence (10xxxxxx).
inline bool is_utf8_continuation(unsigned char byte) {
  return (byte & 0xC0) == 0x80;
}

/// Decodes the code point at `pos`; an invalid, overlong or truncated sequence yields U+FFFD with
/// length 1, and `pos` at or past the end yields {0, 0}. Inline because the parser and the JSON
/// writer call it for every character of every message and answer.
inline CodePoint decode_utf8(std::string_view text, std::size_t pos) {
  if (pos >= text.size()) return {0, 0};
  const auto lead = static_cast<unsigned char>(text[pos]);
  if (lead < 0x80) return {lead, 1};

  // The lead byte fixes the length and the smallest value that length may encode; anything
  // shorter would be an overlong form, which is invalid (and a classic filter bypass).
  std::size_t length = 0;
  char32_t value = 0;
  char32_t minimum = 0;
  if ((lead & 0xE0) == 0xC0) {
    length = 2;
    value = lead & 0x1F;
    minimum = 0x80;
  } else if ((lead & 0xF0) == 0xE0) {
    length = 3;
    value = lead & 0x0F;
    minimum = 0x800;
  } else if ((lead & 0xF8) == 0xF0) {
    length = 4;
    value = lead & 0x07;
    minimum = 0x10000;
  } else {
    return {kReplacementCharacter, 1};
  }
  if (text.size() - pos < length) return {kReplacementCharacter, 1};
  for (std::size_t i = 1; i < length; ++i) {
    const auto byte = static_cast<unsigned char>(text[pos + i]);
    if (!is_utf8_continuation(byte)) return {kReplacementCharacter, 1};
    value = (value << 6) | (byte & 0x3F);
  }
  if (value < minimum || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) {
    return {kReplacementCharacter, 1};
  }
  return {value, length};
}

/// The code point that ends just before `pos` in valid UTF-8 text (0 at the start).
char32_t code_point_before(std::string_view text, std::size_t pos);

/// Appends the UTF-8 encoding of `cp` (U+FFFD for a surrogate or a value past U+10FFFF).
void append_utf8(std::string& out, char32_t cp);

}  // namespace whistle::language
