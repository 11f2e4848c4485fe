// Drives the real `whistle sim` and `whistle parse` executables, as a script would.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace {

struct ProcessResult {
  int exit_code = -1;
  std::vector<std::string> lines;
};

ProcessResult run_whistle(const std::string& arguments, const std::string& input) {
  const auto dir = std::filesystem::temp_directory_path();
  const auto input_file = dir / ("whistle-cli-in-" + std::to_string(::getpid()) + ".jsonl");
  std::ofstream(input_file) << input;
  const std::string command =
      std::string(WHISTLE_BINARY) + " " + arguments + " < " + input_file.string() + " 2>/dev/null";
  ProcessResult run;
  FILE* pipe = ::popen(command.c_str(), "r");
  if (pipe == nullptr) return run;
  std::string current;
  std::array<char, 4096> buffer{};
  while (std::fgets(buffer.data(), buffer.size(), pipe) != nullptr) {
    current += buffer.data();
    if (!current.empty() && current.back() == '\n') {
      current.pop_back();
      run.lines.push_back(current);
      current.clear();
    }
  }
  const int status = ::pclose(pipe);
  run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  std::filesystem::remove(input_file);
  return run;
}

TEST(SimBinary, PrintsOneJsonLinePerBotMessage) {
  ProcessResult run = run_whistle(
      "sim", R"({"at":"2026-11-23T09:00","chat":"b3u2","from":"u-chen","text":"吹哨 清理楼道杂物 2人"})"
             "\n"
             R"({"at":"2026-11-23T09:01","chat":"b3u2","from":"u-zhang","name":"张三","text":"报到"})"
             "\n");
  EXPECT_EQ(run.exit_code, 0);
  ASSERT_EQ(run.lines.size(), 2u);
  for (const std::string& line : run.lines) {
    nlohmann::json message = nlohmann::json::parse(line);
    EXPECT_TRUE(message.contains("at") && message.contains("chat") && message.contains("text") &&
                message.contains("mentions"))
        << line;
  }
  EXPECT_EQ(nlohmann::json::parse(run.lines[1])["mentions"], nlohmann::json::array({"u-zhang"}));
}

TEST(SimBinary, ABadLineIsSkippedAndTheExitCodeSaysSo) {
  ProcessResult run = run_whistle("sim",
                                  "{oops\n"
                                  R"({"at":"2026-11-23T09:00","chat":"@u-zhang","text":"帮助"})"
                                  "\n");
  EXPECT_EQ(run.exit_code, 1);
  ASSERT_EQ(run.lines.size(), 1u);
  EXPECT_EQ(nlohmann::json::parse(run.lines[0])["chat"], "@u-zhang");
}

TEST(ParseBinary, PrintsTheContractObject) {
  ProcessResult run =
      run_whistle("parse --at 2026-11-23T09:00 吹哨 清理3号楼楼道杂物 5人 周六上午9点 2小时 10分", "");
  EXPECT_EQ(run.exit_code, 0);
  ASSERT_EQ(run.lines.size(), 1u);
  nlohmann::json parsed = nlohmann::json::parse(run.lines[0]);
  EXPECT_EQ(parsed["intent"], "whistle");
  EXPECT_EQ(parsed["count"], 5);
  EXPECT_EQ(parsed["points"], 10);
  EXPECT_EQ(parsed["start"], "2026-11-28T09:00");
  EXPECT_EQ(parsed["end"], "2026-11-28T11:00");
  EXPECT_EQ(parsed["minutes"], 120);
  EXPECT_TRUE(parsed["task"].is_null());
  for (const char* key : {"intent", "task", "ticket", "count", "points", "start", "end", "minutes", "place",
                          "title", "mentions", "code", "score", "text"}) {
    EXPECT_TRUE(parsed.contains(key)) << key;
  }
}

TEST(ParseBinary, AMissingTextIsAUsageErrorWithExitCodeTwo) {
  ProcessResult run = run_whistle("parse", "");
  EXPECT_EQ(run.exit_code, 2);
}

}  // namespace
