#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "config/config.hpp"
#include "tests/config/config_test_support.hpp"

namespace whistle::config {
namespace {

using ::testing::HasSubstr;
using testing::kSource;
using testing::names;
using ::testing::Not;
using testing::refusal;
using testing::ScopedEnv;

TEST(GenericPlatform, AnInstanceIsReadWithItsSecretAndDeliveryUrl) {
  const Config config = parse_config(R"(
[platforms.generic.default]
secret = "s3cret"
deliver_url = "http://127.0.0.1:9000/deliver"

[platforms.generic.bridge-2]
secret = "other"
deliver_url = "https://bridge.example.org:8443/in?via=whistle"
)",
                                     kSource);
  ASSERT_EQ(config.generic.size(), 2u);
  const GenericInstance& instance = config.generic.at("default");
  EXPECT_EQ(instance.name, "default");
  EXPECT_EQ(instance.secret, "s3cret");
  EXPECT_EQ(instance.deliver_url, "http://127.0.0.1:9000/deliver");
  EXPECT_EQ(config.generic.at("bridge-2").deliver_url, "https://bridge.example.org:8443/in?via=whistle");
}

TEST(GenericPlatform, ASecretIsReadFromTheEnvironment) {
  ScopedEnv env("WHISTLE_TEST_SECRET_A", "from-the-environment");
  const Config config =
      parse_config("[platforms.generic.default]\nsecret = \"env:WHISTLE_TEST_SECRET_A\"\n", kSource);
  EXPECT_EQ(config.generic.at("default").secret, "from-the-environment");
}

TEST(GenericPlatform, AnInstanceWithoutKeysTakesTheDefaultSecretVariableAndUrl) {
  ScopedEnv env("WHISTLE_GENERIC_SECRET", "default-variable");
  const Config config = parse_config("[platforms.generic.default]\n", kSource);
  EXPECT_EQ(config.generic.at("default").secret, "default-variable");
  EXPECT_EQ(config.generic.at("default").deliver_url, "http://127.0.0.1:9000/deliver");
}

TEST(GenericPlatform, AnUnsetSecretVariableIsRefusedNamingTheKeyAndTheVariable) {
  ScopedEnv env("WHISTLE_TEST_SECRET_UNSET", nullptr);
  EXPECT_THAT(refusal("[platforms.generic.default]\nsecret = \"env:WHISTLE_TEST_SECRET_UNSET\"\n"),
              names("platforms.generic.default.secret", "WHISTLE_TEST_SECRET_UNSET is not set"));
}

TEST(GenericPlatform, AnEmptySecretVariableIsRefused) {
  ScopedEnv env("WHISTLE_TEST_SECRET_EMPTY", "");
  EXPECT_THAT(refusal("[platforms.generic.default]\nsecret = \"env:WHISTLE_TEST_SECRET_EMPTY\"\n"),
              names("platforms.generic.default.secret", "WHISTLE_TEST_SECRET_EMPTY is empty"));
}

TEST(GenericPlatform, AnEnvPrefixWithoutAVariableNameIsRefused) {
  EXPECT_THAT(refusal("[platforms.generic.default]\nsecret = \"env:\"\n"),
              names("platforms.generic.default.secret", "environment variable name"));
}

TEST(GenericPlatform, AnEmptyLiteralSecretIsRefused) {
  EXPECT_THAT(refusal("[platforms.generic.default]\nsecret = \"\"\n"),
              names("platforms.generic.default.secret", "must not be empty"));
}

TEST(GenericPlatform, NoMessageEverShowsTheSecret) {
  ScopedEnv env("WHISTLE_TEST_SECRET_B", "do-not-print-me");
  const std::string literal = refusal(R"(
[platforms.generic.default]
secret = "do-not-print-me"
deliver_url = "ftp://127.0.0.1/deliver"
)");
  EXPECT_THAT(literal, Not(HasSubstr("do-not-print-me")));
  const std::string from_env = refusal(R"(
[platforms.generic.default]
secret = "env:WHISTLE_TEST_SECRET_B"
bogus = 1
)");
  EXPECT_THAT(from_env, Not(HasSubstr("do-not-print-me")));
  const std::string wrong_type = refusal("[platforms.generic.default]\nsecret = 12345\n");
  EXPECT_THAT(wrong_type, names("platforms.generic.default.secret", "expected a string"));
  EXPECT_THAT(wrong_type, Not(HasSubstr("12345")));
}

TEST(GenericPlatform, ADeliveryUrlWithAnotherSchemeIsRefused) {
  EXPECT_THAT(refusal("[platforms.generic.default]\nsecret = \"s\"\ndeliver_url = \"ftp://host/x\"\n"),
              names("platforms.generic.default.deliver_url", "must start with http://"));
}

TEST(GenericPlatform, MalformedDeliveryUrlsAreRefused) {
  for (const char* url :
       {"http://", "http:///deliver", "http://host:/x", "http://host:0/x", "http://host:99999/x",
        "http://user:pw@host/x", "http://ho st/x", "http://host/a b", "127.0.0.1:9000/deliver"}) {
    const std::string toml =
        "[platforms.generic.default]\nsecret = \"s\"\ndeliver_url = \"" + std::string(url) + "\"\n";
    EXPECT_THAT(refusal(toml), names("platforms.generic.default.deliver_url", url)) << url;
  }
}

TEST(GenericPlatform, DeliveryUrlsWithoutAPortOrPathAreAccepted) {
  for (const char* url :
       {"http://localhost", "http://10.0.0.2/", "http://[::1]:9000/deliver", "https://a.b.c/d/e"}) {
    const std::string toml =
        "[platforms.generic.default]\nsecret = \"s\"\ndeliver_url = \"" + std::string(url) + "\"\n";
    EXPECT_EQ(parse_config(toml, kSource).generic.at("default").deliver_url, url);
  }
}

TEST(GenericPlatform, AnUnknownKeyInAnInstanceIsRefused) {
  EXPECT_THAT(refusal("[platforms.generic.default]\nsecret = \"s\"\ndeliver = \"http://x/\"\n"),
              names("platforms.generic.default.deliver", "unknown key"));
}

TEST(GenericPlatform, AnInstanceNameThatCannotBeAUrlSegmentIsRefused) {
  EXPECT_THAT(refusal("[platforms.generic.\"my bridge\"]\nsecret = \"s\"\n"),
              names("platforms.generic.\"my bridge\"", "instance name"));
}

TEST(GenericPlatform, AnInstanceThatIsNotATableIsRefused) {
  EXPECT_THAT(refusal("[platforms.generic]\ndefault = \"secret\"\n"),
              names("platforms.generic.default", "expected a table, found a string"));
}

TEST(Platforms, EveryRealPlatformIsReadWithDesignsKeysAndItsOfficialOriginByDefault) {
  const Config config = parse_config(R"(
[platforms.wecom.default]
corp_id = "ww1"
agent_id = 1000002
secret = "app-secret"
token = "QDG6eK"
encoding_aes_key = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C"

[platforms.wecom_bot.default]
token = "t"
encoding_aes_key = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C"
bot_id = "aibot-1"

[platforms.wecom_robot.default]
webhook_keys = { "wrGrid1" = "robot-key-1" }

[platforms.feishu.east]
app_id = "cli_1"
app_secret = "s"
verification_token = "v"
api_base = "http://127.0.0.1:9001/"

[platforms.dingtalk.default]
app_key = "ding1"
app_secret = "s"
robot_code = "ding1"

[platforms.telegram.default]
bot_token = "123:ABC"
secret_token = "Secret_1-x"
bot_username = "@whistle_bot"
)",
                                     kSource);
  ASSERT_EQ(config.platforms.wecom.count("default"), 1u);
  EXPECT_EQ(config.platforms.wecom.at("default").agent_id, 1000002);
  EXPECT_EQ(config.platforms.wecom.at("default").api_base, "https://qyapi.weixin.qq.com");
  EXPECT_EQ(config.platforms.wecom_bot.at("default").bot_id, "aibot-1");
  EXPECT_EQ(config.platforms.wecom_robot.at("default").webhook_keys.at("wrGrid1"), "robot-key-1");
  // The trailing slash is dropped, so paths join cleanly; an unset encrypt_key means plaintext.
  EXPECT_EQ(config.platforms.feishu.at("east").api_base, "http://127.0.0.1:9001");
  EXPECT_EQ(config.platforms.feishu.at("east").encrypt_key, "");
  EXPECT_EQ(config.platforms.dingtalk.at("default").oapi_base, "https://oapi.dingtalk.com");
  EXPECT_EQ(config.platforms.telegram.at("default").bot_username, "whistle_bot");
  EXPECT_EQ(config.platforms.telegram.at("default").api_base, "https://api.telegram.org");
}

TEST(Platforms, AMissingKeyOrABadAesKeyIsRefusedNamingIt) {
  EXPECT_THAT(refusal("[platforms.feishu.main]\napp_id = \"x\"\n"),
              names("platforms.feishu.main", "needs app_secret"));
  EXPECT_THAT(refusal("[platforms.wecom_bot.main]\ntoken = \"t\"\nencoding_aes_key = \"short\"\n"),
              names("platforms.wecom_bot.main.encoding_aes_key", "43 characters"));
  EXPECT_THAT(refusal("[platforms.telegram.main]\nbot_token = \"1:A\"\nsecret_token = \"has space\"\n"),
              names("platforms.telegram.main.secret_token", "only letters"));
  EXPECT_THAT(refusal("[platforms.wecom_robot.main]\n"), names("platforms.wecom_robot.main", "webhook_keys"));
}

TEST(Platforms, ASecretMayComeFromTheEnvironment) {
  ::setenv("WHISTLE_TEST_TG_TOKEN", "999:XYZ", 1);
  const Config config = parse_config(
      "[platforms.telegram.default]\nbot_token = \"env:WHISTLE_TEST_TG_TOKEN\"\nsecret_token = \"s\"\n",
      kSource);
  EXPECT_EQ(config.platforms.telegram.at("default").bot_token, "999:XYZ");
  EXPECT_THAT(
      refusal(
          "[platforms.telegram.default]\nbot_token = \"env:WHISTLE_TEST_UNSET_VAR\"\nsecret_token = \"s\"\n"),
      names("platforms.telegram.default.bot_token", "WHISTLE_TEST_UNSET_VAR is not set"));
}

TEST(Platforms, AnUnreadableCaFileIsRefused) {
  EXPECT_THAT(refusal("[http_client]\nca_file = \"/nonexistent/ca.pem\"\n"),
              names("http_client.ca_file", "cannot be read"));
}

TEST(Platforms, AnUnknownPlatformIsRefused) {
  EXPECT_THAT(refusal("[platforms.wechat.main]\nsecret = \"x\"\n"),
              names("platforms.wechat", "unknown platform"));
}

TEST(Platforms, AWeComPersonIsOnePersonWhicheverWeComChannelNamesThem) {
  // The app, the AI bot and the group robot see one corp's userids.
  const Config config = parse_config(R"(
[[node]]
id = "c1"
level = "community"
name = "锦华家园社区"
leaders = ["wecom_bot:wangjie", "wecom_robot.east:zhou", "feishu:ou_1"]

[[person]]
id = "wecom_bot:wangjie"
name = "王杰"
)",
                                     kSource);
  ASSERT_EQ(config.nodes.size(), 1u);
  EXPECT_EQ(config.nodes[0].leaders,
            (std::vector<std::string>{"wecom:wangjie", "wecom.east:zhou", "feishu:ou_1"}));
  ASSERT_EQ(config.people.size(), 1u);
  EXPECT_EQ(config.people[0].id, "wecom:wangjie");
}

TEST(Platforms, TheDefaultInstanceIsNeverSpelledOutInAnId) {
  // Adapters write "feishu:oc_1" for the default instance: "feishu.default:oc_1" would never match.
  EXPECT_THAT(
      refusal(
          "[[node]]\nid = \"c1\"\nlevel = \"community\"\nname = \"x\"\nchats = [\"feishu.default:oc_1\"]\n"),
      names("node[0].chats", "\"feishu:oc_1\""));
}

}  // namespace
}  // namespace whistle::config
