#include "bot/adapters/untrusted_text.hpp"

#include <cstdio>

#include "handlers/language/utf8.hpp"

namespace whistle::bot {

namespace {

using language::append_utf8;
using language::CodePoint;
using language::decode_utf8;
using language::kReplacementCharacter;

// Characters that change how text is laid out or read rather than what it says: C0 and C1
// controls, the line and paragraph separators, bidi embeddings, overrides and isolates, and the
// BOM. Zero-width joiners stay: emoji names need them.
bool is_layout_character(char32_t cp) {
  return cp < 0x20 || (cp >= 0x7F && cp < 0xA0) || cp == 0x2028 || cp == 0x2029 ||
         (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200E || cp == 0x200F ||
         cp == 0xFEFF;
}

// Characters that show nothing: zero-width spaces and joiners, the word joiner, the soft hyphen.
// In a name they are dropped ("吹哨\u200b" is 吹哨); in an id they make a look-alike ("u-\u200bhe").
bool is_invisible(char32_t cp) {
  return cp == 0x200B || cp == 0x200C || cp == 0x200D || cp == 0x2060 || cp == 0x00AD || cp == 0x180E;
}

// The brackets of the bot's own references (【吹哨#12】, 【工单T5】): a name that carries them could
// pass for one inside the bot's sentence. No real name has them.
bool is_reference_bracket(char32_t cp) {
  return cp == U'【' || cp == U'】';
}

bool is_space(char32_t cp) {
  return cp == ' ' || cp == 0x3000 || cp == 0x2005 || cp == 0xA0;
}

}  // namespace

std::string clean_display_name(std::string_view name) {
  std::u32string kept;
  bool pending_space = false;
  for (std::size_t pos = 0; pos < name.size();) {
    const CodePoint cp = decode_utf8(name, pos);
    pos += cp.length;
    if (is_layout_character(cp.value) || is_space(cp.value)) {
      pending_space = !kept.empty();
      continue;
    }
    if (is_reference_bracket(cp.value) || is_invisible(cp.value)) continue;
    if (pending_space) kept += U' ';
    pending_space = false;
    kept += cp.value;
    // Far past the cap already: the rest cannot change the result.
    if (kept.size() > kMaxDisplayNameChars) break;
  }
  if (kept.size() > kMaxDisplayNameChars) {
    kept.resize(kMaxDisplayNameChars - 1);
    if (kept.back() == U' ') kept.pop_back();
    kept += U'…';
  }
  std::string out;
  for (const char32_t cp : kept)
    append_utf8(out, cp);
  return out;
}

std::string mention_token(std::string_view name) {
  std::string token = clean_display_name(name);
  std::erase(token, ' ');
  return token;
}

std::optional<std::string> id_problem(std::string_view id, IdSpaces spaces) {
  if (id.empty()) return "must not be empty";
  if (id.size() > kMaxIdBytes) return "is longer than " + std::to_string(kMaxIdBytes) + " bytes";
  return token_problem(id, spaces);
}

std::optional<std::string> token_problem(std::string_view id, IdSpaces spaces) {
  for (std::size_t pos = 0; pos < id.size();) {
    const CodePoint cp = decode_utf8(id, pos);
    if (cp.value == kReplacementCharacter && cp.length == 1) return "is not valid UTF-8";
    if (is_layout_character(cp.value)) return "must not contain control characters";
    if (is_invisible(cp.value)) return "must not contain invisible characters";
    if (is_space(cp.value) && (spaces == IdSpaces::refused || cp.value != ' '))
      return "must not contain spaces";
    pos += cp.length;
  }
  return std::nullopt;
}

std::string log_quoted(std::string_view text, std::size_t max_bytes) {
  std::string out = "\"";
  const bool cut = text.size() > max_bytes;
  if (cut) {
    // Cut on a character boundary, so the line stays valid UTF-8.
    std::size_t end = max_bytes;
    while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80)
      --end;
    text = text.substr(0, end);
  }
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (byte < 0x20 || byte == 0x7F) {
      char escaped[8];
      std::snprintf(escaped, sizeof escaped, "\\x%02x", byte);
      out += escaped;
    } else {
      out += c;
    }
  }
  if (cut) out += "...";
  out += '"';
  return out;
}

}  // namespace whistle::bot
