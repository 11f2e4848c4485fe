#include "handlers/leave_words.hpp"

#include <algorithm>

#include "handlers/addressing.hpp"
#include "handlers/held_places.hpp"
#include "handlers/language/calendar.hpp"
#include "handlers/language/time_expressions.hpp"
#include "handlers/language/volunteer_replies.hpp"
#include "handlers/report_in.hpp"
#include "handlers/task_lookup.hpp"
#include "handlers/task_text.hpp"

namespace whistle::handlers {

namespace {

constexpr std::int64_t kHour = 3600;

// Whether the task's start fits the words: within the days off from today, or at that hour (3点 is
// 03:00 or 15:00).
bool fits(const Context& context, const store::Task& task, const language::LeaveCount& leave) {
  if (!task.start) return false;
  if (leave.unit == language::LeaveCount::Unit::days) {
    const std::int64_t first = local_day(context, context.now);
    const std::int64_t day = local_day(context, *task.start);
    return day >= first && day < first + leave.number;
  }
  const std::int64_t local = *task.start + context.config.locale.utc_offset_seconds;
  const std::int64_t hour =
      (local % language::kSecondsPerDay + language::kSecondsPerDay) % language::kSecondsPerDay / kHour;
  return hour == leave.number % 24 || hour == (leave.number + 12) % 24;
}

// The places held that `fits` says the words mean: the one withdrawn, as "请假 N" would; of several,
// they are listed to choose from; of none, the places held are shown and nothing is done.
template <typename Fits>
std::optional<std::vector<Reply>> withdraw_the_place_meant(Context& context, const Command& command,
                                                           Fits fits_words) {
  const std::vector<store::Signup> held =
      context.signups.open_of_person(*context.community, context.message.sender);
  if (held.empty()) return std::nullopt;  // nothing to leave: the words are answered as any other
  std::vector<store::Signup> meant;
  std::optional<std::int64_t> number;
  for (const store::Signup& signup : held) {
    const std::optional<store::Task> task = context.tasks.by_id(signup.task_id);
    if (!task || !fits_words(*task)) continue;
    meant.push_back(signup);
    number = task->number;
  }
  if (meant.size() == 1) {
    Command named = command;
    named.intent = Intent::withdraw;
    named.task = number;
    named.implicit = false;
    return handle_withdraw(context, named);
  }
  return std::vector<Reply>{held_places_reply(
      context, meant.empty() ? held : meant, meant.empty() ? "withdraw_none_fits" : "withdraw_private_list")};
}

}  // namespace

std::optional<std::vector<Reply>> answer_leave_with_a_count(Context& context, const Command& command) {
  if (!context.message.is_private || !context.community) return std::nullopt;
  const std::optional<language::LeaveCount> leave = language::leave_with_a_count(command.text);
  if (!leave) return std::nullopt;
  // "请假2天，下周一回来" on a Monday left Saturday's place (a review, 2026-12-07): only the places the
  // words fit are left.
  return withdraw_the_place_meant(context, command,
                                  [&](const store::Task& task) { return fits(context, task, *leave); });
}

std::optional<std::vector<Reply>> answer_cannot_come(Context& context, const Command& command) {
  if (!context.community || !(context.message.is_private || is_addressed(context.message, command)) ||
      !language::says_now_cannot_come(command.text))
    return std::nullopt;
  // The day said ("今天", "今晚", "周三的巡逻") chooses among the places held.
  std::string words = command.text;
  const auto said = language::take_time(
      words, language::TimeContext{context.now, context.config.locale.utc_offset_seconds});
  return withdraw_the_place_meant(context, command, [&](const store::Task& task) {
    if (task_is_over(task, context.now)) return false;
    return !(said && said->start) ||
           (task.start && local_day(context, *task.start) == local_day(context, *said->start));
  });
}

}  // namespace whistle::handlers
