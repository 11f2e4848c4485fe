#include "handlers/signups_by_place.hpp"

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "handlers/ledger_scope.hpp"
#include "handlers/people_names.hpp"
#include "handlers/places_per_node.hpp"
#include "handlers/task_list_lines.hpp"
#include "handlers/task_lookup.hpp"
#include "handlers/task_text.hpp"

namespace whistle::handlers {

namespace {

// The node of `level` a sign-up counts for: the one at or above the node reported in, else (reported
// in above that level, or in private) the one the person's roles name; empty when neither is.
std::optional<std::string> counted_for(Context& context, const store::Task& task, const store::Signup& signup,
                                       int level, const std::vector<store::OrgNode>& places) {
  const auto place_among = [&](const std::string& node) -> std::optional<std::string> {
    for (const store::OrgNode& up : context.org.ancestors_and_self(node)) {
      if (up.level != level) continue;
      if (std::any_of(places.begin(), places.end(),
                      [&](const store::OrgNode& place) { return place.id == up.id; }))
        return up.id;
    }
    return std::nullopt;
  };
  if (auto place = place_among(signup.node.value_or(task.node))) return place;
  for (const std::string& node : nodes_of_person(context, signup.person)) {
    if (auto place = place_among(node)) return place;
  }
  return std::nullopt;
}

}  // namespace

std::optional<Reply> signups_by_place(Context& context, const store::OrgNode& node, int level,
                                      bool missing_only) {
  if (node.level >= level) return std::nullopt;
  std::vector<store::OrgNode> places = context.org.descendants(node.id);
  std::erase_if(places, [&](const store::OrgNode& place) { return place.level != level; });
  if (places.empty()) return std::nullopt;
  // The tasks open at this group's place or above it, and those of the area below it whose places a
  // node of that level can fill.
  std::vector<store::Task> tasks = open_in_led_area(context, context.message.sender);
  const std::vector<store::OrgNode> above = context.org.ancestors_and_self(node.id);
  // The community's task, asked of by a building's leader: their own people's part of it.
  for (const store::OrgNode& up : above) {
    for (const std::string& chat : context.org.chats_of(up.id)) {
      for (store::Task& task : context.tasks.open_in_chat(chat)) {
        if (task_is_over(task, context.now) ||
            std::any_of(tasks.begin(), tasks.end(),
                        [&](const store::Task& known) { return known.id == task.id; }))
          continue;
        tasks.push_back(std::move(task));
      }
    }
  }
  std::erase_if(tasks, [&](const store::Task& task) {
    const std::optional<store::OrgNode> at = context.org.node(task.node);
    if (!at || at->level >= level) return true;
    const bool over_us =
        std::any_of(above.begin(), above.end(), [&](const store::OrgNode& up) { return up.id == at->id; });
    const std::vector<store::OrgNode> ours = context.org.ancestors_and_self(at->id);
    const bool under_us =
        std::any_of(ours.begin(), ours.end(), [&](const store::OrgNode& up) { return up.id == node.id; });
    return !over_us && !under_us;
  });
  if (tasks.empty()) return std::nullopt;
  const std::string level_word = level_name(context, level);
  std::string text = context.text(missing_only ? "signups_missing_header" : "signups_by_place_header",
                                  {{"mention", mention_of(context.people, context.message.sender)},
                                   {"node", node.name},
                                   {"level", level_word}});
  for (const store::Task& task : tasks) {
    std::map<std::string, int> counted;
    int elsewhere = 0;
    for (const store::Signup& signup : context.signups.active(task.id)) {
      if (signup.state != store::SignupState::signed_up) continue;
      if (const std::optional<std::string> place = counted_for(context, task, signup, level, places))
        ++counted[*place];
      else
        ++elsewhere;
    }
    std::vector<std::string> parts;
    for (const store::OrgNode& place : places) {
      const int count = counted.count(place.id) ? counted[place.id] : 0;
      if (missing_only && count > 0) continue;
      parts.push_back(missing_only ? place.name
                                   : context.text("signups_place_count",
                                                  {{"place", place.name}, {"count", std::to_string(count)}}));
    }
    // Below the community, someone of no place here may as well be another building's.
    if (!missing_only && elsewhere > 0 && node.parent.empty())
      parts.push_back(context.text("signups_place_elsewhere", {{"count", std::to_string(elsewhere)}}));
    text += '\n';
    text += context.text(
        "signups_task_line",
        {{"task", std::to_string(task.number)},
         {"title", task.title},
         {"when", when_or_unset(context, task)},
         {"count", signup_count_text(context, task)},
         {"places", parts.empty() ? context.text(missing_only ? "signups_none_missing" : "task_state_nobody")
                                  : join_list(context, parts)}});
  }
  return reply_to_sender(context, std::move(text));
}

}  // namespace whistle::handlers
