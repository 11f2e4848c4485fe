#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "handlers/context.hpp"
#include "store/jobs.hpp"

namespace whistle::handlers {

/// The job kind fired at a task's end: signed-up people who never checked in become no-shows.
/// Its payload is the task's row id.
inline constexpr std::string_view kTaskEnd = "task_end";

/// The job kind fired `rules.help_lead_hours` before a task's start: a call for help to the parent
/// node's groups when places are still empty. Its payload is the task's row id.
inline constexpr std::string_view kTaskHelpCall = "task_help_call";

/// Check-in opens this long before a task's start: volunteers arrive early to set up.
inline constexpr std::int64_t kCheckInOpensBeforeStart = 60 * 60;

/// Schedules a task's end and its call for help, each when its time is known and still ahead.
void schedule_attendance_jobs(const Services& services, const store::Task& task, std::int64_t now);

/// Drops a task's pending end and call for help (it was closed, or its time changed).
void cancel_attendance_jobs(const Services& services, const store::Task& task);

/// Settles one signed-up person as a no-show (失约), counted for `node` (where they reported in),
/// with the `rules.no_show_points` penalty once. `settled_by` is the leader who said so, if one
/// did. Returns the penalty's words for their note ("" when none was taken).
std::string settle_no_show(const Services& services, const store::Task& task, const std::string& person,
                           const std::optional<std::string>& node,
                           const std::optional<std::string>& settled_by, std::int64_t now);

/// Finishes an open task whose time is over and whose every signed-up person is settled
/// (confirmed, refused or a no-show), as 结束 would with nothing left to settle: a leader who
/// said 验收 and never 结束 left it 进行中 for weeks, in every list and every bare 验收. Silent: the
/// settling said what there was to say. Returns whether it finished the task.
bool finish_when_settled(const Services& services, const store::Task& task, std::int64_t now);

/// Settles every signed-up person of the task who never checked in as a no-show (失约), once, with
/// the `rules.no_show_points` penalty (never below a zero balance); returns a note to each in private.
/// Before check-in has opened nobody could have checked in, so nothing is settled then.
std::vector<Reply> settle_no_shows(const Services& services, const store::Task& task, std::int64_t now);

/// Carries out a `task_end` job: the no-shows of a task still open.
std::vector<Reply> run_task_end(const Services& services, const store::Job& job, std::int64_t now);

/// Carries out a `task_help_call` job: posts the call to the parent node's groups when the task is
/// open and has empty places; nothing otherwise.
std::vector<Reply> run_task_help_call(const Services& services, const store::Job& job, std::int64_t now);

}  // namespace whistle::handlers
