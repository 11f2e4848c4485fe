#include "bot/board/ranked_people.hpp"

#include <algorithm>

namespace whistle::bot::board {

namespace {

// RankingRepository's order: points, then minutes, both highest first, then the person id as
// SQLite compares text (byte by byte, as std::string does), so ties come out as SQL gives them.
struct RankingOrder {
  const PersonIds& ids;
  bool operator()(const RankedRow& a, const RankedRow& b) const {
    if (a.points != b.points) return a.points > b.points;
    if (a.minutes != b.minutes) return a.minutes > b.minutes;
    return ids.id(a.person) < ids.id(b.person);
  }
};

}  // namespace

PersonIndex PersonIds::index(const std::string& person) {
  const auto [found, added] = indexes_.try_emplace(person, static_cast<PersonIndex>(ids_.size()));
  if (added) ids_.push_back(person);
  return found->second;
}

RankedPeople::RankedPeople(const std::unordered_map<PersonIndex, Sums>& sums, const PersonIds& ids)
    : totals_(sums) {
  rows_.reserve(sums.size());
  for (const auto& [person, total] : sums)
    rows_.push_back(RankedRow{total.points, total.minutes, person});
  std::sort(rows_.begin(), rows_.end(), RankingOrder{ids});
}

void RankedPeople::add(PersonIndex person, const Sums& earned, const PersonIds& ids) {
  const RankingOrder order{ids};
  const auto [total, first] = totals_.try_emplace(person);
  if (first) {
    total->second = earned;
    const RankedRow row{earned.points, earned.minutes, person};
    rows_.insert(std::lower_bound(rows_.begin(), rows_.end(), row, order), row);
    return;
  }
  // The row is found by its old figures (the person id makes each row's place unique), then moved
  // to where its new figures belong; the rows in between shift by one.
  const RankedRow old{total->second.points, total->second.minutes, person};
  total->second.points += earned.points;
  total->second.minutes += earned.minutes;
  const RankedRow now{total->second.points, total->second.minutes, person};
  const auto here = std::lower_bound(rows_.begin(), rows_.end(), old, order);
  if (order(now, old)) {
    const auto there = std::lower_bound(rows_.begin(), here, now, order);
    std::rotate(there, here, here + 1);
    *there = now;
  } else {
    const auto there = std::lower_bound(here + 1, rows_.end(), now, order);
    std::rotate(here, here + 1, there);
    *(there - 1) = now;
  }
}

std::int64_t RankedPeople::rank_at(std::int64_t place) const {
  const std::int64_t points = at(place).points;
  const auto first_equal =
      std::partition_point(rows_.begin(), rows_.begin() + place + 1,
                           [points](const RankedRow& row) { return row.points > points; });
  return (first_equal - rows_.begin()) + 1;
}

}  // namespace whistle::bot::board
