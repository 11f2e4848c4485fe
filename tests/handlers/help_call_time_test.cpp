#include "handlers/help_call_time.hpp"

#include <gtest/gtest.h>

#include "handler_fixture.hpp"

namespace whistle::handlers {
namespace {

using testing::kShanghai;
constexpr std::int64_t kHour = 3600;
// Friday 2026-11-27 00:00 in Asia/Shanghai.
constexpr std::int64_t kFridayMidnight = 1795708800;
constexpr std::int64_t kSaturdayMidnight = kFridayMidnight + 24 * kHour;
constexpr std::int64_t kMonday = kFridayMidnight - 4 * 24 * kHour;

TEST(HelpCallTime, ADaytimeCallKeepsItsTime) {
  EXPECT_EQ(help_call_time(kSaturdayMidnight + 9 * kHour, kSaturdayMidnight + 21 * kHour, kMonday, kShanghai),
            kSaturdayMidnight + 9 * kHour);
  // 21:59 is still evening, 07:00 already morning.
  EXPECT_EQ(
      help_call_time(kFridayMidnight + 22 * kHour - 60, kSaturdayMidnight + 10 * kHour, kMonday, kShanghai),
      kFridayMidnight + 22 * kHour - 60);
  EXPECT_EQ(help_call_time(kSaturdayMidnight + 7 * kHour, kSaturdayMidnight + 19 * kHour, kMonday, kShanghai),
            kSaturdayMidnight + 7 * kHour);
}

TEST(HelpCallTime, ANightCallMovesToNineTheEveningBefore) {
  const std::int64_t friday_2100 = kFridayMidnight + 21 * kHour;
  // 02:00 Saturday (a 14:00 start, 12 hours ahead) and 23:00 Friday both go out at 21:00 Friday.
  EXPECT_EQ(help_call_time(kSaturdayMidnight + 2 * kHour, kSaturdayMidnight + 14 * kHour, kMonday, kShanghai),
            friday_2100);
  EXPECT_EQ(help_call_time(kFridayMidnight + 23 * kHour, kSaturdayMidnight + 11 * kHour, kMonday, kShanghai),
            friday_2100);
  EXPECT_EQ(help_call_time(kFridayMidnight + 22 * kHour, kSaturdayMidnight + 10 * kHour, kMonday, kShanghai),
            friday_2100);
}

TEST(HelpCallTime, WhistledAfterThatEveningTheCallWaitsForSevenIfBeforeTheStart) {
  const std::int64_t friday_2130 = kFridayMidnight + 21 * kHour + 30 * 60;
  EXPECT_EQ(
      help_call_time(kSaturdayMidnight + 2 * kHour, kSaturdayMidnight + 14 * kHour, friday_2130, kShanghai),
      kSaturdayMidnight + 7 * kHour);
  // A 07:00 start (one hour ahead): seven is not before it, so no call.
  EXPECT_FALSE(
      help_call_time(kSaturdayMidnight + 6 * kHour, kSaturdayMidnight + 7 * kHour, friday_2130, kShanghai));
}

TEST(HelpCallTime, ACallAlreadyDueIsNotMade) {
  EXPECT_FALSE(help_call_time(kMonday, kMonday + 12 * kHour, kMonday, kShanghai));
}

}  // namespace
}  // namespace whistle::handlers
