// Every query of the public board reads index ranges: a full SCAN of a big table would make a page
// of a 100k-person community slow (issue 14). The plans are checked on an empty database with the
// newest schema, where SQLite's choice comes from the indexes alone.
#include <gtest/gtest.h>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <set>
#include <string>
#include <vector>

#include "store/board_ledger_reads.hpp"
#include "store/board_reads.hpp"
#include "store/database.hpp"
#include "store/ledger.hpp"
#include "store/rankings.hpp"
#include "store/ticket_figures.hpp"
#include "tests/store/store_test_support.hpp"

namespace whistle::store {
namespace {

// What a plan may SCAN: the small org tree (o, n, c are its aliases) and the queries' own CTEs.
const std::set<std::string> kMayScan = {"sub",       "root", "ranked", "page", "open",
                                        "org_nodes", "o",    "n",      "c",    "CONSTANT"};

// The plan's lines as SQLite prints them ("SEARCH l USING INDEX ledger_by_month (community_id=? AND
// at>? AND at<?)").
std::vector<std::string> plan_of(Database& db, const std::string& sql) {
  SQLite::Statement explain(db.raw(), "EXPLAIN QUERY PLAN " + sql);
  std::vector<std::string> lines;
  while (explain.executeStep())
    lines.push_back(explain.getColumn(3).getString());
  return lines;
}

// The table a SCAN line reads, or empty for any other line.
std::string scanned(const std::string& line) {
  if (!line.starts_with("SCAN ")) return {};
  const std::string rest = line.substr(5);
  return rest.substr(0, rest.find(' '));
}

// The board's own queries and those it reuses from the ranking and the ticket figures.
std::vector<std::string> board_queries() {
  std::vector<std::string> all = BoardReads::queries();
  for (const std::string& sql : RankingRepository::queries())
    all.push_back(sql);
  for (const std::string& sql : TicketFiguresRepository::queries())
    all.push_back(sql);
  for (const std::string& sql : LedgerRepository::queries())
    all.push_back(sql);
  for (const std::string& sql : BoardLedgerReads::queries())
    all.push_back(sql);
  return all;
}

TEST(BoardQueryPlans, NoBoardQueryScansABigTable) {
  Database db(DatabaseOptions{.path = ":memory:"});
  for (const std::string& sql : board_queries()) {
    const std::vector<std::string> plan = plan_of(db, sql);
    ASSERT_FALSE(plan.empty()) << sql;
    std::string printed;
    for (const std::string& line : plan)
      printed += "  " + line + "\n";
    for (const std::string& line : plan) {
      const std::string table = scanned(line);
      // "(subquery-N)" is a query's own materialized subquery, never a table.
      EXPECT_TRUE(table.empty() || table.starts_with("(") || kMayScan.contains(table))
          << "full scan of " << table << " in:\n"
          << printed << "of\n"
          << sql;
    }
  }
}

TEST(BoardQueryPlans, TheRankingAndTheEchoReadTheirCommunityThroughAnIndex) {
  Database db(DatabaseOptions{.path = ":memory:"});
  const std::vector<std::string> queries = BoardReads::queries();
  const auto uses = [&db](const std::string& sql, const std::string& index) {
    for (const std::string& line : plan_of(db, sql)) {
      if (line.find(index) != std::string::npos) return true;
    }
    return false;
  };
  EXPECT_TRUE(uses(queries[0], "ledger_by_month"));
  EXPECT_TRUE(uses(queries[1], "tasks_open_by_start"));
  EXPECT_TRUE(uses(queries[3], "tickets_by_resolution"));
}

TEST(BoardReadOnlyConnection, RefusesEveryWrite) {
  testing::TempDatabaseFile file("board-read-only");
  {
    Database writer(DatabaseOptions{.path = file.path()});
    testing::add_small_org(writer);
  }
  Database reader(DatabaseOptions{.path = file.path(), .read_only = true});
  ReadSnapshot snapshot(reader);
  EXPECT_EQ(reader.raw().execAndGet("SELECT COUNT(*) FROM org_nodes").getInt(), 5);
  EXPECT_ANY_THROW(reader.raw().exec("DELETE FROM org_nodes"));
}

TEST(BoardReadOnlyConnection, IsNotOpenedOnAMissingFile) {
  EXPECT_ANY_THROW(Database(DatabaseOptions{.path = "/nonexistent/whistle-board.db", .read_only = true}));
}

}  // namespace
}  // namespace whistle::store
