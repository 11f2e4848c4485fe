#include "handlers/language/chinese_numbers.hpp"

#include <gtest/gtest.h>

namespace whistle::language {
namespace {

struct NumberCase {
  const char* text;
  std::optional<std::int64_t> value;
};

void PrintTo(const NumberCase& row, std::ostream* out) {
  *out << '"' << row.text << '"';
}

class ParseNumber : public ::testing::TestWithParam<NumberCase> {};

TEST_P(ParseNumber, ReadsTheWholeTextAsOneNumberOrNothing) {
  EXPECT_EQ(parse_number(GetParam().text), GetParam().value);
}

const NumberCase kNumbers[] = {
    {"0", 0},
    {"12", 12},
    {"9999", 9999},
    {"零", 0},
    {"〇", 0},
    {"五", 5},
    {"十", 10},
    {"十二", 12},
    {"二十", 20},
    {"二十五", 25},
    {"两", 2},
    {"俩", 2},
    {"仨", 3},
    {"仨人", std::nullopt},
    {"一百", 100},
    {"一百二十", 120},
    {"一百零五", 105},
    {"一百二", 120},
    {"两千五", 2500},
    {"三千零五", 3005},
    {"一千零一十", 1010},
    {"九千九百九十九", 9999},
    {"二〇二六", 2026},
    {"百", std::nullopt},
    {"千百", std::nullopt},
    {"两三", std::nullopt},
    {"一万", std::nullopt},
    {"12a", std::nullopt},
    {"", std::nullopt},
    {"99999999999999999999", std::nullopt},
};
INSTANTIATE_TEST_SUITE_P(Numbers, ParseNumber, ::testing::ValuesIn(kNumbers));

TEST(ReadNumber, StopsWhereTheNumberEnds) {
  const auto people = read_number("五人", 0);
  ASSERT_TRUE(people.has_value());
  EXPECT_EQ(people->value, 5);
  EXPECT_EQ(people->length, 3u);
  EXPECT_TRUE(people->chinese);

  const auto range = read_number("两三个人", 0);
  ASSERT_TRUE(range.has_value());
  EXPECT_EQ(range->value, 2);
  EXPECT_EQ(range->length, 3u);

  const auto digits = read_number("12号", 0);
  ASSERT_TRUE(digits.has_value());
  EXPECT_EQ(digits->value, 12);
  EXPECT_EQ(digits->length, 2u);
  EXPECT_FALSE(digits->chinese);
}

TEST(ReadNumber, FlagsOverflowInsteadOfWrappingAround) {
  const auto huge = read_number("99999999999999999999", 0);
  ASSERT_TRUE(huge.has_value());
  EXPECT_TRUE(huge->overflow);
  EXPECT_EQ(huge->length, 20u);
  EXPECT_TRUE(read_number("一万人", 0)->overflow);
}

TEST(ReadNumber, FindsNothingWhereNoNumberStarts) {
  EXPECT_FALSE(read_number("人", 0).has_value());
  EXPECT_FALSE(read_number("12", 2).has_value());
}

TEST(StartsNumber, RefusesToStartInTheMiddleOfAnotherNumber) {
  EXPECT_TRUE(starts_number("12人", 0));
  EXPECT_FALSE(starts_number("12人", 1));
  EXPECT_FALSE(starts_number("二十", 3));
  EXPECT_FALSE(starts_number("百人", 0));
  EXPECT_TRUE(read_number_between("5人", 0, 1, 9).has_value());
  EXPECT_FALSE(read_number_between("0人", 0, 1, 9).has_value());
}

}  // namespace
}  // namespace whistle::language
