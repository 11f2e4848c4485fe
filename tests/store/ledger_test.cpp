#include "store/ledger.hpp"

#include <SQLiteCpp/Database.h>
#include <gtest/gtest.h>

#include "store/database.hpp"
#include "store/ledger_chain.hpp"
#include "store/people.hpp"

namespace whistle::store {
namespace {

LedgerFields base_fields() {
  return LedgerFields{.community = "c1",
                      .person = "generic:u-zhang",
                      .points = 10,
                      .minutes = 120,
                      .kind = "task",
                      .node = "b3u2",
                      .task = 7,
                      .author = "generic:u-chen",
                      .reason = "清理楼道",
                      .at = 1795395600};
}

TEST(LedgerChain, EveryFieldChangesTheHash) {
  const std::string original = ledger_entry_hash(kLedgerGenesis, base_fields());
  std::vector<LedgerFields> changed(10, base_fields());
  changed[0].community = "c2";
  changed[1].person = "generic:u-li";
  changed[2].points = 11;
  changed[3].minutes = 121;
  changed[4].kind = "adjust";
  changed[5].node = std::nullopt;
  changed[6].task = 8;
  changed[7].author = std::nullopt;
  changed[8].reason = "清理楼道 ";
  changed[9].at += 1;
  for (std::size_t i = 0; i < changed.size(); ++i) {
    EXPECT_NE(ledger_entry_hash(kLedgerGenesis, changed[i]), original) << "field " << i;
  }
  EXPECT_NE(ledger_entry_hash(std::string(64, '1'), base_fields()), original);
}

TEST(LedgerChain, TextCannotSpillFromOneFieldIntoTheNext) {
  // With a separator encoding, ("a|b", "c") and ("a", "b|c") would hash alike.
  LedgerFields first = base_fields();
  LedgerFields second = base_fields();
  first.person = "generic:a|1";
  first.reason = "x";
  second.person = "generic:a";
  second.reason = "1|x";
  EXPECT_NE(ledger_entry_hash(kLedgerGenesis, first), ledger_entry_hash(kLedgerGenesis, second));
  LedgerFields absent = base_fields();
  LedgerFields dash = base_fields();
  absent.author = std::nullopt;
  dash.author = "-";
  EXPECT_NE(ledger_entry_hash(kLedgerGenesis, absent), ledger_entry_hash(kLedgerGenesis, dash));
}

class Ledger : public ::testing::Test {
 protected:
  Ledger() {
    PeopleRepository people(db);
    for (const char* person : {"generic:a", "generic:b"})
      people.touch(person, "", 0);
  }

  LedgerEntry add(const std::string& person, std::int64_t points, std::int64_t at,
                  LedgerKind kind = LedgerKind::adjust, std::string community = "c1") {
    return ledger.append(NewLedgerEntry{.community = std::move(community),
                                        .person = person,
                                        .points = points,
                                        .minutes = kind == LedgerKind::task ? 60 : 0,
                                        .kind = kind,
                                        .reason = "r",
                                        .at = at});
  }

  Database db{DatabaseOptions{.path = ":memory:"}};
  LedgerRepository ledger{db};
};

TEST_F(Ledger, EntriesChainPerCommunity) {
  const LedgerEntry first = add("generic:a", 5, 100);
  const LedgerEntry other = add("generic:a", 3, 101, LedgerKind::adjust, "c2");
  const LedgerEntry second = add("generic:b", 7, 102);
  EXPECT_EQ(first.prev_hash, kLedgerGenesis);
  EXPECT_EQ(other.prev_hash, kLedgerGenesis) << "each community has its own chain";
  EXPECT_EQ(second.prev_hash, first.hash);
  EXPECT_EQ(ledger.digest("c1").hash, second.hash);
  EXPECT_EQ(ledger.digest("c1").entries, 2);
  EXPECT_EQ(ledger.digest("c9").hash, kLedgerGenesis);
  EXPECT_EQ(ledger.digest("c9").entries, 0);
}

TEST_F(Ledger, BalancesAndMonthlySumsAreDerivedFromTheEntries) {
  add("generic:a", 10, 100, LedgerKind::task);
  add("generic:a", -4, 200, LedgerKind::redeem);
  add("generic:a", 3, 300);
  add("generic:b", 8, 150, LedgerKind::task);
  EXPECT_EQ(ledger.balance("c1", "generic:a"), 9);
  EXPECT_EQ(ledger.balance("c1", "generic:b"), 8);
  EXPECT_EQ(ledger.balance("c2", "generic:a"), 0);
  const auto sums = ledger.sums_between("c1", "generic:a", 100, 300);
  EXPECT_EQ(sums.points, 6);
  EXPECT_EQ(sums.minutes, 60) << "spending points never reduces hours";
}

TEST_F(Ledger, APersonsLatestEntriesComeNewestFirstFromTheirCommunityOnly) {
  add("generic:a", 10, 100, LedgerKind::task);
  add("generic:a", -4, 200, LedgerKind::redeem);
  add("generic:b", 8, 250);
  add("generic:a", 3, 300, LedgerKind::adjust, "c2");
  add("generic:a", 1, 300);
  const std::vector<LedgerEntry> latest = ledger.latest_of_person("c1", "generic:a", 2);
  ASSERT_EQ(latest.size(), 2u);
  EXPECT_EQ(latest[0].points, 1);
  EXPECT_EQ(latest[1].points, -4);
  EXPECT_EQ(ledger.latest_of_person("c1", "generic:a", 10).size(), 3u);
}

TEST_F(Ledger, ATaskEntryIsFoundByTaskPersonAndKind) {
  // A task row is needed for the foreign key.
  db.raw().exec("INSERT INTO org_nodes (id, community_id, level, name) VALUES ('c1', 'c1', 0, 'c')");
  db.raw().exec(
      "INSERT INTO tasks (id, community_id, number, node_id, chat_id, creator_id, title, created_at) "
      "VALUES (7, 'c1', 1, 'c1', 'generic:c1', 'generic:a', 't', 0)");
  ledger.append(NewLedgerEntry{.community = "c1",
                               .person = "generic:a",
                               .points = 10,
                               .kind = LedgerKind::task,
                               .task_id = 7,
                               .reason = "t",
                               .at = 1});
  EXPECT_TRUE(ledger.has_task_entry(7, "generic:a", LedgerKind::task));
  EXPECT_FALSE(ledger.has_task_entry(7, "generic:a", LedgerKind::no_show));
  EXPECT_FALSE(ledger.has_task_entry(7, "generic:b", LedgerKind::task));
}

TEST_F(Ledger, AnEntryRefusedByTheDatabaseDoesNotSpoilTheNextOne) {
  // An unknown person breaks the foreign key; the cached statement must still serve the next event.
  EXPECT_THROW(add("generic:nobody", 5, 100), std::exception);
  const LedgerEntry next = add("generic:a", 5, 101);
  EXPECT_EQ(next.prev_hash, kLedgerGenesis);
  EXPECT_EQ(ledger.balance("c1", "generic:a"), 5);
}

}  // namespace
}  // namespace whistle::store
