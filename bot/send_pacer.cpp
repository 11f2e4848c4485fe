#include "bot/send_pacer.hpp"

#include <algorithm>

namespace whistle::bot {

SendPacer::SendPacer(Now now) : now_(std::move(now)) {}

SendPacer::TimePoint SendPacer::next_allowed(const std::string& key, const Pace& pace) const {
  // The epoch of the steady clock: long past, so "no constraint" compares as "now".
  TimePoint allowed{};
  if (const auto held = held_.find(key); held != held_.end()) allowed = std::max(allowed, held->second);
  if (!pace.limited()) return allowed;
  const auto sent = sent_.find(key);
  if (sent == sent_.end() || sent->second.size() < static_cast<std::size_t>(pace.count)) return allowed;
  // A window of `count` sends: the next may go once the oldest of the last `count` is a period old.
  const TimePoint oldest = sent->second[sent->second.size() - static_cast<std::size_t>(pace.count)];
  return std::max(allowed, oldest + pace.period);
}

namespace {

// Longer than any platform's pace period (the longest is a minute): a key whose last send is older
// constrains nothing.
constexpr std::chrono::minutes kIdleAfter{10};
constexpr std::size_t kRecordsPerSweep = 4096;

}  // namespace

void SendPacer::record(const std::string& key, const Pace& pace) {
  if (!pace.limited()) return;
  const TimePoint now = now_();
  if (++records_since_sweep_ >= kRecordsPerSweep) forget_idle(now);
  std::deque<TimePoint>& sent = sent_[key];
  sent.push_back(now);
  while (sent.size() > static_cast<std::size_t>(pace.count))
    sent.pop_front();
}

void SendPacer::hold(const std::string& key, TimePoint until) {
  TimePoint& held = held_[key];
  held = std::max(held, until);
}

void SendPacer::forget_idle(TimePoint now) {
  records_since_sweep_ = 0;
  std::erase_if(sent_, [now](const auto& entry) {
    return entry.second.empty() || entry.second.back() + kIdleAfter < now;
  });
  std::erase_if(held_, [now](const auto& entry) { return entry.second < now; });
}

}  // namespace whistle::bot
