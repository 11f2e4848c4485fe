#include "handlers/task_list_lines.hpp"

#include <algorithm>

#include "handlers/people_names.hpp"
#include "handlers/places_per_node.hpp"
#include "handlers/rights.hpp"
#include "handlers/task_lookup.hpp"
#include "handlers/task_text.hpp"

namespace whistle::handlers {

std::string when_or_unset(Context& context, const store::Task& task) {
  std::string when = task_when_text(context, task, context.now);
  return when.empty() ? context.text("tasks_when_unset") : when;
}

std::string places_left_text(Context& context, const store::Task& task) {
  const std::string count = signup_count_text(context, task);
  if (!task.places) return context.text("tasks_unlimited", {{"count", count}});
  const int signed_up = context.signups.count(task.id, store::SignupState::signed_up);
  if (signed_up < *task.places) {
    return context.text("tasks_left", {{"left", std::to_string(*task.places - signed_up)}, {"count", count}});
  }
  return context.text(
      "tasks_full",
      {{"count", count},
       {"waiting", std::to_string(context.signups.count(task.id, store::SignupState::waitlisted))}});
}

std::string where_text(Context& context, const store::Task& task) {
  if (task.place) return "｜" + *task.place;
  const std::optional<store::OrgNode> node = context.org.node(task.node);
  return node ? "｜" + node->name : "";
}

std::vector<store::Task> open_here(Context& context) {
  std::vector<store::Task> tasks = context.tasks.open_in_chat(context.message.chat);
  std::erase_if(tasks, [&](const store::Task& task) { return task.end && *task.end <= context.now; });
  return tasks;
}

std::vector<store::Task> open_in_led_area(Context& context, const std::string& leader) {
  std::vector<store::Task> found;
  for (const std::string& led : context.people.nodes_with_role(leader, store::Role::leader)) {
    std::vector<store::OrgNode> area = context.org.descendants(led);
    if (const std::optional<store::OrgNode> self = context.org.node(led)) area.insert(area.begin(), *self);
    for (const store::OrgNode& node : area) {
      for (const std::string& chat : context.org.chats_of(node.id)) {
        for (store::Task& task : context.tasks.open_in_chat(chat)) {
          if (task.end && *task.end <= context.now) continue;
          if (std::none_of(found.begin(), found.end(),
                           [&](const store::Task& other) { return other.id == task.id; }))
            found.push_back(std::move(task));
        }
      }
    }
  }
  std::sort(found.begin(), found.end(),
            [](const store::Task& a, const store::Task& b) { return a.number < b.number; });
  return found;
}

std::vector<Reply> tasks_here(Context& context, const std::vector<store::Task>& tasks,
                              std::string_view header_key, std::string_view footer_key) {
  const std::string mention = mention_of(context.people, context.message.sender);
  if (tasks.empty()) return {reply_to_sender(context, context.text("tasks_none", {{"mention", mention}}))};
  std::string text =
      context.text(header_key, {{"mention", mention}, {"count", std::to_string(tasks.size())}});
  for (const store::Task& task : tasks) {
    text += '\n';
    text += context.text("tasks_line", {{"task", std::to_string(task.number)},
                                        {"title", task.title},
                                        {"when", when_or_unset(context, task)},
                                        {"where", where_text(context, task)},
                                        {"left", places_left_text(context, task)}});
  }
  text += '\n';
  text += context.text(footer_key);
  return {reply_to_sender(context, std::move(text))};
}

std::string state_text(Context& context, const store::Signup& signup) {
  if (signup.state == store::SignupState::waitlisted) {
    // The line one waits in: the unit's, when the places are counted per unit.
    const std::optional<store::Task> task = context.tasks.by_id(signup.task_id);
    const int position = task ? place_in_node_line(context, *task, signup.person)
                              : context.signups.waitlist_position(signup.task_id, signup.person);
    return context.text("my_signup_waitlisted", {{"position", std::to_string(position)}});
  }
  const std::optional<store::Attendance> row = context.attendance.find(signup.task_id, signup.person);
  // A task stays open after 验收 (flagged people may still be vouched for): the list says how the
  // person's attendance was settled rather than "checked out" for work already paid.
  if (row && row->outcome) {
    switch (*row->outcome) {
      case store::AttendanceOutcome::confirmed:
      case store::AttendanceOutcome::vouched:
        return context.text("my_signup_confirmed");
      case store::AttendanceOutcome::refused:
        return context.text("my_signup_refused");
      case store::AttendanceOutcome::no_show:
        return context.text("my_signup_no_show");
    }
  }
  if (row && row->checked_out_at) return context.text("my_signup_checked_out");
  if (row && row->checked_in_at) return context.text("my_signup_checked_in");
  return context.text("my_signup_signed_up");
}

}  // namespace whistle::handlers
