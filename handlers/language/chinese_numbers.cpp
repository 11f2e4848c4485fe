#include "handlers/language/chinese_numbers.hpp"

#include <vector>

#include "handlers/language/text_util.hpp"
#include "handlers/language/utf8.hpp"

namespace whistle::language {

namespace {

// More digits than this cannot be any slot; stop before int64 could overflow.
constexpr std::size_t kMaxDigits = 18;

int digit_value(char32_t cp) {
  switch (cp) {
    case U'零':
    case U'〇':
      return 0;
    case U'一':
      return 1;
    case U'二':
    case U'两':
    case U'俩':
      return 2;
    case U'三':
    case U'仨':
      return 3;
    case U'四':
      return 4;
    case U'五':
      return 5;
    case U'六':
      return 6;
    case U'七':
      return 7;
    case U'八':
      return 8;
    case U'九':
      return 9;
    default:
      return -1;
  }
}

int unit_value(char32_t cp) {
  switch (cp) {
    case U'十':
      return 10;
    case U'百':
      return 100;
    case U'千':
      return 1000;
    default:
      return -1;
  }
}

bool is_zero(char32_t cp) {
  return cp == U'零' || cp == U'〇';
}

std::optional<NumberMatch> read_arabic(std::string_view text, std::size_t pos) {
  NumberMatch match;
  std::size_t end = pos;
  while (end < text.size() && is_ascii_digit(static_cast<unsigned char>(text[end])))
    ++end;
  if (end == pos) return std::nullopt;
  match.length = end - pos;
  if (match.length > kMaxDigits) {
    match.overflow = true;
    return match;
  }
  for (std::size_t i = pos; i < end; ++i)
    match.value = match.value * 10 + (text[i] - '0');
  return match;
}

std::optional<NumberMatch> read_chinese(std::string_view text, std::size_t pos) {
  std::vector<CodePoint> run;
  for (std::size_t at = pos; at < text.size();) {
    const CodePoint cp = decode_utf8(text, at);
    if (!is_chinese_numeral(cp.value)) break;
    run.push_back(cp);
    at += cp.length;
  }
  if (run.empty()) return std::nullopt;

  NumberMatch match;
  match.chinese = true;
  std::size_t used = 0;  // code points of `run` that belong to the number

  bool all_digits = true;
  for (const CodePoint& cp : run)
    all_digits = all_digits && digit_value(cp.value) >= 0;
  if (all_digits && run.size() >= 3) {
    // Digit by digit, as years are written (二〇二六); four digits at most.
    for (; used < run.size() && used < 4; ++used)
      match.value = match.value * 10 + digit_value(run[used].value);
  } else {
    std::int64_t total = 0;
    int pending = -1;  // a digit waiting for its unit
    int last_unit = 10000;
    bool after_zero = false;
    bool pending_follows_unit = false;
    for (; used < run.size(); ++used) {
      const char32_t cp = run[used].value;
      if (const int digit = digit_value(cp); digit >= 0) {
        if (is_zero(cp) && used > 0) {
          // 零 only marks a gap (一百零五); a second digit in a row ends the number (两三 → 2).
          if (pending >= 0) break;
          after_zero = true;
          continue;
        }
        if (pending >= 0) break;
        pending = digit;
        pending_follows_unit = used > 0 && unit_value(run[used - 1].value) > 0;
        continue;
      }
      const int unit = unit_value(cp);
      // Units must fall (千 > 百 > 十); 百 and 千 need a digit before them, 十 alone is ten.
      if (unit >= last_unit) break;
      const int multiplier = pending >= 0 ? pending : (unit == 10 ? 1 : -1);
      if (multiplier < 0) break;
      total += static_cast<std::int64_t>(multiplier) * unit;
      pending = -1;
      last_unit = unit;
      after_zero = false;
    }
    if (used == 0) return std::nullopt;  // a lone 百 or 千 is no number
    if (pending >= 0) {
      // Colloquial "一百二" is 120 and "两千五" is 2500: a digit right after 百/千 counts one unit down.
      if (pending_follows_unit && !after_zero && last_unit >= 100) {
        total += static_cast<std::int64_t>(pending) * (last_unit / 10);
      } else {
        total += pending;
      }
    }
    match.value = total;
  }
  for (std::size_t i = 0; i < used; ++i)
    match.length += run[i].length;
  // "一万" is beyond what we read; flag it rather than reading "一" and leaving "万".
  const char32_t next = decode_utf8(text, pos + match.length).value;
  if (next == U'万' || next == U'亿') {
    match.overflow = true;
    match.value = 0;
    match.length += 3;
  }
  return match;
}

}  // namespace

bool is_chinese_numeral(char32_t cp) {
  return digit_value(cp) >= 0 || unit_value(cp) > 0;
}

std::optional<NumberMatch> read_number(std::string_view text, std::size_t pos) {
  if (pos >= text.size()) return std::nullopt;
  if (is_ascii_digit(static_cast<unsigned char>(text[pos]))) return read_arabic(text, pos);
  return read_chinese(text, pos);
}

bool starts_number(std::string_view text, std::size_t pos) {
  if (pos >= text.size()) return false;
  // The character before is read last: most positions a reader tries hold no number at all.
  if (is_ascii_digit(static_cast<unsigned char>(text[pos])))
    return !is_ascii_digit(code_point_before(text, pos));
  // A lone 百 or 千 starts no number; a digit or 十 always does.
  const char32_t first = decode_utf8(text, pos).value;
  return (digit_value(first) >= 0 || first == U'十') && !is_chinese_numeral(code_point_before(text, pos));
}

std::optional<NumberMatch> read_number_between(std::string_view text, std::size_t pos, std::int64_t low,
                                               std::int64_t high) {
  if (!starts_number(text, pos)) return std::nullopt;
  auto number = read_number(text, pos);
  if (!number || number->overflow || number->value < low || number->value > high) return std::nullopt;
  return number;
}

std::optional<std::int64_t> parse_number(std::string_view text) {
  const auto match = read_number(text, 0);
  if (!match || match->overflow || match->length != text.size()) return std::nullopt;
  return match->value;
}

}  // namespace whistle::language
