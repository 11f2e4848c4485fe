#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "config/config.hpp"
#include "tests/config/config_test_support.hpp"

namespace whistle::config {
namespace {

using ::testing::HasSubstr;
using testing::names;
using testing::refusal;

TEST(SettingsErrors, AnUnknownTopLevelKeyIsRefused) {
  EXPECT_THAT(refusal("sever = 1\n"), names("sever", "unknown key"));
}

TEST(SettingsErrors, AnUnknownTableIsRefused) {
  EXPECT_THAT(refusal("[database]\npath = \"x.db\"\n"), names("database", "unknown key"));
}

TEST(SettingsErrors, AMisspelledKeyInATableIsRefusedWithTheKnownKeys) {
  const std::string message = refusal("[server]\nlisten = \"127.0.0.1:8080\"\nthread = 4\n");
  EXPECT_THAT(message, names("server.thread", "unknown key"));
  EXPECT_THAT(message, HasSubstr("threads"));
  EXPECT_THAT(message, HasSubstr(":3:")) << "the line of the typo";
}

TEST(SettingsErrors, UnknownKeysInsideSolveHoursAreRefused) {
  EXPECT_THAT(refusal("[rules]\nsolve_hours = { urgnt = 5 }\n"),
              names("rules.solve_hours.urgnt", "unknown key"));
}

TEST(SettingsErrors, ATomlSyntaxErrorNamesTheLineAndColumn) {
  const std::string message = refusal("[server]\nthreads = 2\nlisten = \"127.0.0.1:8080\n");
  EXPECT_THAT(message, HasSubstr(std::string(testing::kSource)));
  EXPECT_THAT(message, HasSubstr("invalid TOML at line 3, column"));
}

TEST(SettingsErrors, ADuplicateKeyIsASyntaxError) {
  EXPECT_THAT(refusal("[server]\nthreads = 2\nthreads = 3\n"), HasSubstr("invalid TOML at line 3"));
}

// Tens of thousands of levels overflowed the parser's stack: a crash instead of an answer.
TEST(SettingsErrors, AKeyNestedThousandsDeepIsRefusedNotACrash) {
  std::string header = "[server]\nthreads = 2\n[a";
  for (int i = 0; i < 40'000; ++i)
    header += ".a";
  EXPECT_THAT(refusal(header + "]\n"), HasSubstr("invalid TOML at line 3: a key or table header nested"));
  // Dots inside a quoted value are no nesting.
  EXPECT_THAT(refusal("x = \"" + std::string(100, '.') + "\"\n"), HasSubstr("unknown key"));
}

TEST(SettingsErrors, AListenAddressWithoutAPortIsRefused) {
  EXPECT_THAT(refusal("[server]\nlisten = \"127.0.0.1\"\n"), names("server.listen", "is not \"host:port\""));
}

TEST(SettingsErrors, AListenPortAbove65535IsRefused) {
  EXPECT_THAT(refusal("[server]\nlisten = \"127.0.0.1:65536\"\n"),
              names("server.listen", "is not \"host:port\""));
}

TEST(SettingsErrors, AListenAddressWithoutAHostIsRefused) {
  EXPECT_THAT(refusal("[server]\nlisten = \":8080\"\n"), names("server.listen", "is not \"host:port\""));
}

TEST(SettingsErrors, AListenValueOfTheWrongTypeIsRefused) {
  EXPECT_THAT(refusal("[server]\nlisten = 8080\n"),
              names("server.listen", "expected a string, found an integer"));
}

TEST(SettingsErrors, ThreadsOutsideOneToSixtyFourAreRefused) {
  EXPECT_THAT(refusal("[server]\nthreads = 0\n"), names("server.threads", "between 1 and 64"));
  EXPECT_THAT(refusal("[server]\nthreads = 65\n"), names("server.threads", "between 1 and 64"));
}

TEST(SettingsErrors, ThreadsWrittenAsTextAreRefused) {
  EXPECT_THAT(refusal("[server]\nthreads = \"2\"\n"),
              names("server.threads", "expected an integer, found a string"));
}

TEST(SettingsErrors, ABodyLimitOutsideOneKibToSixteenMibIsRefused) {
  EXPECT_THAT(refusal("[server]\nmax_body_bytes = 1023\n"),
              names("server.max_body_bytes", "between 1024 and 16777216"));
  EXPECT_THAT(refusal("[server]\nmax_body_bytes = 16777217\n"),
              names("server.max_body_bytes", "between 1024 and 16777216"));
}

TEST(SettingsErrors, AServerThatIsNotATableIsRefused) {
  EXPECT_THAT(refusal("server = \"127.0.0.1:8080\"\n"), names("server", "expected a table, found a string"));
}

TEST(SettingsErrors, AnEmptyStorePathIsRefused) {
  EXPECT_THAT(refusal("[store]\npath = \"\"\n"), names("store.path", "must not be empty"));
}

TEST(SettingsErrors, ASynchronousModeOtherThanNormalOrFullIsRefused) {
  EXPECT_THAT(refusal("[store]\nsynchronous = \"OFF\"\n"),
              names("store.synchronous", "\"NORMAL\" or \"FULL\""));
}

TEST(SettingsErrors, ALanguageWithoutBuiltInTemplatesIsRefused) {
  EXPECT_THAT(refusal("[locale]\nlanguage = \"en\"\n"),
              names("locale.language", "no built-in reply templates"));
}

TEST(SettingsErrors, ATimeZoneWithDaylightSavingIsRefusedNamingTheKey) {
  const std::string message = refusal("[locale]\ntimezone = \"Europe/Berlin\"\n");
  EXPECT_THAT(message, names("locale.timezone", "unknown time zone \"Europe/Berlin\""));
  EXPECT_THAT(message, HasSubstr("UTC+8"));
}

TEST(SettingsErrors, APublishDayAfterThe28thIsRefused) {
  EXPECT_THAT(refusal("[rules]\npublish_day = 29\n"), names("rules.publish_day", "between 1 and 28"));
  EXPECT_THAT(refusal("[rules]\npublish_day = 0\n"), names("rules.publish_day", "between 1 and 28"));
}

TEST(SettingsErrors, APublishHourOutsideTheDayIsRefused) {
  EXPECT_THAT(refusal("[rules]\npublish_hour = 24\n"), names("rules.publish_hour", "between 0 and 23"));
  EXPECT_THAT(refusal("[rules]\npublish_hour = -1\n"), names("rules.publish_hour", "between 0 and 23"));
}

TEST(SettingsErrors, ZeroAnswerHoursAreRefused) {
  EXPECT_THAT(refusal("[rules]\nanswer_hours = 0\n"), names("rules.answer_hours", "between 1 and"));
}

TEST(SettingsErrors, ZeroSolveHoursAreRefused) {
  EXPECT_THAT(refusal("[rules]\nsolve_hours = { urgent = 0 }\n"),
              names("rules.solve_hours.urgent", "between 1 and"));
}

TEST(SettingsErrors, SolveHoursThatAreNotATableAreRefused) {
  EXPECT_THAT(refusal("[rules]\nsolve_hours = 24\n"),
              names("rules.solve_hours", "expected a table, found an integer"));
}

TEST(SettingsErrors, AStayRatioOfZeroOrAboveOneIsRefused) {
  EXPECT_THAT(refusal("[rules]\nmin_stay_ratio = 0\n"),
              names("rules.min_stay_ratio", "greater than 0 and at most 1"));
  EXPECT_THAT(refusal("[rules]\nmin_stay_ratio = 1.5\n"),
              names("rules.min_stay_ratio", "greater than 0 and at most 1"));
  EXPECT_THAT(refusal("[rules]\nmin_stay_ratio = nan\n"),
              names("rules.min_stay_ratio", "greater than 0 and at most 1"));
}

TEST(SettingsErrors, AStayRatioWrittenAsTextIsRefused) {
  EXPECT_THAT(refusal("[rules]\nmin_stay_ratio = \"60%\"\n"),
              names("rules.min_stay_ratio", "expected a number"));
}

TEST(SettingsErrors, NegativeNoShowPointsAreRefused) {
  EXPECT_THAT(refusal("[rules]\nno_show_points = -5\n"), names("rules.no_show_points", "between 0 and"));
}

TEST(SettingsErrors, ZeroRedemptionDaysAreRefused) {
  EXPECT_THAT(refusal("[rules]\nredemption_days = 0\n"), names("rules.redemption_days", "between 1 and"));
}

TEST(SettingsErrors, AFloatWhereAnIntegerBelongsIsRefused) {
  EXPECT_THAT(refusal("[rules]\nanswer_hours = 1.5\n"),
              names("rules.answer_hours", "expected an integer, found a floating-point number"));
}

TEST(SettingsErrors, TheErrorNamesTheLineOfTheBadValue) {
  EXPECT_THAT(refusal("[server]\n\n\nthreads = 0\n"), HasSubstr(std::string(testing::kSource) + ":4:"));
}

TEST(LoadConfig, AMissingFileIsRefusedNamingIt) {
  try {
    load_config("/nonexistent/whistle-config-test.toml");
    FAIL() << "a missing file was accepted";
  } catch (const Error& error) {
    EXPECT_THAT(error.what(), HasSubstr("/nonexistent/whistle-config-test.toml"));
    EXPECT_THAT(error.what(), HasSubstr("cannot read"));
  }
}

TEST(LoadConfig, AFileIsReadAndRemembersWhereItCameFrom) {
  testing::TempDir dir;
  const std::filesystem::path file = dir.write("whistle.toml", "[server]\nlisten = \"127.0.0.1:0\"\n");
  const Config config = load_config(file);
  EXPECT_EQ(config.source, file);
  EXPECT_EQ(config.server.port, 0);
}

TEST(LoadConfig, AnErrorInAFileNamesThatFile) {
  testing::TempDir dir;
  const std::filesystem::path file = dir.write("whistle.toml", "[server]\nthreads = 100\n");
  EXPECT_THROW(
      {
        try {
          load_config(file);
        } catch (const Error& error) {
          EXPECT_THAT(error.what(), names("server.threads", "between 1 and 64", file.string()));
          throw;
        }
      },
      Error);
}

}  // namespace
}  // namespace whistle::config
