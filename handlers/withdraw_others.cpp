#include "handlers/withdraw_others.hpp"

#include <algorithm>
#include <string>

#include "handlers/named_people.hpp"
#include "handlers/people_names.hpp"
#include "handlers/rights.hpp"
#include "handlers/task_lookup.hpp"
#include "handlers/task_text.hpp"
#include "handlers/waitlist.hpp"

namespace whistle::handlers {

namespace {

// The task a leader's withdrawal of others names, or the chat's one open task.
std::optional<store::Task> task_named(Context& context, const Command& command) {
  if (!context.community) return std::nullopt;
  if (command.task) return context.tasks.by_number(*context.community, *command.task);
  if (context.message.is_private) return std::nullopt;
  const std::vector<const store::ListedTask*> open = context.tasks.open_in_chat_view(context.message.chat);
  if (open.size() != 1) return std::nullopt;
  return context.tasks.by_id(open.front()->id);
}

}  // namespace

std::optional<std::vector<Reply>> withdraw_named_people(Context& context, const Command& command) {
  if (command.mentions.empty()) return std::nullopt;
  const std::optional<store::Task> task = task_named(context, command);
  if (!task || task->status != store::TaskStatus::open) return std::nullopt;
  const std::string& sender = context.message.sender;
  if (!may_close_task(context, sender, *task)) return std::nullopt;

  std::vector<std::string> holders;
  for (const store::Signup& signup : context.signups.active(task->id))
    holders.push_back(signup.person);
  std::vector<std::string> freed;
  std::vector<std::string> on_site;
  std::vector<std::string> without_place;  // named, but holding no place on the task
  std::optional<NamedPerson> unsure;       // a name several people answer to: which one is asked
  for (const NamedPerson& named : named_people(context, command, holders)) {
    if (!named.id && named.namesakes > 1 && !unsure) unsure = named;
    if (!named.id || *named.id == sender) continue;
    const std::optional<store::Signup> signup = context.signups.find(task->id, *named.id);
    if (!is_active(signup)) {
      without_place.push_back(*named.id);
      continue;
    }
    const std::optional<store::Attendance> row = context.attendance.find(task->id, *named.id);
    if (row && (row->checked_in_at || row->outcome)) {
      on_site.push_back(*named.id);
      continue;
    }
    context.signups.set_state(task->id, *named.id, store::SignupState::withdrawn);
    freed.push_back(*named.id);
  }
  if (freed.empty() && on_site.empty()) {
    if (unsure) {
      return std::vector<Reply>{reply_to_sender(
          context, context.text("adjust_refused_namesakes",
                                {{"name", unsure->typed}, {"count", std::to_string(unsure->namesakes)}}))};
    }
    // Someone named who holds no place: said so. Taken for the leader's own withdrawal, it freed the
    // leader's place (the final read, 2026-12-06).
    if (!without_place.empty()) {
      return std::vector<Reply>{reply_to_sender(
          context, context.text("withdraw_others_none", {{"task", std::to_string(task->number)},
                                                         {"mention", mention_of(context.people, sender)},
                                                         {"names", names_of(context, without_place)}}))};
    }
    return std::nullopt;
  }

  const std::string number = std::to_string(task->number);
  std::vector<Reply> moved;
  for (std::size_t i = 0; i < freed.size(); ++i) {
    std::vector<Reply> next = move_up_first_waitlisted(context, *task);
    moved.insert(moved.end(), next.begin(), next.end());
  }
  std::string text =
      freed.empty() ? std::string()
                    : context.text("withdraw_others_ok", {{"task", number},
                                                          {"mention", mention_of(context.people, sender)},
                                                          {"names", names_of(context, freed)},
                                                          {"count", signup_count_text(context, *task)}});
  if (!on_site.empty()) {
    text += context.text("withdraw_others_on_site", {{"task", number},
                                                     {"mention", mention_of(context.people, sender)},
                                                     {"names", names_of(context, on_site)}});
  }
  std::vector<Reply> replies{reply_to_sender(context, std::move(text))};
  for (const std::string& person : freed) {
    replies.push_back(
        Reply{private_chat_of(person),
              context.text("withdraw_others_private", {{"task", number},
                                                       {"title", task->title},
                                                       {"when", task_when_text(context, *task, context.now)},
                                                       {"leader", display_name(context.people, sender)}}),
              {person}});
  }
  replies.insert(replies.end(), moved.begin(), moved.end());
  return replies;
}

}  // namespace whistle::handlers
