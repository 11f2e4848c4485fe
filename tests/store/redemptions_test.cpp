#include "store/redemptions.hpp"

#include <SQLiteCpp/Database.h>
#include <gtest/gtest.h>

#include "store/consistency.hpp"
#include "store/database.hpp"
#include "store/jobs.hpp"
#include "store/ledger.hpp"
#include "store/people.hpp"

namespace whistle::store {
namespace {

class Redemptions : public ::testing::Test {
 protected:
  Redemptions() { PeopleRepository(db_).touch("generic:u-zhang", "张三", 0); }

  NewRedemption rice(const std::string& code) {
    NewRedemption r;
    r.community = "c1";
    r.person = "generic:u-zhang";
    r.reward_id = "rice";
    r.item_name = "大米5斤";
    r.quantity = 2;
    r.points = 100;
    r.code = code;
    r.node = "b3u2";
    r.created_at = 1000;
    r.expires_at = 2000;
    return r;
  }

  Database db_{DatabaseOptions{.path = ":memory:"}};
  RedemptionRepository redemptions_{db_};
};

TEST_F(Redemptions, ARecordedRedemptionIsPendingAndFoundByItsCode) {
  const std::int64_t id = redemptions_.create(rice("K7Q2"));
  const std::optional<Redemption> found = redemptions_.by_code("c1", "K7Q2");
  ASSERT_TRUE(found);
  EXPECT_EQ(found->id, id);
  EXPECT_EQ(found->status, RedemptionStatus::pending);
  EXPECT_EQ(found->item_name, "大米5斤");
  EXPECT_EQ(found->quantity, 2);
  EXPECT_EQ(found->points, 100);
  EXPECT_EQ(found->node, "b3u2");
  EXPECT_EQ(found->expires_at, 2000);
  EXPECT_FALSE(redemptions_.by_code("c2", "K7Q2"));
  EXPECT_TRUE(redemptions_.code_taken("c1", "K7Q2"));
  EXPECT_FALSE(redemptions_.code_taken("c2", "K7Q2"));
}

TEST_F(Redemptions, ACodeCannotBeUsedTwiceInACommunity) {
  redemptions_.create(rice("K7Q2"));
  EXPECT_THROW(redemptions_.create(rice("K7Q2")), SQLite::Exception);
}

TEST_F(Redemptions, APendingRedemptionEndsOnceOnly) {
  const std::int64_t id = redemptions_.create(rice("K7Q2"));
  EXPECT_TRUE(redemptions_.close(id, RedemptionStatus::picked_up, 1500, std::string("generic:u-zhou")));
  EXPECT_FALSE(redemptions_.close(id, RedemptionStatus::expired, 2000, std::nullopt));
  EXPECT_FALSE(redemptions_.close(id, RedemptionStatus::cancelled, 2000, std::nullopt));
  const Redemption done = *redemptions_.by_id(id);
  EXPECT_EQ(done.status, RedemptionStatus::picked_up);
  EXPECT_EQ(done.closed_at, 1500);
  EXPECT_EQ(done.closed_by, "generic:u-zhou");
}

TEST_F(Redemptions, OnlyAPickupIsReopenedAndItWaitsAgain) {
  const std::int64_t id = redemptions_.create(rice("K7Q2"));
  EXPECT_FALSE(redemptions_.reopen_pickup(id));  // pending: nothing to reopen
  ASSERT_TRUE(redemptions_.close(id, RedemptionStatus::picked_up, 1500, std::string("generic:u-zhou")));
  EXPECT_TRUE(redemptions_.reopen_pickup(id));
  const Redemption reopened = *redemptions_.by_id(id);
  EXPECT_EQ(reopened.status, RedemptionStatus::pending);
  EXPECT_FALSE(reopened.closed_at.has_value());
  EXPECT_FALSE(reopened.closed_by.has_value());
  EXPECT_EQ(redemptions_.pending_of("c1", reopened.person).size(), 1u);
  ASSERT_TRUE(redemptions_.close(id, RedemptionStatus::cancelled, 2000, std::nullopt));
  EXPECT_FALSE(redemptions_.reopen_pickup(id));  // a cancelled one gave its points back
}

TEST_F(Redemptions, OnlyPendingRedemptionsAreListedForAPerson) {
  const std::int64_t first = redemptions_.create(rice("K7Q2"));
  redemptions_.create(rice("M5N6"));
  redemptions_.close(first, RedemptionStatus::cancelled, 1200, std::nullopt);
  const std::vector<Redemption> pending = redemptions_.pending_of("c1", "generic:u-zhang");
  ASSERT_EQ(pending.size(), 1u);
  EXPECT_EQ(pending[0].code, "M5N6");
}

TEST_F(Redemptions, TheCheckFindsARedemptionWhosePointsTheLedgerNeverTook) {
  const std::int64_t id = redemptions_.create(rice("K7Q2"));
  Jobs(db_).schedule("redemption_expiry", "c1", 2000, std::to_string(id));
  const ConsistencyReport report = check_consistency(db_);
  ASSERT_EQ(report.violations.size(), 1u);
  EXPECT_NE(report.violations[0].find("redeem"), std::string::npos);
}

TEST_F(Redemptions, TheCheckPassesWhenHoldsAndRefundsMatchAndAPendingOneWillExpire) {
  LedgerRepository ledger(db_);
  NewLedgerEntry earned{
      .community = "c1", .person = "generic:u-zhang", .points = 300, .kind = LedgerKind::adjust};
  ledger.append(earned);
  for (const char* code : {"K7Q2", "M5N6"}) {
    const std::int64_t id = redemptions_.create(rice(code));
    Jobs(db_).schedule("redemption_expiry", "c1", 2000, std::to_string(id));
    NewLedgerEntry hold{
        .community = "c1", .person = "generic:u-zhang", .points = -100, .kind = LedgerKind::redeem};
    ledger.append(hold);
  }
  EXPECT_TRUE(check_consistency(db_).violations.empty());

  // Cancelled without its refund: the check says so.
  redemptions_.close(redemptions_.by_code("c1", "K7Q2")->id, RedemptionStatus::cancelled, 1500, std::nullopt);
  EXPECT_EQ(check_consistency(db_).violations.size(), 1u);
  NewLedgerEntry refund{
      .community = "c1", .person = "generic:u-zhang", .points = 100, .kind = LedgerKind::refund};
  ledger.append(refund);
  EXPECT_TRUE(check_consistency(db_).violations.empty());
}

TEST_F(Redemptions, TheCheckFindsAPendingRedemptionThatWouldNeverExpire) {
  LedgerRepository ledger(db_);
  redemptions_.create(rice("K7Q2"));
  NewLedgerEntry hold{
      .community = "c1", .person = "generic:u-zhang", .points = -100, .kind = LedgerKind::redeem};
  ledger.append(NewLedgerEntry{
      .community = "c1", .person = "generic:u-zhang", .points = 100, .kind = LedgerKind::adjust});
  ledger.append(hold);
  const ConsistencyReport report = check_consistency(db_);
  ASSERT_EQ(report.violations.size(), 1u);
  EXPECT_NE(report.violations[0].find("K7Q2"), std::string::npos);
}

}  // namespace
}  // namespace whistle::store
