#include "handlers/attendance_jobs.hpp"

#include <algorithm>
#include <charconv>
#include <string>

#include "handlers/attendance_pay.hpp"
#include "handlers/deferred_posts.hpp"
#include "handlers/help_call_time.hpp"
#include "handlers/people_names.hpp"
#include "handlers/task_jobs.hpp"
#include "handlers/task_lookup.hpp"
#include "handlers/task_text.hpp"

namespace whistle::handlers {

namespace {

std::optional<store::Task> task_of(const Services& services, const store::Job& job) {
  std::int64_t id = 0;
  const std::string& payload = job.payload;
  const auto [end, error] = std::from_chars(payload.data(), payload.data() + payload.size(), id);
  if (error != std::errc() || end != payload.data() + payload.size()) return std::nullopt;
  return services.tasks.by_id(id);
}

// Takes the configured points for a no-show, but never more than the person has: balances never go
// below zero. Returns the points taken.
std::int64_t take_no_show_points(const Services& services, const store::Task& task, const std::string& person,
                                 const std::optional<std::string>& node, std::int64_t now) {
  if (services.config.rules.no_show_points <= 0) return 0;
  if (services.ledger.has_task_entry(task.id, person, store::LedgerKind::no_show)) return 0;
  const std::int64_t points = std::min<std::int64_t>(services.config.rules.no_show_points,
                                                     services.ledger.balance(task.community, person));
  if (points <= 0) return 0;
  store::NewLedgerEntry entry;
  entry.community = task.community;
  entry.person = person;
  entry.points = -points;
  entry.kind = store::LedgerKind::no_show;
  entry.node = node;
  entry.task_id = task.id;
  entry.reason =
      services.text("no_show_reason", {{"task", std::to_string(task.number)}, {"title", task.title}});
  entry.at = now;
  services.ledger.append(entry);
  return points;
}

}  // namespace

void schedule_attendance_jobs(const Services& services, const store::Task& task, std::int64_t now) {
  const std::string payload = std::to_string(task.id);
  // A task whistled with a start and no end (社区义诊引导 11月26日上午9点) is over a day after its
  // start, as task_is_over says; without its end job it stayed 进行中 for good, and its no-shows were
  // made only when a leader said 结束, days later and after the month was published.
  const std::optional<std::int64_t> ends =
      task.end ? task.end : (task.start ? std::optional(*task.start + kOpenEndedTaskSeconds) : std::nullopt);
  if (ends && *ends > now) {
    services.jobs.schedule(std::string(kTaskEnd), task.community, *ends, payload);
  }
  const int lead_hours = services.config.rules.help_lead_hours;
  if (task.start && task.places && lead_hours > 0) {
    const std::int64_t due = *task.start - std::int64_t{lead_hours} * 3600;
    // Never in the night: a call that would fall there goes out the evening before or the morning.
    if (const std::optional<std::int64_t> at =
            help_call_time(due, *task.start, now, services.config.locale.utc_offset_seconds)) {
      services.jobs.schedule(std::string(kTaskHelpCall), task.community, *at, payload);
    }
  }
}

void cancel_attendance_jobs(const Services& services, const store::Task& task) {
  const std::string payload = std::to_string(task.id);
  services.jobs.cancel(std::string(kTaskEnd), payload);
  services.jobs.cancel(std::string(kTaskHelpCall), payload);
}

std::string settle_no_show(const Services& services, const store::Task& task, const std::string& person,
                           const std::optional<std::string>& node,
                           const std::optional<std::string>& settled_by, std::int64_t now) {
  // Dated as confirmed work is: a job run late (the server was down over the 1st) still counts the
  // no-show in the month of the task, and a night across a month's end in the month it started.
  const std::int64_t missed_at = work_dated_at(services, task, now);
  services.attendance.settle(task.id, person, task.community, node, store::AttendanceOutcome::no_show,
                             settled_by, 0, missed_at);
  const std::int64_t taken = take_no_show_points(services, task, person, node, missed_at);
  return taken > 0 ? services.text("no_show_penalty", {{"points", std::to_string(taken)}}) : std::string();
}

std::vector<Reply> settle_no_shows(const Services& services, const store::Task& task, std::int64_t now) {
  std::vector<Reply> replies;
  // A task finished before its check-in opened (called off by 结束 rather than 撤销) had nobody to
  // miss it.
  if (task.start && now < *task.start - kCheckInOpensBeforeStart) return replies;
  for (const store::Signup& signup : services.signups.active(task.id)) {
    // The waitlisted had no place to come to.
    if (signup.state != store::SignupState::signed_up) continue;
    const std::optional<store::Attendance> row = services.attendance.find(task.id, signup.person);
    // Present, or already settled (a leader vouched, or an earlier end settled it), or checked
    // out without checking in (flagged: the leader decides): nothing to do.
    if (row && (row->checked_in_at || row->checked_out_at || row->outcome)) continue;

    const std::optional<std::string> node = signup.node ? signup.node : std::optional<std::string>(task.node);
    const std::string penalty = settle_no_show(services, task, signup.person, node, std::nullopt, now);
    replies.push_back(Reply{private_chat_of(signup.person),
                            services.text("no_show_private", {{"task", std::to_string(task.number)},
                                                              {"title", task.title},
                                                              {"when", task_when_text(services, task, now)},
                                                              {"penalty", penalty}}),
                            {signup.person}});
  }
  return replies;
}

bool finish_when_settled(const Services& services, const store::Task& task, std::int64_t now) {
  if (task.status != store::TaskStatus::open || !task_is_over(task, now)) return false;
  for (const store::Signup& signup : services.signups.active(task.id)) {
    if (signup.state != store::SignupState::signed_up) continue;
    const std::optional<store::Attendance> row = services.attendance.find(task.id, signup.person);
    if (!row || !row->outcome) return false;
  }
  services.tasks.set_status(task.id, store::TaskStatus::finished, now);
  cancel_task_reminder(services, task);
  cancel_attendance_jobs(services, task);
  return true;
}

// A night patrol ends at 01:30: its 失约 notes and the leader's reminder wait for the morning (an
// exploratory run of the turn of the year, stop 66: sent at 01:30 on New Year's night).
// Each note is sent in the morning only while it still holds: a volunteer the leader vouched for at
// 01:35 is no 失约 at 07:00 (the final read of stop 66). `of_no_shows`: each note is a no-show's,
// about the person it mentions; else the creator's reminder of people still unsettled.
std::vector<Reply> in_the_morning(const Services& services, const store::Task& task, std::vector<Reply> notes,
                                  bool of_no_shows, std::int64_t now) {
  std::vector<Reply> sent;
  for (Reply& note : notes) {
    const std::string person = of_no_shows && !note.mentions.empty() ? note.mentions.front() : std::string();
    std::vector<Reply> now_or_later = held_till_morning(services, task.community, std::move(note), now,
                                                        task_note_condition(task.id, person));
    sent.insert(sent.end(), std::make_move_iterator(now_or_later.begin()),
                std::make_move_iterator(now_or_later.end()));
  }
  return sent;
}

std::vector<Reply> run_task_end(const Services& services, const store::Job& job, std::int64_t now) {
  const std::optional<store::Task> task = task_of(services, job);
  if (!task || task->status != store::TaskStatus::open) return {};
  std::vector<Reply> replies =
      in_the_morning(services, *task, settle_no_shows(services, *task, now), true, now);
  if (finish_when_settled(services, *task, now)) return replies;
  // Who came and is not paid yet: the leader who whistled hears it at the end, once. A short stay
  // flagged at check-out and never decided left the volunteer unpaid and 我的报到 showing it open
  // for weeks.
  std::vector<std::string> waiting;
  for (const store::Attendance& row : services.attendance.of_task(task->id)) {
    if (row.checked_in_at && !row.outcome) waiting.push_back(row.person);
  }
  if (!waiting.empty()) {
    std::vector<Reply> unsettled =
        in_the_morning(services, *task,
                       {Reply{private_chat_of(task->creator),
                              services.text("task_end_unsettled", {{"task", std::to_string(task->number)},
                                                                   {"title", task->title},
                                                                   {"names", names_of(services, waiting)}}),
                              {task->creator}}},
                       false, now);
    replies.insert(replies.end(), unsettled.begin(), unsettled.end());
  }
  return replies;
}

std::vector<Reply> run_task_help_call(const Services& services, const store::Job& job, std::int64_t now) {
  const std::optional<store::Task> task = task_of(services, job);
  if (!task || task->status != store::TaskStatus::open || !task->places) return {};
  // Run late (the server was down at its time), a call for help with a task already under way asks
  // the parent group to come to something they can no longer join in time.
  if (task->start && now > *task->start) return {};
  const int signed_up = services.signups.count(task->id, store::SignupState::signed_up);
  if (signed_up >= *task->places) return {};
  const std::optional<store::OrgNode> node = services.org.node(task->node);
  // A community's task has no parent group to call; its own groups already saw the whistle.
  if (!node || node->parent.empty()) return {};

  const std::string text = services.text("help_call", {{"task", std::to_string(task->number)},
                                                       {"node", node->name},
                                                       {"title", task->title},
                                                       {"when", task_when_text(services, *task, now)},
                                                       {"missing", std::to_string(*task->places - signed_up)},
                                                       {"count", signup_count_text(services, *task)}});
  std::vector<Reply> replies;
  for (const std::string& chat : services.org.chats_of(node->parent)) {
    // Posted there now: the call asks for "报到 N", and a bare 报到 or 活动 in that group must find
    // the task it was just shown (its news then reaches that group too).
    services.tasks.post(task->id, chat);
    replies.push_back(Reply{chat, text, {}});
  }
  return replies;
}

}  // namespace whistle::handlers
