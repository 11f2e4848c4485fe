#include "handlers/bind.hpp"

#include <algorithm>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "handlers/danger_answer.hpp"
#include "handlers/people_names.hpp"
#include "handlers/place_lookup.hpp"
#include "handlers/rights.hpp"
#include "handlers/task_lookup.hpp"

namespace whistle::handlers {

namespace {

// A place for "绑定 {place}" that works when copied: the one node the sender leads, else a node of
// the org's lowest level (a unit, where most groups are).
std::string example_place(const Context& context) {
  const std::vector<store::OrgNode> led = nodes_led_by(context, context.message.sender);
  if (led.size() == 1) return led.front().name;
  std::optional<store::OrgNode> lowest;
  for (const store::OrgNode& node : context.org.all_nodes()) {
    if (!lowest || node.level > lowest->level) lowest = node;
  }
  return lowest ? lowest->name : std::string();
}

Reply answer(const Context& context, std::string_view key,
             std::vector<std::pair<std::string_view, std::string>> values = {}) {
  values.emplace_back("mention", sender_mention(context));
  return reply_to_sender(context, context.text(key, values));
}

// "Only the leaders of X and above may …", naming them nearest first.
Reply no_right(const Context& context, std::string_view key, const store::OrgNode& node) {
  const std::vector<std::string> leaders = leaders_up_from(context, node.id);
  return answer(
      context, key,
      {{"node", node.name},
       {"leaders", leaders.empty() ? context.text("bind_leaders_nobody") : names_of(context, leaders)}});
}

// The node a 绑定 names: an exact name or id anywhere in the org; a partial one ("2单元") among the
// places the sender leads, where it is usually unambiguous.
std::optional<store::OrgNode> named_node(const Context& context, const std::string& place) {
  return node_named(context, place, subtrees_of(context, nodes_led_by(context, context.message.sender)));
}

}  // namespace

std::vector<Reply> handle_bind(Context& context, const Command& command) {
  // Which group is meant is only clear inside it.
  if (context.message.is_private)
    return {answer(context, "bind_in_private", {{"place", example_place(context)}})};
  // A responder's group (物业群) is the config's, and its members work tickets there.
  if (context.responder)
    return {answer(context, "bind_responder_chat", {{"responder", context.responder->name}})};
  const std::optional<store::ChatBinding> binding = context.org.binding_of(context.message.chat);
  if (binding && !binding->bound_by && context.node) {
    return {answer(context, "bind_by_config", {{"node", context.node->name}})};
  }
  if (!command.place || command.place->empty()) {
    return {answer(context, "bind_where", {{"place", example_place(context)}})};
  }
  const std::optional<store::OrgNode> target = named_node(context, *command.place);
  if (!target) {
    return {answer(context, "bind_place_unknown",
                   {{"place", *command.place}, {"example", example_place(context)}})};
  }
  const std::string& sender = context.message.sender;
  if (!leads_node_or_above(context, sender, target->id)) return {no_right(context, "bind_no_right", *target)};
  if (context.node && context.node->id == target->id) {
    return {answer(context, "bind_already", {{"node", target->name}})};
  }
  // Moving a group away from its place takes a leader of that place too: a neighbouring unit's
  // leader must not be able to take over another unit's group.
  if (context.node && !leads_node_or_above(context, sender, context.node->id)) {
    return {no_right(context, "rebind_no_right", *context.node)};
  }
  context.org.bind_chat_at_run_time(context.message.chat, target->id, sender, context.now);
  if (context.node) {
    return {answer(context, "bind_moved", {{"old", context.node->name}, {"node", target->name}})};
  }
  return {answer(context, "bind_done", {{"node", target->name}})};
}

std::vector<Reply> handle_unbind(Context& context, const Command& /*command*/) {
  if (context.message.is_private) return {answer(context, "unbind_in_private")};
  if (context.responder)
    return {answer(context, "bind_responder_chat", {{"responder", context.responder->name}})};
  const std::optional<store::ChatBinding> binding = context.org.binding_of(context.message.chat);
  if (!binding || !context.node)
    return {answer(context, "unbind_not_bound", {{"place", example_place(context)}})};
  if (!binding->bound_by) return {answer(context, "unbind_by_config", {{"node", context.node->name}})};
  if (!leads_node_or_above(context, context.message.sender, context.node->id)) {
    return {no_right(context, "unbind_no_right", *context.node)};
  }
  // The group's open tasks carry on in the place's other groups: 活动 there lists them, and their
  // reminders and thank-yous go there (task_chats() leaves an unbound group alone).
  const std::vector<store::Task> open = context.tasks.open_in_chat(context.message.chat);
  context.org.unbind_chat_at_run_time(context.message.chat);
  for (const store::Task& task : open) {
    for (const std::string& chat : context.org.chats_of(task.node))
      context.tasks.post(task.id, chat);
  }
  // The answer says how to bind the group again, so its next line need not be told a second time.
  context.org.note_bind_hint(context.message.chat, context.now);
  std::string done = context.text(
      "unbind_done",
      {{"mention", mention_of(context.people, context.message.sender)}, {"node", context.node->name}});
  // Unbound without a word of the task its volunteers would check in to here the next morning
  // (an exploratory run of people changing, 2026-12-07: refused twice, then made 失约).
  if (!open.empty()) {
    std::string numbers;
    std::vector<std::string> places;  // the places of the groups each task's reminders go to now
    for (const store::Task& task : open) {
      numbers += (numbers.empty() ? "#" : "、#") + std::to_string(task.number);
      for (const std::string& chat : task_chats(context, task)) {
        const std::optional<store::OrgNode> node = context.org.node_of_chat(chat);
        if (node && std::find(places.begin(), places.end(), node->name) == places.end())
          places.push_back(node->name);
      }
    }
    std::string nodes;
    for (const std::string& place : places)
      nodes += (nodes.empty() ? "" : "、") + place;
    // A place with no group of its own: its volunteers carry on in private (the final read: the note
    // named a place that had no group).
    done += "\n" + (nodes.empty() ? context.text("unbind_open_tasks_private", {{"tasks", numbers}})
                                  : context.text("unbind_open_tasks", {{"tasks", numbers}, {"node", nodes}}));
  }
  return {reply_to_sender(context, std::move(done))};
}

namespace {

// What a person may go on doing in private about a task or a ticket they already hold: check in,
// withdraw, 验收, ask its progress, rate it. Whistling, reporting, the lists, points and the catalog
// are not about the group's work (a review, 2026-12-07: 积分 was told "照常办理").
bool carries_on_in_private(Intent intent) {
  switch (intent) {
    case Intent::withdraw:
    case Intent::edit:
    case Intent::check_in:
    case Intent::check_out:
    case Intent::sign_code:
    case Intent::confirm:
    case Intent::refuse:
    case Intent::finish:
    case Intent::cancel:
    case Intent::dispatch:
    case Intent::accept:
    case Intent::resolve:
    case Intent::send_back:
    case Intent::claim:
    case Intent::rate:
    case Intent::escalate:
    case Intent::close:
    case Intent::progress:
      return true;
    default:
      return false;
  }
}

}  // namespace

std::vector<Reply> answer_unknown_group(Context& context, const Command& command) {
  std::vector<Reply> replies;
  // Danger is answered with the emergency numbers wherever it is said; the binding can wait.
  if (is_danger_line(context, command)) replies.push_back(danger_now(context, command.text));
  // "签到 1", "进度 T1" in a group unbound with a task or a ticket open: the work goes on, in private
  // (an exploratory run of people changing, 2026-12-07: told only how to bind the group, then 失约).
  if (carries_on_in_private(command.intent) && !command.text.empty()) {
    replies.push_back(answer(context, "chat_unbound_in_private", {{"example", command.text}}));
    return replies;
  }
  if (context.org.note_bind_hint(context.message.chat, context.now)) {
    replies.push_back(answer(context, "bind_hint", {{"place", example_place(context)}}));
    return replies;
  }
  // Told once already: a short answer naming the community's leaders (社区书记/主任), who know which
  // group is which and may bind any of them.
  std::vector<std::string> admins;
  for (const store::OrgNode& node : context.org.all_nodes()) {
    if (node.level != 0) continue;
    for (const store::Person& person : context.people.holders(node.id, store::Role::leader)) {
      admins.push_back(person.id);
    }
  }
  if (admins.empty()) {
    replies.push_back(answer(context, "chat_unbound_nobody"));
  } else {
    replies.push_back(answer(context, "chat_unbound", {{"admins", names_of(context, admins)}}));
  }
  return replies;
}

}  // namespace whistle::handlers
