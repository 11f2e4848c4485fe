#include "handlers/task_jobs.hpp"

#include <algorithm>
#include <charconv>
#include <string>

#include "handlers/help_call_time.hpp"
#include "handlers/people_names.hpp"
#include "handlers/task_lookup.hpp"
#include "handlers/task_text.hpp"

namespace whistle::handlers {

namespace {

std::optional<std::int64_t> task_id_of(const std::string& payload) {
  std::int64_t id = 0;
  const auto [end, error] = std::from_chars(payload.data(), payload.data() + payload.size(), id);
  if (error != std::errc() || end != payload.data() + payload.size()) return std::nullopt;
  return id;
}

}  // namespace

void schedule_task_reminder(const Services& services, const store::Task& task, std::int64_t now) {
  if (!task.start) return;
  // An hour before the start; for an early task, not in the night: a 05:00 reminder (or last call)
  // of a 06:00 task woke whole groups, so it goes at 21:00 the evening before, as the call for help
  // does. A task starting within the hour was just announced; a reminder now would only repeat it.
  const std::optional<std::int64_t> due = help_call_time(*task.start - kReminderLeadSeconds, *task.start, now,
                                                         services.config.locale.utc_offset_seconds);
  if (!due) return;
  services.jobs.schedule(std::string(kTaskReminder), task.community, *due, std::to_string(task.id));
}

void cancel_task_reminder(const Services& services, const store::Task& task) {
  services.jobs.cancel(std::string(kTaskReminder), std::to_string(task.id));
}

std::vector<Reply> run_task_reminder(const Services& services, const store::Job& job, std::int64_t now) {
  const std::optional<std::int64_t> id = task_id_of(job.payload);
  if (!id) return {};
  const std::optional<store::Task> task = services.tasks.by_id(*id);
  if (!task || task->status != store::TaskStatus::open || !task->start) return {};
  // Run late (the server was down at its time), "please come on time" to a task that has begun or
  // ended is no reminder: after a night's outage it went out beside that task's no-shows.
  if (now > *task->start) return {};

  // Each volunteer is reminded in the group where they reported in: a 下发 task is posted in every
  // unit's group, and naming everyone in all of them was noise to people in none of them.
  const std::vector<std::string> posted = task_chats(services, *task);
  std::vector<std::pair<std::string, std::vector<std::string>>> people_by_chat;
  for (const store::Signup& signup : services.signups.active(task->id)) {
    if (signup.state != store::SignupState::signed_up) continue;
    const std::string chat = chat_of_signup(services, signup.node, posted);
    auto group = std::find_if(people_by_chat.begin(), people_by_chat.end(),
                              [&](const auto& entry) { return entry.first == chat; });
    if (group == people_by_chat.end()) group = people_by_chat.insert(people_by_chat.end(), {chat, {}});
    group->second.push_back(signup.person);
  }
  const auto text = [&](std::string_view key, const std::vector<std::string>& people) {
    return services.text(key, {{"task", std::to_string(task->number)},
                               {"title", task->title},
                               {"start", local_time_text(services, *task->start, now)},
                               {"mentions", mentions_of(services.people, people)}});
  };
  std::vector<Reply> replies;
  // Nobody yet: a last call to every group it was posted in.
  if (people_by_chat.empty()) {
    for (const std::string& chat : posted)
      replies.push_back(Reply{chat, text("reminder_nobody", {}), {}});
  }
  for (const auto& [chat, people] : people_by_chat) {
    if (!chat.empty()) {
      replies.push_back(Reply{chat, text("reminder", people), people});
      continue;
    }
    // No group of the task is bound any more: each is reminded in private.
    for (const std::string& person : people)
      replies.push_back(Reply{private_chat_of(person), text("reminder", {person}), {person}});
  }
  return replies;
}

}  // namespace whistle::handlers
