// 绑定 through the real `whistle sim`, in two runs on one database: the binding is kept across the
// restart, and the bound group works as its place's group.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "store/database.hpp"
#include "store/org.hpp"
#include "store/signups.hpp"
#include "store/tasks.hpp"
#include "tests/cli/whistle_process.hpp"

namespace {

using whistle::cli_testing::run_whistle;
using whistle::cli_testing::Stderr;

std::vector<nlohmann::json> messages(const std::string& out) {
  std::vector<nlohmann::json> lines;
  std::istringstream in(out);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty()) lines.push_back(nlohmann::json::parse(line));
  }
  return lines;
}

std::string line(const std::string& at, const std::string& from, const std::string& text) {
  return nlohmann::json{{"at", at}, {"chat", "wrNew"}, {"from", from}, {"text", text}}.dump() + "\n";
}

class BindSim : public ::testing::Test {
 protected:
  BindSim()
      : path_(std::filesystem::temp_directory_path() /
              ("whistle-bind-sim-" + std::to_string(::getpid()) + ".db")) {
    remove();
  }
  ~BindSim() override { remove(); }
  void remove() {
    for (const char* suffix : {"", "-wal", "-shm"})
      std::filesystem::remove(path_.string() + suffix);
  }
  std::string db_option() const { return "sim --db " + path_.string(); }
  std::filesystem::path path_;
};

TEST_F(BindSim, AGroupBoundInOneRunIsItsPlacesGroupInTheNext) {
  const whistle::cli_testing::ProcessRun first = run_whistle(
      db_option(), Stderr::dropped,
      line("2026-11-23T09:00", "u-zhang", "@吹哨 你好") + line("2026-11-23T09:01", "u-zhang", "@吹哨 在吗") +
          line("2026-11-23T09:02", "u-chen", "绑定 3号楼2单元"));
  EXPECT_EQ(first.exit_code, 0);
  const std::vector<nlohmann::json> told = messages(first.out);
  ASSERT_EQ(told.size(), 3u) << first.out;
  for (const nlohmann::json& message : told)
    EXPECT_EQ(message["chat"], "wrNew");
  EXPECT_NE(told[0]["text"], told[1]["text"]) << "the hint is said once";

  const whistle::cli_testing::ProcessRun second =
      run_whistle(db_option(), Stderr::dropped,
                  line("2026-11-23T10:00", "u-chen", "吹哨 清理楼道杂物 2人 明天上午9点") +
                      line("2026-11-23T10:01", "u-zhang", "报到"));
  EXPECT_EQ(second.exit_code, 0);
  EXPECT_EQ(messages(second.out).size(), 2u) << second.out;

  whistle::store::Database db(whistle::store::DatabaseOptions{.path = path_.string()});
  whistle::store::OrgRepository org(db);
  const std::optional<whistle::store::ChatBinding> binding = org.binding_of("generic:wrNew");
  ASSERT_TRUE(binding.has_value());
  EXPECT_EQ(binding->node, "b3u2");
  EXPECT_EQ(binding->bound_by, "generic:u-chen");
  const std::vector<whistle::store::Task> open =
      whistle::store::TaskRepository(db).open_in_chat("generic:wrNew");
  ASSERT_EQ(open.size(), 1u);
  EXPECT_EQ(open[0].node, "b3u2");
  EXPECT_TRUE(whistle::store::SignupRepository(db).find(open[0].id, "generic:u-zhang").has_value());
}

}  // namespace
