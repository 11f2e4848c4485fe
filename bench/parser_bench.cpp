// The parser alone: CPU per chat line for the storm's mix of lines (bench/wrk/storm.lua) and for
// the language corpus, so a change to the language can show it did not make an event dearer.
// Each set is parsed for SECONDS of CPU time (default 2) — bounded, single-threaded.
//
//   whistle-bench-parser [SECONDS] [storm|corpus]
//
// With one set named, only that one runs, so `perf stat -e instructions` can count its instructions
// per line (steadier than CPU time on a shared machine).

#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "handlers/language/command_json.hpp"
#include "handlers/language/parser.hpp"

namespace {

using whistle::language::ParseContext;

double cpu_seconds() {
  timespec now{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
  return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) / 1e9;
}

// The storm's texts in its proportions: report-ins, withdrawals, whistles, help, chatter.
std::vector<std::string> storm_lines() {
  std::vector<std::string> lines;
  for (int i = 0; i < 8; ++i) {
    lines.insert(lines.end(), {"报到", "報到", "1", "+1", "我来", "报到 12", "报到 #12", "报到 12"});
  }
  lines.insert(lines.end(), {"取消报到 12", "不去了 12", "不去了", "取消报到", "帮助", "积分",
                             "吹哨 清理楼道杂物 5人 明天上午9点 2小时", "大家辛苦了", "今天天气不错", "收到",
                             "👍", "明天几点集合？"});
  return lines;
}

std::vector<std::string> corpus_lines(const std::string& folder) {
  std::vector<std::string> lines;
  if (!std::filesystem::is_directory(folder)) return lines;
  for (const auto& entry : std::filesystem::directory_iterator(folder)) {
    std::ifstream in(entry.path());
    for (std::string row; std::getline(in, row);) {
      if (!row.empty()) lines.push_back(nlohmann::json::parse(row).at("text").get<std::string>());
    }
  }
  return lines;
}

void measure(const char* name, const std::vector<std::string>& lines, double seconds) {
  if (lines.empty()) return;
  ParseContext context;
  context.now = whistle::language::parse_local_time("2026-11-23T09:00", context.utc_offset_seconds);
  context.place_names = {"锦华家园社区", "第一网格", "第二网格", "1号楼", "3号楼", "5号楼", "3号楼2单元"};
  std::size_t parsed = 0;
  std::size_t sink = 0;
  const double start = cpu_seconds();
  double elapsed = 0;
  while (elapsed < seconds) {
    for (const std::string& line : lines) {
      sink += static_cast<std::size_t>(whistle::language::parse_command(line, context).intent);
    }
    parsed += lines.size();
    elapsed = cpu_seconds() - start;
  }
  std::cout << name << ": " << lines.size() << " lines, " << parsed << " parses, "
            << static_cast<long>(elapsed * 1e9 / static_cast<double>(parsed)) << " ns of CPU per line"
            << (sink == 0 ? " " : "") << "\n";
}

}  // namespace

int main(int argc, char** argv) {
  const double seconds = argc > 1 ? std::stod(argv[1]) : 2.0;
  // One set when named, so that a count of instructions under callgrind is that set's alone.
  const std::string only = argc > 2 ? argv[2] : "";
  if (only.empty() || only == "storm") measure("storm mix", storm_lines(), seconds);
  if (only.empty() || only == "corpus")
    measure("corpus", corpus_lines(std::string(WHISTLE_SOURCE_DIR) + "/tests/handlers/language/corpus"),
            seconds);
  return 0;
}
