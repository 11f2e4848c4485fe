#include "handlers/language/private_numbers.hpp"

#include <array>

namespace whistle::language {

namespace {

constexpr std::size_t kShortestPhone = 7;           // a local number without its area code
constexpr std::size_t kShortestGroupedNumber = 11;  // a mobile, or a landline with its area code
constexpr std::size_t kKeepHead = 3;
constexpr std::size_t kKeepTail = 4;

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

bool is_group_separator(char c) {
  return c == ' ' || c == '-' || c == '.';
}

// A run is masked in its middle, so a reader still tells two numbers apart without learning either.
void append_masked(std::string& out, std::string_view run) {
  const std::size_t tail = run.size() >= kKeepHead + kKeepTail + 4 ? kKeepTail : 0;
  out.append(run.substr(0, kKeepHead));
  out.append(run.size() - kKeepHead - tail, '*');
  out.append(run.substr(run.size() - tail));
}

// The numerals a number is read out with: 幺 for 1 and 两 for 2 as on the phone, 〇 and 零 for 0.
constexpr auto kChineseDigits = std::to_array<std::string_view>(
    {"零", "〇", "一", "幺", "二", "两", "三", "四", "五", "六", "七", "八", "九"});

// The byte length of the Chinese numeral at `at`, or 0.
std::size_t chinese_digit_at(std::string_view text, std::size_t at) {
  for (std::string_view digit : kChineseDigits) {
    if (text.substr(at).starts_with(digit)) return digit.size();
  }
  return 0;
}

// A run of Chinese numerals from `at`: its byte length and how many numerals it holds.
std::pair<std::size_t, std::size_t> chinese_run_at(std::string_view text, std::size_t at) {
  std::size_t end = at;
  std::size_t numerals = 0;
  while (const std::size_t length = chinese_digit_at(text, end)) {
    end += length;
    ++numerals;
  }
  return {end - at, numerals};
}

// As append_masked(), counting numerals (three bytes each) instead of bytes.
void append_masked_numerals(std::string& out, std::string_view run, std::size_t numerals) {
  constexpr std::size_t kNumeralBytes = 3;
  const std::size_t tail = numerals >= kKeepHead + kKeepTail + 4 ? kKeepTail : 0;
  out.append(run.substr(0, kKeepHead * kNumeralBytes));
  out.append(numerals - kKeepHead - tail, '*');
  out.append(run.substr(run.size() - tail * kNumeralBytes));
}

}  // namespace

std::string mask_private_numbers(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    if (const auto [bytes, numerals] = chinese_run_at(text, i); bytes > 0) {
      // "一三八零零一三八零零零"; "一二三" or "三四个人" are words, too short for a number.
      if (numerals >= kShortestPhone) {
        append_masked_numerals(out, text.substr(i, bytes), numerals);
      } else {
        out.append(text.substr(i, bytes));
      }
      i += bytes;
      continue;
    }
    if (!is_digit(text[i])) {
      out.push_back(text[i++]);
      continue;
    }
    // People write a number in groups (138 0013 8000, 010-8765-4321, 138.0013.8000): one space, hyphen or dot
    // between digits keeps the run going. Such a run is a number when it holds a mobile's or a long-distance
    // number's digits (11 or more), so a date (2026-11-28) stays as it was.
    std::size_t end = i;
    std::size_t digits = 0;
    bool grouped = false;
    while (end < text.size()) {
      if (is_digit(text[end])) {
        ++end;
        ++digits;
      } else if (is_group_separator(text[end]) && end + 1 < text.size() && is_digit(text[end + 1])) {
        ++end;
        grouped = true;
      } else {
        break;
      }
    }
    if (grouped && digits < kShortestGroupedNumber) {
      // Not one number: the first group is judged alone, and the scan goes on after it.
      end = i;
      digits = 0;
      while (end < text.size() && is_digit(text[end])) {
        ++end;
        ++digits;
      }
    }
    // An ID card's last character may be X: 17 digits and an X are one run.
    if (digits == 17 && end < text.size() && (text[end] == 'X' || text[end] == 'x')) ++end;
    const std::string_view run = text.substr(i, end - i);
    if (digits >= kShortestPhone) {
      append_masked(out, run);
    } else {
      out.append(run);
    }
    i = end;
  }
  return out;
}

}  // namespace whistle::language
