#include "handlers/language/command_json.hpp"

#include <gtest/gtest.h>

#include <stdexcept>

#include "handlers/language/parser.hpp"
#include "tests/handlers/language/shanghai_offset.hpp"

namespace whistle::language {
namespace {

TEST(CommandJson, PrintsTheWhistleParseExampleOfTheDesign) {
  ParseContext context;
  context.now = parse_local_time("2026-11-23T09:00", kOffset);
  const auto command = parse_command("吹哨 清理3号楼楼道杂物 5人 周六上午9点 2小时 10分", context);
  // Parsed from text rather than built from an initializer list, which g++ 12 warns about.
  const nlohmann::ordered_json expected = nlohmann::ordered_json::parse(R"({
      "intent": "whistle", "task": null, "ticket": null, "count": 5, "points": 10,
      "start": "2026-11-28T09:00", "end": "2026-11-28T11:00", "minutes": 120, "place": "3号楼",
      "title": "清理楼道杂物", "mentions": [], "code": null, "score": null,
      "reason": null, "item": null, "month": null, "responder": null, "kind": null,
      "text": "吹哨 清理3号楼楼道杂物 5人 周六上午9点 2小时 10分"})");
  EXPECT_EQ(command_to_json(command, kOffset), expected);
}

TEST(CommandJson, HasExactlyTheContractKeysWithNullForAbsentSlots) {
  const nlohmann::ordered_json json = command_to_json(handlers::Command{}, kOffset);
  EXPECT_EQ(json.size(), 19u);
  for (const char* key :
       {"intent", "task", "ticket", "count", "points", "start", "end", "minutes", "place", "title",
        "mentions", "code", "score", "reason", "item", "month", "responder", "kind", "text"}) {
    ASSERT_TRUE(json.contains(key)) << key;
  }
  EXPECT_EQ(json["intent"], "unknown");
  EXPECT_TRUE(json["task"].is_null());
  EXPECT_TRUE(json["start"].is_null());
  EXPECT_TRUE(json["score"].is_null());
  EXPECT_EQ(json["mentions"], nlohmann::json::array());
  EXPECT_EQ(json["text"], "");
}

TEST(CommandJson, SignsAdjustmentsAndListsMentions) {
  ParseContext context;
  const nlohmann::ordered_json json = command_to_json(parse_command("扣分 @李四 3 失约", context), kOffset);
  EXPECT_EQ(json["intent"], "adjust");
  EXPECT_EQ(json["points"], -3);
  EXPECT_EQ(json["mentions"], nlohmann::json::array({"李四"}));
  EXPECT_EQ(json["reason"], "失约");
  EXPECT_TRUE(json["title"].is_null());
}

TEST(CommandJson, PrintsMonthAndTicketKindAsTheContractSpellsThem) {
  handlers::Command command;
  command.month = YearMonth{2026, 9};
  command.kind = TicketKind::order;
  const nlohmann::ordered_json json = command_to_json(command, kOffset);
  EXPECT_EQ(json["month"], "2026-09");
  EXPECT_EQ(json["kind"], "order");
}

TEST(CommandJson, WritesTimesInTheGivenZone) {
  handlers::Command command;
  command.start = 0;
  EXPECT_EQ(command_to_json(command, 0)["start"], "1970-01-01T00:00");
  EXPECT_EQ(command_to_json(command, kOffset)["start"], "1970-01-01T08:00");
  EXPECT_EQ(command_to_json(command, -5 * 3600)["start"], "1969-12-31T19:00");
}

TEST(LocalTime, RoundTripsThroughUnixSeconds) {
  const std::int64_t monday = parse_local_time("2026-11-23T09:00", kOffset);
  EXPECT_EQ(monday, 1795395600);
  EXPECT_EQ(format_local_time(monday, kOffset), "2026-11-23T09:00");
  EXPECT_EQ(parse_local_time("2026-11-23 09:00:30", kOffset), monday + 30);
  EXPECT_EQ(format_local_time(parse_local_time("2028-02-29T23:59", 0), 0), "2028-02-29T23:59");
}

TEST(LocalTime, RefusesAnythingButAValidLocalTime) {
  for (const char* text :
       {"", "2026-11-23", "2026-11-23T9:00", "2026-13-01T09:00", "2026-02-29T09:00", "2026-11-23T24:00",
        "2026-11-23T09:60", "2026/11/23T09:00", "20261123T0900", "2026-11-23T09:00Z", "abcd-ef-ghTij:kl"}) {
    EXPECT_THROW(parse_local_time(text, kOffset), std::invalid_argument) << text;
  }
}

TEST(LocalTime, FormatsExtremeInstantsWithoutOverflow) {
  EXPECT_NO_THROW(format_local_time(INT64_MAX, 18 * 3600));
  EXPECT_NO_THROW(format_local_time(INT64_MIN, -18 * 3600));
}

}  // namespace
}  // namespace whistle::language
