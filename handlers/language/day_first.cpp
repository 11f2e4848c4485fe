#include "handlers/language/day_first.hpp"

#include <algorithm>

#include "handlers/language/shift_words.hpp"
#include "handlers/language/text_util.hpp"
#include "handlers/language/volunteer_replies.hpp"

namespace whistle::language {

bool begins_with_a_day(std::string_view body) {
  return day_said_first(body) > 0 || leading_shift(body) > 0;
}

std::optional<Command> command_after_a_day(std::string_view body, const Command& base,
                                           const TimeContext& time, const ClauseReader& read_plain,
                                           const ClauseReader& read_withdrawal) {
  const std::size_t day = std::max(day_said_first(body), leading_shift(body));
  if (day == 0) return std::nullopt;
  const std::size_t next = skip_separators(body, day);
  // "明天几点集合", "周六在哪集合": a question of the chat's task with its day said first (an
  // exploratory run of a snow day, 2026-12-07: 没看懂).
  if (next < body.size() && !starts_cannot_come(body.substr(next))) {
    auto command = read_plain(body.substr(next));
    if (command && command->intent == Intent::tasks && !command->task && command->implicit) {
      // "周三晚上几点集合", "周末班还有名额吗": that day's task (none that day among neighbours: talk).
      // A part of the day alone ("上午几点集合") names no day: the chat's task, whatever its day.
      Command dated = *command;
      if (leading_shift(body) == day && take_shift_day(dated, body.substr(0, day), time, true) &&
          dated.time_names_day)
        return dated;
      return command;
    }
    // "周三晚上我来", "周五上午那班算我一个", "周四晚上我可以": a sign-up for that day's shift (an
    // exploratory run of a week's rota, stop 65: silence).
    if (!command && takes_the_shift(body.substr(next))) {
      command = base;
      command->intent = Intent::report_in;
      command->implicit = true;
    }
    if (command && command->intent == Intent::report_in && !command->task && !command->on_behalf &&
        command->mentions.empty() && take_shift_day(*command, body.substr(0, day), time)) {
      // "今天报名", "明天报到": with the command's own word the day may be when one signs up; it only
      // chooses among the tasks (the final read of stop 66).
      command->day_is_a_hint = !command->implicit;
      return command;
    }
    // "今晚巡逻还去吗", "周三的值班照常吗".
    if (asks_still_on(body.substr(next))) {
      Command asked = base;
      if (take_shift_day(asked, body.substr(0, day), time, true)) {
        asked.intent = Intent::tasks;
        asked.implicit = true;
        asked.day_question = DayQuestion::still_on;
        return asked;
      }
    }
  }
  if (next < body.size() && starts_cannot_come(body.substr(next))) {
    auto command = read_withdrawal(body.substr(next));
    if (command && command->intent == Intent::withdraw) {
      // The day said names the task among several ("周六来不了了" from someone in Saturday's and
      // Sunday's; a review, 2026-12-07): its start, for the handler to choose by.
      if (!command->task) take_shift_day(*command, body.substr(0, day), time);
      return command;
    }
  }
  return std::nullopt;
}

}  // namespace whistle::language
