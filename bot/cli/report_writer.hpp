#pragma once

#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

#include "config/templates.hpp"
#include "store/ledger.hpp"
#include "store/month_records.hpp"
#include "store/org.hpp"
#include "store/rankings.hpp"
#include "store/ticket_figures.hpp"

namespace whistle::bot {

/// One node's month, everything `whistle report` shows of it.
struct ReportSection {
  store::OrgNode node;
  std::string month;  ///< "2026-10"
  store::NodeStanding whole;
  std::vector<store::PersonStanding> people;  ///< most points first
  std::vector<store::NodeStanding> children;  ///< by points per active volunteer, then total
  store::Participation participation;
  std::vector<store::LedgerLine> ledger;
  std::vector<store::RedemptionLine> redemptions;
  store::LedgerDigest digest;  ///< the community's chain as the report was made
  /// The tickets received in the month in the node's subtree (issue 12), and each child's, in the
  /// order of `children`.
  store::TicketFigures tickets;
  std::vector<store::TicketFigures> child_tickets;
};

/// How the report is written: labels from the templates (`report_*` keys), times in local time.
struct ReportStyle {
  const config::Templates& templates;
  int utc_offset_seconds = 8 * 3600;
};

/// Writes the sections as Markdown tables.
void write_report_md(std::ostream& out, const std::vector<ReportSection>& sections, const ReportStyle& style);

/// Writes the sections as one CSV for Excel: a UTF-8 BOM, blocks with a title and a header row, text
/// cells guarded against formula injection, numbers as numbers.
void write_report_csv(std::ostream& out, const std::vector<ReportSection>& sections,
                      const ReportStyle& style);

/// Writes the sections as one JSON object {"month", "sections": [...]} with English keys.
void write_report_json(std::ostream& out, const std::vector<ReportSection>& sections,
                       const ReportStyle& style);

/// A text cell for CSV: a leading =, +, -, @, tab or CR gets a single quote before it so Excel shows
/// text instead of running a formula; quoted when it holds a comma, a quote, a line break or an
/// outer space.
std::string csv_text_cell(std::string_view text);

/// Ranks the children as the 评比 does: points per active volunteer, then total points.
void sort_children_for_ranking(std::vector<store::NodeStanding>& children);

}  // namespace whistle::bot
