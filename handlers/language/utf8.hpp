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

/// Decodes the code point at `pos`; an invalid, overlong or truncated sequence yields U+FFFD with
/// length 1, and `pos` at or past the end yields {0, 0}.
CodePoint decode_utf8(std::string_view text, std::size_t pos);

/// The code point that ends just before `pos` in valid UTF-8 text (0 at the start).
char32_t code_point_before(std::string_view text, std::size_t pos);

/// Appends the UTF-8 encoding of `cp` (U+FFFD for a surrogate or a value past U+10FFFF).
void append_utf8(std::string& out, char32_t cp);

}  // namespace whistle::language
