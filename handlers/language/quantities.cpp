#include "handlers/language/quantities.hpp"

#include <array>
#include <limits>
#include <string_view>

#include "handlers/language/chinese_numbers.hpp"
#include "handlers/language/text_util.hpp"
#include "handlers/language/utf8.hpp"

namespace whistle::language {

namespace {

constexpr std::int64_t kMaxQuantity = 9999;

constexpr std::array<std::string_view, 7> kCountPrefixes = {"需要", "招募", "需", "限", "招", "共", "约"};
constexpr std::array<std::string_view, 4> kCountUnits = {"个人", "人", "名", "位"};
constexpr std::array<std::string_view, 2> kCountNouns = {"志愿者", "同志"};
constexpr std::array<std::string_view, 4> kPointsPrefixes = {"奖励", "每人", "积", "各"};
constexpr std::array<std::string_view, 2> kPointsUnits = {"积分", "分"};
constexpr std::array<std::string_view, 10> kMeasureWords = {"个", "份", "件", "袋", "桶",
                                                            "瓶", "盒", "次", "张", "箱"};

struct Found {
  std::size_t start = 0;
  std::size_t end = 0;
  std::optional<int> value;
  bool negative = false;
};

std::optional<int> in_range(const NumberMatch& number, std::int64_t low) {
  if (number.overflow || number.value < low || number.value > kMaxQuantity) return std::nullopt;
  return static_cast<int>(number.value);
}

template <std::size_t N>
std::size_t word_at(std::string_view text, std::size_t pos, const std::array<std::string_view, N>& words) {
  for (const std::string_view word : words) {
    if (starts_with_at(text, pos, word)) return word.size();
  }
  return 0;
}

// Moves `start` back over one of `prefixes` written right before it.
template <std::size_t N>
std::size_t extend_back(std::string_view text, std::size_t start,
                        const std::array<std::string_view, N>& prefixes) {
  for (const std::string_view prefix : prefixes) {
    if (start >= prefix.size() && text.compare(start - prefix.size(), prefix.size(), prefix) == 0) {
      return start - prefix.size();
    }
  }
  return start;
}

// Scans for the first number followed by what `unit_end` accepts (it returns the end or 0).
template <typename UnitEnd>
std::optional<Found> find_number(std::string_view text, UnitEnd unit_end) {
  for (std::size_t pos = 0; pos < text.size();) {
    if (starts_number(text, pos)) {
      const auto number = read_number(text, pos);
      if (!number) return std::nullopt;
      if (const std::size_t end = unit_end(*number, pos + number->length)) {
        const bool fits = !number->overflow && number->value <= std::numeric_limits<int>::max();
        return Found{pos, end, fits ? std::optional<int>(static_cast<int>(number->value)) : std::nullopt};
      }
    }
    pos += decode_utf8(text, pos).length;
  }
  return std::nullopt;
}

std::optional<int> cut(std::string& text, const std::optional<Found>& found, std::int64_t low) {
  if (!found) return std::nullopt;
  erase_span(text, found->start, found->end - found->start);
  if (!found->value || *found->value < low || *found->value > kMaxQuantity) return std::nullopt;
  return found->value;
}

// A minus sign or 负 right before the number makes it negative ("-5分"); a dash after a digit is
// a range ("3-5人") and is left alone.
void read_sign(std::string_view text, Found& found) {
  if (found.start >= 1 && text[found.start - 1] == '-' &&
      (found.start == 1 || !is_ascii_digit(static_cast<unsigned char>(text[found.start - 2])))) {
    found.negative = true;
    found.start -= 1;
  } else if (found.start >= 3 && text.compare(found.start - 3, 3, "负") == 0) {
    found.negative = true;
    found.start -= 3;
  }
}

// A whistle's count and points go to the handler as typed, so that it can refuse "0人", "-5分" or
// "100000人" with the reason instead of the parser dropping them unseen. A number too large for
// an int reads as the largest int, which is refused as too large all the same.
std::optional<int> cut_as_typed(std::string& text, const std::optional<Found>& found) {
  if (!found) return std::nullopt;
  erase_span(text, found->start, found->end - found->start);
  const int magnitude = found->value.value_or(std::numeric_limits<int>::max());
  return found->negative ? -magnitude : magnitude;
}

bool is_quantity_word(std::string_view word, std::optional<int>& value) {
  std::size_t at = 0;
  if (starts_with_at(word, 0, "x") || starts_with_at(word, 0, "*")) at = 1;
  const auto number = read_number(word, at);
  if (!number || number->chinese) return false;
  const std::size_t end = at + number->length;
  if (end != word.size() && end + word_at(word, end, kMeasureWords) != word.size()) return false;
  value = in_range(*number, 1);
  return true;
}

}  // namespace

std::optional<int> take_count(std::string& text) {
  auto found = find_number(text, [&text](const NumberMatch&, std::size_t end) -> std::size_t {
    const std::size_t unit = word_at(text, end, kCountUnits);
    if (unit == 0) return 0;
    return end + unit + word_at(text, end + unit, kCountNouns);
  });
  if (found) {
    read_sign(text, *found);
    found->start = extend_back(text, found->start, kCountPrefixes);
  }
  return cut_as_typed(text, found);
}

std::optional<int> take_points(std::string& text) {
  auto found = find_number(text, [&text](const NumberMatch& number, std::size_t end) -> std::size_t {
    const std::size_t unit = word_at(text, end, kPointsUnits);
    if (unit == 0 || starts_with_at(text, end, "分钟")) return 0;
    if (number.chinese && !is_word_boundary(decode_utf8(text, end + unit).value)) return 0;
    return end + unit;
  });
  if (found) {
    read_sign(text, *found);
    found->start = extend_back(text, found->start, kPointsPrefixes);
  }
  return cut_as_typed(text, found);
}

std::optional<int> take_amount(std::string& text) {
  // Right after the @-mention the number is the amount even when the reason follows at once
  // ("扣分@李四3失约").
  const std::size_t first = skip_separators(text, 0);
  if (first < text.size() && is_ascii_digit(static_cast<unsigned char>(text[first]))) {
    const auto number = read_number(text, first);
    std::size_t end = first + number->length;
    end += word_at(text, end, kPointsUnits);
    if (!is_ascii_alpha(decode_utf8(text, end).value)) {
      return cut(text, Found{first, end, number->overflow ? std::nullopt : std::optional<int>(number->value)},
                 1);
    }
  }
  const auto found = find_number(text, [&text](const NumberMatch& number, std::size_t end) -> std::size_t {
    const std::size_t unit = word_at(text, end, kPointsUnits);
    if (unit != 0) return end + unit;
    if (number.chinese || !is_word_boundary(decode_utf8(text, end).value)) return 0;
    return end;
  });
  return cut(text, found, 1);
}

std::optional<int> take_quantity(std::string& text) {
  const std::string_view trimmed = trim_spaces(text);
  if (trimmed.empty()) return std::nullopt;
  const std::size_t offset = static_cast<std::size_t>(trimmed.data() - text.data());
  const std::size_t last_space = trimmed.rfind(' ');
  const std::size_t first_space = trimmed.find(' ');
  std::optional<int> value;
  if (last_space != std::string_view::npos && is_quantity_word(trimmed.substr(last_space + 1), value)) {
    text.erase(offset + last_space);
    return value;
  }
  if (first_space != std::string_view::npos && is_quantity_word(trimmed.substr(0, first_space), value)) {
    text.erase(offset, first_space + 1);
    return value;
  }
  return std::nullopt;
}

}  // namespace whistle::language
