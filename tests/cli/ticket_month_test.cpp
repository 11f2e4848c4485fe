// A month of the resident ticket loop through the real `whistle sim` binary (the demo community, a
// database file): twelve tickets reported in November 2026 in unit groups and in private (报事, 点单,
// 微心愿), accepted, dispatched to 物业 and sent back, resolved, rated 满意 / 不满意 (回炉, twice
// for one, which then climbs), left unrated until rate_days closes them, one 关闭 重复, some
// accepted late after a climb, one never accepted. Then `whistle report --month 2026-11 --format
// json`: every ticket figure is compared with the count written by hand below.
//
// It drives the whole loop (intake, work commands, rating, deadlines) as design.md's command table
// and the sim contract say, so it breaks when any of them counts differently.
#include <gtest/gtest.h>
#include <unistd.h>
#include <nlohmann/json.hpp>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "config/templates.hpp"
#include "whistle_process.hpp"

namespace {

using nlohmann::json;
using whistle::cli_testing::ProcessRun;
using whistle::cli_testing::Stderr;

// The script's lines, put in time order before they are sent (the sim's clock only moves forward).
class Script {
 public:
  // `from` says `text` in group `chat` at `at` ("2026-11-02T09:00").
  void say(const std::string& at, const std::string& chat, const std::string& from, const std::string& name,
           const std::string& text) {
    add(json{{"at", at}, {"chat", chat}, {"from", from}, {"name", name}, {"text", text}});
  }
  // `person` writes to the bot in private.
  void in_private(const std::string& at, const std::string& person, const std::string& text) {
    add(json{{"at", at}, {"chat", "@" + person}, {"text", text}});
  }
  void clock(const std::string& at) { add(json{{"at", at}}); }

  std::string input() {
    std::stable_sort(lines_.begin(), lines_.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    std::string text;
    for (const auto& [at, line] : lines_)
      text += line.dump() + "\n";
    return text;
  }

 private:
  void add(const json& line) { lines_.emplace_back(line["at"].get<std::string>(), line); }
  std::vector<std::pair<std::string, json>> lines_;
};

// The demo's people: residents, the unit, building, grid and community leaders, 物业's 刘师傅.
constexpr const char* kChen = "u-chen";    // 陈单元长, 3号楼2单元
constexpr const char* kFeng = "u-feng";    // 冯单元长, 3号楼1单元
constexpr const char* kQian = "u-qian";    // 钱楼栋长, 3号楼
constexpr const char* kLi = "u-li";        // 李网格长, 第一网格
constexpr const char* kChu = "u-chu";      // 褚单元长, 5号楼1单元
constexpr const char* kShifu = "u-shifu";  // 刘师傅, 物业

// Every ticket of the month, in the order reported (so T1 … T12), with what happens to it.
void november(Script& s) {
  // T1 报事 in the 3号楼2单元 group: accepted in 30 min, resolved at 2 h, rated 满意.
  s.say("2026-11-02T09:00", "b3u2", "u-zhang", "张三", "报事 楼道灯坏了");
  s.say("2026-11-02T09:30", "b3u2", kChen, "陈单元长", "接单 T1");
  s.say("2026-11-02T11:00", "b3u2", kChen, "陈单元长", "办结 T1 已更换灯泡");
  s.say("2026-11-02T12:00", "b3u2", "u-zhang", "张三", "评价 T1 满意");

  // T2 报事 in private with a place: accepted in 1 h, resolved, 不满意 (回炉 to 陈单元长), resolved
  // again 24 h after receipt, then 满意.
  s.in_private("2026-11-03T09:00", "u-liu", "报事 3号楼2单元 水管漏水");
  s.in_private("2026-11-03T10:00", kChen, "接单 T2");
  s.in_private("2026-11-03T15:00", kChen, "办结 T2 已修好");
  s.in_private("2026-11-03T16:00", "u-liu", "评价 T2 不满意 还在漏");
  s.in_private("2026-11-04T09:00", kChen, "办结 T2 换了新水管");
  s.in_private("2026-11-04T11:00", "u-liu", "评价 T2 满意");

  // T3 报事 in the 3号楼1单元 group: nobody accepts within 2 h, it climbs to 3号楼, 钱楼栋长 accepts
  // at 2.5 h (late), resolves at 5 h; never rated → closed not_rated 7 days later.
  s.say("2026-11-04T09:00", "b3u1", "u-r1", "孙大爷", "报事 楼道堆满杂物");
  s.say("2026-11-04T11:30", "b3", kQian, "钱楼栋长", "接单 T3");
  s.say("2026-11-04T14:00", "b3", kQian, "钱楼栋长", "办结 T3 已清理");

  // T4 点单: accepted in 20 min, resolved at 3 h, 满意.
  s.say("2026-11-05T09:00", "b3u2", "u-zhang", "张三", "点单 需要代买药");
  s.say("2026-11-05T09:20", "b3u2", kChen, "陈单元长", "接单 T4");
  s.say("2026-11-05T12:00", "b3u2", kChen, "陈单元长", "办结 T4 已送到");
  s.say("2026-11-05T13:00", "b3u2", "u-zhang", "张三", "评价 T4 满意");

  // T5 a duplicate: 关闭 重复, never accepted.
  s.say("2026-11-05T10:00", "b3u2", "u-liu", "刘阿姨", "报事 楼道灯坏了");
  s.say("2026-11-05T10:30", "b3u2", kChen, "陈单元长", "关闭 T5 重复");

  // T6 派单 to 物业, 退回 by 刘师傅, accepted by 陈单元长 at 1.5 h (in time: the window restarted),
  // resolved at 7 h, 满意.
  s.say("2026-11-06T09:00", "b3u2", "u-r2", "周阿姨", "报事 电梯有异响");
  s.say("2026-11-06T09:30", "b3u2", kChen, "陈单元长", "派单 T6 物业");
  s.say("2026-11-06T10:00", "wuye", kShifu, "刘师傅", "退回 T6 电梯归电梯公司管");
  s.say("2026-11-06T10:30", "b3u2", kChen, "陈单元长", "接单 T6");
  s.say("2026-11-06T16:00", "b3u2", kChen, "陈单元长", "办结 T6 已联系电梯公司维修");
  s.say("2026-11-06T17:00", "b3u2", "u-r2", "周阿姨", "评价 T6 满意");

  // T7 微心愿 in private: accepted in 30 min, resolved 20 h after, 满意.
  s.in_private("2026-11-06T14:00", "u-zhang", "微心愿 3号楼2单元 想要一副老花镜");
  s.in_private("2026-11-06T14:30", kChen, "接单 T7");
  s.in_private("2026-11-07T10:00", kChen, "办结 T7 老花镜已送到");
  s.in_private("2026-11-07T11:00", "u-zhang", "评价 T7 满意");

  // T8 accepted in 10 min, resolved, rated 2 (回炉), resolved again, rated 不满意 (回炉 twice:
  // reopen_limit 2, it climbs). Last rating 1: rated, not satisfied, not solved.
  s.say("2026-11-09T09:00", "b3u1", "u-r1", "孙大爷", "报事 楼下垃圾没人清");
  s.say("2026-11-09T09:10", "b3u1", kFeng, "冯单元长", "接单 T8");
  s.say("2026-11-09T11:00", "b3u1", kFeng, "冯单元长", "办结 T8 已清走");
  s.say("2026-11-09T12:00", "b3u1", "u-r1", "孙大爷", "评价 T8 2 还是很脏");
  s.say("2026-11-10T10:00", "b3u1", kFeng, "冯单元长", "办结 T8 又清了一遍");
  s.say("2026-11-10T11:00", "b3u1", "u-r1", "孙大爷", "评价 T8 不满意 还是有垃圾");

  // T9 in the other grid: accepted in 40 min, resolved at 4 h, never rated → not_rated.
  s.say("2026-11-10T09:00", "b5u1", "u-r3", "吴大妈", "报事 单元门坏了");
  s.say("2026-11-10T09:40", "b5u1", kChu, "褚单元长", "接单 T9");
  s.say("2026-11-10T13:00", "b5u1", kChu, "褚单元长", "办结 T9 已修好");

  // T10 climbs twice (3号楼 at 11:00, 第一网格 at 13:00); 李网格长 accepts at 4.5 h (late),
  // resolves at 8 h; 满意.
  s.say("2026-11-12T09:00", "b3u2", "u-zhang", "张三", "报事 楼上噪音扰民");
  s.say("2026-11-12T13:30", "g1", kLi, "李网格长", "接单 T10");
  s.say("2026-11-12T17:00", "g1", kLi, "李网格长", "办结 T10 已协调");
  s.say("2026-11-12T18:00", "b3u2", "u-zhang", "张三", "评价 T10 满意");

  // T11 in private: accepted in 30 min, not resolved in the month.
  s.in_private("2026-11-13T09:00", "u-r4", "报事 3号楼1单元 暖气不热");
  s.in_private("2026-11-13T09:30", kFeng, "接单 T11");

  // T12 never accepted: it climbs level by level.
  s.say("2026-11-16T09:00", "b3u2", "u-liu", "刘阿姨", "报事 楼道灯不亮");

  // The end of the month: every rating deadline of the month has passed.
  s.clock("2026-11-30T20:00");
  // 钱楼栋长 asks for last month's figures of 3号楼 in its group.
  s.say("2026-12-01T10:00", "b3", kQian, "钱楼栋长", "统计 上月");
}

class TicketMonth : public ::testing::Test {
 protected:
  TicketMonth() { remove(); }
  ~TicketMonth() override { remove(); }
  void remove() {
    for (const char* suffix : {"", "-wal", "-shm"})
      std::filesystem::remove(db_ + suffix);
  }

  const std::string db_ = (std::filesystem::temp_directory_path() /
                           ("whistle-ticket-month-" + std::to_string(::getpid()) + ".db"))
                              .string();
};

TEST_F(TicketMonth, TheReportsTicketFiguresAreTheHandCount) {
  Script script;
  november(script);
  const ProcessRun sim =
      whistle::cli_testing::run_whistle("sim --db " + db_, Stderr::dropped, script.input());
  ASSERT_EQ(sim.exit_code, 0) << sim.out;

  // 统计 上月 in the 3号楼 group: its eleven tickets (all but T9). In time: T1 T2 T4 T6 T7 T8 T11;
  // solved: T1 T2 T3 T4 T6 T7 T10; rated T1 T2 T4 T6 T7 T8 T10, satisfied all but T8. Closed: T1–T7,
  // T10; reopened T2 T8 of the resolved T1–T8, T10; sent back or closed: T5 T6.
  {
    const whistle::config::Templates templates = whistle::config::Templates::builtin("zh-CN");
    const std::string rates = templates.render(
        "stats_rates", {{"response_rate", "63.6%"}, {"solve_rate", "63.6%"}, {"satisfaction_rate", "85.7%"}});
    const std::string more = templates.render(
        "stats_rates_more", {{"close_rate", "72.7%"}, {"reopen_rate", "25.0%"}, {"send_back_rate", "18.2%"}});
    bool told = false;
    std::istringstream out(sim.out);
    for (std::string text; std::getline(out, text);) {
      const json line = json::parse(text);
      if (line["chat"] != "b3" || !line["text"].is_string()) continue;
      const std::string said = line["text"].get<std::string>();
      if (said.find(rates) != std::string::npos && said.find(more) != std::string::npos) told = true;
    }
    EXPECT_TRUE(told) << "统计 上月 in the b3 group shows the hand-counted rates:\n" << rates << "\n" << more;
  }

  // Each ticket as the script left it: a failure here says which step of the loop went another way.
  {
    SQLite::Database db(db_, SQLite::OPEN_READONLY);
    SQLite::Statement q(db,
                        "SELECT number, first_node_id, state, COALESCE(outcome, ''), COALESCE(rating, 0), "
                        "reopened, sent_back, answered_in_time FROM tickets ORDER BY number");
    struct Row {
      std::string first_node, state, outcome;
      int rating, reopened, sent_back, in_time;
    };
    const std::map<int, Row> expected{
        {1, {"b3u2", "closed", "satisfied", 5, 0, 0, 1}},  {2, {"b3u2", "closed", "satisfied", 5, 1, 0, 1}},
        {3, {"b3u1", "closed", "not_rated", 0, 0, 0, 0}},  {4, {"b3u2", "closed", "satisfied", 5, 0, 0, 1}},
        {5, {"b3u2", "closed", "unresolved", 0, 0, 0, 0}}, {6, {"b3u2", "closed", "satisfied", 5, 0, 1, 1}},
        {7, {"b3u2", "closed", "satisfied", 5, 0, 0, 1}},  {9, {"b5u1", "closed", "not_rated", 0, 0, 0, 1}},
        {10, {"b3u2", "closed", "satisfied", 5, 0, 0, 0}},
    };
    int count = 0;
    while (q.executeStep()) {
      ++count;
      const int number = q.getColumn(0).getInt();
      const auto it = expected.find(number);
      if (it == expected.end()) continue;  // T8, T11, T12 are still being worked: checked below
      const Row& row = it->second;
      EXPECT_EQ(q.getColumn(1).getString(), row.first_node) << "T" << number;
      EXPECT_EQ(q.getColumn(2).getString(), row.state) << "T" << number;
      EXPECT_EQ(q.getColumn(3).getString(), row.outcome) << "T" << number;
      EXPECT_EQ(q.getColumn(4).getInt(), row.rating) << "T" << number;
      EXPECT_EQ(q.getColumn(5).getInt(), row.reopened) << "T" << number;
      EXPECT_EQ(q.getColumn(6).getInt(), row.sent_back) << "T" << number;
      EXPECT_EQ(q.getColumn(7).getInt(), row.in_time) << "T" << number;
    }
    EXPECT_EQ(count, 12);
    SQLite::Statement open(db,
                           "SELECT number, state <> 'closed', COALESCE(rating, 0), reopened FROM tickets "
                           "WHERE number IN (8, 11, 12) ORDER BY number");
    const std::vector<std::vector<int>> still_open{{8, 1, 1, 2}, {11, 1, 0, 0}, {12, 1, 0, 0}};
    for (const std::vector<int>& want : still_open) {
      ASSERT_TRUE(open.executeStep());
      EXPECT_EQ(open.getColumn(0).getInt(), want[0]);
      EXPECT_EQ(open.getColumn(1).getInt(), want[1]) << "T" << want[0] << " is not closed";
      EXPECT_EQ(open.getColumn(2).getInt(), want[2]) << "T" << want[0] << "'s last rating";
      EXPECT_EQ(open.getColumn(3).getInt(), want[3]) << "T" << want[0] << " reopened";
    }
  }

  const ProcessRun report =
      whistle::cli_testing::run_whistle("report --db " + db_ + " --month 2026-11 --format json");
  ASSERT_EQ(report.exit_code, 0) << report.out;
  const json c1 = json::parse(report.out)["sections"][0];
  ASSERT_EQ(c1["node"], "c1");
  const json& t = c1["tickets"];

  // The count by hand, ticket by ticket.
  EXPECT_EQ(t["received"], 12);                // T1–T12
  EXPECT_EQ(t["accepted"], 10);                // all but T5 (closed) and T12 (never accepted)
  EXPECT_EQ(t["answered_in_time"], 8);         // T1 T2 T4 T6 T7 T8 T9 T11 (T3, T10 climbed first)
  EXPECT_EQ(t["solved"], 8);                   // T1 T2 T4 T6 T7 T10 satisfied, T3 T9 not rated
  EXPECT_EQ(t["rated"], 7);                    // T1 T2 T4 T6 T7 T8 T10
  EXPECT_EQ(t["satisfied"], 6);                // the same but T8 (last rating 1)
  EXPECT_EQ(t["closed"], 9);                   // T1–T7, T9, T10
  EXPECT_EQ(t["not_rated"], 2);                // T3 T9
  EXPECT_EQ(t["closed_unresolved"], 1);        // T5
  EXPECT_EQ(t["reopened"], 2);                 // T2 T8
  EXPECT_EQ(t["resolved_once"], 9);            // T1 T2 T3 T4 T6 T7 T8 T9 T10
  EXPECT_EQ(t["sent_back_or_unresolved"], 2);  // T5 T6
  // To the first 接单: T1 30m, T2 1h, T3 2.5h, T4 20m, T6 1.5h, T7 30m, T8 10m, T9 40m, T10 4.5h,
  // T11 30m.
  const int accept = 1800 + 3600 + 9000 + 1200 + 5400 + 1800 + 600 + 2400 + 16200 + 1800;
  EXPECT_EQ(t["accept_seconds"], accept);
  // To the last 办结 of the solved: T1 2h, T2 24h, T3 5h, T4 3h, T6 7h, T7 20h, T9 4h, T10 8h.
  const int solve = 7200 + 86400 + 18000 + 10800 + 25200 + 72000 + 14400 + 28800;
  EXPECT_EQ(t["solve_seconds"], solve);

  EXPECT_DOUBLE_EQ(t["response_rate"].get<double>(), 8.0 / 12.0);
  EXPECT_DOUBLE_EQ(t["solve_rate"].get<double>(), 8.0 / 12.0);
  EXPECT_DOUBLE_EQ(t["satisfaction_rate"].get<double>(), 6.0 / 7.0);
  EXPECT_DOUBLE_EQ(t["close_rate"].get<double>(), 9.0 / 12.0);
  EXPECT_DOUBLE_EQ(t["reopen_rate"].get<double>(), 2.0 / 9.0);
  EXPECT_DOUBLE_EQ(t["send_back_rate"].get<double>(), 2.0 / 12.0);
  EXPECT_DOUBLE_EQ(t["mean_accept_hours"].get<double>(), accept / 10.0 / 3600.0);
  EXPECT_DOUBLE_EQ(t["mean_solve_hours"].get<double>(), solve / 8.0 / 3600.0);

  // Per grid: 第二网格 has T9 only; 第一网格 the other eleven.
  ASSERT_EQ(c1["child_tickets"].size(), 2u);
  const json& g1 = c1["child_tickets"][0];
  const json& g2 = c1["child_tickets"][1];
  EXPECT_EQ(g1["node"], "g1");
  EXPECT_EQ(g1["received"], 11);
  EXPECT_EQ(g1["solved"], 7);
  EXPECT_EQ(g1["not_rated"], 1);
  EXPECT_EQ(g2["node"], "g2");
  EXPECT_EQ(g2["received"], 1);
  EXPECT_EQ(g2["solved"], 1);
  EXPECT_TRUE(g2["satisfaction_rate"].is_null()) << "T9 was never rated";

  // One unit: 3号楼1单元 received T3, T8 and T11 (T3 counts here though 钱楼栋长 took it).
  const ProcessRun unit =
      whistle::cli_testing::run_whistle("report --db " + db_ + " --month 2026-11 --node b3u1 --format json");
  ASSERT_EQ(unit.exit_code, 0);
  const json u = json::parse(unit.out)["sections"][0]["tickets"];
  EXPECT_EQ(u["received"], 3);
  EXPECT_EQ(u["answered_in_time"], 2);                          // T8 T11
  EXPECT_EQ(u["solved"], 1);                                    // T3
  EXPECT_EQ(u["reopened"], 1);                                  // T8
  EXPECT_DOUBLE_EQ(u["reopen_rate"].get<double>(), 1.0 / 2.0);  // T8 of the resolved T3 T8
}

}  // namespace
