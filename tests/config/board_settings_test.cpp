#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "config/config.hpp"
#include "tests/config/config_test_support.hpp"

namespace whistle::config {
namespace {

using testing::names;
using testing::refusal;
using testing::ScopedEnv;

Config parsed(std::string_view toml) {
  return parse_config(std::string(toml) + std::string(testing::kCommunity),
                      std::filesystem::path(testing::kSource));
}

TEST(BoardSettings, WithoutABoardTableNoTokenIsSet) {
  EXPECT_EQ(parsed("").board.token, "");
}

TEST(BoardSettings, AnEmptyTokenMeansNoNonPublicApi) {
  EXPECT_EQ(parsed("[board]\ntoken = \"\"\n").board.token, "");
}

TEST(BoardSettings, ALiteralTokenIsKept) {
  EXPECT_EQ(parsed("[board]\ntoken = \"s3cret-token\"\n").board.token, "s3cret-token");
}

TEST(BoardSettings, AnEnvTokenIsReadFromTheEnvironment) {
  ScopedEnv env("WHISTLE_TEST_BOARD_TOKEN", "from-env");
  EXPECT_EQ(parsed("[board]\ntoken = \"env:WHISTLE_TEST_BOARD_TOKEN\"\n").board.token, "from-env");
}

TEST(BoardSettings, AnUnsetEnvTokenIsRefused) {
  ScopedEnv env("WHISTLE_TEST_BOARD_TOKEN", nullptr);
  EXPECT_THAT(refusal("[board]\ntoken = \"env:WHISTLE_TEST_BOARD_TOKEN\"\n"),
              names("board.token", "is not set"));
}

TEST(BoardSettings, AnUnknownKeyInsideBoardIsRefused) {
  EXPECT_THAT(refusal("[board]\ntokn = \"x\"\n"), names("board.tokn", "unknown key"));
}

}  // namespace
}  // namespace whistle::config
