#pragma once

// A ticket someone took on (接单) and did not finish in time climbs one level to be overseen, not
// handed over: whoever has it keeps working on it, and the level above hears who has it and how
// far it got (docs/tickets.md, "Ticket deadlines").

#include <cstdint>

#include "handlers/context.hpp"
#include "handlers/ticket_flow.hpp"
#include "store/tickets.hpp"

namespace whistle::handlers {

/// The solve clock of an accepted ticket ran out: the level above (with a leader) answers for it now
/// and is told, with the holder and the latest note; the holder and the state stay, so no answer
/// window starts and nothing climbs again. With no level above it is the top's overdue notice.
ClimbResult climb_for_oversight(const Services& services, store::Ticket& ticket, std::int64_t now);

}  // namespace whistle::handlers
