#pragma once

#include <chrono>
#include <deque>
#include <functional>
#include <map>
#include <string>

#include "bot/adapters/adapter.hpp"

namespace whistle::bot {

/// Keeps the platforms' sending limits: at most `count` sends in any `period` under one key (a
/// chat, an instance), and holds a key back until a time a platform named (a rate-limit answer).
/// The clock is injected, so tests check the pacing without waiting. Used on one strand only.
class SendPacer {
 public:
  using TimePoint = std::chrono::steady_clock::time_point;
  using Now = std::function<TimePoint()>;

  /// `now` is the pacer's clock; the steady clock by default.
  explicit SendPacer(Now now = [] { return std::chrono::steady_clock::now(); });

  /// The earliest time a send under `key` keeps `pace` and any hold; a time in the past (the
  /// clock's epoch) when nothing holds it back.
  TimePoint next_allowed(const std::string& key, const Pace& pace) const;

  /// Notes a send under `key` now (only the last `pace.count` are kept).
  void record(const std::string& key, const Pace& pace);

  /// Holds sends under `key` back until `until` (a platform said when to come back).
  void hold(const std::string& key, TimePoint until);

  /// The pacer's clock now.
  TimePoint now() const { return now_(); }

 private:
  /// Drops what no longer constrains anything, now and then, so 100k chats sent to once do not
  /// stay in memory for ever.
  void forget_idle(TimePoint now);

  Now now_;
  std::size_t records_since_sweep_ = 0;
  std::map<std::string, std::deque<TimePoint>> sent_;
  std::map<std::string, TimePoint> held_;
};

}  // namespace whistle::bot
