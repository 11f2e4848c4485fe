// The ticket clocks' arithmetic (handlers/ticket_clock): quiet hours across midnight and within a
// day, a paused clock stepping over the nights, a clock that never pauses.
#include "handlers/ticket_clock.hpp"

#include <gtest/gtest.h>

#include "handler_fixture.hpp"

namespace whistle::handlers::testing {
namespace {

config::QuietHours night() {
  return config::QuietHours{true, 22 * 60, 7 * 60};
}

TEST(TicketClock, GeneralAndComplexPauseUrgentAndUtilitiesNever) {
  EXPECT_TRUE(class_pauses_at_night("general"));
  EXPECT_TRUE(class_pauses_at_night("complex"));
  EXPECT_FALSE(class_pauses_at_night("urgent"));
  EXPECT_FALSE(class_pauses_at_night("utilities"));
}

TEST(TicketClock, SolveHoursFollowTheClass) {
  const config::Rules rules;
  EXPECT_EQ(solve_hours_of(rules, "urgent"), 24);
  EXPECT_EQ(solve_hours_of(rules, "utilities"), 24);
  EXPECT_EQ(solve_hours_of(rules, "general"), 168);
  EXPECT_EQ(solve_hours_of(rules, "complex"), 360);
}

TEST(TicketClock, QuietHoursAcrossMidnight) {
  EXPECT_FALSE(in_quiet_hours(kMonday0900, night(), kShanghai));
  EXPECT_TRUE(in_quiet_hours(kMonday0900 + 13 * kHour, night(), kShanghai));  // 22:00 starts them
  EXPECT_TRUE(in_quiet_hours(kMonday2300, night(), kShanghai));
  EXPECT_TRUE(in_quiet_hours(kTuesday0700 - 1, night(), kShanghai));
  EXPECT_FALSE(in_quiet_hours(kTuesday0700, night(), kShanghai));  // 07:00 ends them
  EXPECT_EQ(end_of_quiet_hours(kMonday2300, night(), kShanghai), kTuesday0700);
  EXPECT_EQ(end_of_quiet_hours(kMonday0900, night(), kShanghai), kMonday0900);
  config::QuietHours off = night();
  off.enabled = false;
  EXPECT_FALSE(in_quiet_hours(kMonday2300, off, kShanghai));
}

TEST(TicketClock, QuietHoursWithinADay) {
  const config::QuietHours lunch{true, 12 * 60, 14 * 60};
  EXPECT_TRUE(in_quiet_hours(kMonday0900 + 3 * kHour, lunch, kShanghai));
  EXPECT_FALSE(in_quiet_hours(kMonday2300, lunch, kShanghai));
  // Two hours from 11:00: one before noon, the other from 14:00.
  EXPECT_EQ(deadline_after(kMonday0900 + 2 * kHour, 2 * kHour, true, lunch, kShanghai),
            kMonday0900 + 6 * kHour);
}

TEST(TicketClock, APausedClockStartedAt2300RunsFrom0700) {
  EXPECT_EQ(deadline_after(kMonday2300, 2 * kHour, true, night(), kShanghai), kTuesday0900);
  // Started at 06:00 in the quiet hours: the same.
  EXPECT_EQ(deadline_after(kTuesday0700 - kHour, 2 * kHour, true, night(), kShanghai), kTuesday0900);
}

TEST(TicketClock, APausedClockStepsOverTheNight) {
  // 21:00 + 2 hours: one hour before 22:00, one after 07:00.
  EXPECT_EQ(deadline_after(kMonday0900 + 12 * kHour, 2 * kHour, true, night(), kShanghai),
            kTuesday0700 + kHour);
  // Exactly up to the start of the quiet hours: due at 22:00, not carried to the morning.
  EXPECT_EQ(deadline_after(kMonday0900 + 11 * kHour, 2 * kHour, true, night(), kShanghai),
            kMonday0900 + 13 * kHour);
}

TEST(TicketClock, AWeekOfGeneralTimeSpansElevenDays) {
  // 168 hours from Monday 09:00 at 15 open hours a day: 13 on Monday, 15 on each of the next ten
  // days, and the last 5 on the eleventh from 07:00: Friday 4 December 12:00.
  EXPECT_EQ(deadline_after(kMonday0900, 168 * kHour, true, night(), kShanghai),
            kMonday0900 + 11 * 24 * kHour + 3 * kHour);
}

TEST(TicketClock, AClockThatNeverPausesRunsStraightThrough) {
  EXPECT_EQ(deadline_after(kMonday2300, 2 * kHour, false, night(), kShanghai), kMonday2300 + 2 * kHour);
  config::QuietHours off = night();
  off.enabled = false;
  EXPECT_EQ(deadline_after(kMonday2300, 2 * kHour, true, off, kShanghai), kMonday2300 + 2 * kHour);
}

}  // namespace
}  // namespace whistle::handlers::testing
