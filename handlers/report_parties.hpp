#pragma once

// Who a report is about and who may read whose name in it: a leader the report complains of, and a
// reporter who asked not to be named (an exploratory run of neighbour disputes, 2026-12-07). Both
// are kept as the ticket's events at intake ("complaint", "anonymous"), since the command word that
// says them leaves the ticket's words.

#include <string>

#include "handlers/context.hpp"
#include "store/tickets.hpp"

namespace whistle::handlers {

/// Whether the report's words name the person (their name as the community knows it, two characters
/// or more).
bool report_names(const Services& services, const store::Ticket& ticket, const std::string& person);

/// Whether the report complains of the person: names them, in words of a complaint ("投诉陈单元长",
/// "陈单元长根本没来看就说不属实"); not "陈单元长让我报一下". Such a report is not theirs to
/// receive or close.
bool report_complains_of(const Services& services, const store::Ticket& ticket, const std::string& person);

/// Whether the reporter asked not to be named ("别说是我说的", "匿名反映 …"), kept as the ticket's
/// "anonymous" event at intake: whoever is sent to do the work, and a leader the report complains of,
/// read 居民 where the reporter's name would stand.
bool reporter_asked_anonymity(const Services& services, const store::Ticket& ticket);

}  // namespace whistle::handlers
