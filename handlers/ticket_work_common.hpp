#pragma once

// What the work commands (派单, 接单, 办结 ...) share: finding a ticket they may change, naming
// who has it and who may act, and the words a group reads about it.

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "handlers/context.hpp"
#include "store/tickets.hpp"

namespace whistle::handlers {

using Values = std::vector<std::pair<std::string_view, std::string>>;

/// The values every work reply can use: ticket, text, place, kind_name, mention (the sender),
/// holder, answer_by, solve_by.
Values work_values(Context& context, const store::Ticket& ticket);

/// A reply to the sender's chat, from a template filled with work_values and `more`.
Reply work_reply(Context& context, const store::Ticket& ticket, std::string_view key,
                 const Values& more = {});

/// Who has the ticket now, for people: a person's name, a responder's name, or "nobody yet".
std::string holder_text(const Services& services, const store::Ticket& ticket);

/// The reporter as a group may read it: a group report names them, a private one never does.
std::string reporter_for_group(const Services& services, const store::Ticket& ticket);

/// The ticket a command names, when it may still be worked. Otherwise empty, and `replies` holds
/// the answer: no number, no such ticket, closed, or (unless `resolved_ok`) resolved.
std::optional<store::Ticket> workable_ticket(Context& context, const Command& command,
                                             std::vector<Reply>& replies, bool resolved_ok = false);

/// The refusal naming who may `intent` the ticket: its holder (when `holder_may`) and the leaders
/// from its level upwards.
Reply no_right(Context& context, const store::Ticket& ticket, Intent intent, bool holder_may);

/// Replaces (or adds) one value.
void set_value(Values& values, std::string_view key, std::string value);

/// The people a group post about the ticket mentions: `holder` if any, and the reporter of a
/// group report.
std::vector<std::string> group_mentions(const store::Ticket& ticket,
                                        const std::optional<std::string>& holder);

/// Records an event in the ticket's history.
void record_event(Context& context, const store::Ticket& ticket, std::string kind,
                  std::optional<std::string> note = std::nullopt);

/// Marks the ticket accepted by whoever holds it now (the first accept sets the answer figures).
void mark_accepted(Context& context, store::Ticket& ticket);

/// The answer to the sender, numbers masked in a group; about a ticket reported in private (`keep_private`)
/// and asked in a group, it goes to the sender in private and the group hears only that it did.
std::vector<Reply> answer_keeping_private(Context& context, std::string text, bool keep_private);

/// Whoever held the ticket `before` and no longer does (a leader took it over, a 派单 gave it to
/// someone else) hears it in private; a responder in its chats. The sender is never told of
/// their own move.
std::vector<Reply> tell_displaced(Context& context, const store::Ticket& before, const store::Ticket& after);

/// Appends replies.
void append(std::vector<Reply>& to, std::vector<Reply> more);

}  // namespace whistle::handlers
