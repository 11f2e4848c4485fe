#include "ticket_deadline_support.hpp"

#include <gtest/gtest.h>

#include <utility>

#include "handlers/ticket_flow.hpp"

namespace whistle::handlers::testing {

MadeTicket make_ticket(const Services& services, const std::string& node, const std::string& urgency,
                       std::int64_t at, const std::string& text) {
  store::Ticket draft;
  draft.community = "c1";
  draft.kind = "report";
  draft.urgency = urgency;
  draft.first_node = node;
  draft.node = node;
  draft.chat = "generic:" + node;
  draft.reporter = "generic:u-zhang";
  draft.text = text;
  draft.created_at = at;
  draft.solve_from = at;
  MadeTicket made{services.tickets.create(draft), {}};
  made.told = assign_to_level(services, made.ticket, node, at);
  start_solve_clock(services, made.ticket, at);
  services.tickets.save(made.ticket);
  return made;
}

store::Ticket reload(const Services& services, const store::Ticket& ticket) {
  std::optional<store::Ticket> stored = services.tickets.by_id(ticket.id);
  EXPECT_TRUE(stored.has_value());
  return stored.value_or(ticket);
}

void accept(const Services& services, const store::Ticket& ticket, std::int64_t at) {
  store::Ticket stored = reload(services, ticket);
  stored.state = store::TicketState::accepted;
  stored.accepted_at = at;
  if (!stored.first_accepted_at) stored.first_accepted_at = at;
  ++stored.stage;
  services.tickets.save(stored);
}

int events_of(const Services& services, const store::Ticket& ticket, const std::string& kind) {
  int count = 0;
  for (const store::TicketEvent& event : services.tickets.events(ticket.id)) {
    if (event.kind == kind) ++count;
  }
  return count;
}

std::vector<Reply> to_chat(const std::vector<Reply>& replies, const std::string& chat) {
  std::vector<Reply> found;
  for (const Reply& reply : replies) {
    if (reply.chat == chat) found.push_back(reply);
  }
  return found;
}

namespace {

store::DatabaseOptions at_path(const std::string& path) {
  store::DatabaseOptions options;
  options.path = path;
  return options;
}

}  // namespace

OwnCommunity::OwnCommunity(config::Config config_in, const std::string& db_path)
    : db(at_path(db_path)),
      config(std::move(config_in)),
      templates(config::Templates::builtin("zh-CN")),
      dispatcher(db, config, templates) {
  store::Transaction transaction(db);
  dispatcher.sync_org();
  transaction.commit();
}

Services OwnCommunity::services() {
  return Services{org,     people,      tasks,        signups, jobs,       attendance, ledger,
                  rewards, redemptions, publications, tickets, responders, config,     templates};
}

JobsRun OwnCommunity::run_jobs(std::int64_t now) {
  store::Transaction transaction(db);
  JobsRun run = dispatcher.run_due_jobs(now);
  transaction.commit();
  return run;
}

}  // namespace whistle::handlers::testing
