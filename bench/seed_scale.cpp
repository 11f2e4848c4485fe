// Fills a Whistle database with a district's history for the scale benchmark: the org from the
// config (synced the way `whistle serve` syncs it), then people, closed tasks with signups and a
// points ledger (store/fixtures/scale_seed.cpp).
//
// usage: whistle-bench-seed --config FILE [--people N] [--tasks N] [--ledger N] [--this-month N]
//   --this-month N: N more ledger entries in the current month (UTC+8), one per person in turn, at
//   the org's nodes — the public board's benchmark (bench/board_bench.py) ranks them.
#include <chrono>
#include <cstdlib>
#include <ctime>
#include <iostream>
#include <string>
#include <string_view>

#include "config/config.hpp"
#include "config/templates.hpp"
#include "handlers/dispatcher.hpp"
#include "store/database.hpp"
#include "store/fixtures/scale_seed.hpp"

namespace {

std::size_t count_option(int argc, char** argv, std::string_view name, std::size_t fallback) {
  for (int i = 1; i + 1 < argc; ++i) {
    if (argv[i] == name) return static_cast<std::size_t>(std::stoull(argv[i + 1]));
  }
  return fallback;
}

const char* text_option(int argc, char** argv, std::string_view name) {
  for (int i = 1; i + 1 < argc; ++i) {
    if (argv[i] == name) return argv[i + 1];
  }
  return nullptr;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace whistle;
  const char* config_file = text_option(argc, argv, "--config");
  if (config_file == nullptr) {
    std::cerr
        << "usage: whistle-bench-seed --config FILE [--people N] [--tasks N] [--ledger N] [--this-month N]\n";
    return 2;
  }
  try {
    const config::Config config = config::load_config(config_file);
    const config::Templates templates = config::Templates::builtin(config.locale.language);
    store::Database db(store::DatabaseOptions{.path = config.store.path, .synchronous = "NORMAL"});
    handlers::Dispatcher dispatcher(db, config, templates);
    {
      store::Transaction transaction(db);
      dispatcher.sync_org();
      transaction.commit();
    }
    store::ScaleSeed seed;
    seed.people = count_option(argc, argv, "--people", seed.people);
    seed.tasks = count_option(argc, argv, "--tasks", seed.tasks);
    seed.ledger_rows = count_option(argc, argv, "--ledger", seed.ledger_rows);
    seed.this_month_rows = count_option(argc, argv, "--this-month", 0);
    seed.now =
        std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch())
            .count();
    // The current month of the configured zone (whole hours east of UTC are enough here).
    const std::int64_t offset = config.locale.utc_offset_seconds;
    const std::time_t local = static_cast<std::time_t>(seed.now + offset);
    std::tm parts{};
    gmtime_r(&local, &parts);
    seed.month_start =
        seed.now - ((parts.tm_mday - 1) * 86400 + parts.tm_hour * 3600 + parts.tm_min * 60 + parts.tm_sec);
    const store::ScaleSeedResult result = store::seed_scale(db, seed);
    std::cout << "seeded people=" << result.people << " tasks=" << result.tasks
              << " signups=" << result.signups << " ledger=" << result.ledger_rows << std::endl;
    return 0;
  } catch (const std::exception& error) {
    std::cerr << "whistle-bench-seed: " << error.what() << '\n';
    return 1;
  }
}
