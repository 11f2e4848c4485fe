#include "handlers/task_text.hpp"

#include <gtest/gtest.h>

#include "handler_fixture.hpp"

namespace whistle::handlers::testing {
namespace {

class TaskText : public HandlerTest {};

TEST_F(TaskText, TimesAreShownInTheCommunitysLocalTime) {
  EXPECT_EQ(local_time_text(services(), kSaturday0900, kMonday0900), "11月28日(周六) 09:00");
  EXPECT_EQ(local_time_text(services(), kMonday0900 + 15 * kHour + 30 * 60, kMonday0900),
            "11月24日(周二) 00:30");
  EXPECT_EQ(local_clock_text(services(), kSaturday0900 + 5 * 60), "09:05");
}

TEST_F(TaskText, AnotherOffsetShiftsTheTimesShown) {
  config_.locale.utc_offset_seconds = 0;
  EXPECT_EQ(local_time_text(services(), kSaturday0900, kMonday0900), "11月28日(周六) 01:00");
}

TEST_F(TaskText, ARangeWithinADayNamesTheDayOnce) {
  store::Task task;
  task.start = kSaturday0900;
  task.end = kSaturday0900 + 2 * kHour;
  EXPECT_EQ(task_when_text(services(), task, kMonday0900), "11月28日(周六) 09:00–11:00");
}

TEST_F(TaskText, ARangeAcrossMidnightNamesBothDays) {
  store::Task task;
  task.start = kSaturday0900 + 13 * kHour;
  task.end = kSaturday0900 + 16 * kHour;
  EXPECT_EQ(task_when_text(services(), task, kMonday0900), "11月28日(周六) 22:00–11月29日(周日) 01:00");
}

TEST_F(TaskText, ADeadlineAloneIsShownAsBefore) {
  store::Task task;
  task.end = kSaturday0900;
  EXPECT_EQ(task_when_text(services(), task, kMonday0900), "11月28日(周六) 09:00前");
  EXPECT_EQ(task_when_text(services(), store::Task{}, kMonday0900), "");
}

TEST_F(TaskText, ADateInAnotherYearThanNowSaysTheYear) {
  constexpr std::int64_t kYear = 365 * 24 * kHour;
  EXPECT_EQ(local_time_text(services(), kSaturday0900, kMonday0900).find("年"), std::string::npos);
  EXPECT_NE(local_time_text(services(), kSaturday0900 + kYear, kMonday0900).find("2027年"),
            std::string::npos);
  EXPECT_NE(local_time_text(services(), kSaturday0900 - kYear, kMonday0900).find("2025年"),
            std::string::npos);
  store::Task task;
  task.start = kSaturday0900 + kYear;
  task.end = task.start.value() + 2 * kHour;
  EXPECT_NE(task_when_text(services(), task, kMonday0900).find("2027年"), std::string::npos);
}

TEST(Templates, EveryOpenCommandHasItsWordHelpAndKeywords) {
  const config::Templates templates = config::Templates::builtin("zh-CN");
  for (const char* name : {"whistle", "report_in", "withdraw", "finish", "cancel", "help"}) {
    EXPECT_TRUE(templates.has(std::string("command_") + name)) << name;
    EXPECT_TRUE(templates.has(std::string("help_") + name)) << name;
    EXPECT_TRUE(templates.has(std::string("keywords_") + name)) << name;
  }
}

}  // namespace
}  // namespace whistle::handlers::testing
