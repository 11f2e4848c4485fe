#include "ticket_rating_support.hpp"

#include "handlers/ticket_flow.hpp"

namespace whistle::handlers::testing {

TicketRatingTest::TicketRatingTest() = default;

store::Ticket TicketRatingTest::open_ticket(const TicketSpec& spec, std::int64_t at) {
  store::Transaction transaction(db_);
  store::Ticket ticket;
  ticket.community = "c1";
  ticket.kind = spec.kind;
  ticket.first_node = spec.node;
  ticket.node = spec.node;
  // A private report's chat is the private conversation with the reporter.
  ticket.chat = spec.in_private ? private_chat_of(spec.reporter) : spec.chat;
  ticket.reported_in_private = spec.in_private;
  ticket.reporter = spec.reporter;
  ticket.text = spec.text;
  ticket.created_at = at;
  ticket.solve_from = at;
  store::Ticket created = tickets_.create(ticket);
  const Services services = this->services();
  assign_to_level(services, created, spec.node, at);
  transaction.commit();
  return created;
}

store::Ticket TicketRatingTest::resolve(std::int64_t ticket_id, const std::string& resolver, std::int64_t at,
                                        const std::string& resolution) {
  store::Transaction transaction(db_);
  store::Ticket ticket = *tickets_.by_id(ticket_id);
  if (ticket.state != store::TicketState::accepted) {
    ticket.state = store::TicketState::accepted;
    ticket.accepted_at = at;
    if (!ticket.first_accepted_at) ticket.first_accepted_at = at;
    ++ticket.stage;
  }
  ticket.state = store::TicketState::resolved;
  ticket.resolved_by = resolver;
  ticket.resolution = resolution;
  ticket.resolved_at = at;
  if (!ticket.first_resolved_at) ticket.first_resolved_at = at;
  ++ticket.stage;
  tickets_.save(ticket);
  tickets_.add_event(ticket.id, store::TicketEvent{"resolved", resolver, resolution, at});
  jobs_.schedule_once(std::string(kTicketRateDeadline), ticket.community,
                      at + std::int64_t{config_.rules.rate_days} * 24 * kHour,
                      ticket_job_payload(ticket, ticket.stage));
  transaction.commit();
  return ticket;
}

store::Ticket TicketRatingTest::resolved_ticket(const TicketSpec& spec,
                                                const std::optional<std::string>& resolver, std::int64_t at) {
  const store::Ticket opened = open_ticket(spec, at);
  const std::string by = resolver.value_or(opened.assignee_person.value_or(""));
  return resolve(opened.id, by, at + kHour);
}

void TicketRatingTest::give_to_wuye(std::int64_t ticket_id, std::int64_t at) {
  store::Transaction transaction(db_);
  store::Ticket ticket = *tickets_.by_id(ticket_id);
  const Services services = this->services();
  give_to_responder(services, ticket, *responders_.find("wuye"), ticket.assignee_person, at);
  transaction.commit();
}

void TicketRatingTest::claim(std::int64_t ticket_id, const std::string& volunteer) {
  store::Transaction transaction(db_);
  store::Ticket ticket = *tickets_.by_id(ticket_id);
  ticket.claimed_by = volunteer;
  tickets_.save(ticket);
  transaction.commit();
}

store::Ticket TicketRatingTest::ticket(std::int64_t id) {
  std::optional<store::Ticket> found = tickets_.by_id(id);
  EXPECT_TRUE(found.has_value()) << "no ticket " << id;
  return found.value_or(store::Ticket{});
}

bool TicketRatingTest::told(const std::vector<Reply>& replies, const std::string& chat,
                            const std::string& part) {
  for (const Reply& reply : replies) {
    if (reply.chat == chat && reply.text.find(part) != std::string::npos) return true;
  }
  return false;
}

}  // namespace whistle::handlers::testing
