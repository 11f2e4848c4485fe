#include "handlers/language/text_util.hpp"

#include <algorithm>

#include <vector>

#include "handlers/language/utf8.hpp"

namespace whistle::language {

namespace {

// Sentence-final particles that turn "报到" into "报到了" / "报到啦" without changing the command.
constexpr std::u32string_view kParticles = U"了啦呀吧哈啊哦喔嘛呢嗯哒咯噢哇滴";

constexpr std::u32string_view kOpeningBrackets = U"([{「『【《〈“‘〔〖";
constexpr std::u32string_view kClosingBrackets = U")]}」』】》〉”’〕〗";

bool is_decoration_character(char32_t cp) {
  return is_space(cp) || is_punctuation(cp) || is_emoji(cp);
}

}  // namespace

bool is_cjk(char32_t cp) {
  return (cp >= 0x3400 && cp <= 0x9FFF) || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x20000 && cp <= 0x3FFFF);
}

bool is_punctuation(char32_t cp) {
  if (cp < 0x80) {
    return (cp >= 0x21 && cp <= 0x2F) || (cp >= 0x3A && cp <= 0x40) || (cp >= 0x5B && cp <= 0x60) ||
           (cp >= 0x7B && cp <= 0x7E);
  }
  return (cp >= 0x00A1 && cp <= 0x00BF) || (cp >= 0x2010 && cp <= 0x2027) || (cp >= 0x2030 && cp <= 0x205E) ||
         (cp >= 0x3001 && cp <= 0x3003) || (cp >= 0x3008 && cp <= 0x3011) || (cp >= 0x3014 && cp <= 0x301F) ||
         (cp >= 0xFE10 && cp <= 0xFE1F) || (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF01 && cp <= 0xFF0F) ||
         (cp >= 0xFF1A && cp <= 0xFF20) || (cp >= 0xFF3B && cp <= 0xFF40) || (cp >= 0xFF5B && cp <= 0xFF65);
}

bool is_emoji(char32_t cp) {
  return (cp >= 0x1F000 && cp <= 0x1FAFF) || (cp >= 0x2190 && cp <= 0x21FF) ||
         (cp >= 0x2300 && cp <= 0x23FF) || (cp >= 0x2600 && cp <= 0x27BF) || (cp >= 0x2B00 && cp <= 0x2BFF) ||
         cp == 0x200D || cp == 0xFE0F || (cp >= 0xE0020 && cp <= 0xE007F);
}

bool is_word_boundary(char32_t cp) {
  return cp == 0 || cp == U'@' || is_decoration_character(cp);
}

bool is_filler(std::string_view text) {
  for (std::size_t pos = 0; pos < text.size();) {
    const CodePoint cp = decode_utf8(text, pos);
    if (!is_decoration_character(cp.value) && kParticles.find(cp.value) == std::u32string_view::npos)
      return false;
    pos += cp.length;
  }
  return true;
}

bool is_decoration(std::string_view text) {
  for (std::size_t pos = 0; pos < text.size();) {
    const CodePoint cp = decode_utf8(text, pos);
    if (!is_decoration_character(cp.value)) return false;
    pos += cp.length;
  }
  return true;
}

std::string_view trim_spaces(std::string_view text) {
  const auto first = text.find_first_not_of(" \n");
  if (first == std::string_view::npos) return {};
  const auto last = text.find_last_not_of(" \n");
  return text.substr(first, last - first + 1);
}

std::string_view without_words_at_end(std::string_view text, std::initializer_list<std::string_view> words) {
  for (bool dropped = true; dropped;) {
    dropped = false;
    for (const std::string_view word : words) {
      if (!word.empty() && text.ends_with(word)) {
        text.remove_suffix(word.size());
        dropped = true;
      }
    }
  }
  return text;
}

std::string_view without_words_at_start(std::string_view text,
                                        std::initializer_list<std::string_view> words) {
  for (bool dropped = true; dropped;) {
    dropped = false;
    for (const std::string_view word : words) {
      if (!word.empty() && text.starts_with(word)) {
        text.remove_prefix(word.size());
        dropped = true;
      }
    }
  }
  return text;
}

std::size_t characters(std::string_view text) {
  std::size_t count = 0;
  for (const char c : text) {
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++count;
  }
  return count;
}

std::string clean_free_text(std::string_view original) {
  // A bracket emptied by the words read out of it ("消防巡逻（周二）" without its day) is no part of
  // the text.
  std::string unbracketed(original);
  for (const std::string_view pair : {"()", "[]", "【】", "「」", "《》", "〔〕"}) {
    for (std::size_t at = unbracketed.find(pair); at != std::string::npos; at = unbracketed.find(pair, at))
      unbracketed.erase(at, pair.size());
  }
  const std::string_view text = unbracketed;
  // Split into words at spaces, keeping only words with some substance.
  std::vector<std::string_view> words;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find_first_of(" \n", start);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view word = text.substr(start, end - start);
    bool substance = false;
    for (std::size_t pos = 0; pos < word.size() && !substance;) {
      const CodePoint cp = decode_utf8(word, pos);
      substance = !is_decoration_character(cp.value);
      pos += cp.length;
    }
    if (substance) words.push_back(word);
    start = end + 1;
  }
  std::string joined;
  for (const std::string_view word : words) {
    if (!joined.empty()) joined += ' ';
    joined += word;
  }

  // Trim stray punctuation; a bracket that closes at the end (or opens at the start) belongs.
  std::size_t first = 0;
  while (first < joined.size()) {
    const CodePoint cp = decode_utf8(joined, first);
    if (!is_decoration_character(cp.value) || kOpeningBrackets.find(cp.value) != std::u32string_view::npos)
      break;
    first += cp.length;
  }
  std::size_t last = joined.size();
  while (last > first) {
    const char32_t cp = code_point_before(joined, last);
    if (!is_decoration_character(cp) || kClosingBrackets.find(cp) != std::u32string_view::npos) break;
    std::string encoded;
    append_utf8(encoded, cp);
    last -= encoded.size();
  }
  return joined.substr(first, last - first);
}

void erase_span(std::string& text, std::size_t pos, std::size_t length) {
  if (pos >= text.size() || length == 0) return;
  if (length > text.size() - pos) length = text.size() - pos;
  const bool glue_left = pos > 0 && is_ascii_alnum(static_cast<unsigned char>(text[pos - 1]));
  const bool glue_right =
      pos + length < text.size() && is_ascii_alnum(static_cast<unsigned char>(text[pos + length]));
  if (glue_left && glue_right) {
    text[pos] = ' ';
    text.erase(pos + 1, length - 1);
  } else {
    text.erase(pos, length);
  }
}

std::size_t skip_separators(std::string_view text, std::size_t pos) {
  while (pos < text.size()) {
    const CodePoint cp = decode_utf8(text, pos);
    if (!is_space(cp.value) && cp.value != U':' && cp.value != U',' && cp.value != U';' &&
        cp.value != U'、') {
      break;
    }
    pos += cp.length;
  }
  return pos;
}

std::size_t skip_spaces(std::string_view text, std::size_t pos) {
  while (pos < text.size() && (text[pos] == ' ' || text[pos] == '\n'))
    ++pos;
  return pos;
}

bool ends_a_word(std::string_view text, std::size_t end) {
  return end >= text.size() || text[end] == ' ' || text[end] == ',' || text[end] == '.';
}

bool stands_apart(std::string_view text, std::size_t at, std::size_t end) {
  return (at == 0 || text[at - 1] == ' ' || text[at - 1] == ',') && ends_a_word(text, end);
}

bool holds_any_of(std::string_view text, std::span<const std::string_view> words) {
  return std::any_of(words.begin(), words.end(),
                     [text](std::string_view word) { return text.find(word) != std::string_view::npos; });
}

std::string shortened(std::string_view text, std::size_t max_chars) {
  std::size_t chars = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    // Count UTF-8 lead bytes only, so a Chinese character is one.
    if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;
    if (chars == max_chars) return std::string(text.substr(0, i)) + "…";
    ++chars;
  }
  return std::string(text);
}

bool names_a_spot(std::string_view word) {
  for (const std::string_view spot :
       {"门口", "楼下", "楼上", "楼道", "小区", "广场", "单元", "楼前", "大门", "路口", "现场", "那边",
        "这边", "外面", "超市", "医院", "车棚", "车库", "花园"}) {
    if (word == spot) return true;
  }
  return word.ends_with("号楼") || word.ends_with("栋") || word.ends_with("单元");
}

}  // namespace whistle::language
