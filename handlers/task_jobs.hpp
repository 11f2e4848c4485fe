#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "handlers/context.hpp"
#include "store/jobs.hpp"

namespace whistle::handlers {

/// The job kind of a task's reminder; its payload is the task's row id.
inline constexpr std::string_view kTaskReminder = "task_reminder";

/// How long before a task's start its reminder goes out.
inline constexpr std::int64_t kReminderLeadSeconds = 60 * 60;

/// Schedules the reminder of a new task, when its start is known and the reminder is still ahead.
void schedule_task_reminder(const Services& services, const store::Task& task, std::int64_t now);

/// Drops a task's pending reminder (it was cancelled or finished early).
void cancel_task_reminder(const Services& services, const store::Task& task);

/// Carries out a `task_reminder` job: tells the task's chats and its signed-up people it starts soon.
/// A closed or vanished task's reminder sends nothing.
std::vector<Reply> run_task_reminder(const Services& services, const store::Job& job, std::int64_t now);

}  // namespace whistle::handlers
