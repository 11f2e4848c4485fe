// WeCom sends against a fake WeCom on 127.0.0.1: what each adapter asks for, in what order, with
// which token, and what it makes of the answers (a token fetched once and reused, refetched after
// 42001, a dead key on 93000, a response_url spent once answered).
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "bot/adapters/wecom_adapter.hpp"
#include "bot/adapters/wecom_bot_adapter.hpp"
#include "bot/adapters/wecom_robot_adapter.hpp"
#include "tests/bot/adapters/wecom_test_support.hpp"
#include "tests/support/fake_platform_server.hpp"

namespace whistle::bot {
namespace {
namespace wecom_outbound_cases {

using nlohmann::json;
using whistle::testing::CannedAnswer;
using whistle::testing::FakePlatformServer;
using whistle::testing::RecordedRequest;

constexpr std::int64_t kNow = 1'764'000'000;

// The fake speaks TLS with a certificate from a test CA; the client trusts it through ca_file, as a
// deployment's [http_client] ca_file would.
class WecomOutbound : public ::testing::Test {
 protected:
  FakePlatformServer fake{FakePlatformServer::Mode::tls};
  HttpClient http{HttpClientOptions{FakePlatformServer::ca_file()}};

  config::WecomInstance app_instance() const {
    config::WecomInstance instance;
    instance.name = "default";
    instance.corp_id = "ww1436e0e65a779aee";
    instance.agent_id = 1000002;
    instance.secret = "s3cret+/=";
    instance.token = "hJqcu3uJ9Tn2gXPmxx2w9kkCkCE2EPYo";
    instance.encoding_aes_key = "6qkdMrq68nTKduznJYO1A37W2oEgpkMUvkttRToqhUt";
    instance.api_base = fake.base_url();
    return instance;
  }

  SendVerdict deliver(const Adapter& adapter, const store::OutboxMessage& message, std::int64_t now = kNow) {
    SendPlan plan = wecom_test::run_sync(adapter.prepare_send(message, http, now));
    if (auto* verdict = std::get_if<SendVerdict>(&plan)) return *verdict;
    const HttpClientResult result =
        wecom_test::run_sync(http.send(std::get<OutboundRequest>(std::move(plan)), std::chrono::seconds(10)));
    return adapter.read_send_answer(message, result);
  }
};

store::OutboxMessage message_to(std::string chat, std::string text = "你好") {
  store::OutboxMessage message;
  message.id = 1;
  message.chat = std::move(chat);
  message.text = std::move(text);
  return message;
}

// A 200 with a JSON body, as WeCom answers even its errors.
CannedAnswer answer_with(std::string body) {
  CannedAnswer answer;
  answer.body = std::move(body);
  return answer;
}

bool starts_with(const RecordedRequest& request, std::string_view method, std::string_view path) {
  return request.method == method && std::string_view(request.target).starts_with(path);
}

TEST_F(WecomOutbound, TheAppFetchesItsTokenOnceAndUsesItForBothKindsOfChat) {
  fake.answer([](const RecordedRequest& request) {
    if (starts_with(request, "GET", "/cgi-bin/gettoken"))
      return answer_with(R"({"errcode":0,"errmsg":"ok","access_token":"TOKEN-1","expires_in":7200})");
    return answer_with(R"({"errcode":0,"errmsg":"ok","invaliduser":""})");
  });
  const WecomAdapter adapter(app_instance());
  EXPECT_EQ(deliver(adapter, message_to("wecom:@zhangsan", "请到3号楼")).outcome, SendVerdict::Outcome::sent);
  EXPECT_EQ(deliver(adapter, message_to("wecom:wrAppChat1", "全体集合")).outcome, SendVerdict::Outcome::sent);
  // An AI bot's private chat, relayed: the same userid through the app.
  EXPECT_EQ(deliver(adapter, message_to("wecom_bot:@lisi", "提醒")).outcome, SendVerdict::Outcome::sent);

  const std::vector<RecordedRequest> requests = fake.requests();
  ASSERT_EQ(requests.size(), 4u);
  EXPECT_EQ(requests[0].method, "GET");
  EXPECT_EQ(requests[0].target, "/cgi-bin/gettoken?corpid=ww1436e0e65a779aee&corpsecret=s3cret%2B%2F%3D");
  EXPECT_EQ(requests[0].sni, "");  // an IP address carries no server name
  EXPECT_EQ(requests[1].method, "POST");
  EXPECT_EQ(requests[1].target, "/cgi-bin/message/send?access_token=TOKEN-1");
  EXPECT_EQ(requests[1].headers.at("content-type"), "application/json");
  EXPECT_EQ(json::parse(requests[1].body), (json{{"touser", "zhangsan"},
                                                 {"msgtype", "text"},
                                                 {"agentid", 1000002},
                                                 {"text", {{"content", "请到3号楼"}}},
                                                 {"safe", 0}}));
  EXPECT_EQ(requests[2].target, "/cgi-bin/appchat/send?access_token=TOKEN-1");
  EXPECT_EQ(
      json::parse(requests[2].body),
      (json{
          {"chatid", "wrAppChat1"}, {"msgtype", "text"}, {"text", {{"content", "全体集合"}}}, {"safe", 0}}));
}

TEST_F(WecomOutbound, AnExpiredTokenIsForgottenAndTheRetryFetchesANewOne) {
  int tokens = 0;
  int sends = 0;
  fake.answer([&](const RecordedRequest& request) {
    if (starts_with(request, "GET", "/cgi-bin/gettoken")) {
      ++tokens;
      return answer_with(R"({"errcode":0,"access_token":"TOKEN-)" + std::to_string(tokens) +
                         R"(","expires_in":7200})");
    }
    // The first send finds the token expired early.
    if (++sends == 1) return answer_with(R"({"errcode":42001,"errmsg":"access_token expired"})");
    return answer_with(R"({"errcode":0,"errmsg":"ok"})");
  });
  const WecomAdapter adapter(app_instance());
  const SendVerdict first = deliver(adapter, message_to("wecom:@zhangsan"));
  EXPECT_EQ(first.outcome, SendVerdict::Outcome::retry);
  EXPECT_FALSE(first.retry_after);
  EXPECT_EQ(deliver(adapter, message_to("wecom:@zhangsan")).outcome, SendVerdict::Outcome::sent);
  // And the new token is kept for the next message.
  EXPECT_EQ(deliver(adapter, message_to("wecom:@lisi")).outcome, SendVerdict::Outcome::sent);

  const std::vector<RecordedRequest> requests = fake.requests();
  ASSERT_EQ(requests.size(), 5u);
  EXPECT_TRUE(starts_with(requests[0], "GET", "/cgi-bin/gettoken"));
  EXPECT_EQ(requests[1].target, "/cgi-bin/message/send?access_token=TOKEN-1");
  EXPECT_TRUE(starts_with(requests[2], "GET", "/cgi-bin/gettoken"));
  EXPECT_EQ(requests[3].target, "/cgi-bin/message/send?access_token=TOKEN-2");
  EXPECT_EQ(requests[4].target, "/cgi-bin/message/send?access_token=TOKEN-2");
}

TEST_F(WecomOutbound, ATokenNearItsEndIsRefetchedBeforeUse) {
  int tokens = 0;
  fake.answer([&](const RecordedRequest& request) {
    if (starts_with(request, "GET", "/cgi-bin/gettoken"))
      return answer_with(R"({"errcode":0,"access_token":"T)" + std::to_string(++tokens) +
                         R"(","expires_in":7200})");
    return answer_with(R"({"errcode":0})");
  });
  const WecomAdapter adapter(app_instance());
  EXPECT_EQ(deliver(adapter, message_to("wecom:@a"), kNow).outcome, SendVerdict::Outcome::sent);
  EXPECT_EQ(deliver(adapter, message_to("wecom:@a"), kNow + 7200 - 301).outcome, SendVerdict::Outcome::sent);
  EXPECT_EQ(deliver(adapter, message_to("wecom:@a"), kNow + 7200 - 300).outcome, SendVerdict::Outcome::sent);
  const std::vector<RecordedRequest> requests = fake.requests();
  ASSERT_EQ(requests.size(), 5u);
  EXPECT_EQ(requests[2].target, "/cgi-bin/message/send?access_token=T1");
  EXPECT_TRUE(starts_with(requests[3], "GET", "/cgi-bin/gettoken"));
  EXPECT_EQ(requests[4].target, "/cgi-bin/message/send?access_token=T2");
}

TEST_F(WecomOutbound, AFailedTokenFetchRetriesWithoutQuotingTheSecret) {
  fake.answer([](const RecordedRequest& request) {
    if (starts_with(request, "GET", "/cgi-bin/gettoken"))
      return answer_with(R"({"errcode":40001,"errmsg":"invalid credential, corpsecret=s3cret+/="})");
    return CannedAnswer{};
  });
  const WecomAdapter adapter(app_instance());
  const SendVerdict verdict = deliver(adapter, message_to("wecom:@zhangsan"));
  EXPECT_EQ(verdict.outcome, SendVerdict::Outcome::retry);
  EXPECT_EQ(verdict.error.find("s3cret"), std::string::npos) << verdict.error;
  EXPECT_NE(verdict.error.find("40001"), std::string::npos) << verdict.error;
  EXPECT_EQ(fake.requests().size(), 1u);
}

TEST_F(WecomOutbound, RecipientErrorsAreDeadAndRateLimitsWaitAMinute) {
  std::string next = R"({"errcode":0})";
  fake.answer([&](const RecordedRequest& request) {
    if (starts_with(request, "GET", "/cgi-bin/gettoken"))
      return answer_with(R"({"errcode":0,"access_token":"T","expires_in":7200})");
    return answer_with(next);
  });
  const WecomAdapter adapter(app_instance());
  next = R"({"errcode":0,"errmsg":"ok","invaliduser":"ghost"})";
  EXPECT_EQ(deliver(adapter, message_to("wecom:@ghost")).outcome, SendVerdict::Outcome::dead);
  next = R"({"errcode":60020,"errmsg":"not allow to access from your ip"})";
  const SendVerdict ip = deliver(adapter, message_to("wecom:@a"));
  EXPECT_EQ(ip.outcome, SendVerdict::Outcome::dead);
  EXPECT_NE(ip.error.find("trusted IP"), std::string::npos) << ip.error;
  next = R"({"errcode":45009,"errmsg":"api freq out of limit"})";
  const SendVerdict limited = deliver(adapter, message_to("wecom:@a"));
  EXPECT_EQ(limited.outcome, SendVerdict::Outcome::retry);
  EXPECT_EQ(limited.retry_after, std::chrono::seconds(60));
  next = R"({"errcode":86003,"errmsg":"chat not found"})";
  EXPECT_EQ(deliver(adapter, message_to("wecom:wrGone")).outcome, SendVerdict::Outcome::dead);
}

TEST_F(WecomOutbound, TheRobotPostsToItsKeyWithMentionedListAndA93000IsDead) {
  config::WecomRobotInstance instance;
  instance.name = "default";
  instance.webhook_keys["wrGroup"] = "693a91f6-robot-key";
  instance.api_base = fake.base_url();
  const WecomRobotAdapter adapter(instance);
  fake.answer([](const RecordedRequest& request) {
    if (request.target.find("693a91f6") != std::string::npos)
      return answer_with(R"({"errcode":0,"errmsg":"ok"})");
    return answer_with(R"({"errcode":93000,"errmsg":"invalid webhook url"})");
  });
  store::OutboxMessage message = message_to("wecom_bot:wrGroup", "@张三 请今晚8点前上报");
  message.mentions = {"wecom_bot:zhangsan"};
  message.spans = {{"wecom_bot:zhangsan", 0, 7}};
  EXPECT_EQ(deliver(adapter, message).outcome, SendVerdict::Outcome::sent);
  const std::vector<RecordedRequest> requests = fake.requests();
  ASSERT_EQ(requests.size(), 1u);
  EXPECT_EQ(requests[0].target, "/cgi-bin/webhook/send?key=693a91f6-robot-key");
  EXPECT_EQ(json::parse(requests[0].body),
            (json{{"msgtype", "text"},
                  {"text", {{"content", "@张三 请今晚8点前上报"}, {"mentioned_list", {"zhangsan"}}}}}));

  config::WecomRobotInstance revoked = instance;
  revoked.webhook_keys["wrGroup"] = "revoked-key";
  const WecomRobotAdapter stale(revoked);
  const SendVerdict dead = deliver(stale, message);
  EXPECT_EQ(dead.outcome, SendVerdict::Outcome::dead);
  EXPECT_EQ(dead.error.find("revoked-key"), std::string::npos);
}

TEST_F(WecomOutbound, TheAiBotAnswersOnceThroughTheResponseUrl) {
  config::WecomBotInstance instance;
  instance.name = "default";
  instance.token = "QDG6eK";
  instance.encoding_aes_key = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C";
  instance.bot_id = "aibAAAA";
  const WecomBotAdapter adapter(instance);
  fake.answer([](const RecordedRequest&) { return answer_with(R"({"errcode":0,"errmsg":"ok"})"); });
  store::OutboxMessage message = message_to("wecom_bot:wrGroup", "**已登记** 3号楼");
  message.reply_url =
      store::ReplyUrl{fake.base_url() + "/cgi-bin/aibot/response?response_code=RC1", kNow + 60};
  ASSERT_TRUE(adapter.can_send(message, kNow));
  EXPECT_EQ(deliver(adapter, message).outcome, SendVerdict::Outcome::sent);
  EXPECT_FALSE(adapter.can_send(message, kNow));
  const std::vector<RecordedRequest> requests = fake.requests();
  ASSERT_EQ(requests.size(), 1u);
  EXPECT_EQ(requests[0].method, "POST");
  EXPECT_EQ(requests[0].target, "/cgi-bin/aibot/response?response_code=RC1");
  EXPECT_EQ(json::parse(requests[0].body),
            (json{{"msgtype", "markdown"}, {"markdown", {{"content", "**已登记** 3号楼"}}}}));
}

}  // namespace wecom_outbound_cases
}  // namespace
}  // namespace whistle::bot
