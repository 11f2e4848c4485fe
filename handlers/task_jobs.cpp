#include "handlers/task_jobs.hpp"

#include <charconv>
#include <string>

#include "handlers/people_names.hpp"
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
  const std::int64_t due = *task.start - kReminderLeadSeconds;
  // A task starting within the hour was just announced; a reminder now would only repeat it.
  if (due <= now) return;
  services.jobs.schedule(std::string(kTaskReminder), task.community, due, std::to_string(task.id));
}

void cancel_task_reminder(const Services& services, const store::Task& task) {
  services.jobs.cancel(std::string(kTaskReminder), std::to_string(task.id));
}

std::vector<Reply> run_task_reminder(const Services& services, const store::Job& job, std::int64_t now) {
  const std::optional<std::int64_t> id = task_id_of(job.payload);
  if (!id) return {};
  const std::optional<store::Task> task = services.tasks.by_id(*id);
  if (!task || task->status != store::TaskStatus::open || !task->start) return {};

  std::vector<std::string> people;
  for (const store::Signup& signup : services.signups.active(task->id)) {
    if (signup.state == store::SignupState::signed_up) people.push_back(signup.person);
  }
  const std::vector<std::pair<std::string_view, std::string>> values{
      {"task", std::to_string(task->number)},
      {"title", task->title},
      {"start", local_time_text(services, *task->start, now)},
      {"mentions", mentions_of(services.people, people)}};
  const std::string text = services.text(people.empty() ? "reminder_nobody" : "reminder", values);

  std::vector<Reply> replies;
  for (const std::string& chat : services.tasks.posted_chats(task->id)) {
    replies.push_back(Reply{chat, text, people});
  }
  return replies;
}

}  // namespace whistle::handlers
