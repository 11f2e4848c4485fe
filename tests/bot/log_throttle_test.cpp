#include "bot/log_throttle.hpp"

#include <gtest/gtest.h>

namespace whistle::bot {
namespace {

TEST(LogThrottle, LetsOneLineThroughPerIntervalAndCountsTheRest) {
  LogThrottle throttle(std::chrono::seconds(10));
  const LogThrottle::Clock::time_point start{};
  EXPECT_EQ(throttle.admit(start), 0u);
  EXPECT_FALSE(throttle.admit(start + std::chrono::seconds(1)));
  EXPECT_FALSE(throttle.admit(start + std::chrono::seconds(9)));
  EXPECT_EQ(throttle.admit(start + std::chrono::seconds(10)), 2u);
  EXPECT_EQ(throttle.admit(start + std::chrono::seconds(30)), 0u);
}

}  // namespace
}  // namespace whistle::bot
