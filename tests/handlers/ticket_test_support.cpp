#include "ticket_test_support.hpp"

#include "handlers/message.hpp"
#include "handlers/ticket_flow.hpp"
#include "store/database.hpp"

namespace whistle::handlers::testing {

std::string private_of(const std::string& person) {
  return private_chat_of(qualified(person));
}

bool text_has(const std::string& text, const std::string& piece) {
  return text.find(piece) != std::string::npos;
}

store::Ticket TicketTest::open_ticket(const NewTicket& spec) {
  store::Transaction transaction(db_);
  store::Ticket ticket;
  ticket.community = "c1";
  ticket.kind = spec.kind;
  ticket.urgency = spec.urgency;
  ticket.first_node = spec.node;
  ticket.node = spec.node;
  ticket.reporter = qualified(spec.reporter);
  ticket.reported_in_private = spec.in_private;
  ticket.chat = spec.in_private ? private_of(spec.reporter) : qualified(spec.node);
  ticket.text = spec.text;
  ticket.created_at = spec.at;
  ticket.solve_from = spec.at;
  ticket = tickets_.create(ticket);
  const Services services = this->services();
  tickets_.add_event(ticket.id, store::TicketEvent{"received", ticket.reporter, std::nullopt, spec.at});
  assign_to_level(services, ticket, spec.node, spec.at);
  start_solve_clock(services, ticket, spec.at);
  tickets_.save(ticket);
  transaction.commit();
  return ticket;
}

store::Ticket TicketTest::open_ticket_for_wuye(NewTicket spec) {
  store::Ticket made = open_ticket(spec);
  store::Transaction transaction(db_);
  const Services services = this->services();
  const std::optional<store::ResponderRow> wuye = responders_.find("wuye");
  EXPECT_TRUE(wuye.has_value());
  if (wuye) give_to_responder(services, made, *wuye, std::nullopt, spec.at);
  transaction.commit();
  return made;
}

namespace {

Message line_message(const std::string& chat, const std::string& sender, const std::string& name,
                     const std::string& line, const std::vector<std::string>& mentioned, std::int64_t at) {
  Message message;
  message.chat = chat;
  message.sender = qualified(sender);
  message.sender_name = name;
  message.text = line;
  message.at = at;
  for (const std::string& id : mentioned)
    message.mentions.push_back(qualified(id));
  return message;
}

}  // namespace

std::vector<Reply> TicketTest::say_line(const std::string& chat, const std::string& sender,
                                        const std::string& name, const std::string& line,
                                        const std::vector<std::string>& mentioned, std::int64_t at) {
  const Message message = line_message(qualified(chat), sender, name, line, mentioned, at);
  store::Transaction transaction(db_);
  std::vector<Reply> replies = dispatcher_.handle(message, read(line, at), at);
  transaction.commit();
  return replies;
}

std::vector<Reply> TicketTest::say_line_privately(const std::string& sender, const std::string& name,
                                                  const std::string& line,
                                                  const std::vector<std::string>& mentioned,
                                                  std::int64_t at) {
  Message message = line_message(private_of(sender), sender, name, line, mentioned, at);
  message.is_private = true;
  store::Transaction transaction(db_);
  std::vector<Reply> replies = dispatcher_.handle(message, read(line, at), at);
  transaction.commit();
  return replies;
}

store::Ticket TicketTest::ticket(std::int64_t number) {
  std::optional<store::Ticket> found = tickets_.by_number("c1", number);
  EXPECT_TRUE(found.has_value()) << "no ticket T" << number;
  return found.value_or(store::Ticket{});
}

std::vector<Reply> TicketTest::sent_to(const std::vector<Reply>& replies, const std::string& chat) {
  std::vector<Reply> to;
  for (const Reply& reply : replies) {
    if (reply.chat == chat) to.push_back(reply);
  }
  return to;
}

bool TicketTest::any_group_reply_contains(const std::vector<Reply>& replies, const std::string& text) {
  for (const Reply& reply : replies) {
    if (reply.chat.find(":@") == std::string::npos && text_has(reply.text, text)) return true;
  }
  return false;
}

bool TicketTest::job_pending(std::string_view kind, const store::Ticket& ticket, std::int64_t number) {
  return jobs_.pending(std::string(kind), ticket_job_payload(ticket, number));
}

}  // namespace whistle::handlers::testing
