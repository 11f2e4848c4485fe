#pragma once

#include <atomic>
#include <cstdint>

namespace whistle::bot {

/// Where the bot learns the time; injected so that tests and the simulator can choose it.
class Clock {
 public:
  virtual ~Clock() = default;

  /// The current time in Unix seconds (UTC).
  virtual std::int64_t now() const = 0;
};

/// The wall clock: the only place in the product that reads it.
class SystemClock final : public Clock {
 public:
  /// The system's current time in Unix seconds.
  std::int64_t now() const override;
};

/// A clock that says what it is told, for tests; safe to set from another thread.
class FixedClock final : public Clock {
 public:
  /// Starts at `now` (Unix seconds).
  explicit FixedClock(std::int64_t now) : now_(now) {}

  std::int64_t now() const override { return now_.load(std::memory_order_relaxed); }

  /// Moves the clock to `now`.
  void set(std::int64_t now) { now_.store(now, std::memory_order_relaxed); }

 private:
  std::atomic<std::int64_t> now_;
};

}  // namespace whistle::bot
