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
