#pragma once

#include <chrono>
#include <cstdint>
#include <mutex>
#include <optional>

namespace whistle::bot {

/// Lets one log line through per interval and counts the ones it held back, so that a flood of the
/// same event (refused connections under attack) writes a line every few seconds, not one per event.
/// Thread-safe.
class LogThrottle {
 public:
  using Clock = std::chrono::steady_clock;

  /// At most one line per `interval`.
  explicit LogThrottle(Clock::duration interval) : interval_(interval) {}

  /// When a line may be written at `now`: how many were held back since the last one written;
  /// otherwise empty (and this one is counted as held back).
  std::optional<std::uint64_t> admit(Clock::time_point now = Clock::now());

 private:
  const Clock::duration interval_;
  std::mutex mutex_;
  std::optional<Clock::time_point> last_;
  std::uint64_t suppressed_ = 0;
};

}  // namespace whistle::bot
