#include "handlers/language/utf8.hpp"

namespace whistle::language {

namespace {

bool is_continuation(unsigned char byte) {
  return (byte & 0xC0) == 0x80;
}

}  // namespace

CodePoint decode_utf8(std::string_view text, std::size_t pos) {
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
    if (!is_continuation(byte)) return {kReplacementCharacter, 1};
    value = (value << 6) | (byte & 0x3F);
  }
  if (value < minimum || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) {
    return {kReplacementCharacter, 1};
  }
  return {value, length};
}

char32_t code_point_before(std::string_view text, std::size_t pos) {
  if (pos == 0 || pos > text.size()) return 0;
  std::size_t start = pos - 1;
  // Step back over at most three continuation bytes to the lead byte.
  while (start > 0 && pos - start < 4 && is_continuation(static_cast<unsigned char>(text[start])))
    --start;
  const CodePoint cp = decode_utf8(text, start);
  return start + cp.length == pos ? cp.value : kReplacementCharacter;
}

void append_utf8(std::string& out, char32_t cp) {
  if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = kReplacementCharacter;
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

}  // namespace whistle::language
