// The board's ticket views: states and rates, the 12-month trend and the 回音壁.
#include "bot/board/board_views.hpp"
#include "handlers/language/private_numbers.hpp"
#include "store/board_reads.hpp"
#include "store/ticket_figures.hpp"

namespace whistle::bot::board {

namespace {

nlohmann::json optional_number(const std::optional<double>& value) {
  return value ? nlohmann::json(*value) : nlohmann::json();
}

nlohmann::json hours_or_null(const std::optional<double>& seconds) {
  if (!seconds) return nlohmann::json();
  return hours_of_seconds(*seconds);
}

}  // namespace

nlohmann::json tickets_view(store::Database& db, const store::OrgNode& node,
                            const handlers::RankingMonth& month) {
  nlohmann::json states = nlohmann::json::object();
  // Every state is named, with 0 when none is in it, so a reader sees the whole pipeline.
  for (const char* state : {"open", "assigned", "accepted", "resolved", "closed"})
    states[state] = 0;
  for (const auto& [state, count] : store::BoardReads(db).ticket_states(node.id))
    states[state] = count;
  const store::TicketFigures f = store::TicketFiguresRepository(db).of_subtree(node.id, month.from, month.to);
  return {{"node", node.id},
          {"month", month.label()},
          {"states", std::move(states)},
          {"figures",
           {{"received", f.received},
            {"accepted", f.accepted},
            {"answered_in_time", f.answered_in_time},
            {"solved", f.solved},
            {"rated", f.rated},
            {"satisfied", f.satisfied},
            {"closed", f.closed},
            {"not_rated", f.not_rated},
            {"closed_unresolved", f.closed_unresolved},
            {"reopened", f.reopened},
            {"resolved_once", f.resolved_once},
            {"sent_back_or_unresolved", f.sent_back_or_unresolved}}},
          {"rates",
           {{"response", optional_number(f.response_rate())},
            {"solve", optional_number(f.solve_rate())},
            {"satisfaction", optional_number(f.satisfaction_rate())},
            {"close", optional_number(f.close_rate())},
            {"reopen", optional_number(f.reopen_rate())},
            {"send_back", optional_number(f.send_back_rate())}}},
          {"mean_accept_hours", hours_or_null(f.mean_accept_seconds())},
          {"mean_solve_hours", hours_or_null(f.mean_solve_seconds())}};
}

nlohmann::json trend_view(store::Database& db, const store::OrgNode& node, const ViewClock& clock) {
  store::TicketFiguresRepository figures(db);
  language::YearMonth month = handlers::month_of(clock.now, clock.utc_offset_seconds);
  std::vector<handlers::RankingMonth> months;
  for (int i = 0; i < 12; ++i) {
    months.insert(months.begin(), handlers::ranking_month(month, clock.utc_offset_seconds));
    month = handlers::previous_month(month);
  }
  nlohmann::json rows = nlohmann::json::array();
  for (const handlers::RankingMonth& range : months) {
    const store::TicketFigures f = figures.of_subtree(node.id, range.from, range.to);
    rows.push_back({{"month", range.label()},
                    {"received", f.received},
                    {"solved", f.solved},
                    {"satisfaction", optional_number(f.satisfaction_rate())}});
  }
  return {{"node", node.id}, {"months", std::move(rows)}};
}

namespace {

// What the wall says of a ticket: its category, else its kind, never the resident's words. A page
// anyone can open, and the lobby screen, read "我是3单元501的孙秀英…" and "楼上302王建国家装修…" with
// only the phone masked (an exploratory run of the board, 2026-12-07): the words named the reporter
// and the neighbours complained of. The group that saw the post knows the words; the wall tells
// that it was solved, where, by whom, how fast and how it was rated.
std::string echo_summary(const store::ResolvedTicket& ticket) {
  if (ticket.category && !ticket.category->empty()) return language::mask_private_numbers(*ticket.category);
  if (ticket.kind == "help") return "求助";
  if (ticket.kind == "order") return "点单";
  if (ticket.kind == "wish") return "微心愿";
  return "报事";
}

}  // namespace

nlohmann::json echo_view(store::Database& db, const store::OrgNode& node, const Paging& paging,
                         const ViewClock& clock) {
  const store::ResolvedTicketPage page =
      store::BoardReads(db).resolved_tickets(node.id, paging.per_page, paging.offset());
  nlohmann::json tickets = nlohmann::json::array();
  for (const store::ResolvedTicket& ticket : page.tickets) {
    const std::string summary = echo_summary(ticket);
    tickets.push_back(
        {{"ref", "T" + std::to_string(ticket.number)},
         {"kind", ticket.kind},
         {"category", ticket.category ? nlohmann::json(*ticket.category) : nlohmann::json()},
         {"node", ticket.node},
         {"node_name", ticket.node_name},
         {"received", local_iso(ticket.created_at, clock.utc_offset_seconds)},
         {"resolved", local_iso(ticket.resolved_at, clock.utc_offset_seconds)},
         {"hours", hours_of_seconds(static_cast<double>(ticket.resolved_at - ticket.created_at))},
         {"rating", ticket.rating ? nlohmann::json(*ticket.rating) : nlohmann::json()},
         {"summary", summary},
         {"solved_by", ticket.solved_by.empty() ? std::string("工作人员")
                                                : language::mask_private_numbers(ticket.solved_by)}});
  }
  return {{"node", node.id}, {"page", paging.page}, {"tickets", std::move(tickets)}, {"total", page.total}};
}

}  // namespace whistle::bot::board
