// Drives the real `whistle sim` and `whistle parse` executables, as a script would.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "store/attendance.hpp"
#include "store/database.hpp"
#include "store/redemptions.hpp"
#include "store/tasks.hpp"
#include "store/writer_lock.hpp"

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

// 陈单元长 whistles a task at 10:00 and asks for its sign-in code; 张三 reports in, is given 50
// points and redeems a bag of rice: one sign-in code and one pickup code are handed out.
std::string codes_script() {
  return R"({"at":"2026-11-23T09:00","chat":"b3u2","from":"u-chen","name":"陈单元长","text":"吹哨 清理楼道杂物 2人 今天上午10点 1小时 10分"})"
         "\n"
         R"({"at":"2026-11-23T09:01","chat":"b3u2","from":"u-zhang","name":"张三","text":"报到 1"})"
         "\n"
         R"({"at":"2026-11-23T09:02","chat":"@u-chen","text":"签到码 1"})"
         "\n"
         R"({"at":"2026-11-23T09:03","chat":"b3u2","from":"u-chen","name":"陈单元长","text":"加分 @张三 50 帮忙搬运","mentions":["u-zhang"]})"
         "\n"
         R"({"at":"2026-11-23T09:04","chat":"@u-zhang","text":"兑换 大米5斤"})"
         "\n";
}

struct Codes {
  std::string sign_in;
  std::string pickup;
};

Codes codes_in(const std::filesystem::path& db_path) {
  whistle::store::Database db(whistle::store::DatabaseOptions{.path = db_path.string()});
  Codes codes;
  const std::optional<whistle::store::Task> task = whistle::store::TaskRepository(db).by_number("c1", 1);
  if (task) codes.sign_in = whistle::store::TaskRepository(db).sign_code(task->id).value_or("");
  const std::vector<whistle::store::Redemption> pending =
      whistle::store::RedemptionRepository(db).pending_of("c1", "generic:u-zhang");
  if (pending.size() == 1) codes.pickup = pending.front().code;
  return codes;
}

class SimDatabase {
 public:
  explicit SimDatabase(const std::string& name)
      : path_(std::filesystem::temp_directory_path() /
              ("whistle-sim-" + name + "-" + std::to_string(::getpid()) + ".db")) {
    remove();
  }
  ~SimDatabase() { remove(); }
  const std::filesystem::path& path() const { return path_; }

 private:
  void remove() {
    for (const char* suffix : {"", "-wal", "-shm", ".lock"})
      std::filesystem::remove(path_.string() + suffix);
  }
  std::filesystem::path path_;
};

// A database another process writes (a server on it) is refused, not written beside it.
TEST(SimBinary, ADatabaseAnotherProcessWritesIsRefused) {
  SimDatabase shared("shared");
  const whistle::store::WriterLock server = whistle::store::WriterLock::take(shared.path().string());
  const ProcessResult run = run_whistle("sim --db " + shared.path().string(), codes_script());
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_TRUE(run.lines.empty());
  EXPECT_FALSE(std::filesystem::exists(shared.path())) << "nothing was written";
}

TEST(SimBinary, TheSameScriptGivesTheSameCodesOnEveryRun) {
  const ProcessResult first = run_whistle("sim", codes_script());
  const ProcessResult second = run_whistle("sim", codes_script());
  EXPECT_EQ(first.exit_code, 0);
  ASSERT_EQ(first.lines.size(), 5u);
  EXPECT_EQ(first.lines, second.lines);

  SimDatabase one("codes-1");
  SimDatabase two("codes-2");
  run_whistle("sim --db " + one.path().string(), codes_script());
  run_whistle("sim --db " + two.path().string(), codes_script());
  const Codes codes = codes_in(one.path());
  ASSERT_EQ(codes.sign_in.size(), 4u);
  ASSERT_FALSE(codes.pickup.empty());
  EXPECT_EQ(codes_in(two.path()).sign_in, codes.sign_in);
  EXPECT_EQ(codes_in(two.path()).pickup, codes.pickup);
  // The codes are in what the run printed, in private to the one each belongs to.
  EXPECT_NE(first.lines[2].find(codes.sign_in), std::string::npos) << first.lines[2];
  EXPECT_EQ(nlohmann::json::parse(first.lines[2])["chat"], "@u-chen");
  EXPECT_NE(first.lines[4].find(codes.pickup), std::string::npos) << first.lines[4];
  EXPECT_EQ(nlohmann::json::parse(first.lines[4])["chat"], "@u-zhang");
}

TEST(SimBinary, AScriptCanUseTheCodesItWillBeGiven) {
  SimDatabase learn("learn");
  run_whistle("sim --db " + learn.path().string(), codes_script());
  const Codes codes = codes_in(learn.path());
  ASSERT_EQ(codes.sign_in.size(), 4u);
  ASSERT_FALSE(codes.pickup.empty());

  // The same script, now checking in with the sign-in code and collecting the rice.
  const std::string script =
      codes_script() +
      nlohmann::json{{"at", "2026-11-23T09:55"},
                     {"chat", "b3u2"},
                     {"from", "u-zhang"},
                     {"name", "张三"},
                     {"text", "签到 1 " + codes.sign_in}}
          .dump() +
      "\n" +
      nlohmann::json{{"at", "2026-11-23T09:56"}, {"chat", "@u-zhou"}, {"text", "核销 " + codes.pickup}}
          .dump() +
      "\n";
  SimDatabase run("use");
  const ProcessResult result = run_whistle("sim --db " + run.path().string(), script);
  EXPECT_EQ(result.exit_code, 0);

  whistle::store::Database db(whistle::store::DatabaseOptions{.path = run.path().string()});
  const std::optional<whistle::store::Task> task = whistle::store::TaskRepository(db).by_number("c1", 1);
  ASSERT_TRUE(task);
  const std::optional<whistle::store::Attendance> attendance =
      whistle::store::AttendanceRepository(db).find(task->id, "generic:u-zhang");
  ASSERT_TRUE(attendance);
  EXPECT_TRUE(attendance->checked_in_at);
  const std::optional<whistle::store::Redemption> redemption =
      whistle::store::RedemptionRepository(db).by_code("c1", codes.pickup);
  ASSERT_TRUE(redemption);
  EXPECT_EQ(redemption->status, whistle::store::RedemptionStatus::picked_up);
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
