#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "handlers/context.hpp"
#include "handlers/numbers_listed.hpp"
#include "store/tickets.hpp"

namespace whistle::handlers {

/// The ticket a command names (`T5`, `工单5`, a bare number after a ticket verb), in the message's
/// community; with no number, a bare 接单 or 办结 means the one ticket its sender holds waiting for
/// it, if there is exactly one. When there is none, `refusal` holds the answer to send instead:
/// the number is missing, or no ticket has it.
struct TicketChoice {
  std::optional<store::Ticket> ticket;
  std::vector<Reply> refusal;
};
TicketChoice choose_ticket(Context& context, const Command& command);

/// "接单 T2 T3", "办结 T2、T3 灯换了": the tickets listed after the command's own (T-form only, so
/// "办结 T1 3楼的灯换了" lists none), and the words after them.
NumbersListed further_ticket_numbers(const Command& command);

/// The tickets listed at the start of some words ("T2 T3 物业", "T2、T3") other than `first`, and the
/// words after them; empty when none is.
NumbersListed tickets_listed(std::string_view words, std::int64_t first);

/// The tickets not closed that the sender holds, themselves or through a responder they are a
/// member of (物业's 刘师傅 holds 物业's): at most `limit` of each.
std::vector<store::Ticket> tickets_held_by_sender(Context& context, std::size_t limit);

}  // namespace whistle::handlers
