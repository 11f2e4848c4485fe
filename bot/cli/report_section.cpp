#include "bot/cli/report_section.hpp"

#include "store/database.hpp"
#include "store/ledger.hpp"
#include "store/month_records.hpp"
#include "store/rankings.hpp"
#include "store/ticket_figures.hpp"

namespace whistle::bot {

ReportSection report_section(store::Database& db, const store::OrgNode& node,
                             const handlers::RankingMonth& month) {
  store::RankingRepository rankings(db);
  store::MonthRecords records(db);
  store::LedgerRepository ledger(db);
  ReportSection section;
  section.node = node;
  section.month = month.label();
  section.whole = rankings.whole(node.id, month.from, month.to);
  section.people = rankings.people(node.id, month.from, month.to);
  section.children = rankings.children(node.id, month.from, month.to);
  sort_children_for_ranking(section.children);
  section.participation = rankings.participation(node.id, month.from, month.to);
  section.ledger = records.ledger(node.id, month.from, month.to);
  section.redemptions = records.redemptions(node.id, month.from, month.to);
  section.digest = ledger.digest(node.community);
  // The ticket figures beside the volunteer figures: the node's subtree, then each child's.
  store::TicketFiguresRepository tickets(db);
  section.tickets = tickets.of_subtree(node.id, month.from, month.to);
  for (const store::NodeStanding& child : section.children)
    section.child_tickets.push_back(tickets.of_subtree(child.node, month.from, month.to));
  return section;
}

}  // namespace whistle::bot
