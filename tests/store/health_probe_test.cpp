#include "store/health_probe.hpp"

#include <filesystem>
#include <fstream>
#include <random>

#include <gtest/gtest.h>

#include "store/database.hpp"

namespace whistle::store {
namespace {

class HealthProbeTest : public ::testing::Test {
 protected:
  HealthProbeTest() {
    std::random_device random;
    dir_ = std::filesystem::temp_directory_path() / ("whistle-probe-" + std::to_string(random()));
    std::filesystem::create_directories(dir_);
  }
  ~HealthProbeTest() override {
    std::error_code ignored;
    std::filesystem::remove_all(dir_, ignored);
  }
  std::filesystem::path dir_;
};

TEST_F(HealthProbeTest, AWorkingDatabaseAnswers) {
  const std::string path = (dir_ / "whistle.db").string();
  Database db(DatabaseOptions{.path = path});
  HealthProbe probe(path);
  EXPECT_TRUE(probe.answers());
  EXPECT_TRUE(probe.answers()) << "the connection is kept between probes";
}

TEST_F(HealthProbeTest, AFileThatIsNotADatabaseOrIsMissingDoesNotAnswer) {
  const std::filesystem::path garbage = dir_ / "garbage.db";
  std::ofstream(garbage) << "this is not an SQLite database, only some text that is long enough to be read";
  EXPECT_FALSE(HealthProbe(garbage.string()).answers());
  EXPECT_FALSE(HealthProbe((dir_ / "missing.db").string()).answers());
}

TEST_F(HealthProbeTest, ADatabaseThatComesBackAnswersAgain) {
  const std::string path = (dir_ / "late.db").string();
  HealthProbe probe(path);
  EXPECT_FALSE(probe.answers());
  Database db(DatabaseOptions{.path = path});
  EXPECT_TRUE(probe.answers());
}

}  // namespace
}  // namespace whistle::store
