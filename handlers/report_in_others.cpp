#include "handlers/report_in_others.hpp"

#include <algorithm>
#include <string>

#include "handlers/named_people.hpp"
#include "handlers/people_names.hpp"
#include "handlers/places_per_node.hpp"
#include "handlers/rights.hpp"
#include "handlers/sign_up.hpp"
#include "handlers/task_lookup.hpp"
#include "handlers/task_text.hpp"
#include "handlers/waitlist.hpp"

namespace whistle::handlers {

namespace {

bool contains(const std::vector<std::string>& list, const std::string& item) {
  return std::find(list.begin(), list.end(), item) != list.end();
}

// "@冯单元长 @何大爷 报到 1": a line whose leading mentions name the sender among others lists the
// people who go (the leader's own name is no way to address anyone). Read from the platform's ids.
std::vector<NamedPerson> listed_with_sender(Context& context) {
  const std::vector<std::string>& ids = context.message.mentions;
  if (ids.size() < 2 || !contains(ids, context.message.sender)) return {};
  std::vector<NamedPerson> listed;
  for (const std::string& id : ids)
    listed.push_back(NamedPerson{display_name(context.people, id), id, 1});
  return listed;
}

std::string mentions_text(Context& context, const std::vector<std::string>& ids) {
  std::string text;
  for (const std::string& id : ids) {
    if (!text.empty()) text += ' ';
    text += mention_of(context.people, id);
  }
  return text;
}

}  // namespace

std::optional<std::vector<Reply>> report_in_named_people(Context& context, const Command& command,
                                                         const store::Task& task) {
  const std::string& sender = context.message.sender;
  const std::string number = std::to_string(task.number);
  // "代报 1" naming nobody.
  if (command.on_behalf && command.mentions.empty()) {
    return std::vector<Reply>{reply_to_sender(
        context, context.text("report_in_others_whom",
                              {{"task", number}, {"mention", mention_of(context.people, sender)}}))};
  }
  const bool runs_it = may_close_task(context, sender, task) || runs_task_below(context, sender, task);
  // A volunteer's "报到 1 @陈单元长" is their own report-in: nothing more is read for it (the final read
  // of stop 65: names and rights were looked up on the report-in path and thrown away).
  if (!runs_it && !command.on_behalf) return std::nullopt;
  const std::string mention = mention_of(context.people, sender);
  std::vector<NamedPerson> named;
  bool listing = false;
  if (!command.mentions.empty()) {
    named = named_people(context, command);
  } else if (runs_it) {
    named = listed_with_sender(context);
    listing = !named.empty();
  }
  // The sender and the task's leaders named after a report-in are whom it is told to ("报到 1
  // @陈单元长"), unless the leader lists themself among those who go or asks it for them ("帮@钱楼栋长
  // 报个名").
  std::erase_if(named, [&](const NamedPerson& person) {
    if (!person.id || listing) return false;
    if (*person.id == sender) return true;
    return !command.on_behalf && may_close_task(context, *person.id, task);
  });
  const bool others = std::any_of(named.begin(), named.end(), [&](const NamedPerson& person) {
    return !person.id || *person.id != sender;
  });
  if (!others) return std::nullopt;

  if (!runs_it) {
    // Only what was asked for someone else refuses; "报到 1 @刘阿姨" from a neighbour is their own
    // report-in, told to her.
    if (!command.on_behalf) return std::nullopt;
    std::vector<std::string> ids;
    std::vector<std::string> typed;
    for (const NamedPerson& person : named) {
      if (person.id) ids.push_back(*person.id);
      typed.push_back(person.id ? mention_of(context.people, *person.id) : person.typed);
    }
    Reply reply = reply_to_sender(
        context,
        context.text("report_in_for_someone",
                     {{"task", number}, {"mention", mention}, {"names", join_list(context, typed)}}));
    for (const std::string& id : ids) {
      if (!contains(reply.mentions, id)) reply.mentions.push_back(id);
    }
    return std::vector<Reply>{std::move(reply)};
  }

  std::vector<std::string> signed_up, waitlisted, already, no_node, unknown;
  std::vector<NamedPerson> unsure;  // a name several people answer to: which one is asked
  for (const NamedPerson& person : named) {
    if (!person.id) {
      if (person.namesakes > 1)
        unsure.push_back(person);
      else
        unknown.push_back(person.typed);
      continue;
    }
    if (contains(signed_up, *person.id) || contains(waitlisted, *person.id) || contains(already, *person.id))
      continue;
    if (is_active(context.signups.find(task.id, *person.id))) {
      already.push_back(*person.id);
      continue;
    }
    const Placement placement = place_person(context, task, *person.id, *person.id != sender);
    if (!placement.placed)
      no_node.push_back(*person.id);
    else
      (placement.waitlisted ? waitlisted : signed_up).push_back(*person.id);
  }

  std::string text = context.text("report_in_others_ok", {{"task", number},
                                                          {"mention", mention},
                                                          {"names", mentions_text(context, signed_up)},
                                                          {"count", signup_count_text(context, task)}});
  if (signed_up.empty())
    text = context.text("report_in_others_heading", {{"task", number}, {"mention", mention}});
  if (!waitlisted.empty())
    text += context.text("report_in_others_waitlisted", {{"names", mentions_text(context, waitlisted)}});
  if (!already.empty())
    text += context.text("report_in_others_already", {{"names", names_of(context, already)}});
  if (!no_node.empty()) {
    text += context.text("report_in_others_no_node", {{"names", names_of(context, no_node)},
                                                      {"level", level_name(context, task.per_node->level)}});
  }
  if (!unknown.empty()) {
    text +=
        context.text("report_in_others_unknown", {{"task", number}, {"names", join_list(context, unknown)}});
  }
  // Each namesake said, whatever else was done (the final read of stop 65: a second name several
  // people answer to was dropped unsaid, and the leader believed her on the rota).
  for (const NamedPerson& person : unsure) {
    text +=
        context.text("report_in_others_namesakes",
                     {{"task", number}, {"name", person.typed}, {"count", std::to_string(person.namesakes)}});
  }

  Reply answer = reply_to_sender(context, std::move(text));
  for (const std::vector<std::string>* list : {&signed_up, &waitlisted}) {
    for (const std::string& id : *list) {
      if (!contains(answer.mentions, id)) answer.mentions.push_back(id);
    }
  }
  std::vector<Reply> replies{std::move(answer)};
  const std::string leader = display_name(context.people, sender);
  for (const std::vector<std::string>* list : {&signed_up, &waitlisted}) {
    for (const std::string& id : *list) {
      if (id == sender) continue;
      replies.push_back(Reply{
          private_chat_of(id),
          context.text(list == &signed_up ? "report_in_others_private" : "report_in_others_private_waiting",
                       {{"task", number},
                        {"title", task.title},
                        {"when", task_when_text(context, task, context.now)},
                        {"leader", leader}}),
          {id}});
    }
  }
  return replies;
}

}  // namespace whistle::handlers
