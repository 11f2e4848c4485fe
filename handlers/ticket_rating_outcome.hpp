#pragma once

// What a rating does to a resolved ticket, once the rating command has found it and checked the
// sender is its reporter: close it as satisfied, or 回炉 (reopen) it.

#include <optional>
#include <string>
#include <vector>

#include "handlers/context.hpp"
#include "store/tickets.hpp"

namespace whistle::handlers {

/// A rating of 4–5: closed as satisfied, the resolver thanked, a 微心愿's volunteer paid
/// rules.wish_points. Returns the messages to the others (not the reporter's answer).
std::vector<Reply> close_satisfied(const Context& context, store::Ticket& ticket, int score,
                                   const std::optional<std::string>& words);

/// A rating of 1–3: back to whoever resolved it as accepted with a fresh solve clock, the words
/// kept, the level's leader told; at rules.reopen_limit reopens it also climbs one level.
/// Returns the messages to the others.
std::vector<Reply> reopen_unsatisfied(const Context& context, store::Ticket& ticket, int score,
                                      const std::optional<std::string>& words);

/// Who gets a reopened ticket back, for people: the responder's name or the resolver's.
std::string resolver_name(const Services& services, const store::Ticket& ticket);

}  // namespace whistle::handlers
