#include "handlers/language/shift_words.hpp"

#include <array>
#include <string>

#include "handlers/language/calendar.hpp"
#include "handlers/language/day_expressions.hpp"
#include "handlers/language/text_util.hpp"
#include "handlers/language/utf8.hpp"

namespace whistle::language {

namespace {

// The parts of the day a shift is named by (time_expressions.cpp reads their hours).
constexpr auto kPeriods = std::to_array<std::string_view>(
    {"凌晨", "清晨", "早上", "上午", "中午", "下午", "傍晚", "晚上", "夜里", "夜间"});

// What may follow the day of a shift and still name it: "那班", "晚班", "的巡逻". Longest first.
constexpr auto kShiftWords = std::to_array<std::string_view>(
    {"的那一班", "的那班", "那一班", "这一班", "的巡逻", "的值班", "的执勤", "的活动",
     "的任务",   "那班",   "这班",   "那场",   "这场",   "的班",   "晚班",   "早班",
     "白班",     "夜班",   "中班",   "巡逻",   "值班",   "执勤",   "班",     "的"});

// Said after a shift, these take it; alone they answer any neighbour's question ("谁家有梯子？" "我可以").
// Not a bare 我去 or 我可以 even then: "明天我去" answers "谁明天去超市？" as often.
constexpr auto kTakesTheShift = std::to_array<std::string_view>(
    {"我可以去", "我可以来", "我有空", "我也有空", "我有时间", "我能去", "报我", "我值", "算我"});

constexpr auto kSignUpWords = std::to_array<std::string_view>({"我要报", "我想报", "我报", "报"});

// "今晚谁值班", "周三晚上谁巡逻", "今晚值班的是谁", "今晚谁跟我一起值班".
constexpr auto kWhoOnDuty = std::to_array<std::string_view>({"谁跟我一起值班",
                                                             "谁和我一起值班",
                                                             "谁跟我一起巡逻",
                                                             "谁和我一起巡逻",
                                                             "和我一起值班的是谁",
                                                             "和我一起巡逻的是谁",
                                                             "跟我一起值班的是谁",
                                                             "跟我一起巡逻的是谁",
                                                             "谁去巡逻",
                                                             "谁去值班",
                                                             "谁来值班",
                                                             "谁值班",
                                                             "谁巡逻",
                                                             "谁当班",
                                                             "谁执勤",
                                                             "谁值守",
                                                             "谁在岗",
                                                             "谁上岗",
                                                             "谁的班",
                                                             "是谁值班",
                                                             "是谁巡逻",
                                                             "值班的是谁",
                                                             "巡逻的是谁",
                                                             "当班的是谁"});

// After a shift named with its own word ("今晚值班的是谁", "周二晚班都有谁"), these ask the same; after a
// day alone they are everyday talk ("明天都有谁", "周三晚上是谁"; a review of stop 66).
constexpr auto kWhoAfterShiftWord = std::to_array<std::string_view>(
    {"的是谁", "是谁", "谁报名了", "都有谁", "有谁", "有哪些人", "谁去", "谁值", "谁上"});

// "哪天还缺人", "还有哪班没人", "哪些班还没满".
constexpr auto kAsksBefore =
    std::to_array<std::string_view>({"还有", "现在", "这周", "本周", "下周", "这几天", "最近"});
// Not 哪场 or 哪个时段, nor 人少, 没人 or 要人 alone: a cinema's, a clinic's queue or an empty flat as
// often ("哪场人少", "这周哪天没人"; a review of stop 66).
constexpr auto kWhichShift =
    std::to_array<std::string_view>({"哪几天", "哪一天", "哪些天", "哪天晚上", "哪天上午", "哪天下午", "哪天",
                                     "哪几班", "哪个班次", "哪个班", "哪一班", "哪些班", "哪班"});
constexpr auto kShortOfPeople = std::to_array<std::string_view>(
    {"没人报名", "没人报", "没报满", "缺人", "差人", "没满", "有名额", "有空位", "人不够", "需要人"});

// "今晚我值班吗", "我明天有没有班", "今晚轮到我了吗". The ones that ask by themselves come first.
constexpr auto kOwnDutyAsking = std::to_array<std::string_view>(
    {"有没有班", "有没有任务", "有没有活动", "要不要值班", "要不要去", "值不值班", "要不要巡逻"});
constexpr auto kOwnDuty = std::to_array<std::string_view>(
    {"值班", "有班", "巡逻", "当班", "执勤", "有任务", "有活动", "要值班", "要去", "要巡逻"});
constexpr auto kQuestionEnds = std::to_array<std::string_view>({"吗", "么", "嘛", "没有", "没", "不", "?"});

// The first of `words` that `text` starts with at `at`, its length; 0 when none does.
template <std::size_t N>
std::size_t word_at(std::string_view text, std::size_t at, const std::array<std::string_view, N>& words) {
  for (const std::string_view word : words) {
    if (starts_with_at(text, at, word)) return word.size();
  }
  return 0;
}

bool ends_in_question(std::string_view rest) {
  rest = trim_spaces(rest);
  for (const std::string_view end : kQuestionEnds) {
    if (rest.starts_with(end) && is_filler(rest.substr(end.size()))) return true;
  }
  return false;
}

// "今晚我值班吗", "我今晚有班吗", "今晚是我值班吗", "今晚轮到我了吗", "今晚有我吗".
bool asks_own_duty(std::string_view body, std::size_t lead) {
  std::size_t at = skip_spaces(body, lead);
  for (const std::string_view mine : {"轮到我了", "轮到我", "有没有我", "有我"}) {
    if (starts_with_at(body, at, mine)) {
      const std::string_view rest = body.substr(at + mine.size());
      return mine == "有没有我" ? is_filler(rest) || ends_in_question(rest) : ends_in_question(rest);
    }
  }
  if (starts_with_at(body, at, "是我")) {
    at += std::string_view("是我").size();
  } else if (starts_with_at(body, at, "我")) {
    at += std::string_view("我").size();
  } else {
    return false;
  }
  at = skip_spaces(body, at);
  if (const std::size_t asking = word_at(body, at, kOwnDutyAsking)) {
    const std::string_view rest = body.substr(at + asking);
    return is_filler(rest) || ends_in_question(rest);
  }
  if (const std::size_t duty = word_at(body, at, kOwnDuty)) return ends_in_question(body.substr(at + duty));
  return false;
}

}  // namespace

std::size_t leading_shift(std::string_view body) {
  const std::size_t at = leading_day(body);
  return at == 0 ? 0 : at + word_at(body, at, kShiftWords);
}

std::size_t leading_day(std::string_view body) {
  // Every line the parser does not place passes here: most begin with no day at all.
  constexpr std::u32string_view kDayStarts =
      U"今明后大昨前周星礼下这本上元跨平圣情妇三植劳青儿建教国除年春正新一二四五六七八九十两凌清早中傍晚夜";
  if (body.empty()) return 0;
  const char32_t first = decode_utf8(body, 0).value;
  if (!is_ascii_digit(first) && kDayStarts.find(first) == std::u32string_view::npos) return 0;
  std::size_t at = 0;
  bool named = false;
  if (const std::optional<DayExpression> day = read_day(body, 0)) {
    at = day->end;
    named = true;
    // "28号" alone is a house, a task or a date talked of: a shift only with its part of the day. A
    // holiday glued to a word is its day all the same ("元旦值班", "元旦回老家了").
    if (day->needs_time && day->kind == DayExpression::Kind::month_day && !word_at(body, at, kPeriods))
      return 0;
  }
  if (const std::size_t period = word_at(body, at, kPeriods)) {
    at += period;
    named = true;
  }
  return named ? at : 0;
}

bool takes_the_shift(std::string_view rest) {
  rest = trim_spaces(rest);
  const std::size_t taken = word_at(rest, 0, kTakesTheShift);
  return taken > 0 && is_filler(rest.substr(taken));
}

std::optional<std::size_t> shift_after_sign_up_word(std::string_view body) {
  const std::size_t word = word_at(body, 0, kSignUpWords);
  if (word == 0) return std::nullopt;
  const std::size_t shift = skip_spaces(body, word);
  const std::size_t length = leading_shift(body.substr(shift));
  if (length == 0 || !is_filler(body.substr(shift + length))) return std::nullopt;
  return shift;
}

std::optional<DayQuestionReading> read_day_question(std::string_view body) {
  if (body.starts_with("请问")) body.remove_prefix(std::string_view("请问").size());
  // Which shifts still need people: no day of its own.
  std::size_t at = skip_spaces(body, word_at(body, 0, kAsksBefore));
  if (const std::size_t which = word_at(body, at, kWhichShift)) {
    at = skip_spaces(body, at + which);
    if (starts_with_at(body, at, "还")) at += std::string_view("还").size();
    if (const std::size_t short_of = word_at(body, at, kShortOfPeople);
        short_of && is_filler(body.substr(at + short_of)))
      return DayQuestionReading{DayQuestion::short_of_people, 0};
    return std::nullopt;
  }
  // "我今晚有班吗": the asker first, then the day (and the duty after it: "我今天值班吗").
  const bool asker_first = body.starts_with("我");
  const std::size_t day_at = asker_first ? std::string_view("我").size() : 0;
  const std::size_t lead = asker_first ? leading_day(body.substr(day_at)) : leading_shift(body);
  if (lead == 0) return std::nullopt;
  const std::size_t day_end = day_at + lead;
  if (asker_first) {
    // What follows the day is the duty asked after ("有班吗", "值班吗").
    const std::string back = "我" + std::string(body.substr(day_end));
    if (asks_own_duty(back, 0)) return DayQuestionReading{DayQuestion::own_duty, day_end};
    return std::nullopt;
  }
  if (asks_own_duty(body, day_end)) return DayQuestionReading{DayQuestion::own_duty, day_end};
  const std::size_t rest = skip_spaces(body, day_end);
  if (const std::size_t who = word_at(body, rest, kWhoOnDuty); who && is_filler(body.substr(rest + who)))
    return DayQuestionReading{DayQuestion::who_on_duty, day_end};
  const bool shift_word = lead > leading_day(body);
  if (const std::size_t who = word_at(body, rest, kWhoAfterShiftWord);
      who && shift_word && is_filler(body.substr(rest + who)))
    return DayQuestionReading{DayQuestion::who_on_duty, day_end};
  return std::nullopt;
}

bool asks_still_on(std::string_view rest) {
  rest = trim_spaces(rest);
  for (const std::string_view still :
       {"还照常", "照常", "还去", "还搞", "还办", "还举行", "还巡逻", "还值班", "取消了", "撤销了"}) {
    if (rest.starts_with(still)) return ends_in_question(rest.substr(still.size()));
  }
  return false;
}

bool take_shift_day(Command& command, std::string_view day_words, const TimeContext& time,
                    bool asked_of_the_day) {
  // The day and its part, the shift's word read as a part of the day ("周二晚班" is 周二晚上).
  const std::size_t day = leading_day(day_words);
  std::string words(day > 0 ? day_words.substr(0, day) : day_words);
  const std::string_view shift = day > 0 ? day_words.substr(day) : std::string_view{};
  if (day > 0 && !word_at(day_words.substr(0, day), 0, kPeriods)) {
    if (shift.find("晚班") != std::string_view::npos || shift.find("夜班") != std::string_view::npos)
      words += "晚上";
    else if (shift.find("早班") != std::string_view::npos || shift.find("白班") != std::string_view::npos)
      words += "上午";
    else if (shift.find("中班") != std::string_view::npos)
      words += "下午";
  }
  std::optional<TimeSpan> span = take_time(words, time);
  if (!span || !span->start || (!span->names_day && span->names_hour)) return false;
  const std::int64_t today = floor_div(time.now + time.utc_offset_seconds, kSecondsPerDay);
  // "上午报我" said at 10:00 is this morning's shift, not tomorrow's (take_time reads a part of the day
  // already begun as the next one).
  if (!span->names_day) {
    const std::int64_t day_of = floor_div(*span->start + time.utc_offset_seconds, kSecondsPerDay);
    *span->start -= (day_of - today) * kSecondsPerDay;
  }
  // "周二谁值班" asked on a Tuesday evening is tonight's shift, not next week's (take_time reads a
  // weekday whose hour has passed as the next one).
  // Asked of the day only, and of a plain weekday: "30号晚上", "12月31日" a week ahead are that day (a
  // review of stop 66: they signed up for tonight's shift), and "报到 周一晚上" after Monday's shift is
  // next Monday's (the final read).
  constexpr std::int64_t kWeek = 7 * kSecondsPerDay;
  const std::optional<DayExpression> said = read_day(day_words, 0);
  if (asked_of_the_day && said && said->kind == DayExpression::Kind::weekday && !said->week_shift &&
      floor_div(*span->start + time.utc_offset_seconds, kSecondsPerDay) == today + 7)
    *span->start -= kWeek;
  // "今晚谁值班" at 00:30 is of the night under way, begun the evening before (the final read).
  constexpr std::int64_t kSmallHoursEnd = 6 * 3600;
  const std::int64_t local_now = time.now + time.utc_offset_seconds;
  const bool small_hours = local_now - floor_div(local_now, kSecondsPerDay) * kSecondsPerDay < kSmallHoursEnd;
  const bool tonight = day_words.starts_with("今晚") || day_words.starts_with("今夜") ||
                       (!span->names_day && (day_words.starts_with("晚上") || day_words.starts_with("夜里")));
  if (asked_of_the_day && small_hours && tonight &&
      floor_div(*span->start + time.utc_offset_seconds, kSecondsPerDay) == today)
    *span->start -= kSecondsPerDay;
  command.start = span->start;
  command.time_names_day = span->names_day;
  command.time_names_clock = span->names_clock;
  return true;
}

std::optional<Command> read_rota_line(std::string_view body, const Command& base, const TimeContext& time) {
  // Every line no command read comes here: only one that starts with the asker, a sign-up word, a
  // question of which shift or a day is looked at further.
  if (!body.starts_with("我") && !body.starts_with("报") && !body.starts_with("请问") &&
      !word_at(body, 0, kWhichShift) && !word_at(body, 0, kAsksBefore) && leading_shift(body) == 0)
    return std::nullopt;
  if (const std::optional<std::size_t> shift = shift_after_sign_up_word(body)) {
    Command command = base;
    if (!take_shift_day(command, body.substr(*shift), time)) return std::nullopt;
    command.intent = Intent::report_in;
    command.implicit = true;
    return command;
  }
  // "我周四晚上可以", "我周三晚上有空": the asker, the shift, then taking it.
  if (body.starts_with("我")) {
    const std::size_t day_at = std::string_view("我").size();
    const std::size_t shift = leading_shift(body.substr(day_at));
    if (shift > 0 && takes_the_shift("我" + std::string(body.substr(day_at + shift)))) {
      Command command = base;
      if (!take_shift_day(command, body.substr(day_at, shift), time)) return std::nullopt;
      command.intent = Intent::report_in;
      command.implicit = true;
      return command;
    }
  }
  const std::optional<DayQuestionReading> question = read_day_question(body);
  if (!question) return std::nullopt;
  Command command = base;
  if (question->day_end > 0 && !take_shift_day(command, body.substr(0, question->day_end), time, true))
    return std::nullopt;
  command.intent = Intent::tasks;
  command.implicit = true;
  command.day_question = question->question;
  return command;
}

void take_day_from_reason(Command& command, const TimeContext& time) {
  if ((command.intent != Intent::report_in && command.intent != Intent::withdraw) || command.task ||
      command.start || !command.reason)
    return;
  // Only a reason that starts with it: "请假 孩子明天考试，今天去不了" is about today. A reason that is the
  // shift alone ("报到 周五", "请假 周三晚上") names it; with more words ("报到 晚上到", "请假 明天回老家")
  // the day is when one comes or leaves, a hint among the tasks (the final read of stop 66: "报到 晚上
  // 到" signed nobody up, and "请假 周五" freed Saturday's only place).
  const std::string_view reason = *command.reason;
  const std::size_t shift = leading_shift(reason);
  if (shift > 0 && take_shift_day(command, reason.substr(0, shift), time))
    command.day_is_a_hint = !is_filler(reason.substr(shift));
}

bool asks_for_shift_swap(std::string_view text) {
  constexpr auto kSwap = std::to_array<std::string_view>(
      {"换班", "换个班", "换一下班", "调班", "调个班", "替班", "顶班", "代班", "换一下", "替我一下", "替我"});
  if (!holds_any_of(text, kSwap)) return false;
  // "替我" and "换一下" are a swap only of a shift ("谁能替我一下今晚的班", "我周二的班和何大爷换一下"),
  // and a 班 of one's work, school or bus is none ("下班了谁替我一下接孩子").
  // A child's class ("孩子想换班，班主任不同意", "我想给孩子换个班") is a school's business.
  for (const std::string_view school :
       {"孩子", "班主任", "老师", "学校", "年级", "儿子", "女儿", "孙子", "孙女"}) {
    if (text.find(school) != std::string_view::npos) return false;
  }
  std::string shifts(text);
  for (const std::string_view other : {"上班", "下班", "加班", "班车", "班级", "班主任", "班长", "补习班",
                                       "辅导班", "培训班", "兴趣班", "托管班"}) {
    for (std::size_t at = shifts.find(other); at != std::string::npos; at = shifts.find(other, at))
      shifts.replace(at, other.size(), " ");
  }
  return shifts.find("班") != std::string::npos;
}

bool names_a_shift(std::string_view item) {
  item = trim_spaces(item);
  for (const std::string_view shift : {"班", "个班", "一下班", "班吧"}) {
    if (item == shift) return true;
  }
  return false;
}

}  // namespace whistle::language
