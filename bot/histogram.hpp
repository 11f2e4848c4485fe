#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace whistle::bot {

/// A Prometheus histogram with fixed upper bounds, safe to observe from any thread without a lock.
class Histogram {
 public:
  /// `bounds` are the buckets' upper limits, ascending; `+Inf` is added.
  explicit Histogram(std::vector<double> bounds);

  /// Counts one observation.
  void observe(double value);

  /// Appends the `_bucket`, `_sum` and `_count` lines of metric `name` in Prometheus text format.
  void render(std::string& out, std::string_view name) const;

  /// How many observations were counted.
  std::uint64_t count() const { return count_.load(std::memory_order_relaxed); }

 private:
  std::vector<double> bounds_;
  std::unique_ptr<std::atomic<std::uint64_t>[]> buckets_;  ///< per bound, not cumulative
  std::atomic<std::uint64_t> count_{0};
  // The sum is kept in millionths so that it can be an integer atomic (fetch_add on a double
  // would be a compare-exchange loop).
  std::atomic<std::uint64_t> sum_micros_{0};
};

}  // namespace whistle::bot
