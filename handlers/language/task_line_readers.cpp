// The readers of the two commands that describe a task: 吹哨 (a new task's slots) and 修改 (what
// changes in one), with 下发 N (an existing task sent down). The slot readers themselves (times,
// counts, places, points) are in their own files; this file says in which order a task line is cut.

#include "handlers/language/task_line_readers.hpp"

#include <algorithm>
#include <array>
#include <optional>
#include <string>

#include "handlers/language/argument_words.hpp"
#include "handlers/language/chinese_numbers.hpp"
#include "handlers/language/durations.hpp"
#include "handlers/language/labelled_form.hpp"
#include "handlers/language/mentions.hpp"
#include "handlers/language/places.hpp"
#include "handlers/language/quantities.hpp"
#include "handlers/language/references.hpp"
#include "handlers/language/starts_from_now.hpp"
#include "handlers/language/text_util.hpp"
#include "handlers/language/time_expressions.hpp"

namespace whistle::language {

namespace {

// Whether a day named without a clock, its usual hour gone, means now: today with no part of the day
// ("今天", "本周六" that Saturday), or a part of the day still under way (今晚 until midnight, 今天下午
// until 18:00). A morning or noon already over, yesterday, or a weekday past is a mistake the
// handler points out (a review, 2026-12-06).
bool means_now(const TimeSpan& span, const TimeContext& now) {
  constexpr std::int64_t kDay = 24 * 60 * 60;
  const std::int64_t start = *span.start;
  if (start >= now.now) return false;
  const std::int64_t local_start = start + now.utc_offset_seconds;
  const std::int64_t local_now = now.now + now.utc_offset_seconds;
  if (local_start / kDay != local_now / kDay) return false;
  if (!span.names_clock) return true;
  const std::int64_t start_hour = local_start % kDay / 3600;
  const std::int64_t now_hour = local_now % kDay / 3600;
  return start_hour >= 17 || (start_hour >= 13 && now_hour < 18);
}

// Work done at first light: a bare 4–6点 before it is the morning ("明天6点扫雪" was posted at 18:00, an
// exploratory run of winter, stop 67), where a bare 1–6点 is otherwise the afternoon.
// Not with a word of the evening ("下班后6点 扫雪", "晚饭后扫雪", "下午雪停后": a review of stop 68).
bool is_done_at_dawn(std::string_view words) {
  static constexpr auto kDawnWork = std::to_array<std::string_view>(
      {"扫雪", "铲雪", "除雪", "清雪", "除冰", "铲冰", "破冰", "撒盐", "晨练", "早操", "送早餐", "升旗"});
  static constexpr auto kEvening =
      std::to_array<std::string_view>({"下班", "放学", "晚饭", "晚上", "傍晚", "下午", "晚会", "天黑"});
  const auto holds = [words](std::string_view word) { return words.find(word) != std::string_view::npos; };
  return std::any_of(kDawnWork.begin(), kDawnWork.end(), holds) &&
         std::none_of(kEvening.begin(), kEvening.end(), holds);
}

// The afternoon a bare hour was given turned to the morning: twelve hours sooner, the next day's if
// that is past and no day was named. With no day named and this afternoon's hour still ahead, it stays
// ("5点扫雪" said at 10:00 while it snows is 17:00).
void read_hour_as_morning(TimeSpan& span, const TimeContext& now) {
  constexpr std::int64_t kHalfDay = 12 * 60 * 60;
  constexpr std::int64_t kEarliestDawnHour = 4;
  const std::int64_t local_start = *span.start + now.utc_offset_seconds;
  const std::int64_t hour = ((local_start % (2 * kHalfDay)) + 2 * kHalfDay) % (2 * kHalfDay) / 3600;
  if (hour < kEarliestDawnHour + 12) return;
  // Before dawn ("6点扫雪" said at 03:00) it is this morning's all the same (a second review).
  constexpr std::int64_t kDaytimeFrom = 8;
  const std::int64_t local_now = now.now + now.utc_offset_seconds;
  const std::int64_t now_hour = ((local_now % (2 * kHalfDay)) + 2 * kHalfDay) % (2 * kHalfDay) / 3600;
  if (!span.names_day && now_hour >= kDaytimeFrom &&
      local_start / (2 * kHalfDay) == local_now / (2 * kHalfDay))
    return;
  std::int64_t shift = -kHalfDay;
  if (*span.start + shift <= now.now) {
    if (span.names_day) return;
    shift = kHalfDay;
  }
  *span.start += shift;
  if (span.end) *span.end += shift;
}

// Cuts a task's slots out of `text`, each only when the labelled form did not give it already, in
// an order that keeps them apart (a length before a clock, so 2小时 is not 2点; a clock before
// points, so 9点10分 is not 10 points).
void read_task_slots(std::string& text, const ParseContext& context, Command& command) {
  if (auto place = take_place(text, context.place_names); place && !command.place)
    command.place = std::move(place);
  // "半小时后集合": a wait before the start, read before lengths so that it is none.
  const TimeContext now = time_context(context);
  // Only when the line names no time of its own: "今晚8点 2小时后结束" keeps 8点 and its length.
  std::optional<int> delay;
  // Every wait ends in 后 (以后, 之后): a line without one is spared the copy and the scan.
  if (!command.start && !command.end && text.find("后") != std::string::npos) {
    std::string without = text;
    if (const std::optional<int> wait = take_delay(without)) {
      std::string rest = without;
      take_duration(rest);
      if (!take_time(rest, now)) {
        delay = wait;
        text = std::move(without);
      }
    }
  }
  if (auto minutes = take_duration(text); minutes && !command.minutes) command.minutes = minutes;
  if (!command.start && !command.end) {
    const std::string before = text;
    if (auto span = take_time(text, now)) {
      if (command.intent == Intent::whistle && span->start && span->hour_guessed_afternoon &&
          is_done_at_dawn(text))
        read_hour_as_morning(*span, now);
      // "每周六上午9点": 每 before the time read says it repeats; it leaves the title.
      std::size_t from = 0;
      while (from < text.size() && text[from] == before[from])
        ++from;
      for (const std::string_view every : {"每天", "每日", "每个", "每"}) {
        if (from >= every.size() &&
            std::string_view(text).substr(from - every.size(), every.size()) == every) {
          text.erase(from - every.size(), every.size());
          command.time_repeats = true;
          break;
        }
      }
      command.start = span->start;
      command.end = span->end;
      command.time_names_day = span->names_day;
      command.time_names_clock = span->names_clock;
      // "吹哨 今晚 巡查" at 22:10, "吹哨 今天 …" at 15:00: today, its usual hour gone, is now (the
      // whistle was refused as past). An edit keeps the task's own clock instead.
      if (command.intent == Intent::whistle && span->start && !span->end && span->names_day &&
          !span->names_hour && means_now(*span, now)) {
        command.start = start_from_now(now);
        command.time_names_clock = true;
      }
    } else if (delay) {
      command.start = start_from_now(now, *delay);
      command.time_names_day = command.time_names_clock = true;
    } else if (const auto at_once = take_start_now(text, now)) {
      command.start = at_once;
      command.time_names_day = command.time_names_clock = true;
    }
  }
  if (auto count = take_count(text); count && !command.count) command.count = count;
  if (auto points = take_points(text); points && !command.points) command.points = points;
}

// Whether the number at `at` counts people: followed by 人 or 个人, or by 名 or 位 of the workers
// ("每楼2名志愿者", not "给每个楼2位老人送饭": a second review, 2026-12-06), a range before any of these
// ("每单元2至3人", "1～2人"). A number alone ("每楼2") is none, as the count reader takes none from it.
// "给每个楼2户困难家庭送米", "每楼3层以上贴通知" count households and floors (a review, 2026-12-06: they
// became places per building).
bool counts_people(std::string_view text, std::size_t at) {
  std::optional<NumberMatch> number = read_number(text, at);
  if (!number) return false;
  std::size_t after = at + number->length;
  for (const std::string_view to : {"至", "到", "-", "~", "～", "—"}) {
    if (!starts_with_at(text, after, to)) continue;
    if (const std::optional<NumberMatch> upper = read_number(text, after + to.size())) {
      after += to.size() + upper->length;
      break;
    }
  }
  if (starts_with_at(text, after, "人") || starts_with_at(text, after, "个人")) return true;
  for (const std::string_view unit : {"名", "位"}) {
    if (!starts_with_at(text, after, unit)) continue;
    const std::size_t noun = after + unit.size();
    if (ends_a_word(text, noun)) return true;
    for (const std::string_view worker : {"志愿者", "人员", "同志", "党员", "楼长", "单元长", "队员"}) {
      if (starts_with_at(text, noun, worker)) return true;
    }
    return false;
  }
  return false;
}

// "下发 … 每单元3人", "人数：每个单元2人": a count for each unit (or building, or grid), the word
// right before the count. The word leaves the title; the count itself is read as any count is.
// "清理每栋楼道杂物 5人" names no count per building: 每栋 there is part of the title.
void read_count_per_node(std::string& text, Command& command) {
  // "每个楼2人" (an exploratory run of newcomers, 2026-12-06: 2 places for the whole grid, 每个楼 left
  // in the title). Longer words first, so 每个楼栋 is not read as 每个楼.
  static constexpr std::array<std::pair<std::string_view, int>, 12> kEach{{{"每个单元", 3},
                                                                           {"每一个单元", 3},
                                                                           {"每单元", 3},
                                                                           {"每个楼栋", 2},
                                                                           {"每栋楼", 2},
                                                                           {"每个楼", 2},
                                                                           {"每座楼", 2},
                                                                           {"每栋", 2},
                                                                           {"每幢", 2},
                                                                           {"每楼", 2},
                                                                           {"每个网格", 1},
                                                                           {"每网格", 1}}};
  for (const auto& [word, level] : kEach) {
    for (std::size_t at = text.find(word); at != std::string::npos; at = text.find(word, at + 1)) {
      const std::size_t count_at = skip_spaces(text, at + word.size());
      if (!starts_number(text, count_at) || !counts_people(text, count_at)) continue;
      command.count_per_level = level;
      erase_span(text, at, word.size());
      return;
    }
  }
}

// A length sets `end` from the start; a range sets `minutes` from its ends.
void fill_span(Command& command) {
  if (command.start && !command.end && command.minutes) {
    command.end = *command.start + static_cast<std::int64_t>(*command.minutes) * 60;
  } else if (command.start && command.end && !command.minutes && *command.end > *command.start) {
    command.minutes = static_cast<int>((*command.end - *command.start) / 60);
  }
}

// Whether the broadcast word at `at` sends the whistle down. 全网格 and 下发 do wherever they stand;
// the words that name the levels below (各楼栋, 各网格…) only as words of their own: "组织各楼栋长学习"
// and "清理各楼栋楼道" name people and places (a review, 2026-12-06: the first was sent to every group
// below as "组织长学习").
bool sends_down_at(std::string_view text, std::size_t at, std::string_view word) {
  return word == "全网格" || word == "下发" || stands_apart(text, at, at + word.size());
}

// "吹哨 清理3号楼楼道杂物 周六上午9点 2小时 10分 全网格": every slot is cut out in turn, in
// an order that keeps them apart (a length before a clock, so 2小时 is not 2点; a clock before
// points, so 9点10分 is not 10 points), and what is left is the title.
// "吹哨 更正：周六上午9点 …", "吹哨【更正】…": a correction said first is no part of the title (stop
// 61's review: the task was titled "更正: 清理楼道杂物"). Bare, a colon or a comma must follow it:
// "吹哨 更正宣传栏错字" is a task of correcting.
std::string_view without_correction_word(std::string_view rest, Command& command) {
  const std::string_view words = trim_spaces(rest);
  // Not 修正 or 更改: "吹哨 修正 宣传栏" and "吹哨 更改 门牌" whistle the work of putting something right.
  for (const std::string_view said : {"【更正】", "[更正]", "(更正)", "更正一下", "更正"}) {
    if (!words.starts_with(said)) continue;
    const std::string_view after = words.substr(said.size());
    const bool bracketed = !said.starts_with("更");
    // "更正：", "更正一下，": a colon or a comma says it; "更正 宣传栏错字" and "更正一下门牌号码" may be
    // the work itself (a review, 2026-12-07).
    if (!bracketed && !(after.starts_with(':') || after.starts_with(','))) continue;
    command.correction = true;
    return trim_spaces(after.starts_with(':') || after.starts_with(',') ? after.substr(1) : after);
  }
  return rest;
}

// The words voice input puts before and after a task ("吹哨 嗯 那个 就是要清理楼道杂物 明天上午9点 5人"
// was posted as 嗯 那个 就是要清理楼道杂物: an exploratory run of how people type, stop 68). A
// leading 要 alone is kept: "要求", "要饭" are not fillers.
// 嗯, 呃 and 就是要 run on into the words ("呃明天下午两点那个 帮忙搬"); the others only set apart: 额外,
// 这个月, 那个谁, 大家要注意 are words (a review of stop 69 found 外 and 月 posted).
constexpr auto kGluedFillers = std::to_array<std::string_view>({"嗯", "呃", "就是要", "就是说"});
constexpr auto kLeadingFillers =
    std::to_array<std::string_view>({"额", "那个", "这个", "就是", "我们要", "咱们要"});
constexpr auto kTrailingFillers = std::to_array<std::string_view>({"要", "需要", "那个", "啊", "哈"});

std::string without_voice_fillers(std::string_view title) {
  for (bool cut = true; cut;) {
    cut = false;
    title = trim_spaces(title);
    for (const std::string_view filler : kGluedFillers) {
      if (title.size() > filler.size() && title.starts_with(filler)) {
        title.remove_prefix(filler.size());
        cut = true;
      }
    }
    for (const std::string_view filler : kLeadingFillers) {
      if (title.size() > filler.size() && title.starts_with(filler) &&
          (title[filler.size()] == ' ' || title[filler.size()] == ',')) {
        title.remove_prefix(filler.size());
        cut = true;
      }
    }
    while (title.starts_with(",")) {
      title.remove_prefix(1);
      cut = true;
    }
  }
  for (const std::string_view filler : kTrailingFillers) {
    // Only a filler standing apart: "清理楼道杂物 要" ("要4个人" once its count was read out).
    const std::string tail = " " + std::string(filler);
    if (title.size() > tail.size() && title.ends_with(tail)) title.remove_suffix(tail.size());
  }
  while (title.ends_with(","))
    title.remove_suffix(1);
  return std::string(trim_spaces(title));
}

}  // namespace

bool read_whistle(const ArgumentInput& input, Command& command) {
  // 吹哨人 (a whistleblower), 吹哨子 and 吹哨声 are words, not the command.
  // The pasted form: "【吹哨】\n事项：清理楼道\n人数：6人\n时间：…"; what stands before the first
  // label is read as an ordinary whistle line.
  const std::string_view rest = without_correction_word(input.rest, command);
  const LabelledForm form =
      read_labelled_form(skip_softeners(rest), LabelSeparator::colon, input.context, command);
  std::string text = form.unlabelled;
  for (const std::string_view word : vocabulary().broadcast_words) {
    for (std::size_t at = text.find(word); at != std::string::npos; at = text.find(word, at)) {
      if (!sends_down_at(text, at, word)) {
        at += word.size();
        continue;
      }
      command.broadcast = true;
      erase_span(text, at, word.size());
    }
  }
  add_mentions(command, text, input.context);
  read_count_per_node(text, command);
  // The pasted form's "人数：每个单元3人" is read apart from the unlabelled words.
  if (!command.count_per_level && form.unlabelled.size() != rest.size()) {
    std::string whole(rest);
    read_count_per_node(whole, command);
  }
  read_task_slots(text, input.context, command);
  if (!command.title) set_title(command, text);
  if (command.title) {
    std::string title = without_voice_fillers(*command.title);
    if (title.empty()) {
      command.title.reset();
    } else {
      command.title = std::move(title);
    }
  }
  fill_span(command);
  return true;
}

namespace {

// "修改 12 时间 明天下午3点", "修改12号 人数改为5", "12号改到明天下午3点": a task and what changes.
// What follows a field named after a task's number to make it an edit: "人数改成5人".
// Each is one of the edit joiners the value is read past (vocabulary().edit_joiners): "换到" kept in
// the value set a place of "换到社区广场" (the final read, 2026-12-06).
constexpr auto kLabelChanges =
    std::to_array<std::string_view>({"改成", "改为", "改到", "调整为", "调整到", "变成"});

// What makes a field's change a question, a proposal or news rather than an order.
constexpr auto kNotAnOrder =
    std::to_array<std::string_view>({"?", "吗", "呢", "吧", "了", "哪", "几", "多少", "什么", "啥", "好不好",
                                     "可以", "行不行", "行吗", "怎么样", "要不"});

// "下发 1", "1号下发到各单元": a task already whistled, sent down to the groups below.
bool read_relay(const ArgumentInput& input, Command& command) {
  const std::string_view rest = skip_softeners(input.rest);
  std::size_t at = skip_separators(rest, 0);
  // "下发到各单元 2", "发到各单元群 2": where to, then the number.
  for (const std::string_view to : {"到", "给"}) {
    if (starts_with_at(rest, at, to)) at = skip_separators(rest, at + to.size());
  }
  for (const std::string_view groups : {"各网格", "各楼栋", "各单元", "下级群", "各群"}) {
    if (starts_with_at(rest, at, groups)) at = skip_separators(rest, at + groups.size());
  }
  if (starts_with_at(rest, at, "群")) at = skip_separators(rest, at + std::string_view("群").size());
  if (!input.anchored) {
    const auto reference = read_task_reference(rest, at);
    if (!reference) return false;
    command.task = reference->number;
    at = reference->end;
  }
  std::string_view target = trim_spaces(rest.substr(at));
  for (const std::string_view to : {"到", "给"}) {
    if (target.starts_with(to)) target.remove_prefix(to.size());
  }
  for (const std::string_view groups : {"各网格", "各楼栋", "各单元", "下级群", "各群", "下面", "下去"}) {
    if (target.starts_with(groups)) target = trim_spaces(target.substr(groups.size()));
  }
  if (target.starts_with("群")) target = trim_spaces(target.substr(std::string_view("群").size()));
  // "下发 1 大家赶紧报名": what follows the number is said to the groups, not part of the command.
  command.broadcast = true;
  set_reason(command, target);
  return true;
}

}  // namespace

bool read_edit(const ArgumentInput& input, Command& command) {
  if (input.rule.extra == "relay") return read_relay(input, command);
  std::string_view rest = skip_softeners(input.rest);
  // "1号人数改成5人", "#1 时间改为下午3点": the field first, after the task's number. The label is the
  // rule's keyword, read again with its value, and a change must follow it ("1号人数够了吗" is no edit).
  std::string labelled;
  if (input.rule.extra == "label") {
    if (!input.anchored) return false;
    const std::string_view change = trim_spaces(input.rest);
    // "1号时间改了吗" asks.
    const bool changes = std::any_of(kLabelChanges.begin(), kLabelChanges.end(),
                                     [&](std::string_view word) { return change.starts_with(word); });
    if (!changes) return false;
    // Asked or told, not ordered: "1号时间改成下午3点了吗？", "1号地点改到哪了", "1号人数改成10人可以吗",
    // "1号时间改成下午3点了，大家别去早了" each changed the task (a review, 2026-12-06).
    const bool asks_or_tells =
        std::any_of(kNotAnOrder.begin(), kNotAnOrder.end(),
                    [&](std::string_view word) { return change.find(word) != std::string_view::npos; });
    if (asks_or_tells) return false;
    labelled = std::string(input.rule.keyword) + std::string(change);
    rest = labelled;
  }
  std::size_t at = skip_separators(rest, 0);
  if (!input.anchored) {
    const auto reference = read_task_reference(rest, at);
    if (!reference) {
      // "修改 T5 人数 3": a ticket's number where a task's belongs; the handler says so.
      const auto ticket = read_ticket_reference(rest, at, false);
      if (!ticket) return false;
      command.ticket = ticket->number;
      set_reason(command, rest.substr(ticket->end));
      return true;
    }
    command.task = reference->number;
    at = skip_separators(rest, reference->end);
  }
  // "时间 延长到11点半", "时间 结束改到11点半": the field named, then the end's change (an exploratory
  // run of a snow day, 2026-12-07: read as a new start, and refused once the task had begun).
  if (starts_with_at(rest, at, "时间")) {
    const std::size_t after = skip_separators(rest, at + std::string_view("时间").size());
    for (const std::string_view label : {"延长到", "延到", "结束"}) {
      if (starts_with_at(rest, after, label)) {
        at = after;
        break;
      }
    }
  }
  // "结束时间 12点": only the end changes. "推迟一小时", "提前半小时": the task moves by a length.
  // "延长到12点", "延到11点": the end's new clock (the final read, 2026-12-06: read as a new start).
  for (const std::string_view label : {std::string_view("结束时间"), std::string_view("结束"),
                                       std::string_view("延长到"), std::string_view("延到")}) {
    if (starts_with_at(rest, at, label)) {
      command.time_is_end = true;
      at = skip_separators(rest, at + label.size());
      for (const std::string_view joiner : vocabulary().edit_joiners) {
        if (starts_with_at(rest, at, joiner)) {
          at = skip_separators(rest, at + joiner.size());
          break;
        }
      }
      break;
    }
  }
  // "延长1小时", "缩短半小时", "结束时间 推迟1小时": the end alone moves by a length (a review,
  // 2026-12-06: "延长1小时" was read as the task's new length and cut a task under way by an hour).
  const bool after_end_label = command.time_is_end;
  for (const auto& [word, sign] :
       {std::pair{std::string_view("延长"), 1}, std::pair{std::string_view("再延长"), 1},
        std::pair{std::string_view("多延长"), 1}, std::pair{std::string_view("延时"), 1},
        std::pair{std::string_view("缩短"), -1}, std::pair{std::string_view("推迟"), 1},
        std::pair{std::string_view("延后"), 1}, std::pair{std::string_view("推后"), 1},
        std::pair{std::string_view("延迟"), 1}, std::pair{std::string_view("提前"), -1}}) {
    // 推迟 and 提前 move the whole task (below) unless the end was named.
    const bool end_words =
        word == "延长" || word == "再延长" || word == "多延长" || word == "延时" || word == "缩短";
    if (!end_words && !after_end_label) continue;
    const std::size_t word_at = starts_with_at(rest, at, "时间") ? skip_separators(rest, at + 6) : at;
    if (!starts_with_at(rest, word_at, word)) continue;
    std::string length(rest.substr(word_at + word.size()));
    if (const std::optional<int> minutes = take_duration(length)) {
      command.shift_minutes = sign * *minutes;
      command.time_is_end = true;
      // "延长1小时 人数改成5人": the rest of the edit too (a review, 2026-12-06: it was dropped), and a
      // count per unit (the final read: "延长1小时 每单元2人" pooled the places).
      read_count_per_node(length, command);
      read_task_slots(length, input.context, command);
      set_reason(command, length);
      return true;
    }
  }
  if (const std::size_t time_label = starts_with_at(rest, at, "时间") ? skip_separators(rest, at + 6) : at;
      !command.time_is_end) {
    for (const auto& [word, sign] :
         {std::pair{std::string_view("推迟"), 1}, std::pair{std::string_view("延后"), 1},
          std::pair{std::string_view("推后"), 1}, std::pair{std::string_view("延迟"), 1},
          std::pair{std::string_view("提前"), -1}}) {
      if (!starts_with_at(rest, time_label, word)) continue;
      std::string shift(rest.substr(time_label + word.size()));
      if (const std::optional<int> minutes = take_duration(shift)) {
        command.shift_minutes = sign * *minutes;
        read_count_per_node(shift, command);
        read_task_slots(shift, input.context, command);
        set_reason(command, shift);
        return true;
      }
    }
  }
  const LabelledForm form =
      read_labelled_form(rest.substr(at), LabelSeparator::colon_or_word, input.context, command);
  std::string text = form.unlabelled;
  for (const std::string_view joiner : vocabulary().edit_joiners) {
    if (starts_with_at(text, 0, joiner)) {
      text.erase(0, joiner.size());
      break;
    }
  }
  // "修改 1 每单元2人": the count per unit, as a whistle reads it ("每单元" was left as the reason).
  read_count_per_node(text, command);
  if (!command.count_per_level && form.unlabelled.size() != rest.size() - at) {
    std::string whole(rest.substr(at));
    read_count_per_node(whole, command);
  }
  read_task_slots(text, input.context, command);
  fill_span(command);
  set_reason(command, text);
  return true;
}

}  // namespace whistle::language
