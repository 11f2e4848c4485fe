#include "bot/log_throttle.hpp"

namespace whistle::bot {

std::optional<std::uint64_t> LogThrottle::admit(Clock::time_point now) {
  const std::lock_guard lock(mutex_);
  if (last_ && now - *last_ < interval_) {
    ++suppressed_;
    return std::nullopt;
  }
  last_ = now;
  const std::uint64_t held_back = suppressed_;
  suppressed_ = 0;
  return held_back;
}

}  // namespace whistle::bot
