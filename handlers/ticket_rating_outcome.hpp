#pragma once

// What a rating does to a resolved ticket, once the rating command has found it and checked the
// sender is its reporter: close it as satisfied, or 回炉 (reopen) it.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "handlers/context.hpp"
#include "store/tickets.hpp"

namespace whistle::handlers {

/// How long after a 回炉 the reporter may say it was a mistake (a 1 star tapped for a 5).
inline constexpr std::int64_t kRatingCorrectionSeconds = 30 * 60;

/// What a satisfied rating comes after: a 办结 (the usual), or the reporter's own 回炉 of moments
/// ago, taken back.
enum class SatisfiedAfter { resolve, mistaken_reopen };

/// A rating of 4–5: closed as satisfied, the resolver thanked, a 微心愿's volunteer paid
/// rules.wish_points. After a mistaken 回炉 the reopen and its rating are taken off the counts, and
/// the resolver, a responder's chats and the level's leader, told of the 回炉, hear it is void.
/// Returns the messages to the others (not the reporter's answer).
std::vector<Reply> close_satisfied(const Context& context, store::Ticket& ticket, int score,
                                   const std::optional<std::string>& words,
                                   SatisfiedAfter after = SatisfiedAfter::resolve);

/// Whether the ticket was reopened by its reporter's unsatisfied rating within
/// kRatingCorrectionSeconds and nothing has happened to it since: a satisfied rating now corrects it.
bool reopen_taken_back_in_time(const Context& context, const store::Ticket& ticket);

/// A rating of 1–3: back to whoever resolved it as accepted with a fresh solve clock, the words
/// kept, the level's leader told; at rules.reopen_limit reopens it also climbs one level.
/// Returns the messages to the others.
std::vector<Reply> reopen_unsatisfied(const Context& context, store::Ticket& ticket, int score,
                                      const std::optional<std::string>& words);

/// Who gets a reopened ticket back, for people: the responder's name or the resolver's.
std::string resolver_name(const Services& services, const store::Ticket& ticket);

}  // namespace whistle::handlers
