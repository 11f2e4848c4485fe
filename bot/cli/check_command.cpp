#include <filesystem>
#include <iostream>

#include <nlohmann/json.hpp>

#include "bot/cli/arguments.hpp"
#include "bot/cli/commands.hpp"
#include "bot/cli/config_source.hpp"
#include "store/consistency.hpp"
#include "store/database.hpp"

namespace whistle::bot {

int run_check_command(int argc, char** argv) {
  Arguments arguments = parse_arguments(argc, argv, 2, {"--config", "--db"});
  const std::optional<std::string> path = arguments.get("--db");
  if (!path || !arguments.positional.empty())
    throw UsageError("check takes [--config FILE] --db FILE and nothing else");
  // design.md's form takes the config as the other commands do: it is read, so a bad file is named,
  // though every rule checked is the database's own.
  if (const std::optional<std::string> config = arguments.get("--config")) choose_config(config);
  // Checking must not create an empty database where a wrong path was given.
  if (!std::filesystem::exists(*path)) throw UsageError("no database at " + *path);

  store::Database db(store::DatabaseOptions{.path = *path});
  const store::ConsistencyReport report = store::check_consistency(db);
  nlohmann::ordered_json out;
  out["ok"] = report.violations.empty();
  out["tasks"] = report.tasks;
  out["signups"] = report.signups;
  out["inbox"] = report.inbox;
  out["outbox"] = report.outbox;
  out["outbox_unsent"] = report.outbox_unsent;
  out["outbox_dead"] = report.outbox_dead;
  out["ledger_entries"] = report.ledger_entries;
  out["people_with_points"] = report.people_with_points;
  out["points_total"] = report.points_total;
  out["tickets"] = report.tickets;
  out["tickets_not_closed"] = report.tickets_not_closed;
  out["jobs_dead"] = report.jobs_dead;
  out["violations"] = report.violations;
  std::cout << out.dump(2) << std::endl;
  return report.violations.empty() ? 0 : 1;
}

}  // namespace whistle::bot
