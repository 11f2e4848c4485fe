#include "store/publications.hpp"

#include <gtest/gtest.h>

#include "store/database.hpp"
#include "store_test_support.hpp"

namespace whistle::store {
namespace {

class Publications : public ::testing::Test {
 protected:
  Publications() { testing::add_small_org(db); }

  Publication scheduled(const std::string& node, const std::string& month) {
    return Publication{0, "c1", node, month, "abc123", 7, std::nullopt, "【积分公示】…", 100};
  }

  Database db{DatabaseOptions{.path = ":memory:"}};
  PublicationRepository publications{db};
};

TEST_F(Publications, APublicationIsKeptWithItsDigest) {
  const Publication kept = publications.add(scheduled("b3", "2026-10"));
  EXPECT_GT(kept.id, 0);
  const std::vector<Publication> rows = publications.of_node("b3");
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].digest, "abc123");
  EXPECT_EQ(rows[0].entries, 7);
  EXPECT_EQ(rows[0].month, "2026-10");
  EXPECT_FALSE(rows[0].author);
}

TEST_F(Publications, TheScheduledOneOfAMonthIsKeptOnceAndHandPostedOnesMayRepeat) {
  EXPECT_FALSE(publications.scheduled_exists("b3", "2026-10"));
  publications.add(scheduled("b3", "2026-10"));
  EXPECT_TRUE(publications.scheduled_exists("b3", "2026-10"));
  EXPECT_FALSE(publications.scheduled_exists("b3", "2026-11"));
  EXPECT_FALSE(publications.scheduled_exists("b3u2", "2026-10"));
  EXPECT_THROW(publications.add(scheduled("b3", "2026-10")), std::exception);

  Publication by_hand = scheduled("b3", "2026-10");
  by_hand.author = "generic:u-qian";
  publications.add(by_hand);
  publications.add(by_hand);
  EXPECT_EQ(publications.of_node("b3").size(), 3u);
}

}  // namespace
}  // namespace whistle::store
