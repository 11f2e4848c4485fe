#include "handlers/leave_words.hpp"

#include <algorithm>

#include "handlers/held_places.hpp"
#include "handlers/language/calendar.hpp"
#include "handlers/language/volunteer_replies.hpp"
#include "handlers/report_in.hpp"
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

}  // namespace

std::optional<std::vector<Reply>> answer_leave_with_a_count(Context& context, const Command& command) {
  if (!context.message.is_private || !context.community) return std::nullopt;
  const std::optional<language::LeaveCount> leave = language::leave_with_a_count(command.text);
  if (!leave) return std::nullopt;
  const std::vector<store::Signup> held =
      context.signups.open_of_person(*context.community, context.message.sender);
  if (held.empty()) return std::nullopt;  // nothing to leave: the words are answered as any other
  std::vector<store::Signup> meant;
  std::optional<std::int64_t> number;
  for (const store::Signup& signup : held) {
    const std::optional<store::Task> task = context.tasks.by_id(signup.task_id);
    if (!task || !fits(context, *task, *leave)) continue;
    meant.push_back(signup);
    number = task->number;
  }
  // "请假2天，下周一回来" on a Monday left Saturday's place (a review, 2026-12-07): only the places the
  // words fit are left; none fitting, the places are shown and nothing is done.
  if (meant.size() == 1) {
    Command named = command;
    named.intent = Intent::withdraw;
    named.task = number;
    return handle_withdraw(context, named);
  }
  return std::vector<Reply>{held_places_reply(
      context, meant.empty() ? held : meant, meant.empty() ? "withdraw_none_fits" : "withdraw_private_list")};
}

}  // namespace whistle::handlers
