// `whistle report`: filled in by issue 11.
#include <iostream>

#include "bot/cli/commands.hpp"

namespace whistle::bot {

int run_report_command(int /*argc*/, char** /*argv*/) {
  std::cerr << "whistle report: not available yet (it comes with the points ledger)\n";
  return 2;
}

}  // namespace whistle::bot
