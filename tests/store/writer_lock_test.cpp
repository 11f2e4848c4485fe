// One writing process a database: a second is refused, and told who holds it.
#include "store/writer_lock.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>

namespace whistle::store {
namespace {

class WriterLockTest : public ::testing::Test {
 protected:
  WriterLockTest()
      : db_(std::filesystem::temp_directory_path() / ("whistle-lock-" + std::to_string(::getpid()) + ".db")) {
  }
  ~WriterLockTest() override { std::filesystem::remove(db_.string() + ".lock"); }

  // What the second taker is told, or "" when it got the lock.
  std::string refusal() {
    try {
      WriterLock::take(db_.string(), std::chrono::milliseconds(0));
      return "";
    } catch (const std::runtime_error& error) {
      return error.what();
    }
  }

  std::filesystem::path db_;
};

TEST_F(WriterLockTest, ASecondWriterIsRefusedWithTheHoldersPid) {
  std::optional<WriterLock> held = WriterLock::take(db_.string());
  const std::string told = refusal();
  EXPECT_NE(told.find("in use by another whistle process"), std::string::npos) << told;
  EXPECT_NE(told.find("pid " + std::to_string(::getpid())), std::string::npos) << told;
  EXPECT_NE(told.find(db_.string() + ".lock"), std::string::npos) << told;
  held.reset();
  EXPECT_EQ(refusal(), "") << "let go with the holder";
}

TEST_F(WriterLockTest, AMissingDirectoryIsNamed) {
  const std::string in_nowhere = (db_.parent_path() / "whistle-no-such-dir" / "x.db").string();
  try {
    WriterLock::take(in_nowhere);
    ADD_FAILURE() << "took a lock in a directory that is not there";
  } catch (const std::runtime_error& error) {
    EXPECT_NE(std::string(error.what()).find("whistle-no-such-dir' does not exist"), std::string::npos)
        << error.what();
  }
}

TEST_F(WriterLockTest, AMemoryDatabaseTakesNoLock) {
  const WriterLock first = WriterLock::take(":memory:");
  const WriterLock second = WriterLock::take(":memory:", std::chrono::milliseconds(0));
  EXPECT_FALSE(std::filesystem::exists(":memory:.lock"));
}

TEST_F(WriterLockTest, AMovedLockIsHeldOnce) {
  WriterLock first = WriterLock::take(db_.string());
  std::optional<WriterLock> moved(std::move(first));
  EXPECT_NE(refusal(), "");
  moved.reset();
  EXPECT_EQ(refusal(), "");
}

}  // namespace
}  // namespace whistle::store
