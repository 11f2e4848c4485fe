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

void SendPacer::record(const std::string& key, const Pace& pace) {
  if (!pace.limited()) return;
  std::deque<TimePoint>& sent = sent_[key];
  sent.push_back(now_());
  while (sent.size() > static_cast<std::size_t>(pace.count))
    sent.pop_front();
}

void SendPacer::hold(const std::string& key, TimePoint until) {
  TimePoint& held = held_[key];
  held = std::max(held, until);
}

}  // namespace whistle::bot
