#include "handlers/language/references.hpp"

#include "handlers/language/chinese_numbers.hpp"
#include "handlers/language/intent_table.hpp"
#include "handlers/language/text_util.hpp"
#include "handlers/language/utf8.hpp"

namespace whistle::language {

namespace {

constexpr std::size_t kMaxCodeLength = 16;

// The fields of a task after its number that start with a numbered thing (地): "1号地点改到…" is task
// 1's place, not plot 1 of something.
constexpr std::string_view kTaskFields[] = {"地点", "地址"};

bool hao_names_a_thing(std::string_view text, std::size_t pos) {
  for (const std::string_view field : kTaskFields) {
    if (starts_with_at(text, pos, field)) return false;
  }
  for (const std::string_view word : vocabulary().numbered_things) {
    if (starts_with_at(text, pos, word)) return true;
  }
  return false;
}

bool is_digit_at(std::string_view text, std::size_t pos) {
  return pos < text.size() && is_ascii_digit(static_cast<unsigned char>(text[pos]));
}

std::optional<std::int64_t> checked(const NumberMatch& number) {
  if (number.overflow || number.value < 1 || number.value > kMaxReference) return std::nullopt;
  return number.value;
}

// Digits for a ticket, then an optional 号 and a word boundary.
std::optional<ReferenceMatch> read_ticket_number(std::string_view text, std::size_t at) {
  if (!is_digit_at(text, at)) return std::nullopt;
  const auto number = read_number(text, at);
  std::size_t end = at + number->length;
  if (starts_with_at(text, end, "号")) end += 3;
  // "T5满意": after T and digits a word may follow at once; a letter or digit may not.
  if (is_ascii_alnum(decode_utf8(text, end).value)) return std::nullopt;
  return ReferenceMatch{checked(*number), end};
}

}  // namespace

std::optional<ReferenceMatch> read_task_reference(std::string_view text, std::size_t pos) {
  std::size_t at = pos;
  bool hash = false;
  bool signed_number = false;
  if (at < text.size() && text[at] == '#') {
    hash = true;
    ++at;
  } else if (at < text.size() && (text[at] == '-' || text[at] == '+') && is_digit_at(text, at + 1)) {
    // "报到 -3" is a mistyped reference, not the word "-3".
    signed_number = true;
    ++at;
  }
  if (starts_with_at(text, at, "第")) {
    at += 3;
  } else if (!hash && !signed_number && starts_with_at(text, at, "任务") &&
             is_digit_at(text, at + std::string_view("任务").size())) {
    // "任务1 谁报名了", "任务2 我来": the noun before the number, as the posts' own "任务 #1" reads.
    at += std::string_view("任务").size();
  }
  const auto number = read_number(text, at);
  if (!number) return std::nullopt;
  std::size_t end = at + number->length;
  const bool hao = starts_with_at(text, end, "号");
  if (hao) {
    if (hao_names_a_thing(text, end + 3)) return std::nullopt;
    end += 3;
    for (const std::string_view noun : vocabulary().reference_nouns) {
      if (starts_with_at(text, end, noun)) {
        end += noun.size();
        break;
      }
    }
  }
  // "#12报到": after a '#' the number is plainly a reference even when a word follows at once, and
  // so is "12号" ("请假八号腿疼", said by voice); "报到 一下" is not #1, nor "12人" #12.
  const char32_t next = decode_utf8(text, end).value;
  // "报到 3-201", "报名 3#2-502": a volunteer gives the building and room they live in, not task 3.
  if (!hash && !hao && (next == U'-' || next == U'#') && is_digit_at(text, end + 1)) return std::nullopt;
  // "验收1和2", "取消报到 1和2": a list of numbers (an exploratory run of newcomers, 2026-12-06).
  const bool and_another = next == U'和' && is_digit_at(text, end + std::string_view("和").size());
  if (hash ? is_ascii_alnum(next)
           : (!hao && !and_another && !is_word_boundary(next)) || (hao && is_ascii_alnum(next)))
    return std::nullopt;
  if (signed_number) return ReferenceMatch{std::nullopt, end};
  return ReferenceMatch{checked(*number), end};
}

std::optional<ReferenceMatch> read_ticket_reference(std::string_view text, std::size_t pos,
                                                    bool allow_plain) {
  std::size_t at = pos;
  if (at < text.size() && text[at] == '#') ++at;
  // "5号工单"
  if (is_digit_at(text, at)) {
    const auto number = read_number(text, at);
    const std::size_t after = at + number->length;
    if (starts_with_at(text, after, "号工单")) return ReferenceMatch{checked(*number), after + 9};
    if (starts_with_at(text, after, "工单")) return ReferenceMatch{checked(*number), after + 6};
  }
  if (starts_with_at(text, at, "工单")) {
    at = skip_spaces(text, at + 6);
    if (at < text.size() && text[at] == '#') ++at;
    if (at < text.size() && (text[at] == 'T' || text[at] == 't')) ++at;
    return read_ticket_number(text, at);
  }
  if (at < text.size() && (text[at] == 'T' || text[at] == 't') && is_digit_at(text, at + 1) &&
      !is_ascii_alnum(code_point_before(text, at))) {
    return read_ticket_number(text, at + 1);
  }
  if (allow_plain) return read_task_reference(text, pos);
  return std::nullopt;
}

std::optional<std::pair<std::string, std::size_t>> read_code(std::string_view text, std::size_t pos) {
  std::size_t end = pos;
  while (end < text.size() && is_ascii_alnum(static_cast<unsigned char>(text[end])))
    ++end;
  if (end == pos || end - pos > kMaxCodeLength) return std::nullopt;
  if (!is_word_boundary(decode_utf8(text, end).value)) return std::nullopt;
  return std::pair{std::string(text.substr(pos, end - pos)), end};
}

}  // namespace whistle::language
