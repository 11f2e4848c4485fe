#include "handlers/whistle_limits.hpp"

#include <string>
#include <vector>

#include "handlers/language/time_expressions.hpp"
#include "handlers/people_names.hpp"
#include "handlers/task_lookup.hpp"
#include "handlers/task_text.hpp"

namespace whistle::handlers {

namespace {

// Characters, not bytes: a Chinese character is one.
std::size_t characters(const std::string& text) {
  std::size_t count = 0;
  for (const char c : text) {
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++count;
  }
  return count;
}

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

// "周二到周五每天晚上7点", "11月24日、25日、26日 晚上7点", "周三、周四、周五": several days in one line.
// Only the words that join days (到周, 、25日 …): a day word alone ("准备明天活动的物资") names a thing.
std::optional<std::string> several_days_named(const std::string& title) {
  for (const std::string_view joined : {"到周", "至周", "-周", "~周", "、周", "、星期", "到星期", "至星期"}) {
    if (const std::size_t at = title.find(joined); at != std::string::npos)
      return title.substr(at, joined.size() + 3);
  }
  // "、25日", "、26号": a list of dates.
  for (std::size_t at = title.find("、"); at != std::string::npos; at = title.find("、", at + 1)) {
    std::size_t digits = at + std::string_view("、").size();
    const std::size_t first = digits;
    while (digits < title.size() && title[digits] >= '0' && title[digits] <= '9')
      ++digits;
    if (digits == first) continue;
    const std::string_view unit = std::string_view(title).substr(digits);
    if (unit.starts_with("日") || unit.starts_with("号")) return title.substr(at, digits - at + 3);
  }
  return std::nullopt;
}

// A time left in the title once the task's was read ("消防巡逻 后天晚上7点" after 周二): a second
// time with its hours, which the task cannot have as well.
std::optional<std::string> second_time_named(const Context& context, const std::string& title) {
  std::string rest = title;
  const auto span =
      language::take_time(rest, language::TimeContext{context.now, context.config.locale.utc_offset_seconds});
  // An hour written: "扫雪下午班" names the shift, not a second time.
  // Nor is a deadline to answer by ("12点前报名").
  if (!span || !span->names_hour || !span->start) return std::nullopt;
  // The words taken out are what differs between the two.
  std::size_t from = 0;
  while (from < rest.size() && from < title.size() && rest[from] == title[from])
    ++from;
  std::size_t back = 0;
  while (back < rest.size() - from && back < title.size() - from &&
         rest[rest.size() - 1 - back] == title[title.size() - 1 - back])
    ++back;
  return title.substr(from, title.size() - from - back);
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
    } else if (const std::optional<std::string> second = second_time_named(context, *command.title)) {
      problems.push_back(context.text("whistle_problem_second_time", {{"time", *second}}));
    }
  }
  if (command.title && characters(*command.title) > kMaxTitleChars) {
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
