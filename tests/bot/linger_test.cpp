// The adaptive linger's rule, fed with made-up times: it waits only while events arrive fast
// enough for one more to come within the bound, never after an idle spell, never for a full batch.
#include "bot/linger.hpp"

#include <gtest/gtest.h>

namespace whistle::bot {
namespace {

using std::chrono::microseconds;
using std::chrono::milliseconds;

constexpr LingerOptions kLingerOneMs{.max_wait = milliseconds(1), .enough = 8};

Linger::TimePoint linger_at(microseconds since_start) {
  return Linger::TimePoint{} + std::chrono::hours(1) + since_start;
}

// Batches of `events` taken every `gap`, `count` times from the start, each applied at once.
void linger_feed(Linger& linger, std::size_t events, microseconds gap, int count) {
  for (int i = 0; i < count; ++i) {
    linger.taken(events, linger_at(gap * i));
    linger.finished(linger_at(gap * i));
  }
}

TEST(Linger, TheFirstEventEverIsFlushedAtOnce) {
  const Linger linger(kLingerOneMs);
  EXPECT_EQ(linger.decide(1, linger_at(microseconds(0))).wait.count(), 0);
}

TEST(Linger, WaitsWhileEventsArriveFasterThanTheBound) {
  Linger linger(kLingerOneMs);
  // One event every 100 µs: ten expected within the bound.
  linger_feed(linger, 1, microseconds(100), 20);
  const Linger::Decision decision = linger.decide(1, linger_at(microseconds(1950)));
  EXPECT_GT(decision.wait.count(), 0);
  EXPECT_LE(decision.wait, kLingerOneMs.max_wait);
  EXPECT_GT(decision.target, 1u);
  EXPECT_LE(decision.target, kLingerOneMs.enough);
}

TEST(Linger, ALoneMessageAfterAnIdleSpellIsNotHeld) {
  Linger linger(kLingerOneMs);
  linger_feed(linger, 1, microseconds(100), 20);
  // The rate still remembers the burst, but nothing was taken for longer than the bound.
  EXPECT_EQ(linger.decide(1, linger_at(microseconds(1900) + milliseconds(5))).wait.count(), 0);
}

TEST(Linger, ABatchThatTookLongToApplyIsNoIdleSpell) {
  Linger linger(kLingerOneMs);
  linger_feed(linger, 1, microseconds(100), 20);
  // The last batch was taken 3 ms ago but applied only just now: the writer was busy, not idle.
  linger.taken(1, linger_at(microseconds(2000)));
  linger.finished(linger_at(microseconds(5000)));
  EXPECT_GT(linger.decide(1, linger_at(microseconds(5050))).wait.count(), 0);
}

TEST(Linger, SlowArrivalsAreNotWaitedFor) {
  Linger linger(kLingerOneMs);
  // One event every 2 ms: under one expected within the bound.
  linger_feed(linger, 1, microseconds(2000), 20);
  EXPECT_EQ(linger.decide(1, linger_at(microseconds(38'100))).wait.count(), 0);
}

TEST(Linger, ABatchThatIsBigEnoughGoesAtOnce) {
  Linger linger(kLingerOneMs);
  linger_feed(linger, 1, microseconds(100), 20);
  EXPECT_EQ(linger.decide(kLingerOneMs.enough, linger_at(microseconds(1950))).wait.count(), 0);
}

TEST(Linger, OffWhenTheBoundIsZero) {
  Linger linger(LingerOptions{.max_wait = microseconds(0), .enough = 8});
  linger_feed(linger, 1, microseconds(10), 20);
  EXPECT_EQ(linger.decide(1, linger_at(microseconds(195))).wait.count(), 0);
}

}  // namespace
}  // namespace whistle::bot
