#include "bot/cli/simulator.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

namespace whistle::bot {
namespace {

using nlohmann::json;

std::string line(const std::string& at, const std::string& chat, const std::string& from,
                 const std::string& text) {
  return json{{"at", at}, {"chat", chat}, {"from", from}, {"name", from}, {"text", text}}.dump();
}

std::string texts(const std::vector<json>& out) {
  std::string all;
  for (const json& o : out)
    all += o["chat"].get<std::string>() + ": " + o["text"].get<std::string>() + "\n";
  return all;
}

class SimulatorTest : public ::testing::Test {
 protected:
  config::Config config = config::demo_config();
};

TEST_F(SimulatorTest, AWhistleAndReportInsAnswerInTheGroupWithTheCount) {
  Simulator sim(config, ":memory:");
  auto whistle =
      sim.feed(line("2026-11-23T09:00", "b3u2", "u-chen", "吹哨 清理楼道杂物 3人 明天上午9点 2小时"));
  ASSERT_EQ(whistle.size(), 1u) << texts(whistle);
  EXPECT_EQ(whistle[0]["chat"], "b3u2");
  EXPECT_EQ(whistle[0]["at"], "2026-11-23T09:00");
  EXPECT_NE(whistle[0]["text"].get<std::string>().find("#1"), std::string::npos) << texts(whistle);

  auto first = sim.feed(line("2026-11-23T09:01", "b3u2", "u-zhang", "报到"));
  ASSERT_EQ(first.size(), 1u) << texts(first);
  EXPECT_NE(first[0]["text"].get<std::string>().find("1/3"), std::string::npos) << texts(first);
  EXPECT_EQ(first[0]["mentions"], json::array({"u-zhang"}));

  auto second = sim.feed(line("2026-11-23T09:02", "b3u2", "u-wang5", "1"));
  ASSERT_EQ(second.size(), 1u) << texts(second);
  EXPECT_NE(second[0]["text"].get<std::string>().find("2/3"), std::string::npos) << texts(second);
}

TEST_F(SimulatorTest, OrdinaryChatterInAGroupPrintsNothing) {
  Simulator sim(config, ":memory:");
  EXPECT_TRUE(sim.feed(line("2026-11-23T09:00", "b3u2", "u-zhang", "哈哈哈")).empty());
  EXPECT_TRUE(sim.feed(line("2026-11-23T09:00", "b3u2", "u-zhang", "1")).empty());
}

TEST_F(SimulatorTest, APrivateMessageIsAnsweredInThePrivateChat) {
  Simulator sim(config, ":memory:");
  auto out = sim.feed(json{{"at", "2026-11-23T09:00"}, {"chat", "@u-zhang"}, {"text", "帮助"}}.dump());
  ASSERT_FALSE(out.empty());
  EXPECT_EQ(out[0]["chat"], "@u-zhang");
}

TEST_F(SimulatorTest, ABroadcastWhistleIsDeliveredToEveryChildGroup) {
  Simulator sim(config, ":memory:");
  auto out = sim.feed(line("2026-11-23T09:00", "b3", "u-qian", "吹哨 全网格 清理楼道杂物 5人"));
  std::vector<std::string> chats;
  for (const json& o : out)
    chats.push_back(o["chat"].get<std::string>());
  EXPECT_EQ(chats, (std::vector<std::string>{"b3", "b3u1", "b3u2"})) << texts(out);
}

TEST_F(SimulatorTest, JobsFireAtTheirOwnTimeWhenTheClockMovesPastThem) {
  Simulator sim(config, ":memory:");
  sim.feed(line("2026-11-23T09:00", "b3u2", "u-chen", "吹哨 清理楼道杂物 3人 明天上午9点 2小时"));
  sim.feed(line("2026-11-23T09:05", "b3u2", "u-zhang", "报到"));
  // 12 hours before the start 2 of 3 places are empty: a call for help to the parent group (3号楼).
  auto evening = sim.feed(json{{"at", "2026-11-24T07:00"}}.dump());
  ASSERT_EQ(evening.size(), 1u) << texts(evening);
  EXPECT_EQ(evening[0]["at"], "2026-11-23T21:00");
  EXPECT_EQ(evening[0]["chat"], "b3");
  auto out = sim.feed(json{{"at", "2026-11-24T12:00"}}.dump());
  // The reminder names 张三 where he reported in: the task's own group, not 3号楼's, where it was
  // posted by the call for help but where he may not even be a member.
  ASSERT_EQ(out.size(), 2u) << texts(out);
  EXPECT_EQ(out[0]["at"], "2026-11-24T08:00");
  EXPECT_EQ(out[0]["chat"], "b3u2");
  EXPECT_EQ(out[0]["mentions"], json::array({"u-zhang"}));
  // At the end 张三 has not checked in: a no-show, told in private.
  EXPECT_EQ(out[1]["at"], "2026-11-24T11:00");
  EXPECT_EQ(out[1]["chat"], "@u-zhang");
}

TEST_F(SimulatorTest, ASecondRunOverTheSameDatabaseContinuesWhereTheFirstLeftOff) {
  const auto path =
      std::filesystem::temp_directory_path() / ("whistle-sim-" + std::to_string(::getpid()) + ".db");
  std::filesystem::remove(path);
  {
    Simulator sim(config, path.string());
    sim.feed(line("2026-11-23T09:00", "b3u2", "u-chen", "吹哨 清理楼道杂物 2人"));
    sim.feed(line("2026-11-23T09:01", "b3u2", "u-zhang", "报到"));
  }
  {
    Simulator sim(config, path.string());
    auto out = sim.feed(line("2026-11-23T10:00", "b3u2", "u-sun", "报到 1"));
    ASSERT_EQ(out.size(), 1u) << texts(out);
    EXPECT_NE(out[0]["text"].get<std::string>().find("2/2"), std::string::npos) << texts(out);
    auto next = sim.feed(line("2026-11-23T10:05", "b3u2", "u-chen", "吹哨 搬运物资 2人"));
    ASSERT_FALSE(next.empty());
    EXPECT_NE(next[0]["text"].get<std::string>().find("#2"), std::string::npos) << texts(next);
  }
  for (const char* suffix : {"", "-wal", "-shm"})
    std::filesystem::remove(path.string() + suffix);
}

TEST_F(SimulatorTest, ALineWithAnIdIsAppliedOnceWhenRepeated) {
  Simulator sim(config, ":memory:");
  sim.feed(line("2026-11-23T09:00", "b3u2", "u-chen", "吹哨 清理楼道杂物 2人"));
  json report = json::parse(line("2026-11-23T09:01", "b3u2", "u-zhang", "报到"));
  report["id"] = "m-7";
  sim.feed(report.dump());
  sim.feed(report.dump());
  auto out = sim.feed(line("2026-11-23T09:02", "b3u2", "u-sun", "报到"));
  ASSERT_EQ(out.size(), 1u) << texts(out);
  EXPECT_NE(out[0]["text"].get<std::string>().find("2/2"), std::string::npos) << texts(out);
}

TEST_F(SimulatorTest, BadLinesAreRefusedWithAReasonAndChangeNothing) {
  Simulator sim(config, ":memory:");
  EXPECT_THROW(sim.feed("not json"), SimInputError);
  EXPECT_THROW(sim.feed("[1,2]"), SimInputError);
  EXPECT_THROW(sim.feed(R"({"chat":"b3u2","from":"u-zhang","text":"报到"})"), SimInputError);
  EXPECT_THROW(sim.feed(R"({"at":"tomorrow","chat":"b3u2","from":"u-zhang","text":"报到"})"), SimInputError);
  EXPECT_THROW(sim.feed(R"({"at":"2026-11-23T09:00","chat":"b3u2","text":"报到"})"), SimInputError);
  EXPECT_THROW(sim.feed(R"({"at":"2026-11-23T09:00","chat":"b3u2","from":"u-zhang","text":5})"),
               SimInputError);
  try {
    sim.feed(R"({"at":"2026-11-23T09:00","chat":"b3u2","from":"u-zhang"})");
    FAIL() << "a message without text was accepted";
  } catch (const SimInputError& error) {
    EXPECT_NE(std::string(error.what()).find("text"), std::string::npos);
  }
}

TEST_F(SimulatorTest, LinesAreDecodedAsTheServerDecodesTheWebhook) {
  Simulator sim(config, ":memory:");
  // Chatter is not answered, but the same words with a mention of the bot are, as on the server.
  EXPECT_TRUE(sim.feed(line("2026-11-23T09:00", "b3u2", "u-zhang", "在吗")).empty());
  const auto addressed = sim.feed(json{
      {"at", "2026-11-23T09:01"},
      {"chat", "b3u2"},
      {"from", "u-zhang"},
      {"text", "在吗"},
      {"mentions", {"whistle"}}}.dump());
  ASSERT_EQ(addressed.size(), 1u);
  EXPECT_TRUE(addressed[0]["mentions"].get<std::vector<std::string>>() == std::vector<std::string>{"u-zhang"})
      << addressed[0].dump();
}

TEST_F(SimulatorTest, TheBotsOwnLinesAreIgnoredAsTheServerIgnoresThem) {
  Simulator sim(config, ":memory:");
  sim.feed(line("2026-11-23T09:00", "b3u2", "u-chen", "吹哨 清理楼道杂物 3人 明天上午9点"));
  EXPECT_TRUE(sim.feed(line("2026-11-23T09:01", "b3u2", "whistle", "报到")).empty());
  const auto next = sim.feed(line("2026-11-23T09:02", "b3u2", "u-zhang", "报到"));
  ASSERT_EQ(next.size(), 1u);
  EXPECT_NE(next[0]["text"].get<std::string>().find("1/3"), std::string::npos) << texts(next);
}

TEST_F(SimulatorTest, ALineTheWebhookWouldRefuseIsRefusedWithItsReason) {
  Simulator sim(config, ":memory:");
  try {
    sim.feed(R"({"at":"2026-11-23T09:00","chat":"b3u2","from":"u-zhang","from":"u-chen","text":"报到"})");
    ADD_FAILURE() << "a repeated key was accepted";
  } catch (const SimInputError& error) {
    EXPECT_NE(std::string(error.what()).find("from"), std::string::npos) << error.what();
  }
}

// A line sent as a reply to one of the bot's messages (`reply_to`, as on the webhook) speaks to
// the bot: it is answered where the same words to the group are not.
std::string reply_line(const std::string& at, const std::string& from, const std::string& text) {
  json body = json::parse(line(at, "b3u2", from, text));
  body["reply_to"] = "bot-post-1";
  return body.dump();
}

TEST_F(SimulatorTest, ALineRepliedToTheBotIsAnsweredWhereChatterIsNot) {
  Simulator sim(config, ":memory:");
  EXPECT_TRUE(sim.feed(line("2026-11-23T09:00", "b3u2", "u-zhang", "好的 还有名额吗")).empty());
  const auto answered = sim.feed(reply_line("2026-11-23T09:01", "u-zhang", "好的 还有名额吗"));
  ASSERT_EQ(answered.size(), 1u) << texts(answered);
  EXPECT_EQ(answered[0]["chat"], "b3u2");
  EXPECT_EQ(answered[0]["mentions"], json::array({"u-zhang"}));
}

TEST_F(SimulatorTest, AOneRepliedToTheWhistlePostReportsIn) {
  Simulator sim(config, ":memory:");
  // Said to the bot with nothing open, a bare "1" is answered rather than ignored.
  const auto nothing_open = sim.feed(reply_line("2026-11-23T08:59", "u-zhang", "1"));
  ASSERT_EQ(nothing_open.size(), 1u) << texts(nothing_open);
  EXPECT_EQ(nothing_open[0]["mentions"], json::array({"u-zhang"}));

  sim.feed(line("2026-11-23T09:00", "b3u2", "u-chen", "吹哨 清理楼道杂物 3人 明天上午9点 2小时"));
  const auto reported = sim.feed(reply_line("2026-11-23T09:01", "u-zhang", "1"));
  ASSERT_EQ(reported.size(), 1u) << texts(reported);
  EXPECT_EQ(reported[0]["chat"], "b3u2");
  EXPECT_NE(reported[0]["text"].get<std::string>().find("1/3"), std::string::npos) << texts(reported);
}

TEST_F(SimulatorTest, AReplyToThatIsNotAStringIsRefusedNamingIt) {
  Simulator sim(config, ":memory:");
  json body = json::parse(line("2026-11-23T09:00", "b3u2", "u-zhang", "好的"));
  body["reply_to"] = 17;
  try {
    sim.feed(body.dump());
    ADD_FAILURE() << "a numeric reply_to was accepted";
  } catch (const SimInputError& error) {
    EXPECT_NE(std::string(error.what()).find("reply_to"), std::string::npos) << error.what();
  }
}

}  // namespace
}  // namespace whistle::bot
