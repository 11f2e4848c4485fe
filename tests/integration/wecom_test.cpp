// The WeCom app end to end: the real server on 127.0.0.1 with a [platforms.wecom.default] whose
// api_base is a fake WeCom. WeCom's URL check, a sealed and signed 1:1 message, and the bot's
// answer leaving through gettoken + message/send.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "bot/adapters/query_string.hpp"
#include "bot/adapters/wecom_crypto.hpp"
#include "bot/clock.hpp"
#include "tests/support/fake_deliver_server.hpp"
#include "tests/support/fake_platform_server.hpp"
#include "tests/support/service_harness.hpp"

namespace whistle::bot::testing {
namespace {

using nlohmann::json;
using whistle::testing::CannedAnswer;
using whistle::testing::FakePlatformServer;
using whistle::testing::RecordedRequest;

constexpr std::string_view kToken = "hJqcu3uJ9Tn2gXPmxx2w9kkCkCE2EPYo";
constexpr std::string_view kAesKey = "6qkdMrq68nTKduznJYO1A37W2oEgpkMUvkttRToqhUt";
constexpr std::string_view kCorp = "ww1436e0e65a779aee";

config::Config wecom_config(const std::filesystem::path& db, const std::string& deliver_url,
                            const std::string& api_base) {
  config::Config config = test_config(db, deliver_url);
  config::WecomInstance wecom;
  wecom.name = "default";
  wecom.corp_id = std::string(kCorp);
  wecom.agent_id = 1000002;
  wecom.secret = "app-secret";
  wecom.token = std::string(kToken);
  wecom.encoding_aes_key = std::string(kAesKey);
  wecom.api_base = api_base;
  config.platforms.wecom["default"] = wecom;
  config::WecomBotInstance bot;
  bot.name = "default";
  bot.token = std::string(kToken);
  bot.encoding_aes_key = std::string(kAesKey);
  bot.bot_id = "aibAAAA";
  config.platforms.wecom_bot["default"] = bot;
  config::WecomRobotInstance robot;
  robot.name = "default";
  robot.webhook_keys["wrGroup1"] = "robot-key-1";
  robot.api_base = api_base;
  config.platforms.wecom_robot["default"] = robot;
  config.http_client.ca_file = FakePlatformServer::ca_file();
  return config;
}

std::string signed_query(const WecomCrypto& crypto, const std::string& encrypted,
                         const std::string& timestamp) {
  const std::string nonce = "1597212914";
  return "?msg_signature=" + crypto.signature(timestamp, nonce, encrypted) + "&timestamp=" + timestamp +
         "&nonce=" + nonce;
}

class WecomEndToEnd : public ::testing::Test {
 protected:
  WecomEndToEnd() : service(wecom_config(dir.path() / "whistle.db", deliver.url(), fake.base_url())) {
    fake.answer([](const RecordedRequest& request) {
      CannedAnswer answer;
      answer.body = request.target.starts_with("/cgi-bin/gettoken")
                        ? R"({"errcode":0,"errmsg":"ok","access_token":"E2E-TOKEN","expires_in":7200})"
                        : R"({"errcode":0,"errmsg":"ok"})";
      return answer;
    });
  }

  TempDir dir;
  FakeDeliverServer deliver;
  FakePlatformServer fake{FakePlatformServer::Mode::tls};
  RunningService service;
  WecomCrypto crypto{std::string(kToken), kAesKey, std::string(kCorp)};
};

TEST_F(WecomEndToEnd, TheUrlCheckIsAnsweredWithTheBareEchoStr) {
  const std::string timestamp = std::to_string(SystemClock().now());
  const std::string echo = crypto.encrypt("1288432023552776189");
  const HttpResult result = http_request(
      service.port(), "GET",
      "/hooks/wecom/default" + signed_query(crypto, echo, timestamp) + "&echostr=" + percent_encode(echo),
      "");
  ASSERT_EQ(result.status, 200) << result.body << result.error;
  EXPECT_EQ(result.body, "1288432023552776189");
  EXPECT_EQ(result.headers.at("content-type"), "text/plain");
}

TEST_F(WecomEndToEnd, APrivateMessageIsAcknowledgedEmptyAndAnsweredThroughTheSendApi) {
  const std::string timestamp = std::to_string(SystemClock().now());
  const std::string plain =
      "<xml><ToUserName><![CDATA[ww1436e0e65a779aee]]></ToUserName><FromUserName><![CDATA[zhangsan]]>"
      "</FromUserName><CreateTime>" +
      timestamp +
      "</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[帮助]]></Content>"
      "<MsgId>1456453720</MsgId><AgentID>1000002</AgentID></xml>";
  const std::string encrypted = crypto.encrypt(plain);
  const std::string body = "<xml><ToUserName><![CDATA[ww1436e0e65a779aee]]></ToUserName><Encrypt><![CDATA[" +
                           encrypted + "]]></Encrypt><AgentID><![CDATA[1000002]]></AgentID></xml>";
  const std::string target = "/hooks/wecom/default" + signed_query(crypto, encrypted, timestamp);
  const HttpResult result =
      http_request(service.port(), "POST", target, body, {{"Content-Type", "text/xml"}});
  ASSERT_EQ(result.status, 200) << result.body << result.error;
  EXPECT_EQ(result.body, "");

  // WeCom's redelivery changes nothing.
  const HttpResult again = http_request(service.port(), "POST", target, body, {{"Content-Type", "text/xml"}});
  EXPECT_EQ(again.status, 200) << again.body;

  ASSERT_TRUE(fake.wait_for_requests(2, std::chrono::seconds(20)));
  const std::vector<RecordedRequest> requests = fake.requests();
  EXPECT_TRUE(
      requests[0].target.starts_with("/cgi-bin/gettoken?corpid=ww1436e0e65a779aee&corpsecret=app-secret"));
  EXPECT_EQ(requests[1].target, "/cgi-bin/message/send?access_token=E2E-TOKEN");
  const json sent = json::parse(requests[1].body);
  EXPECT_EQ(sent["touser"], "zhangsan");
  EXPECT_EQ(sent["agentid"], 1000002);
  EXPECT_FALSE(sent["text"]["content"].get<std::string>().empty());

  // A forged one is refused before anything is stored.
  const HttpResult forged = http_request(
      service.port(), "POST", "/hooks/wecom/default?msg_signature=00&timestamp=" + timestamp + "&nonce=1",
      body, {{"Content-Type", "text/xml"}});
  EXPECT_EQ(forged.status, 401);
}

TEST_F(WecomEndToEnd, AnAiBotGroupMentionIsAnsweredThroughItsResponseUrlAndTheRestThroughTheRobot) {
  const WecomCrypto bot_crypto(std::string(kToken), kAesKey, "");
  const std::string timestamp = std::to_string(SystemClock().now());
  const json message{{"msgid", "CAIQ16HMjQYY/NGagIOAgAMgq4KM0AI="},
                     {"aibotid", "aibAAAA"},
                     {"chatid", "wrGroup1"},
                     {"chattype", "group"},
                     {"from", {{"userid", "zhangsan"}}},
                     {"response_url", fake.base_url() + "/cgi-bin/aibot/response?response_code=RC1"},
                     {"msgtype", "text"},
                     {"text", {{"content", "@RobotA 帮助"}}}};
  const std::string encrypted = bot_crypto.encrypt(message.dump());
  const HttpResult result = http_request(
      service.port(), "POST", "/hooks/wecom_bot/default" + signed_query(bot_crypto, encrypted, timestamp),
      json{{"encrypt", encrypted}}.dump(), {{"Content-Type", "application/json"}});
  ASSERT_EQ(result.status, 200) << result.body << result.error;
  EXPECT_EQ(result.body, "");

  // The first reply takes the response_url; any further ones go through the group's robot.
  ASSERT_TRUE(fake.wait_for_requests(1, std::chrono::seconds(20)));
  const std::vector<RecordedRequest> requests = fake.requests();
  EXPECT_EQ(requests[0].target, "/cgi-bin/aibot/response?response_code=RC1");
  EXPECT_EQ(json::parse(requests[0].body)["msgtype"], "markdown");
  for (std::size_t i = 1; i < requests.size(); ++i)
    EXPECT_EQ(requests[i].target, "/cgi-bin/webhook/send?key=robot-key-1");
}

}  // namespace
}  // namespace whistle::bot::testing
