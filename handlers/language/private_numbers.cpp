#include "handlers/language/private_numbers.hpp"

#include <algorithm>
#include <array>
#include <vector>

namespace whistle::language {

namespace {

constexpr std::size_t kShortestPhone = 7;  // a local number without its area code
constexpr std::size_t kShortestGroup = 3;  // "8765 4321", "138，1234，5678": groups of a phone
constexpr std::size_t kKeepHead = 3;
constexpr std::size_t kKeepTail = 4;
constexpr std::size_t kIdCardDigits = 17;  // and a check character, a digit or X

// The numerals a number is read out with: 幺 for 1 and 两 for 2 as on the phone, 〇 and 零 for 0.
constexpr auto kChineseDigits = std::to_array<std::string_view>(
    {"零", "〇", "一", "幺", "二", "两", "三", "四", "五", "六", "七", "八", "九"});

// What people put between the groups of a number: "138 0013 8000", "010-8765-4321", "138.0013.8000",
// "138/1234/5678", by voice input "138，1234，5678" or "138、1234、5678", spaced out "138 - 1234 - 5678",
// in full-width marks "138－1234－5678". A list of flats in the same marks ("301、302、303") is told
// apart by its groups (kind_of).
constexpr auto kGroupSeparators =
    std::to_array<std::string_view>({" ", "-", ".", ",", "，", "、", "/", "·", "－", "／", "—", "~", "～"});
// At most this many separators in a row between two groups ("138 - 1234" has three).
constexpr std::size_t kMostSeparators = 3;

// The byte length of the numeral at `at` (an ASCII digit, or a Chinese numeral), or 0.
std::size_t numeral_at(std::string_view text, std::size_t at) {
  if (at >= text.size()) return 0;
  if (text[at] >= '0' && text[at] <= '9') return 1;
  for (std::string_view digit : kChineseDigits) {
    if (text.substr(at).starts_with(digit)) return digit.size();
  }
  return 0;
}

std::size_t one_separator_at(std::string_view text, std::size_t at) {
  for (std::string_view mark : kGroupSeparators) {
    if (text.substr(at).starts_with(mark)) return mark.size();
  }
  return 0;
}

// The bytes of the separators between two groups at `at`, or 0.
std::size_t separator_at(std::string_view text, std::size_t at) {
  std::size_t length = 0;
  for (std::size_t count = 0; count < kMostSeparators; ++count) {
    const std::size_t one = one_separator_at(text, at + length);
    if (one == 0) break;
    length += one;
  }
  return length;
}

// One numeral of a run: where it is in the text.
struct Numeral {
  std::size_t at = 0;
  std::size_t length = 0;
};

// A run of numerals from `at`, one separator allowed between numerals; `group_sizes` says how
// they were grouped.
struct Run {
  std::vector<Numeral> numerals;
  std::vector<std::size_t> group_sizes;
  std::size_t end = 0;  ///< the byte after the run's last numeral
};

Run run_at(std::string_view text, std::size_t at) {
  Run run;
  std::size_t i = at;
  std::size_t group = 0;
  while (true) {
    if (const std::size_t length = numeral_at(text, i)) {
      run.numerals.push_back(Numeral{i, length});
      i += length;
      ++group;
      run.end = i;
      continue;
    }
    const std::size_t separator = separator_at(text, i);
    if (separator > 0 && numeral_at(text, i + separator) > 0) {
      run.group_sizes.push_back(group);
      group = 0;
      i += separator;
      continue;
    }
    break;
  }
  run.group_sizes.push_back(group);
  return run;
}

// Whether a run is a phone or an ID number: long enough alone, or in groups as a phone is written.
// A date (2026-11-28) and a sum (1,000,000) have short groups and stay as they are.
// "2024", "1998": a year (19xx or 20xx, in digits).
bool is_year(std::string_view text, const Run& run, std::size_t first) {
  const std::string_view century = text.substr(run.numerals[first].at, 2);
  return century == "19" || century == "20";
}

// "20261123": a date written without marks, which an 8-digit landline could otherwise be.
bool is_date(std::string_view text, const Run& run) {
  if (run.numerals.size() != 8 || run.numerals.back().at - run.numerals.front().at != 7) return false;
  if (!is_year(text, run, 0)) return false;
  const int month = (text[run.numerals[4].at] - '0') * 10 + (text[run.numerals[5].at] - '0');
  const int day = (text[run.numerals[6].at] - '0') * 10 + (text[run.numerals[7].at] - '0');
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

// "100 / 200 / 3000 元": sums of money.
bool is_money(std::string_view text, const Run& run) {
  std::string_view after = text.substr(run.end);
  while (after.starts_with(" "))
    after.remove_prefix(1);
  return after.starts_with("元") || after.starts_with("块") || after.starts_with("万");
}

// A bank card's number: 16 to 19 digits beginning with 4, 5 or 6, whole or printed in fours
// ("6222 0212 3456 7890", "6222-0212-3456-7890-123"), where a list of flats of four digits begins with
// a floor. A fraud victim's card went whole to the building's and the grid's groups as a ticket
// climbed (an exploratory run of scams, stop 70).
bool is_bank_card(std::string_view text, const Run& run) {
  constexpr std::size_t kShortestCard = 16;
  constexpr std::size_t kLongestCard = 19;
  const std::size_t count = run.numerals.size();
  if (count < kShortestCard || count > kLongestCard) return false;
  // Said in Chinese numerals too ("六二二二 零二一二 …": a review of stop 70 found it in three groups).
  const std::string_view lead = text.substr(run.numerals.front().at, run.numerals.front().length);
  const bool card_lead =
      (lead.size() == 1 && lead[0] >= '4' && lead[0] <= '6') || lead == "四" || lead == "五" || lead == "六";
  if (!card_lead) return false;
  const std::vector<std::size_t>& groups = run.group_sizes;
  return groups.size() == 1 ||
         std::all_of(groups.begin(), groups.end() - 1, [](std::size_t size) { return size == 4; });
}

// What a run of numerals is: a number to mask, figures to keep whole (a list of flats, years, a sum
// of money, a date), or neither as a whole (a time after a date, "+86-138…"), so its first group is
// judged alone and the scan goes on after it.
enum class RunKind { number, kept, split };

RunKind kind_of(std::string_view text, const Run& run) {
  const std::size_t count = run.numerals.size();
  if (is_money(text, run)) return RunKind::kept;
  if (run.group_sizes.size() == 1)
    return count >= kShortestPhone && !is_date(text, run) ? RunKind::number : RunKind::kept;
  // Flats listed ("301 302 303") and years ("2024-2026") are in groups no phone is written in.
  if (std::all_of(run.group_sizes.begin(), run.group_sizes.end(), [](std::size_t size) { return size == 3; }))
    return RunKind::kept;
  std::size_t first = 0;
  bool years = true;
  for (std::size_t size : run.group_sizes) {
    years = years && size == 4 && is_year(text, run, first);
    first += size;
  }
  if (years) return RunKind::kept;
  // Flats of four digits listed ("1201 1202 1301"); an area code begins with 0 ("0371 6543 2100").
  const bool fours =
      std::all_of(run.group_sizes.begin(), run.group_sizes.end(), [](std::size_t size) { return size == 4; });
  if (is_bank_card(text, run)) return RunKind::number;
  if (fours && run.group_sizes.size() >= 3 && text[run.numerals.front().at] != '0') return RunKind::kept;
  // Every group as a phone is written ("138 1234 5678", "8765 4321").
  const std::size_t shortest = *std::min_element(run.group_sizes.begin(), run.group_sizes.end());
  return count >= kShortestPhone && shortest >= kShortestGroup ? RunKind::number : RunKind::split;
}

// A number is masked in its middle, so a reader still tells two numbers apart without learning
// either: the first three numerals and (when long enough) the last four stay, each one between is a
// '*', and the separators inside the masked part go.
void append_masked(std::string& out, std::string_view text, const Run& run, std::size_t end) {
  const std::size_t count = run.numerals.size();
  // An ID card's check character X is its last.
  const bool check_x = end > run.end;
  const std::size_t shown = count + (check_x ? 1 : 0);
  const std::size_t tail = shown >= kKeepHead + kKeepTail + 4 ? kKeepTail : 0;
  const Numeral& head_end = run.numerals[kKeepHead - 1];
  out.append(text.substr(run.numerals.front().at, head_end.at + head_end.length - run.numerals.front().at));
  out.append(shown - kKeepHead - tail, '*');
  if (tail > 0) {
    const std::size_t from = check_x ? count - (tail - 1) : count - tail;
    out.append(text.substr(run.numerals[from].at, end - run.numerals[from].at));
  }
}

// Which numbers a text keeps from its readers.
enum class Masked { phones_and_ids, ids_only };

// The digits of a door's or a lock's code at `at` ("家门密码是852963", "密码：1234"), and where they
// end; 0 when no code is said there. A child left one for whoever goes to a parent's flat, and the
// unit's group read it in four posts (an exploratory run of old people living alone, stop 68).
std::size_t door_code_end(std::string_view text, std::size_t at) {
  constexpr std::size_t kShortestCode = 3;
  constexpr std::size_t kLongestCode = 12;
  std::string_view before = text.substr(0, at);
  // "密码是：852963", "门锁密码为 8529": any joints between, in any order (a review of stop 68 found
  // "是：" left the code whole).
  for (bool cut = true; cut;) {
    cut = false;
    for (const std::string_view joint : {" ", "是", "为", ":", "：", "#"}) {
      if (before.ends_with(joint)) {
        before.remove_suffix(joint.size());
        cut = true;
      }
    }
  }
  if (!before.ends_with("密码") && !before.ends_with("门禁码") && !before.ends_with("锁的码") &&
      !before.ends_with("密码锁"))
    return 0;
  // Its numerals, digits or Chinese ("密码是八五二九六三"), and a short group after a single space as some
  // type a code ("8529 63"); not a phone number after a space ("密码852963 13812345678": the final read of
  // stop 68 found the code's first three shown, masked as a part of one long number).
  constexpr std::size_t kLongestSpacedCode = 8;
  constexpr std::size_t kLongestGroupAfterSpace = 4;
  std::size_t end = at;
  std::size_t numerals = 0;
  while (const std::size_t length = numeral_at(text, end)) {
    ++numerals;
    end += length;
  }
  while (end + 1 < text.size() && text[end] == ' ') {
    std::size_t group_end = end + 1;
    std::size_t group = 0;
    while (const std::size_t length = numeral_at(text, group_end)) {
      ++group;
      group_end += length;
    }
    if (group == 0 || group > kLongestGroupAfterSpace || numerals + group > kLongestSpacedCode) break;
    numerals += group;
    end = group_end;
  }
  return numerals >= kShortestCode && numerals <= kLongestCode ? end : 0;
}

std::string mask_numbers(std::string_view text, Masked masked) {
  std::string out;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    if (numeral_at(text, i) == 0) {
      out.push_back(text[i++]);
      continue;
    }
    if (const std::size_t code_end = masked == Masked::phones_and_ids ? door_code_end(text, i) : 0) {
      for (std::size_t at = i; at < code_end;) {
        const std::size_t length = numeral_at(text, at);
        out.push_back(length == 0 ? text[at] : '*');
        at += length == 0 ? 1 : length;
      }
      i = code_end;
      continue;
    }
    Run run = run_at(text, i);
    RunKind kind = kind_of(text, run);
    if (kind == RunKind::split) {
      // Not one number: the first group is judged alone, and the scan goes on after it.
      run.numerals.resize(run.group_sizes.front());
      run.group_sizes.resize(1);
      run.end = run.numerals.back().at + run.numerals.back().length;
      kind = kind_of(text, run);
    }
    std::size_t end = run.end;
    if (run.numerals.size() == kIdCardDigits && end < text.size() && (text[end] == 'X' || text[end] == 'x'))
      ++end;
    // A run right after an '@' that begins a word is someone's id in a mention ("【工单T1】@13800138000
    // 你反映的…"), which must stay whole to reach them; "加我微信@139…" is a number all the same.
    const bool mention =
        i > 0 && text[i - 1] == '@' &&
        (i == 1 || text[i - 2] == ' ' || text[i - 2] == '\n' || (i >= 4 && text.substr(i - 4, 3) == "】"));
    const bool id_card =
        run.group_sizes.size() == 1 &&
        (run.numerals.size() == kIdCardDigits + 1 || (run.numerals.size() == kIdCardDigits && end > run.end));
    // Nor does a responder read a bank card: 物业 calls back on the phone, never on a card.
    const bool private_to_all = id_card || is_bank_card(text, run);
    if (!mention && kind == RunKind::number && (masked == Masked::phones_and_ids || private_to_all)) {
      append_masked(out, text, run, end);
    } else {
      out.append(text.substr(i, end - i));
    }
    i = end;
  }
  return out;
}

}  // namespace

std::string mask_private_numbers(std::string_view text) {
  return mask_numbers(text, Masked::phones_and_ids);
}

std::string mask_id_numbers(std::string_view text) {
  return mask_numbers(text, Masked::ids_only);
}

}  // namespace whistle::language
