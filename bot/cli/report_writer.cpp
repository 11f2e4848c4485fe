#include "bot/cli/report_writer.hpp"

#include <algorithm>
#include <cstdio>
#include <optional>
#include <ostream>
#include <variant>

#include <nlohmann/json.hpp>

#include "handlers/language/command_json.hpp"

namespace whistle::bot {

namespace {

// A cell keeps its type to the end, so CSV writes numbers bare and guards only text.
using Cell = std::variant<std::string, std::int64_t, double>;

struct Table {
  std::string title;
  std::vector<std::string> headers;
  std::vector<std::vector<Cell>> rows;
};

double hours_of(std::int64_t minutes) {
  return static_cast<double>(minutes) / 60.0;
}

// part ÷ whole, or nothing when there is no whole to judge: a month nobody signed up in has no
// 报到参与率 rather than 0 %, which officials read as a failure (the ticket rates' rule).
std::optional<double> ratio(std::int64_t part, std::int64_t whole) {
  if (whole == 0) return std::nullopt;
  return static_cast<double>(part) / static_cast<double>(whole);
}

double average(const store::NodeStanding& standing) {
  return standing.active == 0 ? 0.0
                              : static_cast<double>(standing.points) / static_cast<double>(standing.active);
}

// A ticket rate as a percentage for md and CSV (as the participation rates are); no tickets to judge
// is shown as the template's dash, not as 0 %.
Cell rate_cell(const std::optional<double>& rate, const std::string& none) {
  if (!rate) return none;
  return 100.0 * *rate;
}

nlohmann::ordered_json json_rate(const std::optional<double>& rate) {
  return rate ? nlohmann::ordered_json(*rate) : nlohmann::ordered_json(nullptr);
}

// A mean time in hours, or the dash when nothing was accepted or solved.
Cell hours_cell(const std::optional<double>& seconds, const std::string& none) {
  if (!seconds) return none;
  return *seconds / 3600.0;
}

std::string number_text(double value) {
  char buffer[48];
  std::snprintf(buffer, sizeof buffer, "%.2f", value);
  return buffer;
}

std::string shown_name(const std::string& name, const std::string& person) {
  if (!name.empty()) return name;
  const std::size_t colon = person.find(':');
  return colon == std::string::npos ? person : person.substr(colon + 1);
}

class Labels {
 public:
  explicit Labels(const ReportStyle& style) : style_(style) {}
  std::string operator()(std::string_view key) const { return style_.templates.render(key); }
  // A stored identifier ("adjust", "picked_up") shown in the officials' words when a template has one.
  std::string word(std::string_view prefix, const std::string& value) const {
    const std::string key = std::string(prefix) + value;
    return style_.templates.has(key) ? style_.templates.render(key) : value;
  }
  std::string time(std::int64_t at) const {
    return language::format_local_time(at, style_.utc_offset_seconds);
  }
  std::string title(const ReportSection& section) const {
    return style_.templates.render("report_title", {{"node", section.node.name}, {"month", section.month}});
  }
  std::string digest(const ReportSection& section) const {
    return style_.templates.render("report_digest", {{"digest", section.digest.hash},
                                                     {"entries", std::to_string(section.digest.entries)}});
  }

 private:
  const ReportStyle& style_;
};

std::vector<Table> tables_of(const ReportSection& section, const Labels& label) {
  std::vector<Table> tables;

  const store::Participation& p = section.participation;
  tables.push_back(Table{label("report_summary"),
                         {label("report_col_metric"), label("report_col_value")},
                         {{label("report_total_points"), section.whole.points},
                          {label("report_total_hours"), hours_of(section.whole.minutes)},
                          {label("report_active"), section.whole.active},
                          {label("report_signed_up"), p.signed_up},
                          {label("report_confirmed"), p.confirmed},
                          {label("report_no_shows"), p.no_shows},
                          {label("report_participation_rate"),
                           rate_cell(ratio(p.confirmed, p.signed_up), label("report_ticket_no_rate"))},
                          {label("report_no_show_rate"),
                           rate_cell(ratio(p.no_shows, p.signed_up), label("report_ticket_no_rate"))}}});

  const store::TicketFigures& t = section.tickets;
  const std::string none = label("report_ticket_no_rate");
  tables.push_back(Table{label("report_tickets"),
                         {label("report_col_metric"), label("report_col_value")},
                         {{label("report_ticket_received"), t.received},
                          {label("report_ticket_answered_in_time"), t.answered_in_time},
                          {label("report_ticket_solved"), t.solved},
                          {label("report_ticket_rated"), t.rated},
                          {label("report_ticket_satisfied"), t.satisfied},
                          {label("report_ticket_closed"), t.closed},
                          {label("report_ticket_not_rated"), t.not_rated},
                          {label("report_ticket_closed_unresolved"), t.closed_unresolved},
                          {label("report_ticket_reopened"), t.reopened},
                          {label("report_ticket_resolved_once"), t.resolved_once},
                          {label("report_ticket_sent_back"), t.sent_back_or_unresolved},
                          {label("report_ticket_response_rate"), rate_cell(t.response_rate(), none)},
                          {label("report_ticket_solve_rate"), rate_cell(t.solve_rate(), none)},
                          {label("report_ticket_satisfaction_rate"), rate_cell(t.satisfaction_rate(), none)},
                          {label("report_ticket_close_rate"), rate_cell(t.close_rate(), none)},
                          {label("report_ticket_reopen_rate"), rate_cell(t.reopen_rate(), none)},
                          {label("report_ticket_send_back_rate"), rate_cell(t.send_back_rate(), none)},
                          {label("report_ticket_mean_accept"), hours_cell(t.mean_accept_seconds(), none)},
                          {label("report_ticket_mean_solve"), hours_cell(t.mean_solve_seconds(), none)}}});

  Table people{label("report_people"),
               {label("report_col_rank"), label("report_col_name"), label("report_col_person"),
                label("report_col_points"), label("report_col_hours")},
               {}};
  std::int64_t rank = 0;
  for (std::size_t i = 0; i < section.people.size(); ++i) {
    const store::PersonStanding& person = section.people[i];
    if (i == 0 || person.points != section.people[i - 1].points) rank = static_cast<std::int64_t>(i) + 1;
    people.rows.push_back({rank, shown_name(person.name, person.person), person.person, person.points,
                           hours_of(person.minutes)});
  }
  tables.push_back(std::move(people));

  if (!section.children.empty()) {
    Table children{label("report_children"),
                   {label("report_col_rank"), label("report_col_node"), label("report_col_node_name"),
                    label("report_col_average"), label("report_col_active"), label("report_col_points"),
                    label("report_col_hours"), label("report_col_total_rank")},
                   {}};
    std::int64_t child_rank = 0;
    for (std::size_t i = 0; i < section.children.size(); ++i) {
      const store::NodeStanding& child = section.children[i];
      const store::NodeStanding* before = i == 0 ? nullptr : &section.children[i - 1];
      if (!before || average(child) != average(*before) || child.points != before->points)
        child_rank = static_cast<std::int64_t>(i) + 1;
      std::int64_t total_rank = 1;
      for (const store::NodeStanding& other : section.children)
        total_rank += other.points > child.points ? 1 : 0;
      children.rows.push_back({child_rank, child.node, child.name, average(child), child.active, child.points,
                               hours_of(child.minutes), total_rank});
    }
    tables.push_back(std::move(children));

    Table child_tickets{
        label("report_child_tickets"),
        {label("report_col_node"), label("report_col_node_name"), label("report_ticket_received"),
         label("report_ticket_response_rate"), label("report_ticket_solve_rate"),
         label("report_ticket_satisfaction_rate"), label("report_ticket_close_rate"),
         label("report_ticket_reopen_rate"), label("report_ticket_send_back_rate")},
        {}};
    for (std::size_t i = 0; i < section.children.size() && i < section.child_tickets.size(); ++i) {
      const store::TicketFigures& c = section.child_tickets[i];
      child_tickets.rows.push_back({section.children[i].node, section.children[i].name, c.received,
                                    rate_cell(c.response_rate(), none), rate_cell(c.solve_rate(), none),
                                    rate_cell(c.satisfaction_rate(), none), rate_cell(c.close_rate(), none),
                                    rate_cell(c.reopen_rate(), none), rate_cell(c.send_back_rate(), none)});
    }
    tables.push_back(std::move(child_tickets));
  }

  Table ledger{label("report_ledger"),
               {label("report_col_id"), label("report_col_time"), label("report_col_name"),
                label("report_col_person"), label("report_col_kind"), label("report_col_points"),
                label("report_col_minutes"), label("report_col_node"), label("report_col_task"),
                label("report_col_author"), label("report_col_reason")},
               {}};
  for (const store::LedgerLine& line : section.ledger) {
    ledger.rows.push_back(
        {line.id, label.time(line.at), shown_name(line.name, line.person), line.person,
         label.word("report_kind_", line.kind), line.points, line.minutes, line.node.value_or(""),
         line.task_number ? Cell{"#" + std::to_string(*line.task_number)} : Cell{std::string()},
         line.author.value_or(""), line.reason});
  }
  tables.push_back(std::move(ledger));

  Table redemptions{label("report_redemptions"),
                    {label("report_col_id"), label("report_col_time"), label("report_col_name"),
                     label("report_col_person"), label("report_col_reward"), label("report_col_quantity"),
                     label("report_col_points"), label("report_col_status"), label("report_col_closed")},
                    {}};
  for (const store::RedemptionLine& line : section.redemptions) {
    redemptions.rows.push_back({line.id, label.time(line.created_at), shown_name(line.name, line.person),
                                line.person, line.reward, line.quantity, line.points,
                                label.word("report_status_", line.status),
                                line.closed_at ? label.time(*line.closed_at) : std::string()});
  }
  tables.push_back(std::move(redemptions));
  return tables;
}

std::string csv_cell(const Cell& cell) {
  if (const auto* text = std::get_if<std::string>(&cell)) return csv_text_cell(*text);
  if (const auto* integer = std::get_if<std::int64_t>(&cell)) return std::to_string(*integer);
  return number_text(std::get<double>(cell));
}

std::string md_cell(const Cell& cell) {
  if (const auto* integer = std::get_if<std::int64_t>(&cell)) return std::to_string(*integer);
  if (const auto* real = std::get_if<double>(&cell)) return number_text(*real);
  // A pipe would end the cell and a line break the row.
  std::string out;
  for (char c : std::get<std::string>(cell)) {
    if (c == '|') {
      out += "\\|";
    } else if (c == '\n' || c == '\r') {
      out += ' ';
    } else {
      out += c;
    }
  }
  return out;
}

// The ticket figures in JSON: the counts, the sums of seconds, the rates as decimals (0.5, not 50)
// and the mean times in hours; a rate or mean with nothing to divide by is null.
nlohmann::ordered_json ticket_json(const store::TicketFigures& t) {
  const auto value = [](const std::optional<double>& v) { return v ? nlohmann::ordered_json(*v) : nullptr; };
  const auto hours = [](const std::optional<double>& v) {
    return v ? nlohmann::ordered_json(*v / 3600.0) : nullptr;
  };
  return {{"received", t.received},
          {"accepted", t.accepted},
          {"answered_in_time", t.answered_in_time},
          {"solved", t.solved},
          {"rated", t.rated},
          {"satisfied", t.satisfied},
          {"closed", t.closed},
          {"not_rated", t.not_rated},
          {"closed_unresolved", t.closed_unresolved},
          {"reopened", t.reopened},
          {"resolved_once", t.resolved_once},
          {"sent_back_or_unresolved", t.sent_back_or_unresolved},
          {"accept_seconds", t.accept_seconds},
          {"solve_seconds", t.solve_seconds},
          {"response_rate", value(t.response_rate())},
          {"solve_rate", value(t.solve_rate())},
          {"satisfaction_rate", value(t.satisfaction_rate())},
          {"close_rate", value(t.close_rate())},
          {"reopen_rate", value(t.reopen_rate())},
          {"send_back_rate", value(t.send_back_rate())},
          {"mean_accept_hours", hours(t.mean_accept_seconds())},
          {"mean_solve_hours", hours(t.mean_solve_seconds())}};
}

void write_csv_row(std::ostream& out, const std::vector<Cell>& cells) {
  for (std::size_t i = 0; i < cells.size(); ++i) {
    if (i > 0) out << ',';
    out << csv_cell(cells[i]);
  }
  // Excel reads CRLF and LF alike; RFC 4180 says CRLF.
  out << "\r\n";
}

}  // namespace

std::string csv_text_cell(std::string_view text) {
  std::string value;
  if (!text.empty() && (text[0] == '=' || text[0] == '+' || text[0] == '-' || text[0] == '@' ||
                        text[0] == '\t' || text[0] == '\r')) {
    value += '\'';
  }
  value += text;
  const bool needs_quotes = value.find_first_of(",\"\r\n") != std::string::npos ||
                            (!value.empty() && (value.front() == ' ' || value.back() == ' '));
  if (!needs_quotes) return value;
  std::string quoted = "\"";
  for (char c : value) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  quoted += '"';
  return quoted;
}

void sort_children_for_ranking(std::vector<store::NodeStanding>& children) {
  std::stable_sort(children.begin(), children.end(), [](const auto& a, const auto& b) {
    if (average(a) != average(b)) return average(a) > average(b);
    return a.points > b.points;
  });
}

void write_report_md(std::ostream& out, const std::vector<ReportSection>& sections,
                     const ReportStyle& style) {
  const Labels label(style);
  for (const ReportSection& section : sections) {
    out << "# " << label.title(section) << "\n\n" << label.digest(section) << "\n\n";
    for (const Table& table : tables_of(section, label)) {
      out << "## " << table.title << "\n\n";
      if (table.rows.empty()) {
        out << label("report_none") << "\n\n";
        continue;
      }
      out << '|';
      for (const std::string& header : table.headers)
        out << ' ' << md_cell(Cell{header}) << " |";
      out << "\n|";
      for (std::size_t i = 0; i < table.headers.size(); ++i)
        out << " --- |";
      out << '\n';
      for (const std::vector<Cell>& row : table.rows) {
        out << '|';
        for (const Cell& cell : row)
          out << ' ' << md_cell(cell) << " |";
        out << '\n';
      }
      out << '\n';
    }
  }
}

void write_report_csv(std::ostream& out, const std::vector<ReportSection>& sections,
                      const ReportStyle& style) {
  const Labels label(style);
  // The byte order mark is what makes Excel read the file as UTF-8 rather than the local code page.
  out << "\xEF\xBB\xBF";
  for (const ReportSection& section : sections) {
    write_csv_row(out, {label.title(section)});
    write_csv_row(out, {label.digest(section)});
    for (const Table& table : tables_of(section, label)) {
      out << "\r\n";
      write_csv_row(out, {table.title});
      std::vector<Cell> headers(table.headers.begin(), table.headers.end());
      write_csv_row(out, headers);
      for (const std::vector<Cell>& row : table.rows)
        write_csv_row(out, row);
    }
    out << "\r\n";
  }
}

void write_report_json(std::ostream& out, const std::vector<ReportSection>& sections,
                       const ReportStyle& style) {
  using nlohmann::ordered_json;
  ordered_json report;
  report["month"] = sections.empty() ? std::string() : sections.front().month;
  report["sections"] = ordered_json::array();
  for (const ReportSection& section : sections) {
    ordered_json s;
    s["node"] = section.node.id;
    s["name"] = section.node.name;
    s["month"] = section.month;
    s["ledger_digest"] = {{"hash", section.digest.hash}, {"entries", section.digest.entries}};
    const store::Participation& p = section.participation;
    s["totals"] = {{"points", section.whole.points},
                   {"minutes", section.whole.minutes},
                   {"hours", hours_of(section.whole.minutes)},
                   {"active_volunteers", section.whole.active}};
    s["participation"] = {{"signed_up", p.signed_up},
                          {"confirmed", p.confirmed},
                          {"no_shows", p.no_shows},
                          {"participation_rate", json_rate(ratio(p.confirmed, p.signed_up))},
                          {"no_show_rate", json_rate(ratio(p.no_shows, p.signed_up))}};
    s["tickets"] = ticket_json(section.tickets);
    s["people"] = ordered_json::array();
    for (const store::PersonStanding& person : section.people) {
      s["people"].push_back({{"person", person.person},
                             {"name", shown_name(person.name, person.person)},
                             {"points", person.points},
                             {"minutes", person.minutes}});
    }
    s["children"] = ordered_json::array();
    for (const store::NodeStanding& child : section.children) {
      s["children"].push_back({{"node", child.node},
                               {"name", child.name},
                               {"points", child.points},
                               {"minutes", child.minutes},
                               {"active_volunteers", child.active},
                               {"points_per_active", average(child)}});
    }
    // The children's ticket figures, in the order of "children".
    s["child_tickets"] = ordered_json::array();
    for (std::size_t i = 0; i < section.children.size() && i < section.child_tickets.size(); ++i) {
      nlohmann::ordered_json entry = {{"node", section.children[i].node}, {"name", section.children[i].name}};
      entry.update(ticket_json(section.child_tickets[i]));
      s["child_tickets"].push_back(std::move(entry));
    }
    s["ledger"] = ordered_json::array();
    for (const store::LedgerLine& line : section.ledger) {
      ordered_json entry = {
          {"id", line.id},          {"at", language::format_local_time(line.at, style.utc_offset_seconds)},
          {"person", line.person},  {"name", shown_name(line.name, line.person)},
          {"kind", line.kind},      {"points", line.points},
          {"minutes", line.minutes}};
      entry["node"] = line.node ? ordered_json(*line.node) : ordered_json();
      entry["task"] = line.task_number ? ordered_json(*line.task_number) : ordered_json();
      entry["author"] = line.author ? ordered_json(*line.author) : ordered_json();
      entry["reason"] = line.reason;
      s["ledger"].push_back(std::move(entry));
    }
    s["redemptions"] = ordered_json::array();
    for (const store::RedemptionLine& line : section.redemptions) {
      ordered_json entry = {{"id", line.id},
                            {"at", language::format_local_time(line.created_at, style.utc_offset_seconds)},
                            {"person", line.person},
                            {"name", shown_name(line.name, line.person)},
                            {"reward", line.reward},
                            {"quantity", line.quantity},
                            {"points", line.points},
                            {"status", line.status}};
      entry["closed_at"] =
          line.closed_at
              ? ordered_json(language::format_local_time(*line.closed_at, style.utc_offset_seconds))
              : ordered_json();
      s["redemptions"].push_back(std::move(entry));
    }
    report["sections"].push_back(std::move(s));
  }
  out << report.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
}

}  // namespace whistle::bot
