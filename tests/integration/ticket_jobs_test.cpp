// Ticket deadline jobs in the real `whistle serve` binary: killed with SIGKILL while answer
// deadlines are due, restarted, each ticket climbs exactly once; and a job that dies (its fifth
// failed attempt) shows in /metrics as whistle_jobs_dead_total. The database is prepared before
// the server starts through the store and ticket_flow (no intake command needed): tickets whose
// answer window ran out an hour ago by the wall clock the server uses.
#include <chrono>
#include <csignal>
#include <ctime>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <sys/wait.h>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <gtest/gtest.h>

#include "handlers/ticket_flow.hpp"
#include "tests/handlers/ticket_deadline_support.hpp"
#include "tests/integration/child_process.hpp"
#include "tests/support/fake_deliver_server.hpp"
#include "tests/support/service_harness.hpp"

namespace whistle::bot::testing {
namespace {

using handlers::testing::make_ticket;
using handlers::testing::OwnCommunity;

constexpr auto kJobsDeadline = std::chrono::seconds(30);
constexpr std::int64_t kOneHour = 3600;

// The demo community as a config file on a free port, its database in `dir`.
std::filesystem::path write_jobs_config(const std::filesystem::path& dir, const std::string& deliver_url) {
  std::ifstream demo(std::string(WHISTLE_SOURCE_DIR) + "/config/demo.toml");
  std::stringstream text;
  text << demo.rdbuf();
  std::string org = text.str();
  const std::string demo_url = "deliver_url = \"http://127.0.0.1:9000/deliver\"";
  const auto at = org.find(demo_url);
  if (at != std::string::npos) org.replace(at, demo_url.size(), "deliver_url = \"" + deliver_url + "\"");
  const std::filesystem::path file = dir / "whistle.toml";
  std::ofstream(file) << "[server]\nlisten = \"127.0.0.1:0\"\n\n[store]\npath = \""
                      << (dir / "whistle.db").string() << "\"\n\n"
                      << org;
  return file;
}

// Utilities tickets (their clocks never pause, whatever the hour the test runs at) reported three
// hours ago in these units: their answer deadlines fell due an hour ago. Returns their numbers.
std::vector<std::int64_t> prepare_due_tickets(const std::filesystem::path& db,
                                              const std::vector<std::string>& units) {
  OwnCommunity community(config::demo_config(), db.string());
  const handlers::Services services = community.services();
  const std::int64_t reported = static_cast<std::int64_t>(std::time(nullptr)) - 3 * kOneHour;
  std::vector<std::int64_t> numbers;
  store::Transaction transaction(community.db);
  for (const std::string& unit : units)
    numbers.push_back(make_ticket(services, unit, "utilities", reported).ticket.number);
  transaction.commit();
  return numbers;
}

int count(SQLite::Database& db, const std::string& sql) {
  SQLite::Statement query(db, sql);
  return query.executeStep() ? query.getColumn(0).getInt() : -1;
}

int climbs_recorded(SQLite::Database& db) {
  return count(db, "SELECT COUNT(*) FROM ticket_events WHERE kind = 'climbed'");
}

// Waits until the server recorded `expected` climbs (read through a second connection).
bool wait_for_climbs(const std::filesystem::path& db_file, int expected) {
  const auto until = std::chrono::steady_clock::now() + kJobsDeadline;
  while (std::chrono::steady_clock::now() < until) {
    {
      SQLite::Database db(db_file.string(), SQLite::OPEN_READONLY);
      db.setBusyTimeout(1000);
      if (climbs_recorded(db) >= expected) return true;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return false;
}

TEST(TicketJobsCrash, KilledWhileDeadlinesAreDueEachTicketClimbsExactlyOnce) {
  TempDir dir;
  FakeDeliverServer deliver;
  const std::filesystem::path config_file = write_jobs_config(dir.path(), deliver.url());
  const std::filesystem::path db_file = dir.path() / "whistle.db";
  const std::vector<std::string> units{"b3u2", "b3u1", "b1u1", "b5u1"};
  const std::vector<std::int64_t> numbers = prepare_due_tickets(db_file, units);

  // Started and killed at once, twice: the scheduler may be anywhere in the due jobs.
  for (int round = 0; round < 2; ++round) {
    ServeProcess killed = start_serve(config_file, dir.path() / ("killed-" + std::to_string(round) + ".log"));
    ASSERT_NE(killed.port, 0) << "no listening line from " << WHISTLE_BINARY;
    killed.process->signal(SIGKILL);
    ASSERT_TRUE(killed.process->wait(kJobsDeadline));
  }
  ServeProcess last = start_serve(config_file, dir.path() / "last.log");
  ASSERT_NE(last.port, 0);
  ASSERT_TRUE(wait_for_climbs(db_file, static_cast<int>(units.size())));
  std::this_thread::sleep_for(std::chrono::milliseconds(500));  // time for a second climb, if any
  last.process->signal(SIGKILL);
  ASSERT_TRUE(last.process->wait(kJobsDeadline));

  SQLite::Database db(db_file.string(), SQLite::OPEN_READONLY);
  EXPECT_EQ(climbs_recorded(db), static_cast<int>(units.size()));
  const std::vector<std::string> building_leaders{"generic:@u-qian", "generic:@u-qian", "generic:@u-sun",
                                                  "generic:@u-wu"};
  for (std::size_t i = 0; i < numbers.size(); ++i) {
    SCOPED_TRACE(units[i]);
    const std::string ref = "'【工单T" + std::to_string(numbers[i]) + "】%'";
    EXPECT_EQ(count(db, "SELECT climbs FROM tickets WHERE number = " + std::to_string(numbers[i])), 1);
    // One word each to the new level's leader and to the reporter, kept once in the outbox; the
    // reporter's is kept for the morning instead when the test runs in the quiet hours.
    EXPECT_EQ(count(db, "SELECT COUNT(*) FROM outbox WHERE chat = '" + building_leaders[i] +
                            "' AND text LIKE " + ref),
              1);
    const std::string ticket_ref = "%【工单T" + std::to_string(numbers[i]) + "】%";
    EXPECT_EQ(
        count(db, "SELECT (SELECT COUNT(*) FROM outbox WHERE chat = 'generic:@u-zhang' AND text LIKE " + ref +
                      ") + (SELECT COUNT(*) FROM jobs WHERE kind = 'deferred_post' AND payload LIKE "
                      "'%generic:@u-zhang%' AND payload LIKE '" +
                      ticket_ref + "')"),
        1);
  }
  EXPECT_EQ(count(db, "SELECT COUNT(*) FROM outbox WHERE chat = 'generic:b3' AND text LIKE '【工单T%'"), 2);
  EXPECT_EQ(count(db,
                  "SELECT COUNT(*) FROM jobs WHERE kind = 'ticket_answer' AND done_at IS NULL AND due_at <= "
                  "CAST(strftime('%s', 'now') AS INTEGER)"),
            0);
}

// The first number after `name ` on its own line of a /metrics body; -1 when absent.
long metric(const std::string& body, const std::string& name) {
  std::istringstream lines(body);
  for (std::string line; std::getline(lines, line);) {
    if (line.rfind(name + " ", 0) == 0) return std::stol(line.substr(name.size() + 1));
  }
  return -1;
}

TEST(TicketJobsMetrics, ADeadJobShowsInWhistleJobsDeadTotal) {
  TempDir dir;
  FakeDeliverServer deliver;
  const std::filesystem::path config_file = write_jobs_config(dir.path(), deliver.url());
  const std::filesystem::path db_file = dir.path() / "whistle.db";
  const std::vector<std::int64_t> numbers = prepare_due_tickets(db_file, {"b3u2"});
  {
    // The ticket cannot be saved (a trigger refuses it), and its answer deadline has already
    // failed four times: the server's run is its fifth and last attempt.
    SQLite::Database db(db_file.string(), SQLite::OPEN_READWRITE);
    db.exec(
        "CREATE TRIGGER refuse_ticket BEFORE UPDATE ON tickets BEGIN SELECT RAISE(ABORT, 'test: refused'); "
        "END");
    db.exec("UPDATE jobs SET attempts = 4 WHERE kind = 'ticket_answer'");
  }

  ServeProcess serve = start_serve(config_file, dir.path() / "serve.log");
  ASSERT_NE(serve.port, 0);
  long dead = -1;
  const auto until = std::chrono::steady_clock::now() + kJobsDeadline;
  while (std::chrono::steady_clock::now() < until) {
    const HttpResult metrics = http_request(serve.port, "GET", "/metrics", "");
    ASSERT_EQ(metrics.status, 200) << metrics.error;
    dead = metric(metrics.body, "whistle_jobs_dead_total");
    if (dead >= 1) {
      EXPECT_GE(metric(metrics.body, "whistle_jobs_failed_total"), 1);
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  EXPECT_EQ(dead, 1);
  serve.process->signal(SIGKILL);
  ASSERT_TRUE(serve.process->wait(kJobsDeadline));

  SQLite::Database db(db_file.string(), SQLite::OPEN_READONLY);
  EXPECT_EQ(
      count(db,
            "SELECT COUNT(*) FROM jobs WHERE kind = 'ticket_answer' AND dead_at IS NOT NULL AND done_at "
            "IS NOT NULL AND attempts = 5 AND last_error LIKE '%test: refused%'"),
      1);
  EXPECT_EQ(count(db, "SELECT climbs FROM tickets WHERE number = " + std::to_string(numbers[0])), 0);
}

}  // namespace
}  // namespace whistle::bot::testing
