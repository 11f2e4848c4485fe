// whistle: the command line. Each subcommand lives in bot/cli/; this file only picks one and turns
// what escapes it into a message and an exit code (2: the user must change something, 1: a failure).
#include <cstring>
#include <exception>
#include <iostream>
#include <string_view>

#include <spdlog/cfg/env.h>

#include "bot/cli/arguments.hpp"
#include "bot/cli/commands.hpp"
#include "config/config.hpp"

namespace {

constexpr const char* kUsage =
    "usage: whistle <command> [options]    (whistle --version: the version; --help: this text)\n"
    "  serve [--config FILE]                         run the webhook server (no config: the demo community)\n"
    "  sim   [--config FILE] [--db FILE]             JSON lines in, the bot's messages as JSON lines out\n"
    "  chat  [--config FILE] [--db FILE] --chat ID --as USER [--name NAME]\n"
    "                                                type as a person in a group\n"
    "  parse [--config FILE] [--at 2026-11-23T09:00] TEXT\n"
    "                                                how the bot reads one line, as JSON\n"
    "  check [--config FILE] --db FILE               the rules that must always hold (exit 1 if broken)\n"
    "  verify-ledger [--config FILE] [--db FILE]     recompute the ledger's hash chains (exit 1 if broken)\n"
    "  report [--config FILE] [--db FILE] [--month YYYY-MM] [--node ID] [--format md|csv|json]\n"
    "                                                the month's ledger, ranking and figures\n";

// "whistle report --help": asked anywhere before "--", help is an answer, not a usage error.
bool asks_for_help(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    const std::string_view word = argv[i];
    if (word == "--") return false;
    if (word == "--help" || word == "-h" || (i == 1 && word == "help")) return true;
  }
  return false;
}

int run(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << kUsage;
    return 2;
  }
  if (asks_for_help(argc, argv)) {
    std::cout << kUsage;
    return 0;
  }
  const std::string_view command = argv[1];
  if (command == "--version" || command == "version") {
    std::cout << "whistle " << WHISTLE_VERSION << '\n';
    return 0;
  }
  if (command == "serve") return whistle::bot::run_serve_command(argc, argv);
  if (command == "sim") return whistle::bot::run_sim_command(argc, argv);
  if (command == "chat") return whistle::bot::run_chat_command(argc, argv);
  if (command == "parse") return whistle::bot::run_parse_command(argc, argv);
  if (command == "check") return whistle::bot::run_check_command(argc, argv);
  if (command == "verify-ledger") return whistle::bot::run_verify_ledger_command(argc, argv);
  if (command == "report") return whistle::bot::run_report_command(argc, argv);
  std::cerr << "whistle: unknown command '" << command << "'\n" << kUsage;
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  // SPDLOG_LEVEL=warn (or info, debug, off; per logger: "http=warn,pipeline=info") sets how much
  // the server logs; the default, info, writes one line per request.
  spdlog::cfg::load_env_levels();
  try {
    return run(argc, argv);
  } catch (const whistle::bot::UsageError& error) {
    std::cerr << "whistle: " << error.what() << "\n" << kUsage;
    return 2;
  } catch (const whistle::config::Error& error) {
    std::cerr << "whistle: bad configuration: " << error.what() << '\n';
    return 2;
  } catch (const std::exception& error) {
    std::cerr << "whistle: " << error.what() << '\n';
    return 1;
  }
}
