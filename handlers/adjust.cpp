#include "handlers/adjust.hpp"

#include <algorithm>
#include <cstdlib>
#include <string>

#include "handlers/addressing.hpp"
#include "handlers/ledger_scope.hpp"
#include "handlers/named_people.hpp"
#include "handlers/people_names.hpp"
#include "handlers/task_lookup.hpp"

namespace whistle::handlers {

namespace {

// One adjustment is a leader's judgement, not a payroll: a figure beyond this is a typing slip
// (an extra zero) far more often than a deliberate award.
constexpr int kMaxAdjustPoints = 1000;

struct Done {
  std::string person;
  std::int64_t balance = 0;
};

std::string signed_points(int points) {
  return (points > 0 ? "+" : "") + std::to_string(points);
}

// Why one person named was not adjusted, as one line for the leader.
std::string refusal(Context& context, const std::string& person, const PersonScope& scope) {
  const std::string name = display_name(context.people, person);
  if (!scope.owner) return context.text("adjust_refused_where", {{"name", name}});
  const std::optional<store::OrgNode> owner = context.org.node(*scope.owner);
  return context.text(scope.leaders.empty() ? "adjust_refused_right_nobody" : "adjust_refused_right",
                      {{"name", name},
                       {"node", owner ? owner->name : *scope.owner},
                       {"leaders", names_of(context, scope.leaders)}});
}

}  // namespace

std::vector<Reply> handle_adjust(Context& context, const Command& command) {
  const std::string mention = mention_of(context.people, context.message.sender);
  const std::string example = context.text("example_adjust");
  auto answer = [&](std::string_view key, std::vector<std::pair<std::string_view, std::string>> values = {}) {
    values.emplace_back("mention", mention);
    values.emplace_back("example", example);
    return std::vector<Reply>{reply_to_sender(context, context.text(key, values))};
  };

  if (!context.community) return answer("adjust_community_unknown");
  // Two people's amounts in one line: which reason and which amount is whose is a guess, so nobody
  // is paid and the leader is asked to send one a line (it had paid the first amount to both).
  if (command.several_amounts) return answer("adjust_one_per_line");
  const std::vector<NamedPerson> named = named_people(context, command);
  if (named.empty()) return answer("adjust_who");
  // A name typed without an '@' is never acted on: "孩子数学加5分" is a school's points, "迟到扣2分，大家
  // 注意" a rule told, a resident's "张三加5分…" a suggestion, and a leader's "刘阿姨扣3分我不同意" or
  // "张三加5分了，刘阿姨没加" a remark — each moved points in a first draft (reviews and a final read,
  // 2026-12-07). A leader who may adjust the one person known is shown the command with the '@' to
  // send; among neighbours anything else is silence, and said to the bot it is answered below.
  if (command.text.find('@') == std::string::npos) {
    const std::optional<std::string> person = named.size() == 1 ? named.front().id : std::nullopt;
    const bool valid =
        command.points && *command.points != 0 && std::abs(*command.points) <= kMaxAdjustPoints;
    if (person && *person != context.message.sender && valid &&
        scope_of_person(context, context.message.sender, *person, context.node).allowed) {
      const int asked = *command.points;
      const std::string reason = command.reason.value_or("");
      return answer(
          asked > 0 ? "adjust_typed_confirm_add" : "adjust_typed_confirm_deduct",
          {{"name", named.front().typed},
           {"points", std::to_string(std::abs(asked))},
           {"command", context.text(asked > 0 ? "adjust_typed_command_add" : "adjust_typed_command_deduct",
                                    {{"name", named.front().typed},
                                     {"points", std::to_string(std::abs(asked))},
                                     {"reason", reason.empty() ? context.text("adjust_typed_reason_blank")
                                                               : reason}})}});
    }
    if (!spoken_to_the_bot(context.message, command)) return {};
  }
  if (!command.points || *command.points == 0) return answer("adjust_points_missing");
  const int points = *command.points;
  if (std::abs(points) > kMaxAdjustPoints) {
    return answer("adjust_too_many",
                  {{"points", std::to_string(std::abs(points))}, {"max", std::to_string(kMaxAdjustPoints)}});
  }
  // A reason is what makes an adjustment answerable later: the ledger keeps it for good.
  if (!command.reason || command.reason->empty()) return answer("adjust_reason_missing");
  const std::string& reason = *command.reason;

  std::vector<Done> done;
  std::vector<std::string> refused;
  for (const NamedPerson& one : named) {
    if (!one.id) {
      refused.push_back(
          context.text(one.namesakes > 1 ? "adjust_refused_namesakes" : "adjust_refused_unknown",
                       {{"name", one.typed}, {"count", std::to_string(one.namesakes)}}));
      continue;
    }
    const std::string& person = *one.id;
    if (person == context.message.sender) {
      refused.push_back(context.text("adjust_refused_self"));
      continue;
    }
    const PersonScope scope = scope_of_person(context, context.message.sender, person, context.node);
    if (!scope.allowed || !scope.node) {
      refused.push_back(refusal(context, person, scope));
      continue;
    }
    const std::int64_t balance = context.ledger.balance(*context.community, person);
    if (balance + points < 0) {
      // A balance is the person's own business: a group hears only that it is not enough.
      refused.push_back(context.text(
          context.message.is_private ? "adjust_refused_below_zero" : "adjust_refused_below_zero_group",
          {{"name", display_name(context.people, person)},
           {"balance", std::to_string(balance)},
           {"points", std::to_string(-points)}}));
      continue;
    }
    context.ledger.append(store::NewLedgerEntry{.community = *context.community,
                                                .person = person,
                                                .points = points,
                                                .minutes = 0,
                                                .kind = store::LedgerKind::adjust,
                                                .node = scope.node,
                                                .task_id = std::nullopt,
                                                .author = context.message.sender,
                                                .reason = reason,
                                                .at = context.now});
    done.push_back(Done{person, balance + points});
  }

  const std::string verb = context.text(points > 0 ? "adjust_verb_add" : "adjust_verb_deduct");
  const std::string leader = display_name(context.people, context.message.sender);
  std::vector<Reply> replies;
  std::string text;
  // The leader is named, not @-mentioned, in their own confirmation: only a refusal speaks to them.
  std::vector<std::string> mentions;
  if (!done.empty()) {
    std::vector<std::string> items;
    for (const Done& one : done) {
      items.push_back(context.text(context.message.is_private ? "adjust_done_item" : "adjust_done_item_group",
                                   {{"mention", mention_of(context.people, one.person)},
                                    {"points", signed_points(points)},
                                    {"balance", std::to_string(one.balance)}}));
      mentions.push_back(one.person);
    }
    text = context.text(
        "adjust_done",
        {{"leader", leader}, {"verb", verb}, {"people", join_list(context, items)}, {"reason", reason}});
  }
  for (const std::string& line : refused) {
    if (!text.empty()) text += '\n';
    text += context.text("adjust_refused_line", {{"mention", mention}, {"line", line}});
  }
  if (!refused.empty()) mentions.insert(mentions.begin(), context.message.sender);
  replies.push_back(Reply{context.message.chat, text, mentions});
  // Said in private, the adjustment would pass unseen: each person is told in private.
  if (context.message.is_private) {
    for (const Done& one : done) {
      if (one.person == context.message.sender) continue;
      replies.push_back(Reply{private_chat_of(one.person),
                              context.text("adjust_private", {{"leader", leader},
                                                              {"verb", verb},
                                                              {"points", std::to_string(std::abs(points))},
                                                              {"reason", reason},
                                                              {"balance", std::to_string(one.balance)}}),
                              {one.person}});
    }
  }
  return replies;
}

}  // namespace whistle::handlers
