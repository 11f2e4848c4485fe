#include "handlers/waitlist.hpp"

#include <string>

#include "handlers/people_names.hpp"
#include "handlers/places_per_node.hpp"
#include "handlers/task_lookup.hpp"
#include "handlers/task_text.hpp"
#include "handlers/ticket_clock.hpp"

namespace whistle::handlers {

namespace {

using Values = std::vector<std::pair<std::string_view, std::string>>;

}  // namespace

bool is_active(const std::optional<store::Signup>& signup) {
  return signup && signup->state != store::SignupState::withdrawn;
}

bool is_full(const Services& services, const store::Task& task) {
  return task.places && services.signups.count(task.id, store::SignupState::signed_up) >= *task.places;
}

std::vector<Reply> move_up_first_waitlisted(Context& context, const store::Task& task) {
  if (is_full(context, task)) return {};
  const std::optional<store::Signup> next = next_in_line(context, task);
  if (!next) return {};
  context.signups.set_state(task.id, next->person, store::SignupState::signed_up);

  // Announced where the person moving up reported in: a 下发 task's waitlist spans the groups of
  // many units, and the one who withdrew may be in another. Else the task's own group.
  const std::string group = chat_of_signup(context, next->node, task_chats(context, task));
  const Values values{{"task", std::to_string(task.number)},
                      {"mention", mention_of(context.people, next->person)},
                      {"title", task.title},
                      {"when", task_when_text(context, task, context.now)},
                      {"count", signup_count_text(context, task)}};
  Reply in_private{private_chat_of(next->person), context.text("moved_up_private", values), {next->person}};
  // At night the private word is enough: a group post at 22:30 @-mentioning them woke the group.
  const bool night =
      in_quiet_hours(context.now, context.config.rules.quiet_hours, context.config.locale.utc_offset_seconds);
  if (group.empty() || night) return {std::move(in_private)};
  return {Reply{group, context.text("moved_up_group", values), {next->person}}, std::move(in_private)};
}

}  // namespace whistle::handlers
