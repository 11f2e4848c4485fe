// whistle-bench-growth: the writer alone, without HTTP, through the judge's storm (issue 15).
//
//   whistle-bench-growth CONFIG DB [--events N] [--batch B] [--window W] [--ids sequential|random]
//
// CONFIG is an org from bench/storm_org.py; DB a file path (made afresh). Every unit's leader
// whistles one 500-place task, then N report-ins follow, each from a person never seen before, to a
// random unit's task, applied B to a transaction as the pipeline's writer would, with the real
// checkpointer beside it. Every W events it prints what the last W cost: the writer's µs per event,
// the bytes the process handed to write() per event (the WAL's frames and the checkpoints' copies)
// and the files' sizes. If an event's cost grows with the tables, the rows show where.
#include <sys/stat.h>

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <map>
#include <random>
#include <stdexcept>
#include <string>
#include <vector>

#include "bot/event_digest.hpp"
#include "bot/event_processor.hpp"
#include "config/config.hpp"
#include "config/templates.hpp"
#include "handlers/dispatcher.hpp"
#include "store/checkpointer.hpp"
#include "store/database.hpp"

namespace {

using namespace whistle;

/// Monday 2026-11-23 09:00 in Asia/Shanghai: the whistles say 明天, so their tasks stay open.
constexpr std::int64_t kStart = 1795395600;

struct Options {
  std::string config;
  std::string db;
  long events = 200000;
  std::size_t batch = 32;
  long window = 20000;
  bool random_ids = false;
};

Options parse(int argc, char** argv) {
  if (argc < 3)
    throw std::invalid_argument(
        "usage: whistle-bench-growth CONFIG DB [--events N] [--batch B] [--window W] [--ids "
        "sequential|random]");
  Options options{argv[1], argv[2]};
  for (int i = 3; i < argc; i += 2) {
    const std::string flag = argv[i];
    if (i + 1 == argc) throw std::invalid_argument(flag + " needs a value");
    const std::string value = argv[i + 1];
    if (flag == "--events")
      options.events = std::stol(value);
    else if (flag == "--batch")
      options.batch = std::stoul(value);
    else if (flag == "--window")
      options.window = std::stol(value);
    else if (flag == "--ids" && (value == "random" || value == "sequential"))
      options.random_ids = value == "random";
    else
      throw std::invalid_argument("unknown flag or value: " + flag + " " + value);
  }
  if (options.events < 1 || options.batch < 1 || options.window < 1)
    throw std::invalid_argument("--events, --batch and --window must be at least 1");
  return options;
}

/// Bytes this process has passed to write() and pwrite() so far (/proc/self/io's wchar).
long long written_bytes() {
  std::ifstream io("/proc/self/io");
  std::string key;
  long long value = 0;
  while (io >> key >> value)
    if (key == "wchar:") return value;
  return 0;
}

long long file_size(const std::string& path) {
  struct stat info {};
  return stat(path.c_str(), &info) == 0 ? static_cast<long long>(info.st_size) : 0;
}

bot::InboundEvent event(const std::string& id, const std::string& chat, const std::string& from,
                        const std::string& text, std::int64_t at) {
  bot::InboundEvent made;
  made.dedupe_key = "generic:default:" + id;
  made.message.chat = chat;
  made.message.sender = "generic:" + from;
  made.message.sender_name = "";
  made.message.text = text;
  made.message.at = at;
  made.digest = bot::event_digest(made.message);
  return made;
}

std::string hex_id(std::mt19937_64& rng) {
  char text[33];
  std::snprintf(text, sizeof text, "%016llx%016llx", static_cast<unsigned long long>(rng()),
                static_cast<unsigned long long>(rng()));
  return text;
}

void apply_all(bot::EventProcessor& processor, const std::vector<bot::InboundEvent>& events) {
  for (const bot::EventOutcome& outcome : processor.apply(events))
    if (outcome.status != bot::EventOutcome::Status::applied)
      throw std::runtime_error("an event was not applied");
}

int run(const Options& options) {
  std::remove(options.db.c_str());
  std::remove((options.db + "-wal").c_str());
  std::remove((options.db + "-shm").c_str());
  config::Config config = config::load_config(options.config);
  const config::Templates templates = config::Templates::builtin("zh-CN");
  store::DatabaseOptions database;
  database.path = options.db;
  database.synchronous = config.store.synchronous;
  database.manual_checkpoints = true;
  store::Database db(database);
  store::Checkpointer checkpointer(options.db);
  handlers::Dispatcher dispatcher(db, config, templates);
  {
    store::Transaction transaction(db);
    dispatcher.sync_org();
    transaction.commit();
  }
  bot::EventProcessor processor(db, dispatcher, templates, config);

  // Each unit's leader whistles one task; tasks are numbered per community in order.
  std::vector<std::pair<std::string, int>> units;  // chat, task number
  std::map<std::string, std::string> community_of;
  std::map<std::string, int> tasks_in;
  std::vector<bot::InboundEvent> batch;
  for (const config::Node& node : config.nodes) {
    community_of[node.id] = node.level == config::Level::community ? node.id : community_of[node.parent];
    if (node.level != config::Level::unit) continue;
    units.emplace_back(node.chats.at(0), ++tasks_in[community_of[node.id]]);
    batch.push_back(event("w-" + node.id, node.chats.at(0), "L-" + node.id,
                          "吹哨 大扫除 500人 明天上午9点 2小时", kStart));
    if (batch.size() == options.batch) {
      apply_all(processor, batch);
      batch.clear();
    }
  }
  if (!batch.empty()) apply_all(processor, batch);
  batch.clear();
  std::printf("%zu units, one task each; then %ld new volunteers' report-ins, %zu to a transaction\n",
              units.size(), options.events, options.batch);
  std::printf("%10s %12s %14s %10s %10s\n", "events", "µs/event", "written/event", "db MB", "wal MB");

  std::mt19937_64 rng(7);
  auto window_start = std::chrono::steady_clock::now();
  long long window_bytes = written_bytes();
  for (long n = 1; n <= options.events; ++n) {
    const auto& [chat, task] = units[rng() % units.size()];
    const std::string id = options.random_ids ? hex_id(rng) : std::to_string(n);
    batch.push_back(event("r-" + id, chat, "n-" + id, "报到 " + std::to_string(task), kStart + n / 1000));
    if (batch.size() == options.batch || n == options.events) {
      apply_all(processor, batch);
      batch.clear();
    }
    if (n % options.window == 0) {
      const auto now = std::chrono::steady_clock::now();
      const long long bytes = written_bytes();
      const double micros = std::chrono::duration<double, std::micro>(now - window_start).count();
      std::printf("%10ld %12.1f %14.0f %10.1f %10.1f\n", n, micros / options.window,
                  static_cast<double>(bytes - window_bytes) / options.window, file_size(options.db) / 1e6,
                  file_size(options.db + "-wal") / 1e6);
      std::fflush(stdout);
      window_start = now;
      window_bytes = bytes;
    }
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return run(parse(argc, argv));
  } catch (const std::exception& error) {
    std::fprintf(stderr, "whistle-bench-growth: %s\n", error.what());
    return 1;
  }
}
