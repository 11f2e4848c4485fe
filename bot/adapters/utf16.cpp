#include "bot/adapters/utf16.hpp"

namespace whistle::bot {

namespace {

// One character starting at `pos`: its bytes and its UTF-16 units. Malformed input (a stray
// continuation byte, a truncated sequence) is one byte and one unit, as a decoder replacing it
// with U+FFFD would count it.
struct Step {
  std::size_t bytes = 1;
  std::size_t units = 1;
};

Step step_at(std::string_view text, std::size_t pos) {
  const auto lead = static_cast<unsigned char>(text[pos]);
  std::size_t bytes = 1;
  if (lead >= 0xF0 && lead <= 0xF4) {
    bytes = 4;
  } else if (lead >= 0xE0) {
    bytes = 3;
  } else if (lead >= 0xC2 && lead <= 0xDF) {
    bytes = 2;
  }
  if (bytes == 1 || lead > 0xF4) return {};
  if (pos + bytes > text.size()) return {};
  for (std::size_t i = 1; i < bytes; ++i) {
    if ((static_cast<unsigned char>(text[pos + i]) & 0xC0) != 0x80) return {};
  }
  // Four UTF-8 bytes are a code point above U+FFFF: a surrogate pair in UTF-16.
  return {bytes, bytes == 4 ? std::size_t{2} : std::size_t{1}};
}

}  // namespace

std::size_t utf16_length(std::string_view utf8) {
  std::size_t units = 0;
  for (std::size_t pos = 0; pos < utf8.size();) {
    const Step step = step_at(utf8, pos);
    pos += step.bytes;
    units += step.units;
  }
  return units;
}

std::optional<std::size_t> utf16_to_byte_offset(std::string_view utf8, std::size_t units) {
  std::size_t counted = 0;
  std::size_t pos = 0;
  while (counted < units) {
    if (pos >= utf8.size()) return std::nullopt;
    const Step step = step_at(utf8, pos);
    pos += step.bytes;
    counted += step.units;
  }
  // Overshooting means `units` pointed between the two halves of a surrogate pair.
  if (counted != units) return std::nullopt;
  return pos;
}

}  // namespace whistle::bot
