#include "handlers/whistle_limits.hpp"

#include <string>
#include <vector>

#include "handlers/language/text_util.hpp"
#include "handlers/language/time_expressions.hpp"
#include "handlers/people_names.hpp"
#include "handlers/task_lookup.hpp"
#include "handlers/task_text.hpp"

namespace whistle::handlers {

namespace {

// The task's length as written: a length ("2小时"), else a range's end minus its start.
std::optional<std::int64_t> length_minutes(const Command& command) {
  if (command.minutes) return *command.minutes;
  if (command.start && command.end) return (*command.end - *command.start) / 60;
  return std::nullopt;
}

// Over: ended already, or with no end begun more than the grace ago. A task under way until
// noon may still call for people at ten; a deadline alone is over once it has passed.
bool is_over(const Context& context, const Command& command) {
  if (command.end) return *command.end <= context.now;
  return command.start && *command.start + kLateStartGraceSeconds < context.now;
}

// Where a day word ends that starts at `at` ("周三", "星期四", "25日", "26号", "明天"), or 0. "12号楼",
// "周边", "周大爷" are no days.
std::size_t day_word_end(std::string_view text, std::size_t at) {
  const std::string_view rest = text.substr(at);
  for (const std::string_view week : {"周", "星期", "礼拜"}) {
    if (!rest.starts_with(week)) continue;
    const std::string_view after = rest.substr(week.size());
    for (const std::string_view day : {"一", "二", "三", "四", "五", "六", "日", "天", "末"}) {
      if (after.starts_with(day)) return at + week.size() + day.size();
    }
    return 0;
  }
  for (const std::string_view day : {"今天", "明天", "后天"}) {
    if (rest.starts_with(day)) return at + day.size();
  }
  std::size_t digits = 0;
  while (digits < rest.size() && rest[digits] >= '0' && rest[digits] <= '9')
    ++digits;
  if (digits == 0) return 0;
  // "1月3日", "2月11日": the month before the day ("1月1日-1月3日 每天" made one task on the 1st).
  if (rest.substr(digits).starts_with("月")) {
    return day_word_end(text, at + digits + std::string_view("月").size());
  }
  const std::string_view unit = rest.substr(digits);
  if (unit.starts_with("日")) return at + digits + std::string_view("日").size();
  if (unit.starts_with("号")) {
    const std::string_view after = unit.substr(std::string_view("号").size());
    for (const std::string_view thing : {"楼", "床", "门", "院", "线", "车", "厅", "室", "窗"}) {
      if (after.starts_with(thing)) return 0;
    }
    return at + digits + std::string_view("号").size();
  }
  return 0;
}

// Whether a day word read at a title's start stands as a word ("1月3日 每天"), not one's first
// characters ("周边", "12号楼" are no days already; "明天见" is not).
bool ends_a_day_word(std::string_view text, std::size_t end) {
  return end >= text.size() || text[end] == ' ';
}

// Whether a day word ends right at `end` ("周二" before "到周五", "24日" before "、25日").
bool day_word_before(std::string_view text, std::size_t end) {
  for (std::size_t length = 2; length <= 9 && length <= end; ++length) {
    if (day_word_end(text, end - length) == end) return true;
  }
  return false;
}

// "周二到周五每天晚上7点", "11月24日、25日、26日", "周三、周四、周五": days joined into a list or a range
// — a day word on each side of 、 到 至 - ~ — several days in one line. Not a list of buildings
// ("11、12号楼"), people ("周大爷、周阿姨"), places ("送到周边") or a deadline ("报名截止到周五"; a
// review of stop 65 found each refused).
std::optional<std::string> several_days_named(const std::string& title) {
  // "1月1日-1月3日 每天9点到17点 值守": the first day read as the task's time leaves the range's last day
  // first in the title, its joiner trimmed (a review of stop 66: posted as one task).
  if (const std::size_t end = day_word_end(title, 0); end > 0 && ends_a_day_word(title, end))
    return title.substr(0, end);
  for (const std::string_view joiner : {"、", "到", "至", "-", "~", "～"}) {
    for (std::size_t at = title.find(joiner); at != std::string::npos; at = title.find(joiner, at + 1)) {
      const std::size_t next = at + joiner.size();
      const std::size_t end = day_word_end(title, next);
      // The day before it may have been read as the task's time, leaving the joiner first in its
      // word ("周二到周五每天…" leaves "到周五每天").
      const bool first_in_word = at == 0 || title[at - 1] == ' ';
      if (end == 0 || !(first_in_word || day_word_before(title, at))) continue;
      // "今天、明天都可以报名", "周三至周五前报名": days to sign up on, not to work (the final read of
      // stop 65).
      constexpr std::size_t kNear = 6 * 3;  // "都可以报名"
      const std::string_view after = std::string_view(title).substr(end, kNear);
      if (after.find("报名") != std::string_view::npos || after.starts_with("前") ||
          after.starts_with("之前"))
        continue;
      return title.substr(next, end - next);
    }
  }
  return std::nullopt;
}

// A time on another day left in the title once the task's was read ("消防巡逻 周二 后天晚上7点"): the
// task cannot be on both. A time on the task's own day is a note ("8点50集合", "12点后换班"), and a
// deadline to answer by none ("12点前报名").
std::optional<std::string> other_day_named(const Context& context, const Command& command) {
  if (!command.title || !command.start) return std::nullopt;
  const std::string& title = *command.title;
  std::string rest = title;
  const language::TimeContext now{context.now, context.config.locale.utc_offset_seconds};
  const auto span = language::take_time(rest, now);
  if (!span || !span->names_hour || !span->names_day || !span->start ||
      local_day(context, *span->start) == local_day(context, *command.start))
    return std::nullopt;
  // The words taken out, on whole characters: what differs between the title and what is left.
  std::size_t from = 0;
  while (from < rest.size() && rest[from] == title[from])
    ++from;
  while (from > 0 && (static_cast<unsigned char>(title[from]) & 0xC0) == 0x80)
    --from;
  std::size_t back = 0;
  while (back < rest.size() - from && rest[rest.size() - 1 - back] == title[title.size() - 1 - back])
    ++back;
  std::size_t end = title.size() - back;
  while (end < title.size() && (static_cast<unsigned char>(title[end]) & 0xC0) == 0x80)
    ++end;
  return title.substr(from, end - from);
}

// A holiday whose date the bot cannot work out (a lunar one outside 春节's days, or one that moves):
// with no day said beside it, the task would be posted on the wrong day or with none ("中秋慰问 上午9
// 点" on today; an exploratory run of the turn of the year, stop 66).
std::optional<std::string> undated_holiday(const Command& command) {
  // With no time at all it is posted as 时间待定, as any task without one (the final read of stop 66).
  if (!command.title || command.time_names_day || (!command.start && !command.end)) return std::nullopt;
  for (const std::string_view holiday :
       {"腊月", "小年", "腊八", "冬至", "中秋", "端午", "重阳", "清明", "七夕", "寒食", "龙抬头"}) {
    if (command.title->find(holiday) != std::string::npos) return std::string(holiday);
  }
  return std::nullopt;
}

// A holiday the bot can date, glued to the task's words, with the hours said apart and no day ("元旦
// 巡逻 上午9点到11点" went out for tomorrow; a review of stop 66): which day is meant is asked.
std::optional<std::string> holiday_apart_from_its_hours(const Command& command) {
  if (!command.title || command.time_names_day || !command.time_names_clock) return std::nullopt;
  for (const std::string_view holiday :
       {"元旦", "跨年",   "春节",   "过年",   "除夕",   "年三十", "正月",   "元宵",   "国庆",   "劳动节",
        "圣诞", "平安夜", "儿童节", "教师节", "妇女节", "建党节", "建军节", "情人节", "植树节", "青年节"}) {
    if (command.title->find(holiday) != std::string::npos) return std::string(holiday);
  }
  return std::nullopt;
}

}  // namespace

std::optional<Reply> refuse_out_of_range(Context& context, const Command& command) {
  const std::string mention = mention_of(context.people, context.message.sender);
  std::vector<std::string> problems;
  if (command.count && (*command.count < kMinPlaces || *command.count > kMaxPlaces)) {
    problems.push_back(context.text("whistle_problem_count", {{"min", std::to_string(kMinPlaces)},
                                                              {"max", std::to_string(kMaxPlaces)},
                                                              {"count", std::to_string(*command.count)}}));
  }
  if (command.points && (*command.points < 0 || *command.points > kMaxTaskPoints)) {
    problems.push_back(context.text("whistle_problem_points", {{"max", std::to_string(kMaxTaskPoints)},
                                                               {"points", std::to_string(*command.points)}}));
  }
  // "14:00-12:00", "明天25点": shaped like a time but naming none, so no time was read; posted
  // as it is, the task would have no time at all (docs/language.md, ranges).
  if (!command.start && !command.end && command.title) {
    if (const std::optional<std::string_view> unread = language::unread_clock(*command.title)) {
      problems.push_back(context.text("whistle_problem_time_unread", {{"time", std::string(*unread)}}));
    }
  }
  // One whistle is one time: a rota's days, or a second time, left in the title made one task on
  // the first day with the rest in its title (an exploratory run of a week's rota, 2026-12-07:
  // volunteers signed up for "the patrol" and were counted for Tuesday only).
  if (command.title && (command.start || command.end)) {
    if (const std::optional<std::string> days = several_days_named(*command.title)) {
      problems.push_back(context.text("whistle_problem_several_days", {{"words", *days}}));
    } else if (const std::optional<std::string> second = other_day_named(context, command)) {
      // The task's own day with its weekday, so "1月3号周六" shows at once which is wrong (1月3日 is a
      // Sunday in 2027; an exploratory run of the turn of the year, stop 66).
      problems.push_back(
          context.text("whistle_problem_second_time",
                       {{"time", *second}, {"when", local_day_text(context, *command.start, context.now)}}));
    }
  }
  if (const std::optional<std::string> holiday = undated_holiday(command))
    problems.push_back(context.text("whistle_problem_holiday_undated", {{"day", *holiday}}));
  else if (const std::optional<std::string> apart = holiday_apart_from_its_hours(command))
    problems.push_back(context.text("whistle_problem_holiday_which_day", {{"day", *apart}}));
  if (command.title && language::characters(*command.title) > kMaxTitleChars) {
    problems.push_back(context.text("whistle_problem_title", {{"max", std::to_string(kMaxTitleChars)}}));
  }
  if (const std::optional<std::int64_t> minutes = length_minutes(command);
      minutes && (*minutes <= 0 || *minutes > kMaxTaskMinutes)) {
    problems.push_back(
        context.text("whistle_problem_length", {{"max_hours", std::to_string(kMaxTaskMinutes / 60)}}));
  }

  const bool over = is_over(context, command);
  const std::string when =
      over ? local_time_text(context, command.start ? *command.start : *command.end, context.now) : "";
  if (problems.empty() && over) {
    // Only the time is wrong: ask for it, with the task's own words in the example.
    return reply_to_sender(
        context, context.text("whistle_time_passed", {{"mention", mention},
                                                      {"when", when},
                                                      {"title", command.title.value_or(std::string())}}));
  }
  if (problems.empty()) return std::nullopt;
  // Everything that is wrong at once, so that one more try can put it all right.
  if (over) problems.push_back(context.text("whistle_problem_past", {{"when", when}}));
  std::string listed;
  for (const std::string& problem : problems) {
    if (!listed.empty()) listed += context.text("whistle_problem_separator");
    listed += problem;
  }
  return reply_to_sender(context,
                         context.text("whistle_refused", {{"mention", mention}, {"problems", listed}}));
}

}  // namespace whistle::handlers
