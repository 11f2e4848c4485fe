#include <gtest/gtest.h>

#include "config/config.hpp"
#include "config/time_zone.hpp"
#include "tests/config/config_test_support.hpp"

namespace whistle::config {
namespace {

constexpr int kHour = 3600;

TEST(TimeZones, ChinaStandardTimeIsEightHoursEastUnderEveryName) {
  for (const char* zone : {"Asia/Shanghai", "Asia/Chongqing", "Asia/Harbin", "Asia/Hong_Kong", "Asia/Macau",
                           "Asia/Taipei", "Asia/Singapore"}) {
    EXPECT_EQ(utc_offset_of(zone), 8 * kHour) << zone;
  }
}

TEST(TimeZones, UrumqiFollowsTheIanaDatabaseAtSixHours) {
  EXPECT_EQ(utc_offset_of("Asia/Urumqi"), 6 * kHour);
}

TEST(TimeZones, TokyoAndSeoulAreNineHoursEast) {
  EXPECT_EQ(utc_offset_of("Asia/Tokyo"), 9 * kHour);
  EXPECT_EQ(utc_offset_of("Asia/Seoul"), 9 * kHour);
}

TEST(TimeZones, UtcHasNoOffset) {
  EXPECT_EQ(utc_offset_of("UTC"), 0);
  EXPECT_EQ(utc_offset_of("Etc/UTC"), 0);
}

TEST(TimeZones, FixedOffsetsAreReadWithHoursAndMinutes) {
  EXPECT_EQ(utc_offset_of("UTC+8"), 8 * kHour);
  EXPECT_EQ(utc_offset_of("UTC+08"), 8 * kHour);
  EXPECT_EQ(utc_offset_of("UTC+05:30"), 5 * kHour + 30 * 60);
  EXPECT_EQ(utc_offset_of("UTC-3"), -3 * kHour);
  EXPECT_EQ(utc_offset_of("UTC+14"), 14 * kHour);
  EXPECT_EQ(utc_offset_of("UTC-12:00"), -12 * kHour);
}

TEST(TimeZones, MalformedOrOutOfRangeOffsetsAreNotZones) {
  for (const char* zone : {"UTC+", "UTC+15", "UTC-13", "UTC+5:3", "UTC+05:60", "UTC+123", "UTC8", "GMT+8",
                           "utc+8", "UTC+8 ", "UTC+a"}) {
    EXPECT_EQ(utc_offset_of(zone), std::nullopt) << zone;
  }
}

TEST(TimeZones, ZonesWithDaylightSavingAreNotResolved) {
  EXPECT_EQ(utc_offset_of("Europe/Berlin"), std::nullopt);
  EXPECT_EQ(utc_offset_of("America/New_York"), std::nullopt);
  EXPECT_EQ(utc_offset_of("asia/shanghai"), std::nullopt);
}

TEST(TimeZones, TheConfiguredZoneIsResolvedAtLoad) {
  const Config config = parse_config("[locale]\ntimezone = \"UTC+05:30\"\n", testing::kSource);
  EXPECT_EQ(config.locale.timezone, "UTC+05:30");
  EXPECT_EQ(config.locale.utc_offset_seconds, 5 * kHour + 30 * 60);
}

}  // namespace
}  // namespace whistle::config
