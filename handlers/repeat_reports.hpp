#pragma once

// A resident reporting again what they already reported and is still open: the same words (sent
// again when no answer seemed to come), or the same trouble in other words (once in the group,
// then in private).

#include <optional>
#include <string>

#include "handlers/context.hpp"

namespace whistle::handlers {

/// The reporter's own open ticket (not resolved) received at the same node with the same words,
/// spaces, punctuation and their order aside.
std::optional<store::Ticket> same_report_open(Context& context, const Command& command,
                                              const std::string& community);

/// Asked before a second ticket opens: the reporter's own open ticket (not resolved) at the same
/// node, of the same category, that holds a thing the new words name ("电梯", "灯"), reported in
/// another chat within a week. The new words are kept as an offer, so a 是 (another trouble after
/// all) opens them; the answer names the ticket. Empty when there is none.
std::optional<Reply> ask_if_same_as_open_report(Context& context, const Command& command,
                                                const std::string& community);

}  // namespace whistle::handlers
