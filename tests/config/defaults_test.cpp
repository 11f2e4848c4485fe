#include <gtest/gtest.h>

#include "config/config.hpp"
#include "tests/config/config_test_support.hpp"

namespace whistle::config {
namespace {

using testing::kSource;

TEST(Defaults, AnEmptyFileGivesEveryDefault) {
  const Config config = parse_config("", kSource);
  EXPECT_EQ(config.source, kSource);
  EXPECT_EQ(config.server.host, "127.0.0.1");
  EXPECT_EQ(config.server.port, 8080);
  EXPECT_EQ(config.server.threads, 2);
  EXPECT_EQ(config.server.max_body_bytes, 65536u);
  EXPECT_EQ(config.store.path, "whistle.db");
  EXPECT_EQ(config.store.synchronous, "NORMAL");
  EXPECT_EQ(config.store.keep_days, 90);
  EXPECT_EQ(config.locale.timezone, "Asia/Shanghai");
  EXPECT_EQ(config.locale.utc_offset_seconds, 8 * 3600);
  EXPECT_EQ(config.locale.language, "zh-CN");
  EXPECT_TRUE(config.generic.empty());
  EXPECT_TRUE(config.nodes.empty());
  EXPECT_TRUE(config.responders.empty());
  EXPECT_TRUE(config.rewards.empty());
}

TEST(Defaults, RulesDefaultToTheDesignsNumbers) {
  const Rules rules = parse_config("", kSource).rules;
  EXPECT_EQ(rules.publish_day, 1);
  EXPECT_EQ(rules.publish_hour, 9);
  EXPECT_EQ(rules.answer_hours, 2);
  EXPECT_EQ(rules.solve_hours.urgent, 24);
  EXPECT_EQ(rules.solve_hours.utilities, 24);
  EXPECT_EQ(rules.solve_hours.general, 168);
  EXPECT_EQ(rules.solve_hours.complex, 360);
  EXPECT_DOUBLE_EQ(rules.min_stay_ratio, 0.6);
  EXPECT_EQ(rules.no_show_points, 0);
  EXPECT_EQ(rules.redemption_days, 14);
  EXPECT_EQ(rules.help_lead_hours, 12);
}

TEST(Defaults, EmptyTablesKeepTheDefaults) {
  const Config config = parse_config("[server]\n[store]\n[locale]\n[rules]\nsolve_hours = {}\n", kSource);
  EXPECT_EQ(config.server.port, 8080);
  EXPECT_EQ(config.store.path, "whistle.db");
  EXPECT_EQ(config.locale.utc_offset_seconds, 8 * 3600);
  EXPECT_EQ(config.rules.solve_hours.general, 168);
}

TEST(Defaults, WithoutCategoriesTheBuiltInSetIsUsed) {
  const std::vector<Category> categories = parse_config("", kSource).categories;
  ASSERT_EQ(categories.size(), 4u);
  std::map<std::string, std::vector<std::string>> by_class;
  for (const Category& category : categories)
    by_class[category.urgency_class] = category.keywords;
  EXPECT_EQ(by_class["utilities"],
            (std::vector<std::string>{"灯",     "水管",   "漏水",     "停电",     "停水", "电梯", "暖气",
                                      "燃气",   "渗水",   "下水道堵", "下水道返", "滴水", "返水", "马桶堵",
                                      "没水了", "没有水", "层没水",   "水泵",     "供暖", "水表", "冻裂",
                                      "冻住",   "冻上了", "喷水",     "爆管"}));
  EXPECT_EQ(by_class["urgent"],
            (std::vector<std::string>{"着火", "起火", "失火", "火灾", "冒烟", "煤气味", "塌", "触电",
                                      "井盖没", "井盖丢", "井盖坏", "没有井盖", "没井盖"}));
  EXPECT_EQ(by_class["general"], (std::vector<std::string>{"垃圾", "噪音", "杂物", "停车", "绿化"}));
  EXPECT_EQ(by_class["complex"], (std::vector<std::string>{"违建", "纠纷", "拆迁"}));
}

TEST(Defaults, ASolveHoursClassLeftOutKeepsItsDefault) {
  const Rules rules = parse_config("[rules]\nsolve_hours = { general = 72 }\n", kSource).rules;
  EXPECT_EQ(rules.solve_hours.general, 72);
  EXPECT_EQ(rules.solve_hours.urgent, 24);
  EXPECT_EQ(rules.solve_hours.complex, 360);
}

TEST(Settings, EveryScalarKeyIsRead) {
  const Config config = parse_config(R"(
[server]
listen = "0.0.0.0:9090"
threads = 8
max_body_bytes = 1048576

[store]
path = "/var/lib/whistle/whistle.db"
synchronous = "full"

[locale]
timezone = "Asia/Tokyo"
language = "zh-CN"

[rules]
publish_day = 28
publish_hour = 0
answer_hours = 4
solve_hours = { urgent = 12, utilities = 48, general = 100, complex = 400 }
min_stay_ratio = 1
no_show_points = 3
redemption_days = 30
help_lead_hours = 24
)",
                                     kSource);
  EXPECT_EQ(config.server.host, "0.0.0.0");
  EXPECT_EQ(config.server.port, 9090);
  EXPECT_EQ(config.server.threads, 8);
  EXPECT_EQ(config.server.max_body_bytes, 1048576u);
  EXPECT_EQ(config.store.path, "/var/lib/whistle/whistle.db");
  EXPECT_EQ(config.store.synchronous, "FULL");
  EXPECT_EQ(config.locale.timezone, "Asia/Tokyo");
  EXPECT_EQ(config.locale.utc_offset_seconds, 9 * 3600);
  EXPECT_EQ(config.rules.publish_day, 28);
  EXPECT_EQ(config.rules.publish_hour, 0);
  EXPECT_EQ(config.rules.answer_hours, 4);
  EXPECT_EQ(config.rules.solve_hours.urgent, 12);
  EXPECT_EQ(config.rules.solve_hours.utilities, 48);
  EXPECT_EQ(config.rules.solve_hours.general, 100);
  EXPECT_EQ(config.rules.solve_hours.complex, 400);
  EXPECT_DOUBLE_EQ(config.rules.min_stay_ratio, 1.0);
  EXPECT_EQ(config.rules.no_show_points, 3);
  EXPECT_EQ(config.rules.redemption_days, 30);
  EXPECT_EQ(config.rules.help_lead_hours, 24);
}

TEST(Settings, PortZeroIsAllowedSoTestsCanBindAFreePort) {
  const Config config = parse_config("[server]\nlisten = \"127.0.0.1:0\"\n", kSource);
  EXPECT_EQ(config.server.host, "127.0.0.1");
  EXPECT_EQ(config.server.port, 0);
}

TEST(Settings, AnIpv6ListenAddressIsWrittenInBrackets) {
  const Config config = parse_config("[server]\nlisten = \"[::1]:8081\"\n", kSource);
  EXPECT_EQ(config.server.host, "::1");
  EXPECT_EQ(config.server.port, 8081);
}

TEST(Settings, SolveHoursMayBeAStandardTable) {
  const Rules rules = parse_config("[rules.solve_hours]\nurgent = 6\n", kSource).rules;
  EXPECT_EQ(rules.solve_hours.urgent, 6);
}

TEST(Settings, TheBoundsOfEachRangeAreAccepted) {
  EXPECT_NO_THROW(parse_config("[server]\nthreads = 1\nmax_body_bytes = 1024\n", kSource));
  EXPECT_NO_THROW(parse_config("[server]\nthreads = 64\nmax_body_bytes = 16777216\n", kSource));
  EXPECT_NO_THROW(
      parse_config("[rules]\npublish_hour = 23\nanswer_hours = 1\nredemption_days = 1\n", kSource));
  EXPECT_NO_THROW(parse_config("[rules]\nmin_stay_ratio = 0.01\n", kSource));
}

TEST(Settings, HelpLeadHoursMayBeTurnedOffButNotSetBeyondAWeek) {
  EXPECT_EQ(parse_config("[rules]\nhelp_lead_hours = 0\n", kSource).rules.help_lead_hours, 0);
  EXPECT_THROW(parse_config("[rules]\nhelp_lead_hours = 169\n", kSource), Error);
  EXPECT_THROW(parse_config("[rules]\nhelp_lead_hours = -1\n", kSource), Error);
}

// The inbox is the window in which a redelivery is recognised: kept for ever (0), or long enough
// to outlast every platform's retries.
TEST(Defaults, TheKeepWindowIsForEverOrAtLeastAWeek) {
  EXPECT_EQ(parse_config("[store]\nkeep_days = 0\n", kSource).store.keep_days, 0);
  EXPECT_EQ(parse_config("[store]\nkeep_days = 30\n", kSource).store.keep_days, 30);
  EXPECT_THROW(parse_config("[store]\nkeep_days = 3\n", kSource), Error);
  EXPECT_THROW(parse_config("[store]\nkeep_days = -1\n", kSource), Error);
}

}  // namespace
}  // namespace whistle::config
