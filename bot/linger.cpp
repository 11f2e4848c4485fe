#include "bot/linger.hpp"

#include <algorithm>
#include <cmath>

namespace whistle::bot {

namespace {

// The weight of the newest batch in the rate: a few batches decide, so a burst that ends is
// forgotten within a millisecond or two of small batches.
constexpr double kNewestWeight = 0.25;

double seconds(std::chrono::steady_clock::duration d) {
  return std::chrono::duration<double>(d).count();
}

}  // namespace

Linger::Decision Linger::decide(std::size_t waiting, TimePoint now) const {
  const double max_wait = seconds(options_.max_wait);
  if (max_wait <= 0 || waiting >= options_.enough || !seen_batch_) return {};
  // An idle spell: the writer has had nothing to do for longer than the linger itself, so whatever
  // the average says, the next event is not about to come (a lone message must not wait). Idle
  // counts from the end of the last batch, not its start: a batch that took longer than the bound
  // to apply says events are coming, not that none are.
  const double idle = seconds(now - std::max(last_taken_, last_finished_));
  if (idle > max_wait) return {};
  // Events expected within the longest wait; under one, waiting would most likely buy nothing.
  const double expected = rate_ * max_wait;
  if (expected < 1) return {};
  const std::size_t target =
      std::min(options_.enough, waiting + static_cast<std::size_t>(std::floor(expected)));
  // Wait as long as the missing events should take to arrive, never longer than the bound.
  const double needed = static_cast<double>(target - waiting) / rate_;
  const auto wait = std::chrono::microseconds(static_cast<std::int64_t>(std::min(needed, max_wait) * 1e6));
  if (wait.count() <= 0) return {};
  return {wait, target};
}

void Linger::taken(std::size_t events, TimePoint now) {
  if (seen_batch_) {
    // The batch's events arrived since the last one was taken; a gap of zero (two flushes in one
    // tick of the clock) carries no news about the rate.
    const double gap = seconds(now - last_taken_);
    if (gap > 0) {
      const double sample = static_cast<double>(events) / gap;
      rate_ = kNewestWeight * sample + (1 - kNewestWeight) * rate_;
    }
  }
  seen_batch_ = true;
  last_taken_ = now;
}

}  // namespace whistle::bot
