#include "handlers/language/quantities.hpp"

#include <algorithm>
#include <array>
#include <limits>
#include <string_view>

#include "handlers/language/chinese_numbers.hpp"
#include "handlers/language/text_util.hpp"
#include "handlers/language/time_expressions.hpp"
#include "handlers/language/utf8.hpp"

namespace whistle::language {

namespace {

constexpr std::int64_t kMaxQuantity = 9999;

constexpr std::array<std::string_view, 7> kCountPrefixes = {"需要", "招募", "需", "限", "招", "共", "约"};
constexpr std::array<std::string_view, 4> kCountUnits = {"个人", "人", "名", "位"};
constexpr std::array<std::string_view, 4> kCountNouns = {"志愿者", "同志", "党员", "居民"};
// "给2位老人送饭 3人": people a task serves, counted with the same units as those who do it.
constexpr std::array<std::string_view, 16> kServedNouns = {"老人", "老年人", "长者", "孤寡", "独居", "空巢",
                                                           "高龄", "困难",   "残疾", "病人", "患者", "小朋友",
                                                           "孩子", "学生",   "儿童", "留守"};
// Young volunteers counted by what they are ("5个学生", "五个同学", "需要5个小志愿者": an exploratory run of
// the winter holiday, stop 69, found each posted as 人数不限), said apart or after 需要/招募; not those a
// task serves ("辅导5名学生", "带10个小学生参观消防站").
constexpr std::array<std::string_view, 7> kStudentNouns = {"学生志愿者", "小志愿者", "中学生", "大学生",
                                                           "小学生",     "学生",     "同学"};
// "招募志愿者5名": verbs that, before a noun of people, make the number after it a head count.
constexpr std::array<std::string_view, 5> kCountVerbsBeforeNoun = {"需要", "招募", "需", "招", "找"};
// "5-6人": a range of people (digits on both sides).
constexpr std::array<std::string_view, 7> kCountRangeSeparators = {"-", "~", "～", "〜", "–", "到", "至"};
// "人数：6人", "名额6": a label, then the number with or without its unit.
constexpr std::array<std::string_view, 4> kCountLabels = {"人数", "名额", "限额", "需要人数"};
constexpr std::array<std::string_view, 5> kCountLabelUnits = {"个人", "人", "名", "位", "个"};
// 俩 and 仨 carry their own measure word: "来仨", "要俩" are people.
constexpr std::array<std::string_view, 5> kCountVerbs = {"需要", "再来", "来", "要", "找"};
constexpr std::array<std::string_view, 5> kPointsPrefixes = {"奖励", "每人", "每位", "积", "各"};
constexpr std::array<std::string_view, 2> kPointsUnits = {"积分", "分"};
// "10积分/人", "10分每人"
constexpr std::array<std::string_view, 4> kPerPersonSuffixes = {"/人", "/每人", "每人", "一人"};
// "10分 每人", "每人 10分": per person, as a word of its own beside the points.
constexpr std::array<std::string_view, 2> kPerPersonApart = {"每人", "每位"};
// "积分10", "积分：每人10分", "奖励积分10"
constexpr std::array<std::string_view, 4> kPointsLabels = {"奖励积分", "积分奖励", "积分", "分值"};
// A number right after these is the minutes of a length ("1小时30分"), even one not read as a
// length ("-2小时30分").
constexpr std::array<std::string_view, 2> kMinutesAfter = {"小时", "钟头"};
// "大米x2", "大米 ×2" (starts_with_at() compares letters in either case, so X is x).
constexpr std::array<std::string_view, 3> kTimesSigns = {"x", "*", "×"};
// 块 too: in a stock or redemption line it counts pieces ("香皂 共100块", "每块8分"), not yuan.
constexpr std::array<std::string_view, 19> kMeasureWords = {"个", "份", "件", "袋", "桶", "瓶", "盒",
                                                            "次", "张", "箱", "条", "包", "双", "套",
                                                            "支", "本", "把", "卷", "块"};

struct Found {
  std::size_t start = 0;
  std::size_t end = 0;
  std::optional<int> value;
  bool negative = false;
  bool range = false;  // "5-6人": the start of a range was read before the number
};

std::optional<int> in_range(const NumberMatch& number, std::int64_t low) {
  if (number.overflow || number.value < low || number.value > kMaxQuantity) return std::nullopt;
  return static_cast<int>(number.value);
}

// Whether the number at [start, end) is part of a decimal ("3.5人", "1.5分"): no count or points.
bool is_decimal_part(std::string_view text, std::size_t start, std::size_t end) {
  const bool point_before =
      start >= 2 && text[start - 1] == '.' && is_ascii_digit(static_cast<unsigned char>(text[start - 2]));
  const bool point_after =
      end + 1 < text.size() && text[end] == '.' && is_ascii_digit(static_cast<unsigned char>(text[end + 1]));
  return point_before || point_after;
}

template <std::size_t N>
std::size_t word_at(std::string_view text, std::size_t pos, const std::array<std::string_view, N>& words) {
  for (const std::string_view word : words) {
    if (starts_with_at(text, pos, word)) return word.size();
  }
  return 0;
}

// Where a points unit right after a number ends ("5分", "5 分 帮忙"), or `end` when there is none.
// Set apart by spaces the unit must stand alone: "5 分钟", "5 分享" are other words.
std::size_t after_points_unit(std::string_view text, std::size_t end) {
  if (const std::size_t unit = word_at(text, end, kPointsUnits); unit != 0) return end + unit;
  const std::size_t unit_at = skip_spaces(text, end);
  const std::size_t unit = unit_at == end ? 0 : word_at(text, unit_at, kPointsUnits);
  if (unit == 0 || !is_word_boundary(decode_utf8(text, unit_at + unit).value)) return end;
  return unit_at + unit;
}

// Moves `start` back over `prefixes` written right before it, as many as stand in a row
// ("每人奖励10分").
template <std::size_t N>
std::size_t extend_back(std::string_view text, std::size_t start,
                        const std::array<std::string_view, N>& prefixes) {
  for (bool moved = true; moved;) {
    moved = false;
    for (const std::string_view prefix : prefixes) {
      if (start >= prefix.size() && text.compare(start - prefix.size(), prefix.size(), prefix) == 0) {
        start -= prefix.size();
        moved = true;
        break;
      }
    }
  }
  return start;
}

// Whether one of `words` ends right before `pos`, spaces between allowed.
template <std::size_t N>
bool follows_word(std::string_view text, std::size_t pos, const std::array<std::string_view, N>& words) {
  while (pos > 0 && text[pos - 1] == ' ')
    --pos;
  for (const std::string_view word : words) {
    if (pos >= word.size() && text.compare(pos - word.size(), word.size(), word) == 0) return true;
  }
  return false;
}

// "9点30分", "9点 30分", "1小时30分": the number before 分 is minutes, not points. The word
// before must itself follow a number.
bool is_minutes(std::string_view text, std::size_t pos) {
  if (is_clock_minutes(text, pos)) return true;
  if (pos > 0 && text[pos - 1] == ' ') --pos;
  for (const std::string_view word : kMinutesAfter) {
    if (pos < word.size() || text.compare(pos - word.size(), word.size(), word) != 0) continue;
    const char32_t before = code_point_before(text, pos - word.size());
    if (is_ascii_digit(before) || is_chinese_numeral(before) || before == U'半') return true;
  }
  return false;
}

// The earliest of two matches; the one starting first covers a label ("人数：6人" over "6人").
std::optional<Found> earliest(std::optional<Found> a, std::optional<Found> b) {
  if (!a) return b;
  if (!b) return a;
  return b->start < a->start ? b : a;
}

// A label, then [separators] [one of `fillers`]… and a number that `unit_end` accepts: "人数：6人",
// "积分：每人10分". The match starts at the label.
template <std::size_t L, std::size_t F, typename UnitEnd>
std::optional<Found> find_labelled(std::string_view text, const std::array<std::string_view, L>& labels,
                                   const std::array<std::string_view, F>& fillers, UnitEnd unit_end) {
  for (std::size_t pos = 0; pos < text.size();) {
    const std::size_t label = word_at(text, pos, labels);
    if (label == 0) {
      pos += decode_utf8(text, pos).length;
      continue;
    }
    std::size_t at = skip_separators(text, pos + label);
    for (std::size_t filler = word_at(text, at, fillers); filler != 0; filler = word_at(text, at, fillers))
      at += filler;
    const auto number = starts_number(text, at) ? read_number(text, at) : std::nullopt;
    if (number && !is_decimal_part(text, at, at + number->length)) {
      if (const std::size_t end = unit_end(*number, at + number->length)) {
        const bool fits = !number->overflow && number->value <= std::numeric_limits<int>::max();
        return Found{pos, end, fits ? std::optional<int>(static_cast<int>(number->value)) : std::nullopt};
      }
    }
    pos += label;
  }
  return std::nullopt;
}

// Scans for the first number followed by what `unit_end` accepts (it returns the end or 0).
template <typename UnitEnd>
std::optional<Found> find_number(std::string_view text, UnitEnd unit_end) {
  for (std::size_t pos = 0; pos < text.size();) {
    if (starts_number(text, pos)) {
      const auto number = read_number(text, pos);
      if (!number) return std::nullopt;
      if (is_decimal_part(text, pos, pos + number->length)) {
        pos += number->length;
        continue;
      }
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

// "5-6人", "5到6名": the number read is the end of a range; the range is cut whole and read as
// its larger end, the places the leader opens.
void read_range_start(std::string_view text, Found& found) {
  for (const std::string_view separator : kCountRangeSeparators) {
    if (found.start < separator.size() ||
        text.compare(found.start - separator.size(), separator.size(), separator) != 0)
      continue;
    std::size_t first = found.start - separator.size();
    while (first > 0 && is_ascii_digit(static_cast<unsigned char>(text[first - 1])))
      --first;
    if (first == found.start - separator.size() || !starts_number(text, first)) return;
    const auto number = read_number(text, first);
    if (!number || first + number->length != found.start - separator.size()) return;
    if (is_decimal_part(text, first, first + number->length)) return;
    if (!number->overflow && found.value && number->value > *found.value)
      found.value = static_cast<int>(number->value);
    found.start = first;
    found.range = true;
    return;
  }
}

// "招募志愿者5名", "需要志愿者5人": a verb and the people named before the number go with it. A noun
// alone stays ("慰问居民5人" keeps 居民).
std::size_t extend_back_over_noun(std::string_view text, std::size_t start) {
  for (const std::string_view noun : kCountNouns) {
    if (start < noun.size() || text.compare(start - noun.size(), noun.size(), noun) != 0) continue;
    const std::size_t before = start - noun.size();
    const std::size_t verb = extend_back(text, before, kCountVerbsBeforeNoun);
    return verb == before ? start : verb;
  }
  return start;
}

// "10分 每人": 每人 set apart after the points, as a word of its own, goes with them.
std::size_t per_person_apart(std::string_view text, std::size_t end) {
  if (end >= text.size() || text[end] != ' ') return end;
  for (const std::string_view word : kPerPersonApart) {
    if (starts_with_at(text, end + 1, word) &&
        is_word_boundary(decode_utf8(text, end + 1 + word.size()).value))
      return end + 1 + word.size();
  }
  return end;
}

// "每人 10分" (每人 set apart as a word of its own before the points) and "每瓶30分" (the price of
// one piece, in a stock line): the words before the points that go with them.
std::size_t extend_back_over_per(std::string_view text, std::size_t start) {
  // 每 and a measure word right before: "每瓶30分", "每件20积分".
  if (start >= 6 && text.compare(start - 6, 3, "每") == 0 && word_at(text, start - 3, kMeasureWords) == 3)
    return start - 6;
  if (start == 0 || text[start - 1] != ' ') return start;
  for (const std::string_view word : kPerPersonApart) {
    const std::size_t at = start - 1;
    if (at < word.size() || text.compare(at - word.size(), word.size(), word) != 0) continue;
    const std::size_t word_start = at - word.size();
    if (word_start == 0 || is_word_boundary(code_point_before(text, word_start))) return word_start;
  }
  return start;
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

// "x2", "X2", "×2", "*2": how many, written as a multiplication; the length of the sign, or 0.
std::size_t times_sign(std::string_view text, std::size_t pos) {
  for (const std::string_view sign : kTimesSigns) {
    if (starts_with_at(text, pos, sign)) return sign.size();
  }
  return 0;
}

// The labels staff put before a stock's count, in the style of a labelled form: "库存50".
constexpr std::array<std::string_view, 5> kQuantityLabels = {"库存", "数量", "存量", "一共", "共"};

std::size_t quantity_label(std::string_view text) {
  for (const std::string_view label : kQuantityLabels) {
    if (starts_with_at(text, 0, label)) {
      const std::size_t after = label.size();
      return after < text.size() && (text[after] == ':' || text[after] == ' ') ? after + 1 : after;
    }
  }
  return 0;
}

// "2", "x2", "×2", "2袋", "五件", "库存50", "数量:30": digits alone or with a measure word, Chinese
// numerals with one, or either after a label.
bool is_quantity_word(std::string_view word, std::optional<int>& value) {
  // "-3件": the sign is kept, for the handler to refuse; dropped, it bought three.
  if (word.size() > 1 && word[0] == '-' && is_ascii_digit(static_cast<unsigned char>(word[1]))) {
    std::optional<int> magnitude;
    if (!is_quantity_word(word.substr(1), magnitude)) return false;
    value = magnitude ? std::optional<int>(-*magnitude) : std::nullopt;
    return true;
  }
  const std::size_t label = quantity_label(word);
  const std::size_t at = label + times_sign(word, label);
  const auto number = read_number(word, at);
  if (!number) return false;
  const std::size_t end = at + number->length;
  const std::size_t measure = word_at(word, end, kMeasureWords);
  if (end + measure != word.size() || (number->chinese && measure == 0 && label == 0)) return false;
  // A zero or a number past the range is kept as typed ("兑换 大米 0", "兑换 大米 10000"), for the
  // handler to refuse with the allowed range; read as nothing it became one piece.
  constexpr std::int64_t kLargest = std::numeric_limits<int>::max();
  value = static_cast<int>(number->overflow ? kLargest : std::min(number->value, kLargest));
  return true;
}

// A number and a measure word glued to the name, at its start ("一桶食用油", "两条毛巾") or its end
// ("洗衣液二十件"): [start, end) of the quantity within `trimmed`, or empty. 一次性 is a word, not
// "once"; 斤 and the like measure the goods ("大米5斤"), not how many.
std::optional<Found> glued_quantity(std::string_view trimmed) {
  const auto read_at = [trimmed](std::size_t pos) -> std::optional<Found> {
    if (!starts_number(trimmed, pos)) return std::nullopt;
    const auto number = read_number(trimmed, pos);
    if (!number) return std::nullopt;
    const std::size_t end = pos + number->length;
    if (is_decimal_part(trimmed, pos, end)) return std::nullopt;
    const std::size_t measure = word_at(trimmed, end, kMeasureWords);
    if (measure == 0 || starts_with_at(trimmed, end, "次")) return std::nullopt;
    return Found{pos, end + measure, in_range(*number, 1)};
  };
  if (auto found = read_at(0); found && found->end < trimmed.size()) return found;
  for (std::size_t pos = 0; pos < trimmed.size(); pos += decode_utf8(trimmed, pos).length) {
    if (auto found = read_at(pos); found && pos > 0 && found->end == trimmed.size()) return found;
  }
  return std::nullopt;
}

// "大米x2", "大米*2", "大米X2": a sign and digits glued to the end of a name written in Chinese
// characters ("Mate10x2" and the like stay whole, their letters and digits being the name).
std::optional<Found> glued_times(std::string_view trimmed) {
  std::size_t digits = trimmed.size();
  while (digits > 0 && is_ascii_digit(static_cast<unsigned char>(trimmed[digits - 1])))
    --digits;
  if (digits == trimmed.size()) return std::nullopt;
  for (const std::string_view sign : kTimesSigns) {
    if (digits < sign.size() || !starts_with_at(trimmed, digits - sign.size(), sign)) continue;
    const std::size_t start = digits - sign.size();
    if (start == 0 || !is_cjk(code_point_before(trimmed, start))) return std::nullopt;
    const auto number = read_number(trimmed, digits);
    if (!number) return std::nullopt;
    return Found{start, trimmed.size(), in_range(*number, 1)};
  }
  return std::nullopt;
}

}  // namespace

// "5 人", "10 分": voice input and phone keyboards put a space between digits and their unit, as
// they do round a clock ("周六 下午 3 点"). Only after digits: "三 人" is rarer than words apart.
std::size_t after_typed_space(std::string_view text, const NumberMatch& number, std::size_t end) {
  return !number.chinese && end < text.size() && text[end] == ' ' ? end + 1 : end;
}

std::optional<int> take_count(std::string& text) {
  // "5人", "5个人", "需要5名志愿者", "俩人", "两个志愿者", "需要俩志愿者"
  auto found = find_number(text, [&text](const NumberMatch& number, std::size_t end) -> std::size_t {
    // Where the number starts, before a typed space after it moves `end` ("需要5 个学生").
    const std::size_t before = end - number.length;
    end = after_typed_space(text, number, end);
    const std::size_t measure = starts_with_at(text, end, "个") ? 3 : 0;
    if (const std::size_t unit = measure ? measure : word_at(text, end, kCountUnits)) {
      // Only standing as a word of its own or after a verb of finding people: "带10个小学生参观", "5个学生
      // 的家长会" are those the task is for (a review of stop 69 found the count replaced by theirs).
      const bool apart = before == 0 || text[before - 1] == ' ' || text[before - 1] == ',' ||
                         follows_word(text, before, kCountVerbsBeforeNoun);
      const std::size_t students = word_at(text, end + unit, kStudentNouns);
      const std::size_t after = end + unit + students;
      const bool ends_apart = after >= text.size() || text[after] == ' ' || text[after] == ',';
      if (students && apart && ends_apart) return after;
    }
    if (const std::size_t unit = word_at(text, end, kCountUnits)) {
      // "需要5名学生志愿者" counts volunteers who are students (the final read, 2026-12-07), the whole
      // of it cut from the title.
      if (const std::size_t served = word_at(text, end + unit, kServedNouns)) {
        if (const std::size_t noun = word_at(text, end + unit + served, kCountNouns))
          return end + unit + served + noun;
        if (!follows_word(text, end - number.length, kCountVerbsBeforeNoun)) return 0;
      }
      return end + unit + word_at(text, end + unit, kCountNouns);
    }
    if (const std::size_t noun = word_at(text, end + measure, kCountNouns)) return end + measure + noun;
    return 0;
  });
  if (found) {
    read_range_start(text, *found);
    if (!found->range) read_sign(text, *found);
    found->start = extend_back(text, found->start, kCountPrefixes);
    found->start = extend_back_over_noun(text, found->start);
  }
  // "人数6", "人数：6人", "名额:10"
  auto labelled = find_labelled(text, kCountLabels, std::array<std::string_view, 0>{},
                                [&text](const NumberMatch&, std::size_t end) -> std::size_t {
                                  if (const std::size_t unit = word_at(text, end, kCountLabelUnits))
                                    return end + unit;
                                  return is_word_boundary(decode_utf8(text, end).value) ? end : 0;
                                });
  // "来仨", "要俩": 俩 and 仨 after a verb, standing alone.
  std::optional<Found> colloquial;
  for (std::size_t pos = 0; pos < text.size() && !colloquial;) {
    const char32_t cp = decode_utf8(text, pos).value;
    if ((cp == U'俩' || cp == U'仨') && follows_word(text, pos, kCountVerbs) &&
        !is_chinese_numeral(code_point_before(text, pos))) {
      std::size_t end = pos + 3;
      if (starts_with_at(text, end, "个")) end += 3;
      if (is_word_boundary(decode_utf8(text, end).value)) {
        colloquial = Found{extend_back(text, pos, kCountVerbs), end, cp == U'俩' ? 2 : 3};
      }
    }
    pos += decode_utf8(text, pos).length;
  }
  return cut_as_typed(text, earliest(earliest(found, labelled), colloquial));
}

std::optional<int> take_points(std::string& text) {
  // The unit after the number, and "/人" after the unit: "10分", "10积分/人".
  const auto unit_end = [&text](const NumberMatch& number, std::size_t end) -> std::size_t {
    const std::size_t number_start = end - number.length;
    end = after_typed_space(text, number, end);
    // "10个积分"; never "10个分".
    if (starts_with_at(text, end, "个积分")) end += std::string_view("个").size();
    const std::size_t unit = word_at(text, end, kPointsUnits);
    if (unit == 0 || starts_with_at(text, end, "分钟")) return 0;
    if (is_minutes(text, number_start)) return 0;
    std::size_t after = end + unit;
    after += word_at(text, after, kPerPersonSuffixes);
    after = per_person_apart(text, after);
    // "十分感谢" is an adverb; "二十分五十件" is 20 points and 50 pieces.
    const char32_t next = decode_utf8(text, after).value;
    if (number.chinese && !is_word_boundary(next) && !is_chinese_numeral(next) && !is_ascii_digit(next))
      return 0;
    return after;
  };
  auto found = find_number(text, unit_end);
  if (found) {
    read_sign(text, *found);
    found->start = extend_back_over_per(text, extend_back(text, found->start, kPointsPrefixes));
  }
  // "积分10", "积分10分", "积分：每人10分", "积分:10": after the label the unit may be left out.
  auto labelled =
      find_labelled(text, kPointsLabels, kPointsPrefixes,
                    [&text, &unit_end](const NumberMatch& number, std::size_t end) -> std::size_t {
                      if (const std::size_t with_unit = unit_end(number, end)) return with_unit;
                      if (starts_with_at(text, end, "分")) return 0;  // 分钟
                      return is_word_boundary(decode_utf8(text, end).value) ? end : 0;
                    });
  // "每人积分十分": 每人 before the label goes with it.
  if (labelled)
    labelled->start = extend_back_over_per(text, extend_back(text, labelled->start, kPointsPrefixes));
  return cut_as_typed(text, earliest(found, labelled));
}

std::optional<int> take_amount(std::string& text) {
  // Right after the @-mention the number is the amount even when the reason follows at once
  // ("扣分@李四3失约").
  const std::size_t first = skip_separators(text, 0);
  if (first < text.size() && is_ascii_digit(static_cast<unsigned char>(text[first]))) {
    const auto number = read_number(text, first);
    // "加分 @张三 2.5": half points are not an amount, and its halves must not become one.
    if (is_decimal_part(text, first, first + number->length)) return std::nullopt;
    std::size_t end = first + number->length;
    end = after_points_unit(text, end);
    if (!is_ascii_alpha(decode_utf8(text, end).value)) {
      // Range-checked before it is narrowed: 4294967297 must not wrap round to 1.
      const bool fits = !number->overflow && number->value <= kMaxQuantity;
      return cut(text, Found{first, end, fits ? std::optional<int>(number->value) : std::nullopt}, 1);
    }
  }
  const auto found = find_number(text, [&text](const NumberMatch& number, std::size_t end) -> std::size_t {
    if (const std::size_t unit_end = after_points_unit(text, end); unit_end != end) return unit_end;
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
    // "数量 30": the label stood apart from its number.
    const std::string_view rest = trim_spaces(text);
    for (const std::string_view label : kQuantityLabels) {
      if (rest.size() > label.size() && rest.ends_with(label) &&
          rest[rest.size() - label.size() - 1] == ' ') {
        text.erase(static_cast<std::size_t>(rest.data() - text.data()) + rest.size() - label.size() - 1);
        break;
      }
    }
    return value;
  }
  if (first_space != std::string_view::npos && is_quantity_word(trimmed.substr(0, first_space), value)) {
    text.erase(offset, first_space + 1);
    return value;
  }
  if (const auto found = glued_times(trimmed)) {
    text.erase(offset + found->start, found->end - found->start);
    return found->value;
  }
  if (const auto found = glued_quantity(trimmed)) {
    text.erase(offset + found->start, found->end - found->start);
    return found->value;
  }
  return std::nullopt;
}

}  // namespace whistle::language
