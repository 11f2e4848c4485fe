// The corpus: chat lines as leaders, volunteers, residents and staff type them, each with the
// whole parse `whistle parse` must print for it (tests/handlers/language/corpus/*.jsonl, written
// from imagined chat screenshots rather than from the parser's rules). Every line must be read
// right; the test prints the share per file and style so a regression shows where it hit.

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "handlers/language/command_json.hpp"
#include "handlers/language/parser.hpp"
#include "tests/handlers/language/shanghai_offset.hpp"

namespace whistle::language::testing {
namespace {

struct CorpusLine {
  std::string file;
  std::string who;
  int number = 0;
  std::string style;
  std::string at;
  std::string text;
  nlohmann::ordered_json expect;
};

// Every *.jsonl file of the corpus folder; a line's "who" is its file's name unless it says
// otherwise (a later pass mixes the four in one file).
std::vector<CorpusLine> load_corpus() {
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(std::string(WHISTLE_SOURCE_DIR) +
                                                               "/tests/handlers/language/corpus")) {
    if (entry.path().extension() == ".jsonl") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  std::vector<CorpusLine> lines;
  for (const auto& path : files) {
    std::ifstream in(path);
    const std::string file = path.stem().string();
    std::string raw;
    for (int number = 1; std::getline(in, raw); ++number) {
      if (raw.empty()) continue;
      const auto object = nlohmann::ordered_json::parse(raw);
      lines.push_back({file, object.value("who", file), number, object.at("style").get<std::string>(),
                       object.at("at").get<std::string>(), object.at("text").get<std::string>(),
                       object.at("expect")});
    }
  }
  return lines;
}

// The demo community's places and the bot's configured name, as `whistle parse` gets them.
ParseContext corpus_context(const std::string& at) {
  ParseContext context;
  context.utc_offset_seconds = kOffset;
  context.now = parse_local_time(at, kOffset);
  context.place_names = {"锦华家园社区", "第一网格",   "第二网格",   "1号楼",      "3号楼",
                         "5号楼",        "1号楼1单元", "3号楼1单元", "3号楼2单元", "5号楼1单元"};
  context.bot_names = normalized_bot_names({"小哨"});
  return context;
}

// The keys where the parse differs from the expectation, with both values.
std::string differences(const nlohmann::ordered_json& got, const nlohmann::ordered_json& want) {
  std::string out;
  for (const auto& [key, value] : want.items()) {
    if (!got.contains(key) || got[key] != value) {
      out += "\n    " + key + ": got " + (got.contains(key) ? got[key].dump() : "(missing)") + ", want " +
             value.dump();
    }
  }
  return out;
}

TEST(Corpus, EveryLineIsReadAsPeopleMeanIt) {
  const std::vector<CorpusLine> lines = load_corpus();
  ASSERT_GE(lines.size(), 600u) << "the corpus files are missing or short";
  std::map<std::string, std::pair<int, int>> shares;  // "who/style" → right, total
  int right = 0;
  for (const CorpusLine& line : lines) {
    nlohmann::ordered_json got = command_to_json(parse_command(line.text, corpus_context(line.at)), kOffset);
    const std::string diff = differences(got, line.expect);
    auto& share = shares[line.who + "/" + line.style];
    ++share.second;
    if (diff.empty()) {
      ++share.first;
      ++right;
    } else {
      ADD_FAILURE() << line.file << ".jsonl:" << line.number << " \"" << line.text << "\" at " << line.at
                    << diff;
    }
  }
  for (const auto& [group, share] : shares) {
    std::cout << "  " << group << ": " << share.first << "/" << share.second << "\n";
  }
  std::cout << "corpus: " << right << "/" << lines.size() << " lines read right ("
            << (lines.empty() ? 0 : right * 1000 / static_cast<int>(lines.size())) / 10.0 << " %)\n";
}

}  // namespace
}  // namespace whistle::language::testing
