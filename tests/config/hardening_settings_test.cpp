// The settings the hardening of the front door added: connection caps, the bot's own identities,
// display names, listen addresses and the warnings given at start.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/config/config_test_support.hpp"

namespace whistle::config {
namespace {

using ::testing::HasSubstr;
using testing::kCommunity;
using testing::kSource;
using testing::names;
using testing::refusal;

TEST(ServerSection, ConnectionLimitsHaveTheContractsDefaults) {
  const ServerConfig server = parse_config("", kSource).server;
  EXPECT_EQ(server.max_connections, 10000u);
  EXPECT_EQ(server.max_connections_per_address, 256u);
  EXPECT_EQ(server.header_timeout_s, 5);
  EXPECT_TRUE(server.trusted_proxies.empty());
}

TEST(ServerSection, ConnectionLimitsAreReadAndChecked) {
  const ServerConfig server = parse_config(R"(
[server]
max_connections = 500
max_connections_per_address = 50
header_timeout_s = 2
trusted_proxies = ["127.0.0.1", "::1"]
)" + std::string(kCommunity),
                                           kSource)
                                  .server;
  EXPECT_EQ(server.max_connections, 500u);
  EXPECT_EQ(server.max_connections_per_address, 50u);
  EXPECT_EQ(server.header_timeout_s, 2);
  EXPECT_EQ(server.trusted_proxies, (std::vector<std::string>{"127.0.0.1", "::1"}));
  EXPECT_THAT(refusal("[server]\nmax_connections = 100\nmax_connections_per_address = 200\n"),
              names("max_connections_per_address", "max_connections"));
  EXPECT_THAT(refusal("[server]\ntrusted_proxies = [\"nginx.local\"]\n"),
              names("trusted_proxies", "IP address"));
  EXPECT_THAT(refusal("[server]\nheader_timeout_s = 0\n"), names("header_timeout_s", ""));
}

TEST(BotSection, NamesAndIdsDefaultAndMayBeSet) {
  const BotConfig defaults = parse_config("", kSource).bot;
  EXPECT_THAT(defaults.names, ::testing::Contains("吹哨"));
  EXPECT_EQ(defaults.ids, std::vector<std::string>{"generic:whistle"});
  const BotConfig bot =
      parse_config("[bot]\nnames = [\"社区小帮手\"]\nids = [\"generic:helper\"]\n", kSource).bot;
  EXPECT_EQ(bot.names, std::vector<std::string>{"社区小帮手"});
  EXPECT_EQ(bot.ids, std::vector<std::string>{"generic:helper"});
  EXPECT_THAT(refusal("[bot]\nids = [\"helper\"]\n"), names("ids", ""));
  EXPECT_THAT(refusal("[bot]\nnames = [\"\"]\n"), names("names", "empty"));
  EXPECT_THAT(refusal("[bot]\nname = [\"x\"]\n"), names("name", ""));
}

TEST(PersonSection, DisplayNamesAreReadOncePerPerson) {
  const std::vector<Person> people = parse_config(R"(
[[person]]
id = "generic:u-li"
name = "李网格长"
)",
                                                  kSource)
                                         .people;
  ASSERT_EQ(people.size(), 1u);
  EXPECT_EQ(people[0].id, "generic:u-li");
  EXPECT_EQ(people[0].name, "李网格长");
  EXPECT_THAT(
      refusal("[[person]]\nid = \"generic:u\"\nname = \"a\"\n[[person]]\nid = \"generic:u\"\nname = \"b\"\n"),
      names("id", "duplicate"));
  EXPECT_THAT(refusal("[[person]]\nid = \"generic:u\"\nname = \"a\\nb\"\n"), names("name", "control"));
  EXPECT_THAT(refusal("[[person]]\nid = \"generic:u\"\nname = \"\"\n"), names("name", "empty"));
  EXPECT_THAT(refusal("[[person]]\nid = \"u\"\nname = \"a\"\n"), names("id", ""));
  EXPECT_THAT(refusal("[[person]]\nid = \"generic:u\"\nname = \"" + std::string(40, 'x') + "\"\n"),
              names("name", "longer"));
}

TEST(ListenAddress, ReadsHostAndPortIncludingIpv6InBrackets) {
  const std::optional<ListenAddress> v4 = parse_listen_address("0.0.0.0:8080");
  ASSERT_TRUE(v4);
  EXPECT_EQ(v4->host, "0.0.0.0");
  EXPECT_EQ(v4->port, 8080);
  const std::optional<ListenAddress> v6 = parse_listen_address("[::1]:0");
  ASSERT_TRUE(v6);
  EXPECT_EQ(v6->host, "::1");
  EXPECT_EQ(v6->port, 0);
  for (const char* bad : {"8080", "::1:8080", "host:", ":80", "host:65536", "a b:80"})
    EXPECT_FALSE(parse_listen_address(bad)) << bad;
}

TEST(ConfigWarnings, APlaceholderOrShortSecretIsWarnedAbout) {
  const std::string placeholder =
      "[platforms.generic.default]\nsecret = \"change-me-to-a-long-random-string\"\n" +
      std::string(kCommunity);
  const std::vector<std::string> warnings = config_warnings(parse_config(placeholder, kSource));
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_THAT(warnings[0], HasSubstr("placeholder"));
  EXPECT_THAT(warnings[0], HasSubstr("[platforms.generic.default] secret"));

  const std::vector<std::string> short_secret = config_warnings(
      parse_config("[platforms.generic.default]\nsecret = \"abc123\"\n" + std::string(kCommunity), kSource));
  ASSERT_EQ(short_secret.size(), 1u);
  EXPECT_THAT(short_secret[0], HasSubstr("6 bytes"));

  EXPECT_TRUE(config_warnings(parse_config("[platforms.generic.default]\nsecret = "
                                           "\"9f86d081884c7d659a2feaa0c55ad015\"\n" +
                                               std::string(kCommunity),
                                           kSource))
                  .empty());
}

// A CSV saved with old-Mac line endings once loaded as no org at all, with no word at start.
TEST(ConfigWarnings, AConfigWithNoOrgIsWarnedAbout) {
  const std::vector<std::string> warnings = config_warnings(
      parse_config("[platforms.generic.default]\nsecret = \"9f86d081884c7d659a2feaa0c55ad015\"\n", kSource));
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_THAT(warnings[0], HasSubstr("no org nodes"));
}

TEST(ConfigWarnings, TheDemoIsWarnedAboutOnlyWhenItListensBeyondThisMachine) {
  Config demo = demo_config();
  EXPECT_TRUE(config_warnings(demo).empty());
  demo.server.host = "0.0.0.0";
  ASSERT_EQ(config_warnings(demo).size(), 1u);
  EXPECT_THAT(config_warnings(demo)[0], HasSubstr("demo"));
}

}  // namespace
}  // namespace whistle::config
