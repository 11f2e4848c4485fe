#pragma once

#include <cstddef>
#include <initializer_list>
#include <span>
#include <string>
#include <string_view>

namespace whistle::language {

/// Whether `cp` is an ASCII digit 0–9.
constexpr bool is_ascii_digit(char32_t cp) {
  return cp >= U'0' && cp <= U'9';
}

/// Whether `text` is one or more ASCII digits and nothing else: a sign-in code, a flat number.
constexpr bool is_all_ascii_digits(std::string_view text) {
  if (text.empty()) return false;
  for (const char c : text) {
    if (!is_ascii_digit(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

/// Whether `cp` is an ASCII letter.
constexpr bool is_ascii_alpha(char32_t cp) {
  return (cp >= U'a' && cp <= U'z') || (cp >= U'A' && cp <= U'Z');
}

/// Whether `cp` is an ASCII letter or digit.
constexpr bool is_ascii_alnum(char32_t cp) {
  return is_ascii_digit(cp) || is_ascii_alpha(cp);
}

/// Whether `cp` is white space that survives normalization (space or line break).
constexpr bool is_space(char32_t cp) {
  return cp == U' ' || cp == U'\n';
}

/// Whether `cp` is a CJK ideograph (a Chinese character).
bool is_cjk(char32_t cp);

/// Whether `cp` is ASCII or CJK punctuation (brackets, quotes, dashes, 。、 …).
bool is_punctuation(char32_t cp);

/// Whether `cp` is part of an emoji (pictographs, dingbats, variation selectors, joiners).
bool is_emoji(char32_t cp);

/// Whether `cp` may end a word: end of text (0), a space, punctuation, an emoji or '@'.
bool is_word_boundary(char32_t cp);

/// Whether the text holds nothing but spaces, punctuation, emoji and sentence-final particles
/// such as 了 啦 呀 (so "报到了！" is still just "报到").
bool is_filler(std::string_view text);

/// Whether the text holds nothing but spaces, punctuation and emoji.
bool is_decoration(std::string_view text);

/// The text without leading and trailing spaces.
std::string_view trim_spaces(std::string_view text);

/// The text without any of `words` at its end, as many as stand there in a row ("上个月的积分"
/// without 的/积分 is "上个月").
std::string_view without_words_at_end(std::string_view text, std::initializer_list<std::string_view> words);

/// The same at its start.
std::string_view without_words_at_start(std::string_view text, std::initializer_list<std::string_view> words);

/// How many characters (code points, not bytes) a UTF-8 text holds: a Chinese character is one.
std::size_t characters(std::string_view text);

/// At most `max_chars` characters of a text, with "…" when cut: for one-line lists and for the
/// words a post quotes.
std::string shortened(std::string_view text, std::size_t max_chars);

/// Free text tidied for a title: runs of spaces become one, words of pure punctuation or emoji are
/// dropped, and stray punctuation is trimmed from both ends (a closing bracket at the end stays).
std::string clean_free_text(std::string_view text);

/// Removes `length` bytes at `pos`, leaving one space where the cut would glue two ASCII letters
/// or digits together (so removing "5人" from "A 5人 7" cannot make "A7" out of two words).
void erase_span(std::string& text, std::size_t pos, std::size_t length);

/// Whether `word` appears in `text` at `pos`, ASCII letters compared case-insensitively. Inline:
/// the parser's readers try it at every position of a line for every word they know.
inline bool starts_with_at(std::string_view text, std::size_t pos, std::string_view word) {
  if (pos > text.size() || text.size() - pos < word.size()) return false;
  const auto lower = [](char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; };
  for (std::size_t i = 0; i < word.size(); ++i) {
    if (lower(text[pos + i]) != lower(word[i])) return false;
  }
  return true;
}

/// A code point with ASCII letters in lower case: the command table and the word lists are indexed
/// by their first character this way, so "OK" and "ok" find the same words.
inline char32_t ascii_lower_code_point(char32_t cp) {
  return cp >= U'A' && cp <= U'Z' ? cp - U'A' + U'a' : cp;
}

/// The position after any spaces and list separators (: , ; 、) starting at `pos`.
std::size_t skip_separators(std::string_view text, std::size_t pos);

/// The position after any spaces starting at `pos`.
std::size_t skip_spaces(std::string_view text, std::size_t pos);

/// Whether a word of normalized text (half-width punctuation) ending at `end` ends there: the text
/// ends, or a space, a comma or a full stop follows.
bool ends_a_word(std::string_view text, std::size_t end);

/// Whether the word at [at, end) stands apart: the text's start, a space or a comma before it, and
/// ends_a_word() after it ("吹哨 寒潮 各网格各楼栋 巡查", not "组织各楼栋长学习").
bool stands_apart(std::string_view text, std::size_t at, std::size_t end);

/// Whether `text` holds any of `words` anywhere.
bool holds_any_of(std::string_view text, std::span<const std::string_view> words);

/// Whether a word names a spot rather than a thing to do ("门口", "楼道", "3号楼", "2单元"): where a task
/// is, not what it is called by.
bool names_a_spot(std::string_view word);

}  // namespace whistle::language
