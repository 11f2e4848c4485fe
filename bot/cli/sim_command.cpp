#include <chrono>
#include <iostream>
#include <string>

#include "bot/cli/arguments.hpp"
#include "bot/cli/commands.hpp"
#include "bot/cli/config_source.hpp"
#include "bot/cli/simulator.hpp"
#include "store/writer_lock.hpp"

namespace whistle::bot {

namespace {
// Without --db the run is a throwaway, so two runs of the same script print the same thing.
constexpr const char* kDefaultSimDatabase = ":memory:";
}  // namespace

int run_sim_command(int argc, char** argv) {
  Arguments arguments = parse_arguments(argc, argv, 2, {"--config", "--db"});
  if (!arguments.positional.empty()) throw UsageError("sim reads its input on standard input");
  config::Config config = choose_config(arguments.get("--config"));
  const std::string database = arguments.get("--db").value_or(kDefaultSimDatabase);
  // No wait: unlike a restarted server, a second session typed beside the first is told at once.
  const store::WriterLock writer_lock = store::WriterLock::take(database, std::chrono::milliseconds(0));
  Simulator simulator(config, database);

  std::string line;
  int line_number = 0;
  int bad_lines = 0;
  while (std::getline(std::cin, line)) {
    ++line_number;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    try {
      for (const nlohmann::json& output : simulator.feed(line)) {
        std::cout << output.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
      }
    } catch (const SimInputError& error) {
      // A bad line is reported and skipped; the run goes on so one typo does not end a script.
      ++bad_lines;
      std::cerr << "whistle sim: line " << line_number << ": " << error.what() << '\n';
    }
    std::cout.flush();
  }
  return bad_lines == 0 ? 0 : 1;
}

}  // namespace whistle::bot
