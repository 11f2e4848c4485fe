#include "handlers/task_edit.hpp"

#include <algorithm>
#include <map>
#include <string>

#include "handlers/attendance_jobs.hpp"
#include "handlers/language/time_expressions.hpp"
#include "handlers/people_names.hpp"
#include "handlers/places_per_node.hpp"
#include "handlers/rights.hpp"
#include "handlers/task_jobs.hpp"
#include "handlers/task_lookup.hpp"
#include "handlers/task_text.hpp"
#include "handlers/whistle.hpp"
#include "handlers/whistle_limits.hpp"

namespace whistle::handlers {

namespace {

using Values = std::vector<std::pair<std::string_view, std::string>>;

Reply no_right(Context& context, const store::Task& task) {
  std::vector<std::string> people{task.creator};
  for (std::string& leader : leaders_up_from(context, task.node)) {
    if (std::find(people.begin(), people.end(), leader) == people.end()) people.push_back(std::move(leader));
  }
  const std::optional<store::OrgNode> node = context.org.node(task.node);
  return reply_to_sender(
      context, context.text("edit_no_right", {{"task", std::to_string(task.number)},
                                              {"mention", mention_of(context.people, context.message.sender)},
                                              {"node", node ? node->name : task.node},
                                              {"people", names_of(context, people)}}));
}

// The task as the command changes it, and what changed in words; or the refusal.
struct Edit {
  store::Task task;
  std::vector<std::string> changes;
  bool time_changed = false;
  bool end_only = false;  ///< the time changed at its end alone: a task under way may run longer or shorter
  std::optional<std::string> problem;  ///< template key of the refusal
  Values problem_values;
};

// The time an edit names, with what it leaves unnamed taken from the task: "下午3点" keeps the
// task's day, "周日" its time of day (read alone, they meant today and 09:00).
language::TimeSpan named_time(const Context& context, const Command& command, const store::Task& task) {
  language::TimeSpan said{command.start, command.end, command.time_names_day, command.time_names_clock};
  if (!task.start || !command.start) return said;
  const int offset = context.config.locale.utc_offset_seconds;
  if (said.names_clock && !said.names_day) return language::on_day_of(said, *task.start, offset);
  if (said.names_day && !said.names_clock) {
    language::TimeSpan kept = language::on_day_of({task.start, task.end, true, true}, *command.start, offset);
    if (command.end) kept.end = command.end;  // a day range names its own end
    return kept;
  }
  return said;
}

// The end a clock names for a task: on the task's day, unless that is not after its start. Then it
// is the same clock the next day, or, for a task of the evening or night and a clock the parser read
// as afternoon (1–6点 without a part of the day) or noon, that clock in the night — whichever comes
// first within twelve hours of the start ("结束时间 2点" of a task from 23:00 is 02:00, not 14:00 the
// next day: an exploratory run of an urgent night, 2026-12-06). Nothing fits: the clock as read,
// which the checks refuse ("结束时间 23点" said at 23:36 of a task from 23:00). A wait ("2小时后") is
// an instant, read as is.
std::int64_t end_after_start(const Context& context, const Command& command, const store::Task& task,
                             std::int64_t clock) {
  if (!task.start || clock > *task.start || command.time_names_day) return clock;
  constexpr std::int64_t kHalfDay = 12 * 60 * 60;
  const int offset = context.config.locale.utc_offset_seconds;
  const auto local_hour = [offset](std::int64_t at) {
    return ((at + offset) % (2 * kHalfDay) + 2 * kHalfDay) % (2 * kHalfDay) / 3600;
  };
  // Only a task of the evening or the night reads an afternoon clock as the night's: for a task
  // from 16:00, "下午3点" is 15:00 and refused, not 03:00 (the final read, 2026-12-06).
  const std::int64_t start_hour = local_hour(*task.start);
  const bool night_task = start_hour >= 18 || start_hour < 6;
  const std::int64_t hour = local_hour(clock);
  const bool flips = night_task && hour >= 12 && hour <= 18;
  std::optional<std::int64_t> best;
  for (const std::int64_t later : {flips ? kHalfDay : 2 * kHalfDay, 2 * kHalfDay}) {
    const std::int64_t candidate = clock + later;
    if (candidate > *task.start && candidate - *task.start <= kHalfDay && (!best || candidate < *best))
      best = candidate;
  }
  return best.value_or(clock);
}

void edit_time(Context& context, const Command& command, Edit& edit) {
  store::Task& task = edit.task;
  const std::optional<std::int64_t> old_start = task.start;
  const std::optional<std::int64_t> old_end = task.end;
  language::TimeSpan said = named_time(context, command, task);
  if (command.shift_minutes && command.time_is_end) {
    // "延长1小时", "缩短半小时": the end alone moves. A task with no end yet takes the length from
    // its start (a review, 2026-12-06: the whole task moved by it).
    const std::int64_t shift = std::int64_t{*command.shift_minutes} * 60;
    if (task.end) {
      said = {task.start, *task.end + shift, true, true};
    } else if (task.start && shift > 0) {
      said = {task.start, *task.start + shift, true, true};
    }
  } else if (command.shift_minutes && task.start) {
    // "推迟一小时": the whole task moves, its length kept.
    const std::int64_t shift = std::int64_t{*command.shift_minutes} * 60;
    said = {*task.start + shift, task.end ? std::optional<std::int64_t>(*task.end + shift) : std::nullopt,
            true, true};
  } else if (command.time_is_end && said.start) {
    // "结束时间 12点": the clock read is the new end, on the task's day; the start stays.
    said = {task.start, end_after_start(context, command, task, *said.start), true, true};
  }
  if (said.start) {
    task.start = said.start;
    if (said.end) {
      task.end = said.end;
    } else if (command.minutes) {
      task.end = *said.start + std::int64_t{*command.minutes} * 60;
    } else if (old_start && old_end) {
      // A new start alone moves the task and keeps its length.
      task.end = *said.start + (*old_end - *old_start);
    } else {
      task.end = std::nullopt;
    }
  } else if (command.end) {
    task.end = command.end;
  } else if (command.minutes && task.start) {
    task.end = *task.start + std::int64_t{*command.minutes} * 60;
  }
  if (task.start == old_start && task.end == old_end) return;
  edit.end_only = task.start == old_start && old_start.has_value();

  // A start left as it was may lie in the past: the task is under way and only its end moves.
  if (task.start && !edit.end_only && *task.start + kLateStartGraceSeconds < context.now) {
    edit.problem = "edit_past";
    edit.problem_values = {{"when", local_time_text(context, *task.start, context.now)}};
    return;
  }
  if (edit.end_only && task.end && *task.end <= context.now) {
    edit.problem = "edit_end_past";
    edit.problem_values = {{"when", local_time_text(context, *task.end, context.now)}};
    return;
  }
  if (task.start && task.end &&
      (*task.end <= *task.start || *task.end - *task.start > kMaxTaskMinutes * 60)) {
    edit.problem = "edit_out_of_range";
    edit.problem_values = {{"problem", context.text("edit_problem_length",
                                                    {{"max_hours", std::to_string(kMaxTaskMinutes / 60)}})}};
    return;
  }
  edit.time_changed = true;
  edit.changes.push_back(
      context.text("edit_change_time", {{"when", task_when_text(context, task, context.now)}}));
}

Edit read_edit(Context& context, const Command& command, const store::Task& current) {
  Edit edit{current, {}, false, false, std::nullopt, {}};
  store::Task& task = edit.task;
  if (command.title && *command.title != task.title) {
    task.title = *command.title;
    edit.changes.push_back(context.text("edit_change_title", {{"title", task.title}}));
  }
  if (command.place && command.place != task.place) {
    task.place = command.place;
    edit.changes.push_back(context.text("edit_change_place", {{"place", *task.place}}));
  }
  if (command.points && *command.points != task.points) {
    if (*command.points < 0 || *command.points > kMaxTaskPoints) {
      edit.problem = "edit_out_of_range";
      edit.problem_values = {
          {"problem", context.text("edit_problem_points", {{"max", std::to_string(kMaxTaskPoints)}})}};
      return edit;
    }
    task.points = *command.points;
    edit.changes.push_back(context.text("edit_change_points", {{"points", std::to_string(task.points)}}));
  }
  // "修改 1 每单元2人": places for each unit again; a plain count makes them one pool.
  std::optional<CountPerNode> per_node;
  if (const std::optional<store::OrgNode> node = context.org.node(task.node))
    per_node = count_per_node(context, command, *node);
  const std::optional<int> places = per_node ? std::optional<int>(per_node->total) : command.count;
  const std::optional<store::PlacesPerNode> places_per_node =
      per_node ? std::optional<store::PlacesPerNode>(per_node->per_node) : std::nullopt;
  if (places && (places != task.places || places_per_node != task.per_node)) {
    if (*places < kMinPlaces || *places > kMaxPlaces) {
      edit.problem = "edit_out_of_range";
      edit.problem_values = {
          {"problem", context.text("edit_problem_places", {{"min", std::to_string(kMinPlaces)},
                                                           {"max", std::to_string(kMaxPlaces)}})}};
      return edit;
    }
    task.places = places;
    task.per_node = places_per_node;
    edit.changes.push_back(context.text("edit_change_places", {{"places", std::to_string(*task.places)}}) +
                           (per_node ? per_node->note : std::string()));
  }
  edit_time(context, command, edit);
  return edit;
}

// New points for a task 验收 or 确认 has already paid someone for: what was paid stays as written, and
// the leader is told what settles the difference. The edit announced 10 points to a volunteer paid
// 0, and the next 验收 said he was paid already (an exploratory run of newcomers, 2026-12-06).
std::optional<Reply> refuse_points_paid(Context& context, const Command& command, const store::Task& task) {
  if (!command.points || *command.points == task.points) return std::nullopt;
  std::vector<std::string> names;
  for (const store::Attendance& row : context.attendance.of_task(task.id)) {
    if (row.outcome == store::AttendanceOutcome::confirmed ||
        row.outcome == store::AttendanceOutcome::vouched)
      names.push_back(display_name(context.people, row.person));
  }
  if (names.empty()) return std::nullopt;
  // A line for each person paid: one for the first alone left the others at the old points.
  const int more = *command.points - task.points;
  std::vector<std::string> lines;
  for (const std::string& name : names) {
    lines.push_back(context.text(
        more > 0 ? "edit_points_example_add" : "edit_points_example_take",
        {{"name", name}, {"points", std::to_string(more > 0 ? more : -more)}, {"title", task.title}}));
  }
  // The rest of the same edit is not made either, and says so (it read as if it had been).
  const bool more_changes = command.title || command.place || command.count || command.start || command.end ||
                            command.minutes || command.shift_minutes;
  return reply_to_sender(
      context,
      context.text("edit_points_paid",
                   {{"task", std::to_string(task.number)},
                    {"mention", mention_of(context.people, context.message.sender)},
                    {"names", join_list(context, names)},
                    {"points", std::to_string(task.points)},
                    {"example", join_list(context, lines)},
                    {"dropped", more_changes ? context.text("edit_points_other_changes_dropped") : ""}}));
}

// The signed-up people beyond the places, latest first: beyond the task's, or beyond their node's
// when the places are counted per node.
std::vector<std::string> beyond_places(Context& context, const store::Task& task,
                                       const std::vector<store::Signup>& signed_up) {
  std::vector<std::string> beyond;
  if (!task.per_node) {
    const int excess = static_cast<int>(signed_up.size()) - *task.places;
    for (int i = 0; i < excess; ++i)
      beyond.push_back(signed_up[signed_up.size() - 1 - static_cast<std::size_t>(i)].person);
    return beyond;
  }
  std::map<std::string, int> held;
  for (const store::Signup& signup : signed_up) {
    const std::optional<store::OrgNode> node = quota_node_of(context, task, signup.node);
    if (node && ++held[node->id] > task.per_node->each) beyond.push_back(signup.person);
  }
  std::reverse(beyond.begin(), beyond.end());
  return beyond;
}

// Fewer places than people signed up: the latest signups go to the head of the waitlist, keeping
// their order, so they are the first to move back up. More places: the waitlist moves up. Places
// just counted per node (`per_node_changed`) first place the signups of no node by their roles.
std::vector<Reply> fit_signups_to_places(Context& context, const store::Task& task, bool per_node_changed) {
  if (!task.places) return {};
  std::vector<Reply> replies =
      per_node_changed ? place_signups_of_no_node(context, task) : std::vector<Reply>{};
  std::vector<store::Signup> signed_up;
  std::size_t waiting = 0;
  for (const store::Signup& signup : context.signups.active(task.id)) {
    if (signup.state == store::SignupState::signed_up) signed_up.push_back(signup);
    if (signup.state == store::SignupState::waitlisted) ++waiting;
  }
  const Values common{{"task", std::to_string(task.number)},
                      {"title", task.title},
                      {"places", std::to_string(*task.places)},
                      {"when", task_when_text(context, task, context.now)}};
  const std::vector<std::string> beyond = beyond_places(context, task, signed_up);
  // Latest first, each to the head, so the earliest of them ends up first in line.
  for (const std::string& person : beyond)
    context.signups.move_to_waitlist_head(task.id, person);
  for (auto person = beyond.rbegin(); person != beyond.rend(); ++person) {
    Values values = common;
    values.emplace_back("position", std::to_string(place_in_node_line(context, task, *person)));
    replies.push_back(
        Reply{private_chat_of(*person), context.text("edit_moved_to_waitlist", values), {*person}});
  }
  // Per node, each of those waiting may find a place of their node's; pooled, the places free.
  const std::size_t free = task.per_node ? waiting
                           : signed_up.size() < static_cast<std::size_t>(*task.places)
                               ? static_cast<std::size_t>(*task.places) - signed_up.size()
                               : 0;
  for (std::size_t moved = 0; moved < free; ++moved) {
    const std::optional<store::Signup> next = next_in_line(context, task);
    if (!next) break;
    context.signups.set_state(task.id, next->person, store::SignupState::signed_up);
    replies.push_back(
        Reply{private_chat_of(next->person), context.text("edit_moved_up", common), {next->person}});
  }
  return replies;
}

}  // namespace

std::vector<Reply> handle_edit(Context& context, const Command& command) {
  TaskQuery query;
  query.intent = Intent::edit;
  query.nothing_key = "close_nothing_open";
  TaskChoice choice = choose_task(context, command, query);
  if (!choice.task) return std::move(choice.replies);
  const store::Task& current = *choice.task;
  const std::string number = std::to_string(current.number);
  const std::string mention = mention_of(context.people, context.message.sender);
  if (!may_close_task(context, context.message.sender, current)) return {no_right(context, current)};
  if (std::optional<Reply> paid = refuse_points_paid(context, command, current)) return {std::move(*paid)};
  if (current.status != store::TaskStatus::open) {
    return {reply_to_sender(
        context, context.text("task_already_closed", {{"task", number},
                                                      {"mention", mention},
                                                      {"status", status_text(context, current.status)}}))};
  }

  // "下发 1": the task sent down to the groups below, nothing of it changed.
  if (command.broadcast) return relay_task_down(context, current, command.reason);
  Edit edit = read_edit(context, command, current);
  if (edit.problem) {
    Values values{{"task", number}, {"mention", mention}};
    values.insert(values.end(), edit.problem_values.begin(), edit.problem_values.end());
    return {reply_to_sender(context, context.text(*edit.problem, values))};
  }
  if (edit.changes.empty()) {
    // "修改 1 时间 8:00-11:00" of a task already so: it is as asked, not "write what to change" (an
    // exploratory run of a snow day, 2026-12-07: the leader believed the edit misread).
    const bool said_something =
        command.start || command.end || command.minutes || command.count || command.points || command.place;
    return {reply_to_sender(context,
                            context.text(said_something ? "edit_unchanged" : "edit_nothing",
                                         {{"task", number},
                                          {"mention", mention},
                                          {"summary", task_summary_text(context, current, context.now)}}))};
  }
  // Work already done, or begun with people on site, is not moved: last week's check-ins,
  // payments and no-shows went with a task "reused" for next week (a volunteer could not check in
  // again, and one task paid two amounts). Places and points of work done would promote people its
  // close then calls no-shows.
  const bool over = task_is_over(current, context.now) || task_is_over(edit.task, context.now);
  const bool begun = current.start && context.now >= *current.start;
  // Its end alone may move while people are on site: they stay longer, or go home sooner.
  const bool held =
      edit.time_changed && !edit.end_only && begun && !context.attendance.of_task(current.id).empty();
  // Places changed once it has begun moved people while they worked: a cut sent a volunteer on site
  // to the waitlist, a raise ten minutes before the end moved someone in whom the end then made a
  // no-show.
  const bool places_held =
      begun && (edit.task.places != current.places || edit.task.per_node != current.per_node);
  if (over || held || places_held) {
    return {
        reply_to_sender(context, context.text(over   ? "edit_task_over"
                                              : held ? "edit_task_held"
                                                     : "edit_task_places_held",
                                              {{"task", number},
                                               {"mention", mention},
                                               {"when", task_when_text(context, current, context.now)}}))};
  }

  const store::Task& task = edit.task;
  // Everyone who was coming or waiting hears of the change, including those moved below.
  std::vector<std::string> told;
  std::vector<std::string> waiting;
  for (const store::Signup& signup : context.signups.active(task.id)) {
    told.push_back(signup.person);
    if (signup.state == store::SignupState::waitlisted) waiting.push_back(signup.person);
  }

  context.tasks.update_details(task);
  std::vector<Reply> moved = fit_signups_to_places(context, task, task.per_node != current.per_node);
  if (edit.time_changed) {
    cancel_task_reminder(context, task);
    schedule_task_reminder(context, task, context.now);
    cancel_attendance_jobs(context, task);
    schedule_attendance_jobs(context, task, context.now);
  }

  const Values values{{"task", number},
                      {"changes", join_list(context, edit.changes)},
                      {"summary", task_summary_text(context, task, context.now)}};
  const std::string text = context.text("edit_done", values);
  std::vector<Reply> replies{Reply{context.message.chat, text, {}}};
  for (const std::string& chat : task_chats(context, task)) {
    if (chat != context.message.chat) replies.push_back(Reply{chat, text, {}});
  }
  // Someone moved up or down hears it in one message: the note that says where they now stand,
  // and, when the edit changed more than the places (地点, 积分, 时间…), the task as it now is.
  const bool only_places =
      edit.changes.size() == 1 && (task.places != current.places || task.per_node != current.per_node);
  const std::string edit_note = context.text("edit_private", values);
  // Someone waiting for a place is told as one: "你报名的…不能来请回复「请假」" read as if they had it
  // (an exploratory run of a snow day, 2026-12-07).
  const std::string waiting_note = context.text("edit_private_waiting", values);
  const std::string also_changed = context.text("edit_also_changed", values);
  const auto was_moved = [&moved](const std::string& person) {
    return std::any_of(moved.begin(), moved.end(),
                       [&person](const Reply& note) { return note.chat == private_chat_of(person); });
  };
  for (const std::string& person : told) {
    if (was_moved(person)) continue;
    const bool waits = std::find(waiting.begin(), waiting.end(), person) != waiting.end();
    replies.push_back(Reply{private_chat_of(person), waits ? waiting_note : edit_note, {person}});
  }
  for (Reply& note : moved) {
    if (!only_places) note.text += "\n" + also_changed;
    replies.push_back(std::move(note));
  }
  return replies;
}

}  // namespace whistle::handlers
