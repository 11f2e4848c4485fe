#include "handlers/ranking_month.hpp"

#include <gtest/gtest.h>

#include "handler_fixture.hpp"

#include "handlers/ranking_text.hpp"

namespace whistle::handlers {
namespace {

using testing::kShanghai;

TEST(RankingMonth, AMonthIsItsLocalDaysInUnixSeconds) {
  const RankingMonth october = ranking_month({2026, 10}, kShanghai);
  EXPECT_EQ(october.from, 1790784000);  // 2026-10-01 00:00 +08:00
  EXPECT_EQ(october.to, 1793462400);    // 2026-11-01 00:00 +08:00
  EXPECT_EQ(october.label(), "2026-10");
  EXPECT_EQ(ranking_month({2026, 12}, kShanghai).to, ranking_month({2027, 1}, kShanghai).from);
}

TEST(RankingMonth, AnInstantBelongsToItsLocalMonth) {
  EXPECT_EQ(month_of(1793462400, kShanghai), (language::YearMonth{2026, 11}));
  EXPECT_EQ(month_of(1793462399, kShanghai), (language::YearMonth{2026, 10}));
  EXPECT_EQ(month_of(1793462400, 0), (language::YearMonth{2026, 10})) << "still October in UTC";
  EXPECT_EQ(previous_month({2027, 1}), (language::YearMonth{2026, 12}));
}

TEST(RankingMonth, OnlyAFourDigitYearAndAMonthAreRead) {
  EXPECT_EQ(parse_year_month("2026-10"), (language::YearMonth{2026, 10}));
  EXPECT_FALSE(parse_year_month("2026-13"));
  EXPECT_FALSE(parse_year_month("2026-1"));
  EXPECT_FALSE(parse_year_month("26-10"));
  EXPECT_FALSE(parse_year_month("2026/10"));
}

TEST(RankingMonth, The民情日IsTheNextPublishMomentStrictlyAfter) {
  const std::int64_t december_first_0900 = 1796086800;
  EXPECT_EQ(next_publish_at(1795395600, 1, 9, kShanghai), december_first_0900);
  EXPECT_EQ(next_publish_at(december_first_0900 - 1, 1, 9, kShanghai), december_first_0900);
  EXPECT_EQ(next_publish_at(december_first_0900, 1, 9, kShanghai), december_first_0900 + 31 * 86400);
  // Day 31 in a shorter month is its last day: 2027-02-28 09:00.
  EXPECT_EQ(next_publish_at(1798765200 + 31 * 86400, 31, 9, kShanghai), 1798765200 + (31 + 27) * 86400);
}

TEST(PackMessages, LinesArePackedUnderNumberedHeadersWithinTheLimit) {
  std::vector<std::string> lines;
  for (int i = 0; i < 50; ++i)
    lines.push_back("第" + std::to_string(i) + "行 张三 10分");
  const auto header = [](std::size_t n, std::size_t m) {
    return m == 1 ? std::string("【排行】") : "【排行】" + std::to_string(n) + "/" + std::to_string(m);
  };
  const std::vector<std::string> parts = pack_messages(lines, header, 200);
  ASSERT_GT(parts.size(), 1u);
  std::string all;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    EXPECT_LE(parts[i].size(), 200u);
    const std::string expected = header(i + 1, parts.size());
    EXPECT_EQ(parts[i].rfind(expected + "\n", 0), 0u) << parts[i];
    all += parts[i].substr(expected.size());
  }
  for (const std::string& line : lines)
    EXPECT_NE(all.find("\n" + line), std::string::npos) << line;

  const std::vector<std::string> one = pack_messages({"a", "b"}, header, 200);
  EXPECT_EQ(one, std::vector<std::string>{"【排行】\na\nb"});
}

TEST(PackMessages, ALineLongerThanAMessageIsWrappedAtACharacter) {
  std::string long_line;
  for (int i = 0; i < 100; ++i)
    long_line += "张";
  const std::vector<std::string> parts = pack_messages(
      {long_line}, [](std::size_t, std::size_t) { return "H"; }, 50);
  ASSERT_GT(parts.size(), 1u);
  std::string kept;
  for (const std::string& part : parts) {
    EXPECT_LE(part.size(), 50u);
    EXPECT_EQ((part.size() - 2) % 3, 0u) << "whole three-byte characters only";
    kept += part.substr(2);
  }
  EXPECT_EQ(kept, long_line) << "nothing is cut off";
}

}  // namespace
}  // namespace whistle::handlers
