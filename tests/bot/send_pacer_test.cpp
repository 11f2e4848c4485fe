#include "bot/send_pacer.hpp"

#include <gtest/gtest.h>

namespace whistle::bot {
namespace {

using std::chrono::milliseconds;
using std::chrono::seconds;

// A clock the test moves by hand: pacing is checked without waiting.
struct ManualClock {
  SendPacer::TimePoint now{seconds(1000)};
  SendPacer::Now function() {
    return [this] { return now; };
  }
};

TEST(SendPacer, TwentyAMinuteLetsTwentyGoThenHoldsTheTwentyFirstUntilTheFirstIsAMinuteOld) {
  ManualClock clock;
  SendPacer pacer(clock.function());
  const Pace robot{20, seconds(60)};
  for (int i = 0; i < 20; ++i) {
    EXPECT_LE(pacer.next_allowed("wecom_robot:wr1", robot), clock.now) << i;
    pacer.record("wecom_robot:wr1", robot);
    clock.now += seconds(1);
  }
  // The 21st, 20 s after the first: it waits until the first send is a minute old.
  const SendPacer::TimePoint first = SendPacer::TimePoint{seconds(1000)};
  EXPECT_EQ(pacer.next_allowed("wecom_robot:wr1", robot), first + seconds(60));
  // Another chat is not held back by this one.
  EXPECT_LE(pacer.next_allowed("wecom_robot:wr2", robot), clock.now);
  clock.now = first + seconds(60);
  EXPECT_LE(pacer.next_allowed("wecom_robot:wr1", robot), clock.now);
}

TEST(SendPacer, FivePerSecondSpacesTheSixth) {
  ManualClock clock;
  SendPacer pacer(clock.function());
  const Pace feishu{5, seconds(1)};
  const SendPacer::TimePoint start = clock.now;
  for (int i = 0; i < 5; ++i) {
    pacer.record("feishu:oc_1", feishu);
    clock.now += milliseconds(10);
  }
  EXPECT_EQ(pacer.next_allowed("feishu:oc_1", feishu), start + seconds(1));
}

TEST(SendPacer, AHoldFromThePlatformWinsOverAFreePace) {
  ManualClock clock;
  SendPacer pacer(clock.function());
  pacer.hold("telegram:-100", clock.now + seconds(37));
  EXPECT_EQ(pacer.next_allowed("telegram:-100", Pace{}), clock.now + seconds(37));
  // An earlier hold does not shorten a later one.
  pacer.hold("telegram:-100", clock.now + seconds(5));
  EXPECT_EQ(pacer.next_allowed("telegram:-100", Pace{}), clock.now + seconds(37));
}

TEST(SendPacer, NoLimitNeverWaits) {
  ManualClock clock;
  SendPacer pacer(clock.function());
  for (int i = 0; i < 1000; ++i)
    pacer.record("generic:g1", Pace{});
  EXPECT_LE(pacer.next_allowed("generic:g1", Pace{}), clock.now);
}

}  // namespace
}  // namespace whistle::bot
