#include "handlers/language/places.hpp"

#include <algorithm>
#include <array>
#include <functional>
#include <utility>

#include "handlers/language/chinese_numbers.hpp"
#include "handlers/language/day_expressions.hpp"
#include "handlers/language/text_util.hpp"
#include "handlers/language/utf8.hpp"

namespace whistle::language {

namespace {

// Ways to write "building N", longest first. The bare 栋/幢 need digits: "一栋楼" is "a building".
struct BuildingWord {
  std::string_view word;
  bool chinese_numbers;
};
constexpr std::array<BuildingWord, 7> kBuildingWords = {{
    {"号楼", true},
    {"号栋", true},
    {"号幢", true},
    {"#楼", false},
    {"#栋", false},
    {"栋", false},
    {"幢", false},
}};
constexpr std::string_view kUnitWord = "单元";
constexpr std::string_view kAt = "在";
// Buildings and units are numbered from 1; nobody has a building 10000.
constexpr std::int64_t kMaxNumber = 9999;

struct Numbered {
  std::int64_t number = 0;
  std::size_t end = 0;
};

std::optional<Numbered> read_numbered(std::string_view text, std::size_t pos, std::string_view word) {
  const auto number = read_number_between(text, pos, 1, kMaxNumber);
  if (!number || !starts_with_at(text, pos + number->length, word)) return std::nullopt;
  return Numbered{number->value, pos + number->length + word.size()};
}

// 1 to `most` ASCII digits at `pos`, and where they end (the separator after them is the caller's).
std::optional<Numbered> read_digits_before(std::string_view text, std::size_t pos, std::size_t most) {
  std::size_t end = pos;
  while (end < text.size() && is_ascii_digit(static_cast<unsigned char>(text[end])))
    ++end;
  // Counted before their value is: a long run of digits (a phone number, a fuzzer's) overflows.
  if (end == pos || end - pos > most) return std::nullopt;
  std::int64_t value = 0;
  for (std::size_t at = pos; at < end; ++at)
    value = value * 10 + (text[at] - '0');
  return Numbered{value, end};
}

// ASCII digits at `pos`, between `fewest` and `most` of them, and where they end.
std::optional<Numbered> read_digits(std::string_view text, std::size_t pos, std::size_t fewest,
                                    std::size_t most) {
  std::size_t end = pos;
  while (end < text.size() && is_ascii_digit(static_cast<unsigned char>(text[end])))
    ++end;
  const std::size_t count = end - pos;
  if (count < fewest || count > most) return std::nullopt;
  if (end < text.size() && (is_ascii_alnum(static_cast<unsigned char>(text[end])) || text[end] == '.'))
    return std::nullopt;
  std::int64_t value = 0;
  for (std::size_t at = pos; at < end; ++at)
    value = value * 10 + (text[at] - '0');
  return Numbered{value, end};
}

// A unit and a flat after the building: "2-502", "2-502室" (of "3号楼2-502", "3-2-502", "3#2-502").
std::optional<Numbered> unit_before_flat(std::string_view text, std::size_t pos) {
  constexpr std::size_t kMostUnitDigits = 2;
  constexpr std::size_t kFewestFlatDigits = 3;
  constexpr std::size_t kMostFlatDigits = 4;
  const auto unit = read_digits_before(text, pos, kMostUnitDigits);
  // A unit written with a leading 0 is a date's month ("12-08-2026": the final read of stop 68).
  if (!unit || unit->number == 0 || text[pos] == '0' || !starts_with_at(text, unit->end, "-"))
    return std::nullopt;
  const auto flat = read_digits(text, unit->end + 1, kFewestFlatDigits, kMostFlatDigits);
  if (!flat) return std::nullopt;
  return Numbered{unit->number, starts_with_at(text, flat->end, "室") ? flat->end + 3 : flat->end};
}

// "3-2-502", "3#2-502", "3#2-502室": a flat as residents and 物业 write it, building-unit-room (an
// exploratory run of how people type, stop 68: a report giving it went to the 书记, not the unit).
// A date (2026-11-28) and a phone number (138-1234-5678) have no 1–2 digit unit with a 3–4 digit
// room after it.
std::optional<PlaceMatch> read_flat(std::string_view text, std::size_t pos) {
  constexpr std::size_t kMostBuildingDigits = 3;
  if (pos > 0 && is_ascii_alnum(static_cast<unsigned char>(text[pos - 1]))) return std::nullopt;
  const auto building = read_digits_before(text, pos, kMostBuildingDigits);
  if (!building || building->number == 0) return std::nullopt;
  if (!starts_with_at(text, building->end, "-") && !starts_with_at(text, building->end, "#"))
    return std::nullopt;
  const auto unit = unit_before_flat(text, building->end + 1);
  if (!unit) return std::nullopt;
  return PlaceMatch{std::to_string(building->number) + "号楼" + std::to_string(unit->number) + "单元", pos,
                    unit->end - pos};
}

std::optional<PlaceMatch> read_structured(std::string_view text, std::size_t pos) {
  if (auto flat = read_flat(text, pos)) return flat;
  for (const BuildingWord& word : kBuildingWords) {
    if (!word.chinese_numbers && !is_ascii_digit(decode_utf8(text, pos).value)) continue;
    const auto building = read_numbered(text, pos, word.word);
    if (!building) continue;
    PlaceMatch match{std::to_string(building->number) + "号楼", pos, building->end - pos};
    // "3号楼2单元" and "3号楼 2单元" are one place; so is "3号楼2-502", a flat in its second unit.
    if (const auto unit = read_numbered(text, skip_spaces(text, building->end), kUnitWord)) {
      match.name += std::to_string(unit->number) + "单元";
      match.length = unit->end - pos;
    } else if (const auto flat = unit_before_flat(text, building->end)) {
      match.name += std::to_string(flat->number) + "单元";
      match.length = flat->end - pos;
    }
    return match;
  }
  if (const auto unit = read_numbered(text, pos, kUnitWord)) {
    return PlaceMatch{std::to_string(unit->number) + "单元", pos, unit->end - pos};
  }
  return std::nullopt;
}

std::optional<PlaceMatch> read_named(std::string_view text, std::size_t pos, const PlaceNames& names) {
  const auto name = names.longest_at(text, pos);
  if (!name) return std::nullopt;
  return PlaceMatch{std::string(*name), pos, name->size()};
}

}  // namespace

PlaceNames::PlaceNames(const std::vector<std::string>& names)
    : PlaceNames(std::vector<std::string_view>(names.begin(), names.end())) {}

PlaceNames::PlaceNames(const std::vector<std::string_view>& names) {
  auto index = std::make_shared<Index>();
  std::size_t total = 0;
  for (const std::string_view name : names)
    total += name.size();
  // Reserved once: the views in `lookup` point into `text`, which must never move.
  index->text.reserve(total);
  index->lookup.reserve(names.size());
  for (const std::string_view name : names) {
    if (name.empty() || index->lookup.contains(name)) continue;
    const std::size_t start = index->text.size();
    index->text.append(name);
    index->lookup.insert(std::string_view(index->text).substr(start, name.size()));
    index->lengths.push_back(name.size());
  }
  std::sort(index->lengths.begin(), index->lengths.end(), std::greater<>());
  index->lengths.erase(std::unique(index->lengths.begin(), index->lengths.end()), index->lengths.end());
  if (!index->lookup.empty()) index_ = std::move(index);
}

PlaceNames::PlaceNames(std::initializer_list<std::string_view> names)
    : PlaceNames(std::vector<std::string_view>(names.begin(), names.end())) {}

std::size_t PlaceNames::size() const {
  return index_ ? index_->lookup.size() : 0;
}

bool PlaceNames::contains(std::string_view name) const {
  return index_ && index_->lookup.contains(name);
}

std::optional<std::string_view> PlaceNames::longest_at(std::string_view text, std::size_t pos) const {
  if (!index_ || pos >= text.size()) return std::nullopt;
  const std::size_t left = text.size() - pos;
  for (const std::size_t length : index_->lengths) {
    if (length > left) continue;
    const auto found = index_->lookup.find(text.substr(pos, length));
    if (found != index_->lookup.end()) return *found;
  }
  return std::nullopt;
}

namespace {

constexpr std::array<std::string_view, 8> kPlaceJoiners = {"-", "~", "～", "至", "到", "和", "与", "、"};

// "清理3-5号楼楼道", "1号楼和3号楼之间": a building among others is no place of the task's own;
// cut out, it left "清理3-楼道" and named a building outside the group's branch.
bool in_a_range_or_pair(std::string_view text, std::size_t start, std::size_t end) {
  // "1#2#3#楼", "1#、3#楼都停水了": buildings written with # are a list (a review of stop 68: filed to
  // the last one alone).
  if (start > 0 && text[start - 1] == '#') return true;
  for (const std::string_view joiner : kPlaceJoiners) {
    if (start >= joiner.size() + 1 && text.compare(start - joiner.size(), joiner.size(), joiner) == 0) {
      const char32_t before = code_point_before(text, start - joiner.size());
      if (is_ascii_digit(before) || before == U'楼' || before == U'栋' || before == U'#') return true;
    }
    if (starts_with_at(text, end, joiner) && end + joiner.size() < text.size() &&
        is_ascii_digit(static_cast<unsigned char>(text[end + joiner.size()])))
      return true;
  }
  return false;
}

}  // namespace

std::optional<PlaceMatch> find_place(std::string_view text, const PlaceNames& names) {
  for (std::size_t pos = 0; pos < text.size();) {
    auto structured = read_structured(text, pos);
    auto named = read_named(text, pos, names);
    std::optional<PlaceMatch> match = structured;
    if (named && (!match || named->length > match->length)) match = named;
    if (match && structured && match->length == structured->length &&
        in_a_range_or_pair(text, match->start, match->start + match->length)) {
      pos = match->start + match->length;
      continue;
    }
    if (match) {
      if (pos >= kAt.size() && text.compare(pos - kAt.size(), kAt.size(), kAt) == 0) {
        match->start -= kAt.size();
        match->length += kAt.size();
      }
      return match;
    }
    pos += decode_utf8(text, pos).length;
  }
  return std::nullopt;
}

std::optional<std::string> take_place(std::string& text, const PlaceNames& names) {
  auto match = find_place(text, names);
  if (!match) return std::nullopt;
  erase_span(text, match->start, match->length);
  return std::move(match->name);
}

std::optional<std::string> take_labelled_place(std::string& text, const PlaceNames& names) {
  auto match = find_place(text, names);
  if (!match) return std::nullopt;
  const std::size_t place_end = match->start + match->length;
  std::size_t end = place_end;
  bool digit = false;
  while (end < text.size()) {
    const CodePoint cp = decode_utf8(text, end);
    if (is_space(cp.value) || is_punctuation(cp.value)) break;
    // "3号楼明天上午集合": the time begins where a day does.
    digit = digit || is_ascii_digit(cp.value) || starts_number(text, end) || read_day(text, end).has_value();
    end += cp.length;
  }
  std::string name = std::move(match->name);
  if (!digit) {
    name += text.substr(place_end, end - place_end);
    match->length = end - match->start;
  }
  erase_span(text, match->start, match->length);
  return name;
}

std::optional<OwnGroup> own_group_named(std::string_view text) {
  constexpr std::string_view kWe[] = {"我们", "咱们", "俺们", "咱"};
  constexpr std::pair<std::string_view, int> kLevels[] = {{"单元", 3}, {"楼栋", 2}, {"楼", 2},  {"栋", 2},
                                                          {"网格", 1}, {"社区", 0}, {"小区", 0}};
  for (const std::string_view we : kWe) {
    if (!text.starts_with(we)) continue;
    for (const auto& [word, level] : kLevels) {
      if (text.substr(we.size()).starts_with(word)) return OwnGroup{level, we.size() + word.size()};
    }
  }
  return std::nullopt;
}

}  // namespace whistle::language
