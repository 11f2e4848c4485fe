#pragma once

// Tickets for the deadline tests, made the way intake will make them (stored, handed to a level,
// solve clock started) but through the store and ticket_flow only, so these tests do not depend on
// the intake command being there.

#include <cstdint>
#include <string>
#include <vector>

#include <string_view>

#include "config/config.hpp"
#include "config/templates.hpp"
#include "handlers/context.hpp"
#include "handlers/dispatcher.hpp"
#include "handlers/message.hpp"
#include "store/attendance.hpp"
#include "store/database.hpp"
#include "store/jobs.hpp"
#include "store/ledger.hpp"
#include "store/org.hpp"
#include "store/people.hpp"
#include "store/publications.hpp"
#include "store/redemptions.hpp"
#include "store/responders.hpp"
#include "store/rewards.hpp"
#include "store/signups.hpp"
#include "store/tasks.hpp"
#include "store/tickets.hpp"

namespace whistle::handlers::testing {

struct MadeTicket {
  store::Ticket ticket;
  std::vector<Reply> told;  ///< what assign_to_level said (the level's leader, or the responder)
};

/// A report of `urgency` at `node` by 张三 (generic:u-zhang) in that node's group at `at`:
/// created, assigned to the level (assign_to_level) and its solve clock started.
MadeTicket make_ticket(const Services& services, const std::string& node, const std::string& urgency,
                       std::int64_t at, const std::string& text = "楼道灯坏了");

/// The ticket as stored now.
store::Ticket reload(const Services& services, const store::Ticket& ticket);

/// Its holder accepts it, as 接单 will: state accepted, stage bumped (the answer jobs go stale).
void accept(const Services& services, const store::Ticket& ticket, std::int64_t at);

/// How many of the ticket's events are of `kind` ("climbed", "overdue_at_top" ...).
int events_of(const Services& services, const store::Ticket& ticket, const std::string& kind);

/// The replies sent to `chat`.
std::vector<Reply> to_chat(const std::vector<Reply>& replies, const std::string& chat);

/// A community of the test's own (config::parse_config on a TOML text, or the demo) in a fresh
/// database (":memory:", or a file a server will open later), synced, with a dispatcher: for
/// ladders the demo does not have, and for databases prepared before a real server starts.
class OwnCommunity {
 public:
  explicit OwnCommunity(config::Config config, const std::string& db_path = ":memory:");

  Services services();
  /// Runs the jobs due at `now` in a transaction, failures included.
  JobsRun run_jobs(std::int64_t now);

  store::Database db;
  config::Config config;
  config::Templates templates;
  Dispatcher dispatcher;
  store::OrgRepository org{db};
  store::PeopleRepository people{db};
  store::TaskRepository tasks{db};
  store::SignupRepository signups{db};
  store::Jobs jobs{db};
  store::AttendanceRepository attendance{db};
  store::LedgerRepository ledger{db};
  store::RewardRepository rewards{db};
  store::RedemptionRepository redemptions{db};
  store::PublicationRepository publications{db};
  store::TicketRepository tickets{db};
  store::ResponderRepository responders{db};
};

}  // namespace whistle::handlers::testing
