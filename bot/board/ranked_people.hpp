#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

namespace whistle::bot::board {

/// A person of a month, by their index in the month's table of person ids (PersonIds).
using PersonIndex = std::uint32_t;

/// The person ids a month has seen, each given a small index once.
class PersonIds {
 public:
  /// The person's index, given on first sight.
  PersonIndex index(const std::string& person);

  /// The id of an index.
  const std::string& id(PersonIndex index) const { return ids_[index]; }

 private:
  std::vector<std::string> ids_;
  std::unordered_map<std::string, PersonIndex> indexes_;
};

/// Points and service minutes summed.
struct Sums {
  std::int64_t points = 0;
  std::int64_t minutes = 0;
};

/// One row of a ranking.
struct RankedRow {
  std::int64_t points = 0;
  std::int64_t minutes = 0;
  PersonIndex person = 0;
};

/// A subtree's people in ranking order — most points, then most minutes, then person id, as
/// RankingRepository::people orders them — kept in order as earnings are added one at a time, so a
/// new ledger entry costs a binary search and a move instead of a sort of the month.
class RankedPeople {
 public:
  /// Ranks `sums` once.
  RankedPeople(const std::unordered_map<PersonIndex, Sums>& sums, const PersonIds& ids);

  /// Adds an earning (of any sign, or zero: the person is ranked from their first entry on).
  void add(PersonIndex person, const Sums& earned, const PersonIds& ids);

  /// How many people are ranked.
  std::int64_t size() const { return static_cast<std::int64_t>(rows_.size()); }

  /// The row at a 0-based place.
  const RankedRow& at(std::int64_t place) const { return rows_[static_cast<std::size_t>(place)]; }

  /// The rank shown at a 0-based place: equal points share a rank (1, 2, 2, 4), as docs/ranking.md
  /// and the chat's 排行 number them — one plus how many have more points.
  std::int64_t rank_at(std::int64_t place) const;

 private:
  std::vector<RankedRow> rows_;
  std::unordered_map<PersonIndex, Sums> totals_;
};

}  // namespace whistle::bot::board
