#include "handlers/language/labelled_form.hpp"

#include <algorithm>
#include <optional>
#include <string_view>
#include <vector>

#include "handlers/language/chinese_numbers.hpp"
#include "handlers/language/durations.hpp"
#include "handlers/language/intent_table.hpp"
#include "handlers/language/places.hpp"
#include "handlers/language/quantities.hpp"
#include "handlers/language/starts_from_now.hpp"
#include "handlers/language/text_util.hpp"
#include "handlers/language/time_expressions.hpp"
#include "handlers/language/utf8.hpp"

namespace whistle::language {

namespace {

struct Segment {
  FormSlot slot = FormSlot::ignored;
  std::size_t label_start = 0;
  std::size_t value_start = 0;
};

bool at_segment_start(std::string_view text, std::size_t pos) {
  if (pos == 0) return true;
  const char32_t before = code_point_before(text, pos);
  // "📌事项：", "⏰时间：": notices put an emoji before each label.
  return is_space(before) || before == U';' || before == U'；' || before == U',' || before == U'，' ||
         before == U'、' || before == U'。' || before == U'.' || before == U')' || before == U'）' ||
         is_emoji(before);
}

// The end of the separator after a label at `pos`, or npos when none is there.
std::size_t after_separator(std::string_view text, std::size_t pos, LabelSeparator separator) {
  std::size_t at = skip_spaces(text, pos);
  if (at < text.size() && text[at] == ':') return skip_spaces(text, at + 1);
  if (separator == LabelSeparator::colon) return std::string_view::npos;
  for (const std::string_view joiner : vocabulary().edit_joiners) {
    if (starts_with_at(text, at, joiner)) return skip_spaces(text, at + joiner.size());
  }
  // In an edit the task is known and a label may run into its value: "人数八人", "时间明天下午3点".
  return at;
}

std::vector<Segment> find_segments(std::string_view text, LabelSeparator separator) {
  std::vector<Segment> segments;
  for (std::size_t pos = 0; pos < text.size();) {
    bool matched = false;
    if (at_segment_start(text, pos)) {
      for (const FormLabel& label : form_labels()) {
        if (!starts_with_at(text, pos, label.label)) continue;
        if (label.pasted_only && separator != LabelSeparator::colon) continue;
        const std::size_t value = after_separator(text, pos + label.label.size(), separator);
        if (value == std::string_view::npos) continue;
        segments.push_back({label.slot, pos, value});
        pos = value;
        matched = true;
        break;
      }
    }
    if (!matched) pos += decode_utf8(text, pos).length;
  }
  return segments;
}

// "1.5", "3.5": digits around one dot, and nothing else.
bool is_decimal_number(std::string_view value) {
  const std::size_t dot = value.find('.');
  if (dot == std::string_view::npos || dot == 0 || dot + 1 == value.size()) return false;
  for (std::size_t i = 0; i < value.size(); ++i) {
    if (i != dot && !is_ascii_digit(static_cast<unsigned char>(value[i]))) return false;
  }
  return true;
}

// A bare number as the whole value ("人数：6", "积分：10").
std::optional<int> bare_number(std::string_view value) {
  const auto number = parse_number(trim_spaces(value));
  if (!number || *number < 0 || *number > 1'000'000) return std::nullopt;
  return static_cast<int>(*number);
}

// "一、事项：… 二、时间：…": the next label's number ends the value before it.
void drop_trailing_enumerator(std::string& value) {
  const std::size_t space = value.rfind(' ');
  std::string_view last = std::string_view(value).substr(space == std::string::npos ? 0 : space + 1);
  for (const std::string_view mark : {"、", ".", ")", "）"}) {
    if (last.ends_with(mark)) {
      last.remove_suffix(mark.size());
      break;
    }
  }
  if (last.empty() || last.size() == value.size()) return;
  for (std::size_t pos = 0; pos < last.size();) {
    const CodePoint cp = decode_utf8(last, pos);
    if (!is_ascii_digit(cp.value) &&
        std::u32string_view(U"一二三四五六七八九十").find(cp.value) == std::u32string_view::npos)
      return;
    pos += cp.length;
  }
  value.erase(space);
}

// Reads a label's value into its slot and returns what the slot did not use ("积分：每人10分
// 明天9点" on one line leaves "明天9点" for the caller). A title or a place that is no known one
// takes the whole value; an ignored label's value is dropped.
std::string read_value(FormSlot slot, std::string_view raw, const ParseContext& context, Command& command) {
  // A time keeps its punctuation: "9:00 - 11:00" cleaned of the lone "-" lost its end.
  std::string value = slot == FormSlot::time ? std::string(trim_spaces(raw)) : clean_free_text(raw);
  if (slot == FormSlot::time) std::replace(value.begin(), value.end(), '\n', ' ');
  drop_trailing_enumerator(value);
  // "人数 3.5", "积分 1.5": a decimal is no count or points, and must not be read as a date either.
  if (slot != FormSlot::title && slot != FormSlot::place && is_decimal_number(value)) return {};
  switch (slot) {
    case FormSlot::title:
      if (!value.empty()) command.title = std::move(value);
      return {};
    case FormSlot::place:
      if (auto place = take_labelled_place(value, context.place_names)) {
        command.place = std::move(place);
        return value;
      }
      if (!value.empty()) command.place = std::move(value);
      return {};
    case FormSlot::count:
      if (const auto number = bare_number(value)) {
        command.count = number;
        return {};
      }
      // "人数改成3个": a head count's measure word alone, under its label (an exploratory run of the
      // leaders' side, 2026-12-07: "请写上要改什么").
      if (std::string_view(value).ends_with("个")) {
        if (const auto number = bare_number(std::string_view(value).substr(0, value.size() - 3))) {
          command.count = number;
          return {};
        }
      }
      command.count = take_count(value);
      return value;
    case FormSlot::minutes:
      command.minutes = take_duration(value);
      return value;
    case FormSlot::points:
      if (const auto number = bare_number(value)) {
        command.points = number;
        return {};
      }
      command.points = take_points(value);
      return value;
    case FormSlot::time: {
      // "时间：半小时后", "修改 1 时间 半小时后": a wait, not a length.
      if (const std::optional<int> delay = take_delay(value)) {
        command.start = start_from_now(TimeContext{context.now, context.utc_offset_seconds}, *delay);
        command.time_names_day = command.time_names_clock = true;
        return value;
      }
      command.minutes = take_duration(value);
      if (auto span = take_time(value, TimeContext{context.now, context.utc_offset_seconds})) {
        // "日期：11月28日" and "时间：9:00-11:00" on lines of their own are one time: the clock
        // read on the day read before, or the day read now under the clock read before.
        const std::optional<std::int64_t> before = command.start ? command.start : command.end;
        if (before && command.time_names_day && !command.time_names_clock && span->names_clock &&
            !span->names_day) {
          span = on_day_of(*span, *before, context.utc_offset_seconds);
        } else if (before && command.time_names_clock && !command.time_names_day && span->names_day &&
                   !span->names_clock) {
          span = on_day_of(TimeSpan{command.start, command.end, true, true},
                           span->start ? *span->start : *span->end, context.utc_offset_seconds);
        }
        command.start = span->start;
        command.end = span->end;
        command.time_names_day = span->names_day;
        command.time_names_clock = span->names_clock || command.time_names_clock;
      }
      return value;
    }
    case FormSlot::ignored:
      return {};
  }
  return {};
}

// The value with its last words set apart that send the task down ("下发", "各楼栋": a line of their
// own, which reaches here as a space) cut off; those words go to `unlabelled`, where the whistle reads
// them.
std::string_view without_lines_sending_down(std::string_view value, std::string& unlabelled) {
  while (true) {
    const std::string_view trimmed = trim_spaces(value);
    const std::size_t apart = trimmed.find_last_of(" \n");
    if (apart == std::string_view::npos) return value;
    const std::string_view last = trimmed.substr(apart + 1);
    const auto& words = vocabulary().broadcast_words;
    if (std::find(words.begin(), words.end(), last) == words.end()) return value;
    unlabelled += " " + std::string(last);
    value = trimmed.substr(0, apart);
  }
}

}  // namespace

LabelledForm read_labelled_form(std::string_view text, LabelSeparator separator, const ParseContext& context,
                                Command& command) {
  LabelledForm form;
  // Most whistles are one plain line: without a colon the pasted form has no label to find.
  if (separator == LabelSeparator::colon && text.find(':') == std::string_view::npos) {
    form.unlabelled = std::string(text);
    return form;
  }
  const std::vector<Segment> segments = find_segments(text, separator);
  form.unlabelled = std::string(segments.empty() ? text : text.substr(0, segments.front().label_start));
  for (std::size_t i = 0; i < segments.size(); ++i) {
    const std::size_t end = i + 1 < segments.size() ? segments[i + 1].label_start : text.size();
    const Segment& segment = segments[i];
    std::string_view value = text.substr(segment.value_start, end - segment.value_start);
    // "备注：请带好手机\n下发": a word of its own that sends the task down is the whistle's, not the
    // note's (an exploratory run of renters, stop 70: a 流动人口 drive stayed in the community's group).
    value = without_lines_sending_down(value, form.unlabelled);
    const std::string rest = read_value(segment.slot, value, context, command);
    if (!trim_spaces(rest).empty()) form.unlabelled += " " + rest;
    ++form.labels;
    form.has_title = form.has_title || segment.slot == FormSlot::title;
    form.has_count = form.has_count || segment.slot == FormSlot::count;
  }
  return form;
}

}  // namespace whistle::language
