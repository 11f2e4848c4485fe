// The 民情日 publication through the real `whistle sim`, across restarts over one database file.
#include <gtest/gtest.h>
#include <unistd.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace {

std::vector<nlohmann::json> run_publication_sim(const std::string& db, const std::string& input) {
  const auto input_file = std::filesystem::temp_directory_path() /
                          ("whistle-publication-in-" + std::to_string(::getpid()) + ".jsonl");
  std::ofstream(input_file) << input;
  const std::string command =
      std::string(WHISTLE_BINARY) + " sim --db " + db + " < " + input_file.string() + " 2>/dev/null";
  std::vector<nlohmann::json> lines;
  FILE* pipe = ::popen(command.c_str(), "r");
  if (pipe == nullptr) return lines;
  std::string current;
  std::array<char, 8192> buffer{};
  while (std::fgets(buffer.data(), buffer.size(), pipe) != nullptr) {
    current += buffer.data();
    if (!current.empty() && current.back() == '\n') {
      lines.push_back(nlohmann::json::parse(current));
      current.clear();
    }
  }
  ::pclose(pipe);
  std::filesystem::remove(input_file);
  return lines;
}

bool is_publication(const nlohmann::json& line) {
  return line["text"].get<std::string>().starts_with("【积分公示】");
}

TEST(PublicationSim, The民情日PublicationGoesToEveryGroupOnceEvenAcrossRestarts) {
  const std::string db =
      (std::filesystem::temp_directory_path() / ("whistle-publication-" + std::to_string(::getpid()) + ".db"))
          .string();
  for (const char* suffix : {"", "-wal", "-shm"})
    std::filesystem::remove(db + suffix);

  // A month of virtual time: the community starts talking in November, nothing is published before
  // 1 December 09:00 (民情日, the defaults), and the server restarts on the way.
  std::vector<nlohmann::json> first = run_publication_sim(
      db, R"({"at":"2026-11-03T09:00","chat":"b3u2","from":"u-zhang","name":"张三","text":"排行"})"
          "\n"
          R"({"at":"2026-12-01T08:59"})"
          "\n");
  ASSERT_EQ(first.size(), 1u);
  EXPECT_FALSE(is_publication(first[0]));

  std::vector<nlohmann::json> second = run_publication_sim(db, R"({"at":"2026-12-01T09:30"})"
                                                               "\n");
  std::vector<std::string> chats;
  for (const nlohmann::json& line : second) {
    ASSERT_TRUE(is_publication(line)) << line.dump();
    EXPECT_EQ(line["at"], "2026-12-01T09:00");
    EXPECT_NE(line["text"].get<std::string>().find("2026年11月"), std::string::npos);
    chats.push_back(line["chat"].get<std::string>());
  }
  std::sort(chats.begin(), chats.end());
  EXPECT_EQ(chats,
            (std::vector<std::string>{"b1", "b1u1", "b3", "b3u1", "b3u2", "b5", "b5u1", "c1", "g1", "g2"}));

  std::vector<nlohmann::json> third = run_publication_sim(db, R"({"at":"2026-12-02T09:00"})"
                                                              "\n");
  EXPECT_TRUE(third.empty()) << "published once";

  for (const char* suffix : {"", "-wal", "-shm"})
    std::filesystem::remove(db + suffix);
}

}  // namespace
