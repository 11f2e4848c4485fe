// The event path's statements, seen through SQLite: none is left stepping when a batch commits,
// and none of the scripted conversation's scans a table that grows with every event or person.
#include "bot/event_processor.hpp"

#include <gtest/gtest.h>

#include <regex>
#include <set>
#include <string>
#include <vector>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <sqlite3.h>

#include "store/database.hpp"
#include "store/statement_trace.hpp"
#include "tests/bot/event_fixture.hpp"
#include "tests/bot/scripted_conversation.hpp"

namespace whistle::bot {
namespace {

using test_events::conversation;
using test_events::DifferentialRun;
using test_events::kMonday0900;
using test_events::script_events;

// Every statement of the conversation that reads a row is reset once read: a statement left
// stepping at COMMIT keeps the connection reading past it, and the commit then walks all ~200
// prepared statements to find it (Transaction::commit) — once a batch, that walk cost 4% of the
// writer at half load. Seen from inside COMMIT, through SQLite's statement trace.
TEST(EventPath, NoStatementIsLeftSteppingWhenABatchCommits) {
  struct LeftStepping {
    sqlite3* connection;
    std::set<std::string> found;
    int commits = 0;
  };
  const auto at_commit = [](unsigned type, void* context, void* statement, void* sql) -> int {
    auto& seen = *static_cast<LeftStepping*>(context);
    if (type != SQLITE_TRACE_STMT || std::string(static_cast<const char*>(sql)) != "COMMIT") return 0;
    ++seen.commits;
    for (sqlite3_stmt* other = sqlite3_next_stmt(seen.connection, nullptr); other != nullptr;
         other = sqlite3_next_stmt(seen.connection, other)) {
      if (other != statement && sqlite3_stmt_busy(other) != 0) seen.found.insert(sqlite3_sql(other));
    }
    return 0;
  };
  // The conversation, then a sign-in code (random: not part of the differential run above) and a
  // check-in in its window that is asked for it, help, and a private report of a problem.
  std::vector<InboundEvent> events = conversation();
  const std::int64_t later = kMonday0900 + static_cast<std::int64_t>(events.size()) * 60;
  const std::vector<InboundEvent> more = script_events(
      {
          {"b3u1", "u-feng", "冯单元长", "吹哨 发传单 2人 今天上午10点 1小时"},
          {"b3u1", "u-feng", "冯单元长", "签到码 4"},
          {"b3u1", "u-e", "阿戊", "报到 4"},
          {"b3u1", "u-e", "阿戊", "签到 4"},
          {"b3u2", "u-b", "阿乙", "帮助"},
          {"@u-a", "u-a", "阿甲", "报事 楼下路灯不亮"},
      },
      "more-", later);
  events.insert(events.end(), more.begin(), more.end());
  for (const bool cold : {false, true}) {
    DifferentialRun run;
    LeftStepping seen{run.db.raw().getHandle(), {}};
    sqlite3_trace_v2(seen.connection, SQLITE_TRACE_STMT, at_commit, &seen);
    // Hot, in batches of three; and cold, the hot state dropped before each event, so that the
    // statements that fill it run too.
    const std::size_t size = cold ? 1 : 3;
    for (std::size_t start = 0; start < events.size(); start += size) {
      if (cold) run.db.drop_hot_state();
      const auto end = events.begin() + static_cast<std::ptrdiff_t>(std::min(events.size(), start + size));
      run.processor.apply(
          std::vector<InboundEvent>(events.begin() + static_cast<std::ptrdiff_t>(start), end));
    }
    sqlite3_trace_v2(seen.connection, 0, nullptr, nullptr);
    EXPECT_GE(seen.commits, static_cast<int>(events.size() / size));
    for (const std::string& sql : seen.found)
      ADD_FAILURE() << (cold ? "cold: " : "hot: ") << "left stepping at COMMIT: " << sql;
  }
}

// The tables that grow with every event or person: a statement of the event path that scanned one
// would cost more with every week the bot runs (schema v7 and docs/hot_state.md).
const std::set<std::string> kGrowingTables = {
    "people",      "roles", "signups",     "inbox", "outbox",     "ledger",        "tickets",
    "attendance",  "jobs",  "redemptions", "tasks", "task_posts", "ticket_events", "ticket_attachments",
    "publications"};

// The table behind a name in a plan: the name itself, or the table it aliases in `sql`
// ("FROM roles r", "JOIN people AS p", "FROM tasks t, signups s").
std::string table_named(const std::string& sql, const std::string& name) {
  const std::regex aliased(R"((?:\bFROM|\bJOIN|,)\s+(\w+)\s+(?:AS\s+)?)" + name + R"(\b)", std::regex::icase);
  std::smatch found;
  return std::regex_search(sql, found, aliased) ? found[1].str() : name;
}

TEST(EventPathQueryPlans, NoStatementOfTheConversationScansATableThatGrows) {
  const std::vector<InboundEvent> events = conversation();
  DifferentialRun cold;
  std::set<std::string> statements;
  {
    // Cold, the hot state dropped before each event: every statement that fills it runs too.
    store::StatementTrace trace(cold.db);
    for (const InboundEvent& event : events) {
      cold.db.drop_hot_state();
      cold.processor.apply(std::vector<InboundEvent>{event});
    }
    statements.insert(trace.statements().begin(), trace.statements().end());
  }
  // The statement's own plan: foreign-key checks add scans of the child tables to the plan, but
  // they run only when a parent's key changes or its row is deleted, which this path never does.
  cold.db.raw().exec("PRAGMA foreign_keys = OFF");
  std::size_t explained = 0;
  for (const std::string& sql : statements) {
    if (!(sql.starts_with("SELECT") || sql.starts_with("INSERT") || sql.starts_with("UPDATE") ||
          sql.starts_with("DELETE") || sql.starts_with("WITH")))
      continue;
    ++explained;
    SQLite::Statement explain(cold.db.raw(), "EXPLAIN QUERY PLAN " + sql);
    std::string plan;
    std::vector<std::string> scanned;  // "SCAN p USING …" names the table or its alias
    while (explain.executeStep()) {
      const std::string line = explain.getColumn(3).getString();
      plan += "  " + line + "\n";
      if (line.starts_with("SCAN ")) scanned.push_back(line.substr(5, line.find(' ', 5) - 5));
    }
    for (const std::string& name : scanned) {
      const std::string table = table_named(sql, name);
      EXPECT_FALSE(kGrowingTables.contains(table)) << "scans " << table << ":\n" << plan << sql;
    }
  }
  // The holders of a role at a node were asked (the ticket's leaders, the redemption's staff).
  EXPECT_TRUE(std::any_of(statements.begin(), statements.end(), [](const std::string& sql) {
    return sql.find("r.role <> 'volunteer'") != std::string::npos;
  }));
  EXPECT_GT(explained, 20u);
}

}  // namespace
}  // namespace whistle::bot
