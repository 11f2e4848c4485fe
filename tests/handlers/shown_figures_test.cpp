// One decimal for times, rounded once and half up: the figures people compare by hand.
#include "handlers/shown_figures.hpp"

#include <gtest/gtest.h>

namespace whistle::handlers {
namespace {

TEST(ShownFigures, MinutesRoundToTenthsOfAnHourHalfUp) {
  EXPECT_EQ(hour_tenths(0), 0);
  EXPECT_EQ(hour_tenths(2), 0);
  EXPECT_EQ(hour_tenths(3), 1);    // 0.05 h, a tie
  EXPECT_EQ(hour_tenths(75), 13);  // 1.25 h, a tie: printf's ties-to-even read 1.2
  EXPECT_EQ(hour_tenths(81), 14);  // 1.35 h
  EXPECT_EQ(hour_tenths(87), 15);  // 1.45 h
  EXPECT_EQ(hour_tenths(120), 20);
  EXPECT_EQ(hour_tenths(614), 102);  // 10.233 h
}

TEST(ShownFigures, SecondsRoundOnceNotThroughWholeMinutes) {
  // A mean of 1.742 h: whole minutes first (105) made it 1.75 and then 1.8.
  EXPECT_EQ(hour_tenths_of_seconds(6272.7), 17);
  EXPECT_EQ(hour_tenths_of_seconds(36900.0), 103);  // 10.25 h
  EXPECT_EQ(hour_tenths_of_seconds(179.0), 0);
  EXPECT_EQ(hour_tenths_of_seconds(180.0), 1);
  EXPECT_EQ(day_tenths_of_seconds(2.25 * 86400.0), 23);
  EXPECT_EQ(day_tenths_of_seconds(2.24 * 86400.0), 22);
}

TEST(ShownFigures, TenthsReadWithOneDecimal) {
  EXPECT_EQ(tenths_text(0), "0.0");
  EXPECT_EQ(tenths_text(13), "1.3");
  EXPECT_EQ(tenths_text(105), "10.5");
  EXPECT_EQ(tenths_text(-5), "-0.5");
}

TEST(ShownFigures, EveryWholeMinuteReadsAsItsHoursRoundedHalfUp) {
  for (std::int64_t minutes = 0; minutes <= 3000; ++minutes) {
    // Hundredths of an hour are 5/3 of the minutes: the tenth is up when they end in 5 or more.
    const std::int64_t thousandths = minutes * 1000 / 60;
    const std::int64_t expected = thousandths / 100 + (thousandths % 100 >= 50 ? 1 : 0);
    EXPECT_EQ(hour_tenths(minutes), expected) << minutes;
  }
}

}  // namespace
}  // namespace whistle::handlers
