#include "handlers/language/argument_readers.hpp"

#include <array>
#include <string>

#include "handlers/language/chinese_numbers.hpp"
#include "handlers/language/durations.hpp"
#include "handlers/language/mentions.hpp"
#include "handlers/language/month_expressions.hpp"
#include "handlers/language/places.hpp"
#include "handlers/language/quantities.hpp"
#include "handlers/language/references.hpp"
#include "handlers/language/text_util.hpp"
#include "handlers/language/time_expressions.hpp"
#include "handlers/language/utf8.hpp"

namespace whistle::language {

namespace {

constexpr std::array<std::string_view, 3> kNotAWhistle = {"人", "子", "声"};
constexpr std::array<std::string_view, 2> kBroadcastWords = {"全网格", "下发"};
constexpr std::array<std::string_view, 5> kAssigneePrefixes = {"交给", "转给", "派给", "给", "转"};

struct ScoreWord {
  std::string_view word;
  int score;
};

// Longest first, so that 不满意 is not read as 满意.
constexpr std::array<ScoreWord, 10> kScoreWords = {{
    {"非常不满意", 1},
    {"非常满意", 5},
    {"基本满意", 4},
    {"比较满意", 4},
    {"很不满意", 1},
    {"不太满意", 2},
    {"不满意", 1},
    {"很满意", 5},
    {"满意", 5},
    {"一般", 3},
}};

constexpr std::string_view kStar = "★";

TimeContext time_context(const ParseContext& context) {
  return {context.now, context.utc_offset_seconds};
}

// Sets the title unless the words are filler ("了", "！") rather than a remark.
void set_title(Command& command, std::string_view text) {
  if (is_filler(text)) return;
  std::string title = clean_free_text(text);
  if (!title.empty()) command.title = std::move(title);
}

// "1", "+1", "我来", "满意": the keyword was the whole line.
bool read_whole_line(const ArgumentInput& input, Command& command) {
  // Stricter than other commands: "我来了" may just mean "I have arrived".
  if (!is_decoration(input.rest)) return false;
  if (input.rule.extra == "implicit") {
    command.implicit = true;
  } else if (input.rule.extra.size() == 1 &&
             is_ascii_digit(static_cast<unsigned char>(input.rule.extra[0]))) {
    command.score = input.rule.extra[0] - '0';
  }
  return true;
}

// "报到 12", "签到 12 4831", "确认 12 @张三 @李四", "请假 12 家里有事".
bool read_task(const ArgumentInput& input, Command& command) {
  std::string text(input.rest);
  const bool people = input.rule.arguments == Arguments::task_people;
  if (people) command.mentions = take_mentions(text, input.context.bot_names);
  std::size_t at = skip_separators(text, 0);
  // After a leading "#12" the words are the code and the remark ("#12 签到 4831").
  const auto reference = input.anchored ? std::nullopt : read_task_reference(text, at);
  if (reference) {
    command.task = reference->number;
    at = reference->end;
  }
  if ((reference || input.anchored) && input.rule.arguments == Arguments::task_code) {
    const std::size_t code_start = skip_separators(text, at);
    if (const auto code = read_code(text, code_start)) {
      command.code = code->first;
      at = code->second;
    }
  }
  const std::string_view remark = std::string_view(text).substr(at);
  // Without a reference only filler may follow ("报到了！"); "报到中心" is no report-in. Common
  // words ("完成", "取消", "确认") need a reference or @-mention to be a command at all.
  const bool anchored = input.anchored || reference || !command.mentions.empty();
  if (!anchored && (input.rule.extra == "required" || !is_filler(remark))) return false;
  set_title(command, remark);
  return true;
}

// "积分", "积分 @张三"
bool read_people(const ArgumentInput& input, Command& command) {
  std::string text(input.rest);
  command.mentions = take_mentions(text, input.context.bot_names);
  return is_filler(text);
}

// "排行 上月", "统计 10月"
bool read_month(const ArgumentInput& input, Command& command) {
  std::string text(input.rest);
  if (const auto month = take_month(text, time_context(input.context))) {
    command.start = month->start;
    command.end = month->end;
  }
  return is_filler(text);
}

// "加分 @张三 5 帮助孤寡老人", "扣分 @李四 3 失约"
bool read_adjustment(const ArgumentInput& input, Command& command) {
  std::string text(input.rest);
  command.mentions = take_mentions(text, input.context.bot_names);
  const std::string before = text;
  const auto amount = take_amount(text);
  if (command.mentions.empty() && text == before && !is_filler(text)) return false;
  if (amount) command.points = input.rule.extra == "-" ? -*amount : *amount;
  set_title(command, text);
  return true;
}

// "兑换 大米 1", "兑换大米"
bool read_item(const ArgumentInput& input, Command& command) {
  std::string text(input.rest);
  command.count = take_quantity(text);
  set_title(command, text);
  return true;
}

// "核销 K7Q2": codes are shown in capitals, people type them in either case.
bool read_pickup_code(const ArgumentInput& input, Command& command) {
  const std::size_t at = skip_separators(input.rest, 0);
  const auto code = read_code(input.rest, at);
  if (!code) return is_filler(input.rest);
  std::string upper = code->first;
  for (char& c : upper)
    c = (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
  command.code = std::move(upper);
  return true;
}

// "报事 3号楼楼道灯坏了": the resident's words stay whole; the place is read but not cut.
bool read_ticket_text(const ArgumentInput& input, Command& command) {
  command.code = std::string(input.rule.extra);
  if (const auto place = find_place(input.rest, input.context.place_names)) command.place = place->name;
  set_title(command, input.rest);
  return true;
}

// Reads a ticket reference after the keyword; returns where the rest starts.
std::size_t read_ticket_reference_into(std::string_view text, Command& command, bool& found) {
  std::size_t at = skip_separators(text, 0);
  const auto reference = read_ticket_reference(text, at, true);
  found = reference.has_value();
  if (!reference) return at;
  command.ticket = reference->number;
  return reference->end;
}

// "接单 T5", "办结 T5 已更换灯泡", "上报 T5"
bool read_ticket(const ArgumentInput& input, Command& command) {
  bool found = false;
  const std::size_t at = read_ticket_reference_into(input.rest, command, found);
  const std::string_view remark = input.rest.substr(at);
  if (!found && !input.anchored && input.rule.extra != "remark" && !is_filler(remark)) return false;
  set_title(command, remark);
  return true;
}

// "派单 T5 @王五", "派单 T5 物业", "派单 T5 给物业"
bool read_ticket_assignee(const ArgumentInput& input, Command& command) {
  std::string text(input.rest);
  command.mentions = take_mentions(text, input.context.bot_names);
  bool found = false;
  std::size_t at = skip_separators(text, read_ticket_reference_into(text, command, found));
  for (const std::string_view prefix : kAssigneePrefixes) {
    if (starts_with_at(text, at, prefix)) {
      at += prefix.size();
      break;
    }
  }
  set_title(command, std::string_view(text).substr(at));
  return true;
}

// The score after a ticket reference: a word (满意), a number 1–5 (with 分 or 星), or ★★★.
std::size_t read_score(std::string_view text, std::size_t at, Command& command) {
  for (const ScoreWord& word : kScoreWords) {
    if (starts_with_at(text, at, word.word)) {
      command.score = word.score;
      return at + word.word.size();
    }
  }
  if (const auto number = read_number(text, at); number && starts_number(text, at)) {
    std::size_t end = at + number->length;
    if (starts_with_at(text, end, "分") || starts_with_at(text, end, "星")) end += 3;
    if (!is_word_boundary(decode_utf8(text, end).value)) return at;
    if (!number->overflow && number->value >= 1 && number->value <= 5)
      command.score = static_cast<int>(number->value);
    return end;
  }
  int stars = 0;
  std::size_t end = at;
  while (starts_with_at(text, end, kStar)) {
    ++stars;
    end += kStar.size();
  }
  if (stars >= 1 && stars <= 5) command.score = stars;
  return end;
}

// "评价 T5 满意", "评价 T5 2 还是不亮", "评价 T5 不满意，还是不亮"
bool read_rating(const ArgumentInput& input, Command& command) {
  bool found = false;
  std::size_t at = read_ticket_reference_into(input.rest, command, found);
  at = read_score(input.rest, skip_separators(input.rest, at), command);
  set_title(command, input.rest.substr(at));
  return true;
}

// "绑定 3号楼2单元", "绑定 第一网格", "绑定 b3u2": a place we recognise, else the words as written.
bool read_place(const ArgumentInput& input, Command& command) {
  if (const auto place = find_place(input.rest, input.context.place_names)) {
    command.place = place->name;
  } else if (std::string raw = clean_free_text(input.rest); !raw.empty()) {
    command.place = std::move(raw);
  }
  return true;
}

// "吹哨 清理3号楼楼道杂物 5人 周六上午9点 2小时 10分 全网格": every slot is cut out in turn, in
// an order that keeps them apart (a length before a clock, so 2小时 is not 2点; a clock before
// points, so 9点10分 is not 10 points), and what is left is the title.
bool read_whistle(const ArgumentInput& input, Command& command) {
  // 吹哨人 (a whistleblower), 吹哨子 and 吹哨声 are words, not the command.
  for (const std::string_view word : kNotAWhistle) {
    if (starts_with_at(input.rest, 0, word)) return false;
  }
  std::string text(input.rest);
  for (const std::string_view word : kBroadcastWords) {
    for (std::size_t at = text.find(word); at != std::string::npos; at = text.find(word, at)) {
      command.broadcast = true;
      erase_span(text, at, word.size());
    }
  }
  command.mentions = take_mentions(text, input.context.bot_names);
  command.place = take_place(text, input.context.place_names);
  command.minutes = take_duration(text);
  if (const auto span = take_time(text, time_context(input.context))) {
    command.start = span->start;
    command.end = span->end;
  }
  command.count = take_count(text);
  command.points = take_points(text);
  set_title(command, text);

  if (command.start && !command.end && command.minutes) {
    command.end = *command.start + static_cast<std::int64_t>(*command.minutes) * 60;
  } else if (command.start && command.end && !command.minutes && *command.end > *command.start) {
    command.minutes = static_cast<int>((*command.end - *command.start) / 60);
  }
  return true;
}

}  // namespace

bool read_arguments(const ArgumentInput& input, Command& command) {
  switch (input.rule.arguments) {
    case Arguments::none:
      return is_filler(input.rest);
    case Arguments::whole_line:
      return read_whole_line(input, command);
    case Arguments::task:
    case Arguments::task_code:
    case Arguments::task_people:
      return read_task(input, command);
    case Arguments::people:
      return read_people(input, command);
    case Arguments::month:
      return read_month(input, command);
    case Arguments::adjustment:
      return read_adjustment(input, command);
    case Arguments::item:
      return read_item(input, command);
    case Arguments::pickup_code:
      return read_pickup_code(input, command);
    case Arguments::ticket_text:
      return read_ticket_text(input, command);
    case Arguments::ticket:
      return read_ticket(input, command);
    case Arguments::ticket_assignee:
      return read_ticket_assignee(input, command);
    case Arguments::rating:
      return read_rating(input, command);
    case Arguments::place:
      return read_place(input, command);
    case Arguments::whistle:
      return read_whistle(input, command);
  }
  return false;
}

}  // namespace whistle::language
