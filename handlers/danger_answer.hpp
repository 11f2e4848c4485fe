#pragma once

#include <vector>

#include "handlers/context.hpp"

namespace whistle::handlers {

/// A resident's ticket before the ticket loop is open. A danger report (a danger word, with or
/// without 报事) said to the bot or in private is answered at once with the emergency numbers —
/// never with "not open yet"; the same words unaddressed in a group stay silent there (the group's
/// people see them; telling the leader in private comes with the ticket loop). Any other ticket is
/// answered honestly that the function is not open yet.
std::vector<Reply> handle_ticket_before_the_loop(Context& context, const Command& command);

}  // namespace whistle::handlers
