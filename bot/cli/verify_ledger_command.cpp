// `whistle verify-ledger`: recomputes every community's hash chain from the rows and compares every
// publication's digest with it, so anyone holding the database can check the published 公示
// (docs/ledger.md).
#include <filesystem>
#include <iostream>

#include "bot/cli/arguments.hpp"
#include "bot/cli/commands.hpp"
#include "bot/cli/config_source.hpp"
#include "store/database.hpp"
#include "store/ledger_verify.hpp"

namespace whistle::bot {

int run_verify_ledger_command(int argc, char** argv) {
  Arguments arguments = parse_arguments(argc, argv, 2, {"--config", "--db"});
  if (!arguments.positional.empty())
    throw UsageError("verify-ledger takes [--config FILE] [--db FILE] and nothing else");
  // The database named on the command line, else the one the configuration serves from.
  std::string path;
  if (std::optional<std::string> db = arguments.get("--db")) {
    path = *db;
  } else {
    path = choose_config(arguments.get("--config")).store.path;
  }
  // Verifying must not create an empty database (and call it intact) where a wrong path was given.
  if (!std::filesystem::exists(path)) throw UsageError("no database at " + path);

  store::Database db(store::DatabaseOptions{.path = path});
  const store::LedgerVerification result = store::verify_ledger(db);
  if (result.chains.empty()) std::cout << "ledger: no entries yet\n";
  for (const store::LedgerChainEnd& chain : result.chains) {
    std::cout << "ledger of " << chain.community << ": " << chain.entries << " entries, digest "
              << chain.digest << (chain.intact ? ", intact" : ", BROKEN") << "\n";
  }
  for (const store::LedgerBreak& broken : result.breaks) {
    std::cout << "first broken entry: " << broken.description << "\n";
  }
  std::cout << (result.ok() ? "ok: every chain recomputes to its digest" : "FAILED: the ledger was changed")
            << std::endl;
  return result.ok() ? 0 : 1;
}

}  // namespace whistle::bot
