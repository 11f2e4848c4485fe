#include "handlers/language/jielong.hpp"

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "handlers/language/text_util.hpp"
#include "handlers/language/utf8.hpp"

namespace whistle::language {

namespace {

struct Entry {
  std::int64_t number = 0;
  std::string_view name;
};

// "12. 张三" / "12、张三" / "12 张三" / "12)张三" → {12, "张三"}
std::optional<Entry> read_entry(std::string_view line) {
  std::size_t at = 0;
  std::int64_t number = 0;
  // No list runs past 9999 lines; more digits are not an entry number.
  while (at < line.size() && at < 4 && is_ascii_digit(static_cast<unsigned char>(line[at]))) {
    number = number * 10 + (line[at] - '0');
    ++at;
  }
  if (at == 0 || at == line.size() || is_ascii_digit(static_cast<unsigned char>(line[at])))
    return std::nullopt;
  if (line[at] == '.' || line[at] == ')' || line[at] == ' ') {
    ++at;
  } else if (line.compare(at, 3, "、") == 0) {
    at += 3;
  } else {
    return std::nullopt;
  }
  const std::string_view name = trim_spaces(line.substr(at));
  if (name.empty() || is_filler(name)) return std::nullopt;
  return Entry{number, name};
}

// A poll's options are as short as names ("1. 要 2. 不要"), and are nobody.
constexpr std::string_view kPollAnswers[] = {"要",     "不要", "同意", "不同意", "反对", "赞成", "可以",
                                             "不可以", "是",   "否",   "好",     "不好", "支持", "不支持"};

// A name is at most three Chinese characters (张三, 欧阳娜) or a short word in letters; a flat's
// number beside it ("赵姐 3-201", "5号楼 王阿姨") is part of a neighbour's entry (a regression hunt
// of the volunteer loop, 2026-12-07: such a list signed nobody up).
bool all_entries_are_names(const std::vector<std::string_view>& lines, std::size_t first_entry) {
  for (std::size_t i = first_entry; i < lines.size(); ++i) {
    const std::string_view name = read_entry(lines[i])->name;
    if (std::find(std::begin(kPollAnswers), std::end(kPollAnswers), name) != std::end(kPollAnswers))
      return false;
    std::size_t characters = 0;
    std::size_t chinese = 0;
    bool flat_number = false;
    for (std::size_t at = 0; at < name.size();) {
      const CodePoint c = decode_utf8(name, at);
      ++characters;
      if (is_ascii_digit(c.value)) flat_number = true;
      const bool part_of_flat = c.value == U'号' || c.value == U'楼' || c.value == U'栋' || c.value == U'室';
      if (c.length > 1 && !part_of_flat) ++chinese;
      at += c.length;
    }
    if (flat_number) {
      if (chinese == 0 || chinese > 3) return false;
    } else if (characters > (name.size() > characters ? 3u : 12u)) {
      return false;
    }
  }
  return true;
}

// "车厘子2箱", "草莓两盒", "50元": an amount bought, which a volunteer's entry does not have (stop 61's
// review: "报名\n1. 张三 车厘子2箱" signed its buyers up to the unit's task). What a volunteer brings is
// no purchase ("带1箱矿泉水", "带上2瓶水", "带扫帚和1桶水"), nor a numeral in a name's first
// characters ("王一元", "赵六斤").
bool names_goods(std::string_view entry) {
  for (const std::string_view brings : {"带", "拿", "备", "捐", "送", "自备"}) {
    if (entry.find(brings) != std::string_view::npos) return false;
  }
  constexpr std::u32string_view kDigits = U"0123456789";
  constexpr std::u32string_view kNumerals = U"一二两三四五六七八九十半";
  constexpr std::u32string_view kGoodsUnits = U"箱盒斤袋份瓶桶包提件兜罐元块只条";
  bool after_number = false;
  std::size_t index = 0;
  for (std::size_t at = 0; at < entry.size(); ++index) {
    const CodePoint c = decode_utf8(entry, at);
    at += c.length;
    const bool digit = kDigits.find(c.value) != std::u32string_view::npos;
    const bool numeral = index >= 3 && kNumerals.find(c.value) != std::u32string_view::npos;
    if (after_number && !digit && !numeral && kGoodsUnits.find(c.value) != std::u32string_view::npos)
      return true;
    after_number = digit || numeral;
  }
  return false;
}

}  // namespace

std::optional<std::string> read_jielong(std::string_view text) {
  std::optional<JielongList> list = read_jielong_list(text);
  if (!list) return std::nullopt;
  return std::move(list->name);
}

std::optional<JielongList> read_jielong_list(std::string_view text, bool header_known) {
  std::vector<std::string_view> lines;
  std::vector<std::size_t> offsets;
  for (std::size_t start = 0; start <= text.size();) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    lines.push_back(text.substr(start, end - start));
    offsets.push_back(start);
    start = end + 1;
  }
  // Walk back from the last line while entries count down to 1.
  std::size_t first_entry = lines.size();
  std::optional<std::int64_t> expected;
  while (first_entry > 0) {
    const auto entry = read_entry(lines[first_entry - 1]);
    if (!entry || (expected && entry->number != *expected)) break;
    expected = entry->number - 1;
    --first_entry;
    if (entry->number == 1) break;
  }
  if (!expected || *expected != 0) return std::nullopt;
  bool header_says_jielong = header_known && first_entry > 0;
  for (std::size_t i = 0; i < first_entry; ++i) {
    for (const std::string_view word :
         {std::string_view("接龙"), std::string_view("报名"), std::string_view("报到")})
      header_says_jielong = header_says_jielong || lines[i].find(word) != std::string_view::npos;
  }
  // A numbered list without a 接龙 or sign-up header above it is people only when every entry is
  // as short as a name ("1. 张三"); "1. 带好手套 2. 穿运动鞋" is a list of steps.
  const bool list_of_names = lines.size() - first_entry >= 2 && all_entries_are_names(lines, first_entry);
  if (!header_says_jielong && !list_of_names) return std::nullopt;
  JielongList list{std::string(read_entry(lines.back())->name),
                   static_cast<std::int64_t>(lines.size() - first_entry), offsets[first_entry]};
  list.names = all_entries_are_names(lines, first_entry);
  // Most entries count what was bought: a volunteer's list may hold one "矿泉水一箱" (a review,
  // 2026-12-07: the whole list was dropped for it).
  std::size_t goods = 0;
  for (std::size_t i = first_entry; i < lines.size(); ++i)
    goods += names_goods(read_entry(lines[i])->name) ? 1 : 0;
  list.counts_goods = goods * 2 > lines.size() - first_entry;
  if (first_entry > 0) {
    const std::string_view header = lines[first_entry - 1];
    if (header.find("接龙") != std::string_view::npos || header.find("报名") != std::string_view::npos) {
      list.starts_at = offsets[first_entry - 1];
      list.headed = true;
      list.says_jielong = header.find("接龙") != std::string_view::npos;
    }
  }
  return list;
}

std::optional<std::size_t> empty_jielong_header(std::string_view text) {
  const std::size_t newline = text.rfind('\n');
  if (newline == std::string_view::npos) return std::nullopt;
  const std::string_view last = trim_spaces(text.substr(newline + 1));
  // "接龙", "接龙报名:", "报名接龙:" — the header alone, at most a label's colon after it.
  if (last.find("接龙") == std::string_view::npos || last.size() > std::string_view("接龙报名:").size())
    return std::nullopt;
  return newline;
}

std::optional<std::string> name_with_plus_one(std::string_view body) {
  constexpr std::string_view kPlusOne = "+1";
  std::string_view name;
  if (body.ends_with(kPlusOne)) {
    name = trim_spaces(body.substr(0, body.size() - kPlusOne.size()));
  } else if (body.starts_with(kPlusOne)) {
    name = trim_spaces(body.substr(kPlusOne.size()));
  } else {
    return std::nullopt;
  }
  const std::size_t count = characters(name);
  if (count < 2 || count > 4) return std::nullopt;
  for (std::size_t at = 0; at < name.size();) {
    const CodePoint cp = decode_utf8(name, at);
    if (!is_cjk(cp.value)) return std::nullopt;
    at += cp.length;
  }
  static constexpr std::string_view kNotNames[] = {"楼上", "同上", "楼主", "同意", "赞同", "附议",
                                                   "支持", "我也", "我们", "大家", "我家", "俺也",
                                                   "点赞", "顶",   "收到", "好的"};
  for (const std::string_view word : kNotNames) {
    if (name.starts_with(word)) return std::nullopt;
  }
  // Nor what one brings or when ("+1 带铁锹", "+1 我带扫把", "明天+1"): no name begins so.
  constexpr std::u32string_view kNoNameBegins =
      U"我你他她带也都一今明后下上这那不没好太真来去算加报还再在稍晚早等快刚正";
  if (name.starts_with("马上")) return std::nullopt;
  if (kNoNameBegins.find(decode_utf8(name, 0).value) != std::u32string_view::npos) return std::nullopt;
  return std::string(name);
}

}  // namespace whistle::language
