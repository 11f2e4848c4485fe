// `whistle report`: the month's ledger, hours, ranking, participation and redemptions for officials.
#include <filesystem>
#include <iostream>

#include "bot/cli/arguments.hpp"
#include "bot/cli/commands.hpp"
#include "bot/cli/config_source.hpp"
#include "bot/cli/report_section.hpp"
#include "bot/cli/report_writer.hpp"
#include "bot/clock.hpp"
#include "config/templates.hpp"
#include "handlers/ranking_month.hpp"
#include "store/database.hpp"
#include "store/org.hpp"

namespace whistle::bot {

int run_report_command(int argc, char** argv) {
  Arguments arguments = parse_arguments(argc, argv, 2, {"--config", "--db", "--month", "--node", "--format"});
  if (!arguments.positional.empty())
    throw UsageError(
        "report takes [--config FILE] [--db FILE] [--month YYYY-MM] [--node ID] "
        "[--format md|csv|json] and nothing else");
  const std::string format = arguments.get("--format").value_or("md");
  if (format != "md" && format != "csv" && format != "json")
    throw UsageError("--format is md, csv or json, not " + format);

  const config::Config config = choose_config(arguments.get("--config"));
  const int offset = config.locale.utc_offset_seconds;
  language::YearMonth month = handlers::previous_month(handlers::month_of(SystemClock().now(), offset));
  if (const std::optional<std::string> text = arguments.get("--month")) {
    const std::optional<language::YearMonth> given = handlers::parse_year_month(*text);
    if (!given) throw UsageError("--month is YYYY-MM (2026-10), not " + *text);
    month = *given;
  }

  const std::string path = arguments.get("--db").value_or(config.store.path);
  // A report must not create an empty database where a wrong path was given.
  if (!std::filesystem::exists(path)) throw UsageError("no database at " + path);
  store::Database db(store::DatabaseOptions{.path = path});
  store::OrgRepository org(db);

  // Without --node: the whole org, one section per community.
  std::vector<store::OrgNode> nodes;
  if (const std::optional<std::string> id = arguments.get("--node")) {
    std::optional<store::OrgNode> node = org.node(*id);
    if (!node) throw UsageError("no node " + *id + " in the database");
    nodes.push_back(*node);
  } else {
    for (const store::OrgNode& node : org.all_nodes()) {
      if (node.level == 0) nodes.push_back(node);
    }
  }

  const handlers::RankingMonth range = handlers::ranking_month(month, offset);
  std::vector<ReportSection> sections;
  for (const store::OrgNode& node : nodes)
    sections.push_back(report_section(db, node, range));

  const config::Templates templates = config::Templates::builtin(config.locale.language);
  const ReportStyle style{templates, offset};
  if (format == "csv") {
    write_report_csv(std::cout, sections, style);
  } else if (format == "json") {
    write_report_json(std::cout, sections, style);
  } else {
    write_report_md(std::cout, sections, style);
  }
  std::cout.flush();
  return 0;
}

}  // namespace whistle::bot
