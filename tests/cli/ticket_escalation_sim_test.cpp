// A ticket nobody accepts climbs the ladder through the real `whistle sim`, across a restart over
// one database file: each climb is announced exactly once (design.md, "Command line": the sim fires
// every job that falls due on the way when the clock moves).
//
// Needs the intake command (报修 ...), which is built on another branch of issue 12: until that is
// merged the report gets no ticket and this test fails.
#include <gtest/gtest.h>
#include <unistd.h>
#include <nlohmann/json.hpp>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <vector>

namespace {

using nlohmann::json;

std::vector<json> run_sim(const std::string& db, const std::string& input) {
  const auto input_file = std::filesystem::temp_directory_path() /
                          ("whistle-escalation-in-" + std::to_string(::getpid()) + ".jsonl");
  std::ofstream(input_file) << input;
  const std::string command =
      std::string(WHISTLE_BINARY) + " sim --db " + db + " < " + input_file.string() + " 2>/dev/null";
  std::vector<json> lines;
  FILE* pipe = ::popen(command.c_str(), "r");
  if (pipe == nullptr) return lines;
  std::string current;
  std::array<char, 8192> buffer{};
  while (std::fgets(buffer.data(), buffer.size(), pipe) != nullptr) {
    current += buffer.data();
    if (!current.empty() && current.back() == '\n') {
      lines.push_back(json::parse(current));
      current.clear();
    }
  }
  ::pclose(pipe);
  std::filesystem::remove(input_file);
  return lines;
}

bool about_t1(const json& line) {
  return line["text"].get<std::string>().starts_with("【工单T1】");
}

// The lines about T1 per chat, and the first time each chat heard of it.
struct Heard {
  std::map<std::string, int> count;
  std::map<std::string, std::string> first_at;
};

void listen(Heard& heard, const std::vector<json>& lines) {
  for (const json& line : lines) {
    if (!about_t1(line)) continue;
    const std::string chat = line["chat"].get<std::string>();
    if (heard.count[chat]++ == 0) heard.first_at[chat] = line["at"].get<std::string>();
  }
}

TEST(TicketEscalationSim, AnUnacceptedTicketClimbsToTheResponderEachClimbAnnouncedOnceAcrossARestart) {
  const std::string db =
      (std::filesystem::temp_directory_path() / ("whistle-escalation-" + std::to_string(::getpid()) + ".db"))
          .string();
  for (const char* suffix : {"", "-wal", "-shm"})
    std::filesystem::remove(db + suffix);

  // Monday 09:00: 张三 reports a broken stair light (a utilities ticket: the answer clock never
  // pauses, 2 hours a level) in 3号楼2单元's group; 陈单元长 has it. Nobody accepts. At 12:00 the
  // simulator stops: one climb, to 3号楼 at 11:00.
  Heard heard;
  const std::vector<json> first = run_sim(
      db,
      R"({"at":"2026-11-23T09:00","chat":"b3u2","from":"u-zhang","name":"张三","text":"报修 3号楼2单元 楼道灯坏了"})"
      "\n"
      R"({"at":"2026-11-23T12:00"})"
      "\n");
  listen(heard, first);
  ASSERT_GE(heard.count["@u-chen"], 1) << "the unit's leader has it (needs the intake branch)";
  EXPECT_EQ(heard.count["b3"], 1);
  EXPECT_EQ(heard.first_at["b3"], "2026-11-23T11:00");
  EXPECT_EQ(heard.count["g1"], 0);

  // Restarted on the same database at 18:00: 第一网格 at 13:00, the community at 15:00, 物业 at 17:00.
  const std::vector<json> second = run_sim(db, R"({"at":"2026-11-23T18:00"})"
                                               "\n");
  listen(heard, second);
  for (const json& line : second) {
    if (about_t1(line)) {
      EXPECT_NE(line["chat"].get<std::string>(), "b3")
          << "the climb to 3号楼 was announced before the restart";
    }
  }
  EXPECT_EQ(heard.count["b3"], 1);
  EXPECT_EQ(heard.count["g1"], 1);
  EXPECT_EQ(heard.count["c1"], 1);
  EXPECT_EQ(heard.count["wuye"], 1);
  EXPECT_EQ(heard.first_at["g1"], "2026-11-23T13:00");
  EXPECT_EQ(heard.first_at["c1"], "2026-11-23T15:00");
  EXPECT_EQ(heard.first_at["wuye"], "2026-11-23T17:00");
  EXPECT_GE(heard.count["@u-shifu"], 1);

  {
    SQLite::Database database(db, SQLite::OPEN_READONLY);
    SQLite::Statement ticket(database,
                             "SELECT node_id, assignee_responder, climbs FROM tickets WHERE number = 1");
    ASSERT_TRUE(ticket.executeStep());
    EXPECT_EQ(ticket.getColumn(0).getString(), "c1");
    EXPECT_EQ(ticket.getColumn(1).getString(), "wuye");
    EXPECT_EQ(ticket.getColumn(2).getInt(), 4);
    SQLite::Statement climbed(database,
                              "SELECT COUNT(*) FROM ticket_events WHERE kind = 'climbed' AND ticket_id = "
                              "(SELECT id FROM tickets WHERE number = 1)");
    ASSERT_TRUE(climbed.executeStep());
    EXPECT_EQ(climbed.getColumn(0).getInt(), 4);
  }

  for (const char* suffix : {"", "-wal", "-shm"})
    std::filesystem::remove(db + suffix);
}

}  // namespace
