#pragma once

#include <chrono>
#include <cstddef>

namespace whistle::bot {

/// When the writer waits a little for a batch to fill. See docs/architecture.md, "One path for
/// every event", and bench/pipeline-notes.md for the measurements behind the defaults.
struct LingerOptions {
  /// The longest a flush waits for more events; zero turns lingering off.
  std::chrono::microseconds max_wait{0};
  /// A batch of this many events or more is big enough: it is never held back.
  std::size_t enough = 8;
};

/// The adaptive linger's rule, a plain object fed with the times the pipeline reads (so tests
/// drive it with made-up times). The writer asks it, when a flush finds only a few events
/// waiting, whether to wait for more: yes when the recent arrival rate says at least one more
/// will come within `max_wait`, never after an idle spell (a lone message is flushed at once).
class Linger {
 public:
  using TimePoint = std::chrono::steady_clock::time_point;

  /// What a flush should do: wait up to `wait` (zero: flush now) or until `target` are waiting.
  struct Decision {
    std::chrono::microseconds wait{0};
    std::size_t target = 0;
  };

  explicit Linger(LingerOptions options) : options_(options) {}

  /// A flush found `waiting` events at `now`.
  Decision decide(std::size_t waiting, TimePoint now) const;

  /// A batch of `events` was taken at `now`: updates the arrival rate.
  void taken(std::size_t events, TimePoint now);

  /// The batch taken last was applied at `now`: from then on the writer is idle.
  void finished(TimePoint now) { last_finished_ = now; }

  /// The arrival rate the rule believes in, in events per second (for tests and notes).
  double rate() const { return rate_; }

 private:
  LingerOptions options_;
  TimePoint last_taken_{};
  TimePoint last_finished_{};
  bool seen_batch_ = false;
  double rate_ = 0;  ///< events per second, a moving average over batches
};

}  // namespace whistle::bot
