// 核销 and 取消兑换: how a pending redemption ends, once, with the goods or with everything given back.
#include <algorithm>
#include <string>

#include "handlers/language/intent_table.hpp"
#include "handlers/language/text_util.hpp"
#include "handlers/people_names.hpp"
#include "handlers/pickup_code.hpp"
#include "handlers/redemption.hpp"
#include "handlers/redemption_rules.hpp"
#include "handlers/task_lookup.hpp"
#include "handlers/task_text.hpp"

namespace whistle::handlers {

namespace {

using Values = std::vector<std::pair<std::string_view, std::string>>;

Values values_for(Context& context, const store::Redemption& redemption) {
  Values values = redemption_values(redemption);
  values.emplace_back("mention", sender_mention(context));
  values.emplace_back("owner", display_name(context.people, redemption.person));
  values.emplace_back("balance",
                      std::to_string(context.ledger.balance(redemption.community, redemption.person)));
  if (redemption.closed_at)
    values.emplace_back("when", local_time_text(context, *redemption.closed_at, context.now));
  return values;
}

// How long after a pickup the staff may take it back: the same day's mistake at the counter, found
// when the owner comes for goods the record says they took.
constexpr std::int64_t kPickupUndoWindow = 24 * 3600;

// Whether 撤销核销 would take this pickup back now: within a day of it, before the deadline.
bool may_undo_pickup(const Context& context, const store::Redemption& redemption) {
  return redemption.closed_at && context.now - *redemption.closed_at <= kPickupUndoWindow &&
         context.now < redemption.expires_at;
}

// A redemption that has already ended says how, so nobody hands goods out twice or waits for a
// refund that came long ago.
Reply already_ended(Context& context, const store::Redemption& redemption) {
  const char* key = "redemption_already_picked_up";
  if (redemption.status == store::RedemptionStatus::cancelled) key = "redemption_already_cancelled";
  if (redemption.status == store::RedemptionStatus::expired) key = "redemption_already_expired";
  const Values values = values_for(context, redemption);
  std::string text = context.text(key, values);
  // How a pickup that did not happen is taken back, only while 撤销核销 would take it.
  if (redemption.status == store::RedemptionStatus::picked_up && may_undo_pickup(context, redemption))
    text += context.text("pickup_undo_hint", values);
  return reply_to_sender(context, std::move(text));
}

// The redemption a typed code names in the sender's community, or the reply that says why not.
std::optional<store::Redemption> find_by_code(Context& context, const std::string& typed,
                                              std::vector<Reply>& replies) {
  const std::string code = normalized_pickup_code(typed);
  std::optional<store::Redemption> redemption = context.redemptions.by_code(*context.community, code);
  if (!redemption) {
    replies.push_back(reply_to_sender(
        context,
        context.text("redemption_not_found", {{"mention", sender_mention(context)}, {"code", code}})));
  }
  return redemption;
}

// Without a code: the person's only pending redemption, or the list to choose from, in private
// (the list holds claim codes).
std::optional<store::Redemption> own_pending(Context& context, std::vector<Reply>& replies) {
  const std::vector<store::Redemption> pending =
      context.redemptions.pending_of(*context.community, context.message.sender);
  const std::string mention = sender_mention(context);
  if (pending.size() == 1) return pending.front();
  if (pending.empty()) {
    replies.push_back(
        reply_to_sender(context, context.text("cancel_redeem_nothing", {{"mention", mention}})));
    return std::nullopt;
  }
  std::string list;
  for (const store::Redemption& redemption : pending) {
    if (!list.empty()) list += '\n';
    list += context.text("cancel_redeem_which_line", redemption_values(redemption));
  }
  const std::string& person = context.message.sender;
  replies.push_back(Reply{private_chat_of(person),
                          context.text("cancel_redeem_which", {{"mention", mention},
                                                               {"count", std::to_string(pending.size())},
                                                               {"list", list},
                                                               {"code", pending.front().code}}),
                          {person}});
  if (!context.message.is_private) {
    replies.insert(replies.begin(), reply_to_sender(context, context.text("cancel_redeem_which_sent",
                                                                          {{"mention", mention}})));
  }
  return std::nullopt;
}

// "核销 RMH7 VA7B": every code typed is its own pickup; "核销 VA 7B": one code read out in halves.
// A word that is not a code (a remark) ends the list.
std::vector<std::string> typed_codes(const Command& command) {
  std::vector<std::string> codes{*command.code};
  const std::string rest = command.reason.value_or("");
  std::size_t at = 0;
  while (at < rest.size()) {
    const std::size_t end = rest.find_first_of(" ,", at);
    const std::string_view word =
        std::string_view(rest).substr(at, end == std::string::npos ? end : end - at);
    at = end == std::string::npos ? rest.size() : end + 1;
    if (word.empty()) continue;
    const bool code_like = std::all_of(word.begin(), word.end(), [](char c) {
      return language::is_ascii_alnum(static_cast<unsigned char>(c));
    });
    // A code always holds a digit; "核销 RMH7 ok" ends in a word, not a second code. The second half
    // of a code read out in two ("VA 7B") may be letters alone.
    const bool has_digit = std::any_of(word.begin(), word.end(), [](char c) {
      return language::is_ascii_digit(static_cast<unsigned char>(c));
    });
    const bool completes_code = codes.back().size() < kPickupCodeMinLength;
    if (!code_like || (!has_digit && !completes_code)) break;
    const std::string code = normalized_pickup_code(word);
    if (codes.back().size() < kPickupCodeMinLength) {
      codes.back() += code;
    } else {
      codes.push_back(code);
    }
  }
  return codes;
}

std::vector<Reply> pick_up(Context& context, const std::string& code) {
  const std::string& staff = context.message.sender;
  std::vector<Reply> replies;
  const std::optional<store::Redemption> redemption = find_by_code(context, code, replies);
  if (!redemption) return replies;
  if (redemption->status != store::RedemptionStatus::pending) return {already_ended(context, *redemption)};

  // Its time ran out and the expiry job has not come round yet: it is expired now, as the job would
  // have made it, and the staff must not hand the goods out.
  if (context.now >= redemption->expires_at) {
    end_and_give_back(context, *redemption, store::RedemptionStatus::expired, context.now, std::nullopt);
    cancel_redemption_expiry(context, redemption->id);
    const std::optional<store::Redemption> ended = context.redemptions.by_id(redemption->id);
    return {already_ended(context, *ended), expired_notice(context, *ended)};
  }

  if (!context.redemptions.close(redemption->id, store::RedemptionStatus::picked_up, context.now, staff)) {
    return {already_ended(context, *context.redemptions.by_id(redemption->id))};
  }
  cancel_redemption_expiry(context, redemption->id);
  const store::Redemption done = *context.redemptions.by_id(redemption->id);
  const Values values = values_for(context, done);
  replies.push_back(reply_to_sender(context, context.text("pickup_done", values)));
  if (done.person != staff) {
    replies.push_back(
        Reply{private_chat_of(done.person), context.text("pickup_done_private", values), {done.person}});
  }
  return replies;
}

// "撤销核销 VA7B": the staff read the wrong code. The owner was told 已领取 and, coming for the
// goods, 东西已经领走, with no way back (an exploratory run of corrections, 2026-12-06).
bool undoes_pickup(const Command& command) {
  const std::string_view said = language::without_wrappers(command.text);  // "帮我撤销核销 K7Q2" too
  for (const std::string_view words : {"撤销核销", "取消核销", "撤回核销"}) {
    if (said.starts_with(words)) return true;
  }
  return false;
}

std::vector<Reply> undo_pickup(Context& context, const std::string& code) {
  std::vector<Reply> replies;
  const std::optional<store::Redemption> redemption = find_by_code(context, code, replies);
  if (!redemption) return replies;
  if (redemption->status == store::RedemptionStatus::pending)
    return {reply_to_sender(context,
                            context.text("pickup_undo_not_picked_up", values_for(context, *redemption)))};
  if (redemption->status != store::RedemptionStatus::picked_up) return {already_ended(context, *redemption)};
  if (!redemption->closed_at || context.now - *redemption->closed_at > kPickupUndoWindow)
    return {reply_to_sender(context, context.text("pickup_undo_too_late", values_for(context, *redemption)))};
  // Past its deadline it could only expire at once: the staff were told 恢复为待领取 with a date gone
  // by, and the owner a reminder and a refund in the same minute (a review, 2026-12-06).
  if (context.now >= redemption->expires_at)
    return {reply_to_sender(context, context.text("pickup_undo_expired", values_for(context, *redemption)))};
  if (!context.redemptions.reopen_pickup(redemption->id)) return {already_ended(context, *redemption)};
  const store::Redemption reopened = *context.redemptions.by_id(redemption->id);
  // Its deadline counts again (one already past was refused above).
  schedule_redemption_expiry(context, reopened);
  Values values = values_for(context, reopened);
  values.emplace_back("until", local_time_text(context, reopened.expires_at, context.now));
  replies.push_back(reply_to_sender(context, context.text("pickup_undone", values)));
  if (reopened.person != context.message.sender) {
    replies.push_back(Reply{
        private_chat_of(reopened.person), context.text("pickup_undone_private", values), {reopened.person}});
  }
  return replies;
}

}  // namespace

std::vector<Reply> handle_pickup(Context& context, const Command& command) {
  if (!context.community) return {redemption_no_community(context)};
  const std::string& staff = context.message.sender;
  const std::string mention = sender_mention(context);
  if (!is_staff_of(context, staff, *context.community)) {
    // "取消核销 RMH7" from its owner means 取消兑换 (a review, 2026-12-06: told only staff may 核销).
    // Only with the code: a bare one is no way to cancel one's only redemption.
    if (undoes_pickup(command) && command.code) {
      Command cancel = command;
      cancel.intent = Intent::cancel_redeem;
      return handle_cancel_redeem(context, cancel);
    }
    const std::vector<std::string> who = staff_of(context, *context.community);
    return {
        reply_to_sender(context, context.text(who.empty() ? "pickup_no_right_nobody" : "pickup_no_right",
                                              {{"mention", mention}, {"people", names_of(context, who)}}))};
  }
  if (!command.code)
    return {reply_to_sender(context, context.text("pickup_code_needed", {{"mention", mention}}))};
  std::vector<Reply> replies;
  const bool undoes = undoes_pickup(command);
  for (const std::string& code : typed_codes(command)) {
    std::vector<Reply> picked = undoes ? undo_pickup(context, code) : pick_up(context, code);
    replies.insert(replies.end(), picked.begin(), picked.end());
  }
  return replies;
}

std::optional<std::vector<Reply>> pickup_by_code_alone(Context& context, std::string_view text) {
  if (text.size() < kPickupCodeMinLength || text.size() > kPickupCodeMaxLength || !context.community)
    return std::nullopt;
  const bool alnum = std::all_of(text.begin(), text.end(), [](char c) {
    return language::is_ascii_alnum(static_cast<unsigned char>(c));
  });
  if (!alnum || !is_staff_of(context, context.message.sender, *context.community)) return std::nullopt;
  const std::string code = normalized_pickup_code(text);
  if (!context.redemptions.by_code(*context.community, code)) return std::nullopt;
  Command pickup;
  pickup.intent = Intent::pickup;
  pickup.code = code;
  pickup.text = std::string(text);
  return handle_pickup(context, pickup);
}

std::vector<Reply> handle_cancel_redeem(Context& context, const Command& command) {
  if (!context.community) return {redemption_no_community(context)};
  const std::string& person = context.message.sender;
  std::vector<Reply> replies;
  const std::optional<store::Redemption> redemption =
      command.code ? find_by_code(context, *command.code, replies) : own_pending(context, replies);
  if (!redemption) return replies;

  // The volunteer may cancel their own; the staff may cancel for them at the counter ("居民说不要了").
  const bool by_staff = redemption->person != person;
  if (by_staff && !is_staff_of(context, person, *context.community)) {
    return {
        reply_to_sender(context, context.text("cancel_redeem_not_yours", values_for(context, *redemption)))};
  }
  if (redemption->status != store::RedemptionStatus::pending) return {already_ended(context, *redemption)};

  if (!end_and_give_back(context, *redemption, store::RedemptionStatus::cancelled, context.now, person)) {
    return {already_ended(context, *context.redemptions.by_id(redemption->id))};
  }
  cancel_redemption_expiry(context, redemption->id);
  const store::Redemption done = *context.redemptions.by_id(redemption->id);
  const Values values = values_for(context, done);
  replies.push_back(reply_to_sender(
      context, context.text(by_staff ? "cancel_redeem_done_by_staff" : "cancel_redeem_done", values)));
  if (by_staff) {
    // "取消兑换 VA7B 居民说不要了": the staff's reason is the volunteer's to read too.
    const bool with_reason = command.reason && !command.reason->empty();
    Values told = values;
    if (with_reason) told.emplace_back("reason", *command.reason);
    replies.push_back(Reply{
        private_chat_of(done.person),
        context.text(with_reason ? "cancel_redeem_done_private_reason" : "cancel_redeem_done_private", told),
        {done.person}});
  }
  return replies;
}

}  // namespace whistle::handlers
