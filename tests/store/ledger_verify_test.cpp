#include "store/ledger_verify.hpp"

#include <SQLiteCpp/Database.h>
#include <gtest/gtest.h>

#include "store/database.hpp"
#include "store/ledger.hpp"
#include "store/ledger_chain.hpp"
#include "store/people.hpp"
#include "tests/store/store_test_support.hpp"

namespace whistle::store {
namespace {

class LedgerVerify : public ::testing::Test {
 protected:
  Database db{DatabaseOptions{.path = ":memory:"}};
  LedgerRepository ledger{db};

  void SetUp() override {
    testing::add_small_org(db);
    PeopleRepository people(db);
    for (const char* p : {"generic:a", "generic:b"})
      people.touch(p, "", 0);
  }

  LedgerEntry add(const std::string& community, const std::string& person, std::int64_t points) {
    return ledger.append(NewLedgerEntry{.community = community,
                                        .person = person,
                                        .points = points,
                                        .minutes = 0,
                                        .kind = LedgerKind::adjust,
                                        .node = std::nullopt,
                                        .task_id = std::nullopt,
                                        .author = "generic:u-chen",
                                        .reason = "志愿服务",
                                        .at = 1});
  }

  // What the monthly 公示 stores: the digest the chain had when it was posted.
  void publish(const std::string& community, const LedgerDigest& digest) {
    SQLite::Statement insert(
        db.raw(),
        "INSERT INTO publications (community_id, node_id, month, digest, entries, text, at) "
        "VALUES (?, 'c1', '2026-11', ?, ?, '', 0)");
    insert.bind(1, community);
    insert.bind(2, digest.hash);
    insert.bind(3, digest.entries);
    insert.exec();
  }
};

TEST_F(LedgerVerify, EachCommunitysChainEndsAtItsDigest) {
  add("c1", "generic:a", 10);
  add("c2", "generic:b", 3);
  const LedgerEntry last = add("c1", "generic:a", -4);
  const LedgerVerification result = verify_ledger(db);
  EXPECT_TRUE(result.ok());
  ASSERT_EQ(result.chains.size(), 2u);
  EXPECT_EQ(result.chains[0].community, "c1");
  EXPECT_EQ(result.chains[0].entries, 2);
  EXPECT_EQ(result.chains[0].digest, last.hash);
  EXPECT_EQ(result.chains[0].digest, ledger.digest("c1").hash);
  EXPECT_EQ(result.chains[1].entries, 1);
}

TEST_F(LedgerVerify, AnEmptyLedgerIsIntact) {
  const LedgerVerification result = verify_ledger(db);
  EXPECT_TRUE(result.ok());
  EXPECT_TRUE(result.chains.empty());
}

TEST_F(LedgerVerify, AnEditedRowIsNamedWithItsCommunityAndPlace) {
  add("c1", "generic:a", 10);
  const LedgerEntry edited = add("c1", "generic:b", 5);
  add("c1", "generic:a", 1);
  db.raw().exec("DROP TRIGGER ledger_no_update");
  db.raw().exec("UPDATE ledger SET reason = '志愿服务 ' WHERE id = " + std::to_string(edited.id));
  const LedgerVerification result = verify_ledger(db);
  ASSERT_EQ(result.breaks.size(), 1u);
  EXPECT_EQ(result.breaks[0].id, edited.id);
  EXPECT_EQ(result.breaks[0].position, 2);
  EXPECT_EQ(result.breaks[0].community, "c1");
  EXPECT_EQ(result.breaks[0].problem, LedgerBreak::Problem::edited);
  EXPECT_FALSE(result.chains[0].intact);
}

TEST_F(LedgerVerify, AFieldAndItsHashRewrittenTogetherBreakTheLinkToTheNextEntry) {
  const LedgerEntry first = add("c1", "generic:a", 10);
  const LedgerEntry next = add("c1", "generic:a", 2);
  db.raw().exec("DROP TRIGGER ledger_no_update");
  // A careful forger recomputes the edited row's own hash; the next entry still names the old one.
  const std::string forged = ledger_entry_hash(kLedgerGenesis, LedgerFields{.community = "c1",
                                                                            .person = "generic:a",
                                                                            .points = 500,
                                                                            .minutes = 0,
                                                                            .kind = "adjust",
                                                                            .node = std::nullopt,
                                                                            .task = std::nullopt,
                                                                            .author = "generic:u-chen",
                                                                            .reason = "志愿服务",
                                                                            .at = 1});
  db.raw().exec("UPDATE ledger SET points = 500, hash = '" + forged +
                "' WHERE id = " + std::to_string(first.id));
  const LedgerVerification result = verify_ledger(db);
  ASSERT_EQ(result.breaks.size(), 1u);
  EXPECT_EQ(result.breaks[0].id, next.id);
  EXPECT_EQ(result.breaks[0].problem, LedgerBreak::Problem::out_of_chain);
}

TEST_F(LedgerVerify, APublishedDigestCatchesATailCutOff) {
  add("c1", "generic:a", 10);
  add("c1", "generic:a", 5);
  publish("c1", ledger.digest("c1"));
  EXPECT_TRUE(verify_ledger(db).ok());

  // Removing the newest entry leaves a chain that is intact in itself: only the publication knows.
  db.raw().exec("DROP TRIGGER ledger_no_delete");
  db.raw().exec("DELETE FROM ledger WHERE id = (SELECT MAX(id) FROM ledger)");
  const LedgerVerification result = verify_ledger(db);
  ASSERT_EQ(result.breaks.size(), 1u);
  EXPECT_EQ(result.breaks[0].problem, LedgerBreak::Problem::publication);
  EXPECT_EQ(result.breaks[0].position, 2);
}

TEST_F(LedgerVerify, APublicationOfAnEmptyLedgerShowsTheGenesisHash) {
  publish("c1", LedgerDigest{kLedgerGenesis, 0});
  add("c1", "generic:a", 10);
  EXPECT_TRUE(verify_ledger(db).ok());
}

TEST_F(LedgerVerify, APublicationWhoseEntriesAreAllGoneIsReported) {
  add("c1", "generic:a", 10);
  publish("c1", ledger.digest("c1"));
  db.raw().exec("DROP TRIGGER ledger_no_delete");
  db.raw().exec("DELETE FROM ledger");
  const LedgerVerification result = verify_ledger(db);
  ASSERT_EQ(result.breaks.size(), 1u);
  EXPECT_EQ(result.breaks[0].community, "c1");
}

}  // namespace
}  // namespace whistle::store
