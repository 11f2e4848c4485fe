#include <gtest/gtest.h>

#include "config/config.hpp"

namespace whistle::config {
namespace {

TEST(Levels, EachLevelHasItsIdentifier) {
  EXPECT_EQ(level_name(Level::community), "community");
  EXPECT_EQ(level_name(Level::grid), "grid");
  EXPECT_EQ(level_name(Level::building), "building");
  EXPECT_EQ(level_name(Level::unit), "unit");
}

TEST(Levels, ParsingAnIdentifierGivesItsLevelBack) {
  for (Level level : {Level::community, Level::grid, Level::building, Level::unit}) {
    EXPECT_EQ(parse_level(level_name(level)), level);
  }
}

TEST(Levels, TextThatIsNotALevelParsesToNothing) {
  EXPECT_EQ(parse_level(""), std::nullopt);
  EXPECT_EQ(parse_level("Grid"), std::nullopt);
  EXPECT_EQ(parse_level("block"), std::nullopt);
  EXPECT_EQ(parse_level("unit "), std::nullopt);
}

TEST(Levels, ChildrenAreOneLevelBelowTheirParentsInTheEnum) {
  EXPECT_EQ(static_cast<int>(Level::grid), static_cast<int>(Level::community) + 1);
  EXPECT_EQ(static_cast<int>(Level::unit), static_cast<int>(Level::building) + 1);
}

}  // namespace
}  // namespace whistle::config
