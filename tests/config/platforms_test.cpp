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

TEST(Platforms, APlatformNotBuiltYetIsRefusedAsNotSupportedYet) {
  for (const char* platform : {"wecom", "feishu", "dingtalk", "telegram"}) {
    const std::string toml = "[platforms." + std::string(platform) + ".main]\ncorp_id = \"x\"\n";
    EXPECT_THAT(refusal(toml), names("platforms." + std::string(platform),
                                     "platform '" + std::string(platform) + "' is not supported yet"));
  }
}

TEST(Platforms, AnUnknownPlatformIsRefused) {
  EXPECT_THAT(refusal("[platforms.wechat.main]\nsecret = \"x\"\n"),
              names("platforms.wechat", "unknown platform"));
}

}  // namespace
}  // namespace whistle::config
