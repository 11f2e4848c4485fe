// Drives the real `whistle verify-ledger` and `whistle check` on a database `whistle sim` filled,
// then changes a ledger row behind the program's back, as a forger with the database file would.
#include <gtest/gtest.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include <SQLiteCpp/Database.h>

#include "store/database.hpp"
#include "whistle_process.hpp"

namespace {

using whistle::cli_testing::ProcessRun;

// Messages are read here, so standard error is kept with the output.
ProcessRun run_verify_whistle(const std::string& arguments, const std::string& input = "") {
  return whistle::cli_testing::run_whistle(arguments, whistle::cli_testing::Stderr::merged, input);
}

class VerifyLedgerBinary : public ::testing::Test {
 protected:
  void SetUp() override {
    std::filesystem::remove(db_path);
    // A task confirmed for 张三 on the leader's word, then 5 points more: two ledger entries.
    const ProcessRun sim = run_verify_whistle(
        "sim --db " + db_path.string(),
        R"({"at":"2026-11-23T09:00","chat":"b3u2","from":"u-chen","name":"陈单元长","text":"吹哨 清理楼道杂物 2人 10分"})"
        "\n"
        R"({"at":"2026-11-23T09:01","chat":"b3u2","from":"u-zhang","name":"张三","text":"报到"})"
        "\n"
        R"({"at":"2026-11-23T11:00","chat":"b3u2","from":"u-chen","name":"陈单元长","text":"确认 1 @张三"})"
        "\n"
        R"({"at":"2026-11-23T11:01","chat":"b3u2","from":"u-chen","name":"陈单元长","text":"加分 @张三 5 帮助孤寡老人"})"
        "\n");
    ASSERT_EQ(sim.exit_code, 0) << sim.out;
  }
  void TearDown() override {
    for (const char* suffix : {"", "-wal", "-shm"})
      std::filesystem::remove(db_path.string() + suffix);
  }

  const std::filesystem::path db_path =
      std::filesystem::temp_directory_path() / ("whistle-verify-" + std::to_string(::getpid()) + ".db");
};

TEST_F(VerifyLedgerBinary, AnIntactLedgerPassesAndShowsItsDigest) {
  const ProcessRun run = run_verify_whistle("verify-ledger --db " + db_path.string());
  EXPECT_EQ(run.exit_code, 0) << run.out;
  EXPECT_NE(run.out.find("ledger of c1: 2 entries, digest "), std::string::npos) << run.out;
  EXPECT_EQ(run.out.find("first broken entry"), std::string::npos) << run.out;
}

TEST_F(VerifyLedgerBinary, ARowChangedBehindTheProgramsBackIsNamed) {
  {
    whistle::store::Database db(whistle::store::DatabaseOptions{.path = db_path.string()});
    // The append-only trigger refuses the edit; a forger with the file drops it first.
    db.raw().exec("DROP TRIGGER ledger_no_update");
    db.raw().exec("UPDATE ledger SET points = 500 WHERE id = (SELECT MIN(id) FROM ledger)");
  }
  const ProcessRun run = run_verify_whistle("verify-ledger --db " + db_path.string());
  EXPECT_EQ(run.exit_code, 1) << run.out;
  EXPECT_NE(run.out.find(
                "first broken entry: ledger of c1: entry 1 (number 1 in the chain) does not match its hash"),
            std::string::npos)
      << run.out;

  const ProcessRun check = run_verify_whistle("check --db " + db_path.string());
  EXPECT_EQ(check.exit_code, 1) << check.out;
  EXPECT_NE(check.out.find("entry 1"), std::string::npos) << check.out;
}

TEST_F(VerifyLedgerBinary, ARemovedRowIsNamedByTheEntryAfterIt) {
  {
    whistle::store::Database db(whistle::store::DatabaseOptions{.path = db_path.string()});
    db.raw().exec("DROP TRIGGER ledger_no_delete");
    db.raw().exec("DELETE FROM ledger WHERE id = (SELECT MIN(id) FROM ledger)");
  }
  const ProcessRun run = run_verify_whistle("verify-ledger --db " + db_path.string());
  EXPECT_EQ(run.exit_code, 1) << run.out;
  EXPECT_NE(run.out.find("entry 2 (number 1 in the chain) does not follow"), std::string::npos) << run.out;
}

TEST_F(VerifyLedgerBinary, AMissingDatabaseIsAUsageErrorNotAnEmptyLedger) {
  const ProcessRun run = run_verify_whistle("verify-ledger --db " + db_path.string() + ".absent");
  EXPECT_EQ(run.exit_code, 2) << run.out;
}

}  // namespace
