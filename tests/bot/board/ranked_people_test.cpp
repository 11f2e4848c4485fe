#include "bot/board/ranked_people.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>

namespace whistle::bot::board {
namespace {

// The ranking a full sort gives: points, then minutes, both highest first, then person id.
std::vector<RankedRow> fully_sorted(const std::unordered_map<PersonIndex, Sums>& totals,
                                    const PersonIds& ids) {
  std::vector<RankedRow> rows;
  for (const auto& [person, sums] : totals)
    rows.push_back(RankedRow{sums.points, sums.minutes, person});
  std::sort(rows.begin(), rows.end(), [&ids](const RankedRow& a, const RankedRow& b) {
    if (a.points != b.points) return a.points > b.points;
    if (a.minutes != b.minutes) return a.minutes > b.minutes;
    return ids.id(a.person) < ids.id(b.person);
  });
  return rows;
}

TEST(RankedPeople, EarningsAddedOneAtATimeKeepTheOrderAFullSortGives) {
  PersonIds ids;
  std::unordered_map<PersonIndex, Sums> totals;
  std::mt19937 random(14);
  // Ids whose byte order differs from their number's, so the tie-break is the text's.
  for (int i = 0; i < 40; ++i)
    ids.index("generic:p" + std::to_string((i * 37) % 40));
  for (int i = 0; i < 20; ++i)
    totals[ids.index("generic:p" + std::to_string(i))] = Sums{i % 4, (i * 7) % 3};
  RankedPeople ranked(totals, ids);
  for (int step = 0; step < 2000; ++step) {
    const PersonIndex person = ids.index("generic:p" + std::to_string(random() % 40));
    // Small figures of both signs and zero: many ties to break, moves both ways.
    const Sums earned{static_cast<std::int64_t>(random() % 7) - 3,
                      static_cast<std::int64_t>(random() % 3) - 1};
    ranked.add(person, earned, ids);
    totals[person].points += earned.points;
    totals[person].minutes += earned.minutes;
    const std::vector<RankedRow> expected = fully_sorted(totals, ids);
    ASSERT_EQ(ranked.size(), static_cast<std::int64_t>(expected.size()));
    for (std::size_t i = 0; i < expected.size(); ++i) {
      ASSERT_EQ(ranked.at(static_cast<std::int64_t>(i)).person, expected[i].person) << "step " << step;
      ASSERT_EQ(ranked.at(static_cast<std::int64_t>(i)).points, expected[i].points);
      ASSERT_EQ(ranked.at(static_cast<std::int64_t>(i)).minutes, expected[i].minutes);
    }
  }
}

TEST(RankedPeople, EqualPointsShareARankWhateverTheirMinutes) {
  PersonIds ids;
  std::unordered_map<PersonIndex, Sums> totals{{ids.index("a"), {20, 0}},
                                               {ids.index("b"), {15, 90}},
                                               {ids.index("c"), {15, 30}},
                                               {ids.index("d"), {15, 30}},
                                               {ids.index("e"), {10, 0}}};
  const RankedPeople ranked(totals, ids);
  std::vector<std::int64_t> ranks;
  for (std::int64_t place = 0; place < ranked.size(); ++place)
    ranks.push_back(ranked.rank_at(place));
  EXPECT_EQ(ranks, (std::vector<std::int64_t>{1, 2, 2, 2, 5}));
}

}  // namespace
}  // namespace whistle::bot::board
