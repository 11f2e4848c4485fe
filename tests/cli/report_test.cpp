// `whistle report`: the CSV cell rules, and the real binary over a database with a month in it.
#include <gtest/gtest.h>
#include <unistd.h>
#include <nlohmann/json.hpp>

#include <array>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <string>

#include "bot/cli/report_writer.hpp"
#include "config/config.hpp"
#include "config/templates.hpp"
#include "handlers/dispatcher.hpp"
#include "store/database.hpp"
#include "store/ledger.hpp"
#include "store/people.hpp"
#include "store/tickets.hpp"
#include "whistle_process.hpp"

namespace whistle::bot {
namespace {

TEST(ReportCsv, TextThatExcelWouldRunAsAFormulaIsWrittenAsText) {
  EXPECT_EQ(csv_text_cell("=HYPERLINK(\"http://x\")"), "\"'=HYPERLINK(\"\"http://x\"\")\"");
  EXPECT_EQ(csv_text_cell("+86 138"), "'+86 138");
  EXPECT_EQ(csv_text_cell("-3"), "'-3") << "a text cell, however it looks; numbers are written apart";
  EXPECT_EQ(csv_text_cell("@张三"), "'@张三");
  EXPECT_EQ(csv_text_cell("\tx"), "'\tx");
  EXPECT_EQ(csv_text_cell("\rx"), "\"'\rx\"");
  EXPECT_EQ(csv_text_cell("张三"), "张三");
  EXPECT_EQ(csv_text_cell("a,b"), "\"a,b\"");
  EXPECT_EQ(csv_text_cell("两行\n文字"), "\"两行\n文字\"");
  EXPECT_EQ(csv_text_cell(""), "");
}

// 2026-10-15 10:00 in Asia/Shanghai.
constexpr std::int64_t kMidOctober = 1792029600;

using cli_testing::ProcessRun;
using cli_testing::run_whistle;

class ReportBinary : public ::testing::Test {
 protected:
  ReportBinary()
      : path_((std::filesystem::temp_directory_path() /
               ("whistle-report-" + std::to_string(::getpid()) + ".db"))
                  .string()) {
    remove();
    store::Database db(store::DatabaseOptions{.path = path_});
    const config::Config config = config::demo_config();
    const config::Templates templates = config::Templates::builtin("zh-CN");
    handlers::Dispatcher dispatcher(db, config, templates);
    store::Transaction transaction(db);
    dispatcher.sync_org();
    store::PeopleRepository people(db);
    people.touch("generic:u-evil", "=HYPERLINK(\"http://x\")", kMidOctober);
    store::LedgerRepository ledger(db);
    append(ledger, "generic:u-zhang", 10, 120, "b3u2", store::LedgerKind::task);
    append(ledger, "generic:u-evil", 4, 0, "b5u1", store::LedgerKind::adjust);
    append(ledger, "generic:u-zhang", -3, 0, "b3u2", store::LedgerKind::adjust);
    add_tickets(db);
    transaction.commit();
  }

  // Three October tickets (issue 12): in 3号楼2单元 one solved and rated 满意 (accepted in 1 h,
  // resolved in 3 h) and one 关闭 重复; in 5号楼1单元 one sent back and waiting.
  static void add_tickets(store::Database& db) {
    store::TicketRepository tickets(db);
    const auto add = [&](const std::string& node, const std::function<void(store::Ticket&)>& change) {
      store::Ticket t;
      t.community = "c1";
      t.first_node = t.node = node;
      t.chat = "generic:" + node;
      t.reporter = "generic:u-zhang";
      t.text = "楼道灯坏了";
      t.created_at = t.solve_from = kMidOctober;
      t.state = store::TicketState::assigned;
      t.assignee_person = "generic:u-chen";
      store::Ticket stored = tickets.create(t);
      change(stored);
      tickets.save(stored);
    };
    add("b3u2", [](store::Ticket& t) {
      t.accepted_at = t.first_accepted_at = t.created_at + 3600;
      t.answered_in_time = true;
      t.resolved_at = t.first_resolved_at = t.created_at + 3 * 3600;
      t.rating = 5;
      t.ratings = 1;
      t.state = store::TicketState::closed;
      t.outcome = store::TicketOutcome::satisfied;
    });
    add("b3u2", [](store::Ticket& t) {
      t.state = store::TicketState::closed;
      t.outcome = store::TicketOutcome::unresolved;
      t.close_reason = "重复";
    });
    add("b5u1", [](store::Ticket& t) { t.sent_back = 1; });
  }
  ~ReportBinary() override { remove(); }

  static void append(store::LedgerRepository& ledger, const std::string& person, std::int64_t points,
                     std::int64_t minutes, const std::string& node, store::LedgerKind kind) {
    store::NewLedgerEntry entry;
    entry.community = "c1";
    entry.person = person;
    entry.points = points;
    entry.minutes = minutes;
    entry.kind = kind;
    entry.node = node;
    entry.reason = "-失约";
    entry.at = kMidOctober;
    ledger.append(entry);
  }

  void remove() {
    for (const char* suffix : {"", "-wal", "-shm"})
      std::filesystem::remove(path_ + suffix);
  }

  std::string path_;
};

TEST_F(ReportBinary, CsvOpensInExcelWithNumbersAsNumbersAndFormulasDisarmed) {
  const ProcessRun run = run_whistle("report --db " + path_ + " --month 2026-10 --format csv");
  ASSERT_EQ(run.exit_code, 0);
  EXPECT_EQ(run.out.rfind("\xEF\xBB\xBF", 0), 0u) << "a UTF-8 byte order mark first";
  EXPECT_NE(run.out.find("\"'=HYPERLINK("), std::string::npos);
  EXPECT_EQ(run.out.find(",=HYPERLINK"), std::string::npos);
  EXPECT_NE(run.out.find(",'-失约"), std::string::npos) << "a reason starting with - is text";
  EXPECT_NE(run.out.find(",-3,"), std::string::npos) << "a negative number stays a number";
  EXPECT_NE(run.out.find("1,张三,generic:u-zhang,7,2.00"), std::string::npos) << run.out;
}

TEST_F(ReportBinary, JsonHasTheRankingParticipationAndLedgerOfTheNode) {
  const ProcessRun run = run_whistle("report --db " + path_ + " --month 2026-10 --node g1 --format json");
  ASSERT_EQ(run.exit_code, 0);
  const nlohmann::json report = nlohmann::json::parse(run.out);
  ASSERT_EQ(report["sections"].size(), 1u);
  const nlohmann::json& g1 = report["sections"][0];
  EXPECT_EQ(g1["node"], "g1");
  EXPECT_EQ(g1["month"], "2026-10");
  ASSERT_EQ(g1["people"].size(), 1u) << "u-evil earned in the other grid";
  EXPECT_EQ(g1["people"][0]["points"], 7);
  EXPECT_EQ(g1["ledger"].size(), 2u);
  EXPECT_EQ(g1["children"].size(), 2u) << "its two buildings";
  EXPECT_EQ(g1["participation"]["signed_up"], 0);
  // Nobody signed up: no rate to show, as for tickets (0 % reads as a failure).
  EXPECT_TRUE(g1["participation"]["participation_rate"].is_null());
  EXPECT_TRUE(g1["participation"]["no_show_rate"].is_null());
  EXPECT_EQ(g1["ledger_digest"]["entries"], 3);
}

TEST_F(ReportBinary, MarkdownIsTheDefaultAndAMonthWithoutEntriesSaysSo) {
  const ProcessRun run = run_whistle("report --db " + path_ + " --month 2026-09");
  ASSERT_EQ(run.exit_code, 0);
  EXPECT_EQ(run.out.rfind("# ", 0), 0u) << run.out;
  EXPECT_NE(run.out.find("2026-09"), std::string::npos);
  EXPECT_EQ(run.out.find("张三"), std::string::npos);
}

TEST_F(ReportBinary, BadArgumentsAreRefusedWithoutTouchingAnything) {
  EXPECT_EQ(run_whistle("report --db " + path_ + " --month 2026-13").exit_code, 2);
  EXPECT_EQ(run_whistle("report --db " + path_ + " --format xlsx").exit_code, 2);
  EXPECT_EQ(run_whistle("report --db " + path_ + " --node nowhere").exit_code, 2);
  EXPECT_EQ(run_whistle("report --db " + path_ + ".missing").exit_code, 2);
  EXPECT_FALSE(std::filesystem::exists(path_ + ".missing"));
}

}  // namespace
}  // namespace whistle::bot

namespace whistle::bot {
namespace {

// The ticket figures beside the volunteer figures, counted by hand from add_tickets.
TEST_F(ReportBinary, JsonHasTheTicketFiguresOfTheNodeAndEachChild) {
  const ProcessRun run = run_whistle("report --db " + path_ + " --month 2026-10 --format json");
  ASSERT_EQ(run.exit_code, 0);
  const nlohmann::json c1 = nlohmann::json::parse(run.out)["sections"][0];
  const nlohmann::json& t = c1["tickets"];
  EXPECT_EQ(t["received"], 3);
  EXPECT_EQ(t["answered_in_time"], 1);
  EXPECT_EQ(t["solved"], 1);
  EXPECT_EQ(t["rated"], 1);
  EXPECT_EQ(t["satisfied"], 1);
  EXPECT_EQ(t["closed"], 2);
  EXPECT_EQ(t["closed_unresolved"], 1);
  EXPECT_EQ(t["sent_back_or_unresolved"], 2);
  EXPECT_EQ(t["reopened"], 0);
  EXPECT_DOUBLE_EQ(t["response_rate"].get<double>(), 1.0 / 3.0) << "rates are decimals in JSON";
  EXPECT_DOUBLE_EQ(t["solve_rate"].get<double>(), 1.0 / 3.0);
  EXPECT_DOUBLE_EQ(t["satisfaction_rate"].get<double>(), 1.0);
  EXPECT_DOUBLE_EQ(t["close_rate"].get<double>(), 2.0 / 3.0);
  EXPECT_DOUBLE_EQ(t["reopen_rate"].get<double>(), 0.0);
  EXPECT_DOUBLE_EQ(t["send_back_rate"].get<double>(), 2.0 / 3.0);
  EXPECT_DOUBLE_EQ(t["mean_accept_hours"].get<double>(), 1.0);
  EXPECT_DOUBLE_EQ(t["mean_solve_hours"].get<double>(), 3.0);

  ASSERT_EQ(c1["child_tickets"].size(), 2u) << "the two grids";
  EXPECT_EQ(c1["child_tickets"][0]["node"], "g1");
  EXPECT_EQ(c1["child_tickets"][0]["received"], 2);
  EXPECT_DOUBLE_EQ(c1["child_tickets"][0]["send_back_rate"].get<double>(), 0.5);
  EXPECT_EQ(c1["child_tickets"][1]["node"], "g2");
  EXPECT_EQ(c1["child_tickets"][1]["received"], 1);
  EXPECT_TRUE(c1["child_tickets"][1]["satisfaction_rate"].is_null()) << "nothing rated: no rate, not 0";
}

TEST_F(ReportBinary, CsvAndMarkdownShowTheTicketRatesAsPercentages) {
  const config::Templates templates = config::Templates::builtin("zh-CN");
  const ProcessRun csv = run_whistle("report --db " + path_ + " --month 2026-10 --format csv");
  ASSERT_EQ(csv.exit_code, 0);
  EXPECT_NE(csv.out.find(templates.render("report_ticket_received") + ",3\r\n"), std::string::npos)
      << csv.out;
  EXPECT_NE(csv.out.find(templates.render("report_ticket_response_rate") + ",33.33\r\n"), std::string::npos);
  EXPECT_NE(csv.out.find(templates.render("report_ticket_satisfaction_rate") + ",100.00\r\n"),
            std::string::npos);
  EXPECT_NE(csv.out.find(templates.render("report_ticket_mean_solve") + ",3.00\r\n"), std::string::npos);
  EXPECT_NE(csv.out.find("g2,第二网格,1,0.00,0.00,—,0.00,—,100.00\r\n"), std::string::npos)
      << "a child's row; a rate with nothing to divide by is a dash";

  const ProcessRun md = run_whistle("report --db " + path_ + " --month 2026-10 --node b3");
  ASSERT_EQ(md.exit_code, 0);
  EXPECT_NE(md.out.find("## " + templates.render("report_tickets")), std::string::npos) << md.out;
  EXPECT_NE(md.out.find("| " + templates.render("report_ticket_send_back_rate") + " | 50.00 |"),
            std::string::npos)
      << md.out;
}

}  // namespace
}  // namespace whistle::bot
