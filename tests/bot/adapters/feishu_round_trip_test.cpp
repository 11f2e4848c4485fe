// The Feishu adapter against a fake Feishu on 127.0.0.1: what it sends, with which token, in what
// order, and what it makes of Feishu's answers. The client trusts the fake's test CA through
// HttpClientOptions::ca_file, as `[http_client] ca_file` does.
#include <gtest/gtest.h>

#include <atomic>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <nlohmann/json.hpp>

#include "bot/adapters/feishu_adapter.hpp"
#include "bot/http_client.hpp"
#include "tests/support/fake_platform_server.hpp"

namespace whistle::bot {
namespace {
namespace feishu_round_trip_cases {

using nlohmann::json;
using whistle::testing::CannedAnswer;
using whistle::testing::FakePlatformServer;
using whistle::testing::RecordedRequest;

constexpr std::int64_t kNow = 1'764'000'000;
constexpr std::string_view kTokenPath = "/open-apis/auth/v3/tenant_access_token/internal";
constexpr std::string_view kSendPath = "/open-apis/im/v1/messages";

// Every real platform is HTTPS: the fake is too, with a certificate of the test CA.
constexpr FakePlatformServer::Mode kMode = FakePlatformServer::Mode::tls;

CannedAnswer canned(int status, std::string body,
                    std::vector<std::pair<std::string, std::string>> headers = {}) {
  CannedAnswer answer;
  answer.status = status;
  answer.body = std::move(body);
  answer.headers = std::move(headers);
  return answer;
}

// One delivery attempt as the outbox sender makes it: prepare (token), send, read the answer.
asio::awaitable<void> attempt(const FeishuAdapter* adapter, const HttpClient* http,
                              store::OutboxMessage message, std::int64_t now, SendVerdict* verdict) {
  SendPlan plan = co_await adapter->prepare_send(message, *http, now);
  if (auto* request = std::get_if<OutboundRequest>(&plan)) {
    const HttpClientResult result = co_await http->send(std::move(*request), std::chrono::seconds(10));
    *verdict = adapter->read_send_answer(message, result);
  } else {
    *verdict = std::get<SendVerdict>(std::move(plan));
  }
}

class FeishuRoundTrip : public ::testing::Test {
 protected:
  FeishuRoundTrip()
      : http_(HttpClientOptions{FakePlatformServer::ca_file()}), adapter_(settings(fake_.base_url())) {
    fake_.answer([this](const RecordedRequest& request) { return answer(request); });
  }

  static config::FeishuInstance settings(std::string api_base) {
    config::FeishuInstance i;
    i.name = "default";
    i.app_id = "cli_9f5343c580712544";
    i.app_secret = "app-secret-never-logged";
    i.verification_token = "v";
    i.api_base = std::move(api_base);
    return i;
  }

  CannedAnswer answer(const RecordedRequest& request) {
    if (request.target == kTokenPath) {
      const int n = ++tokens_issued_;
      return canned(
          200,
          json{
              {"code", 0}, {"msg", "ok"}, {"tenant_access_token", "t-" + std::to_string(n)}, {"expire", 7200}}
              .dump());
    }
    // The next canned send answer, else success.
    std::lock_guard lock(mutex_);
    if (!send_answers_.empty()) {
      CannedAnswer next = send_answers_.front();
      send_answers_.erase(send_answers_.begin());
      return next;
    }
    return canned(200, R"({"code":0,"msg":"success","data":{"message_id":"om_x"}})");
  }

  void answer_next_send(CannedAnswer canned) {
    std::lock_guard lock(mutex_);
    send_answers_.push_back(std::move(canned));
  }

  SendVerdict deliver(const store::OutboxMessage& message, std::int64_t now = kNow) {
    asio::io_context io;
    SendVerdict verdict = SendVerdict::retry("not run");
    asio::co_spawn(io, attempt(&adapter_, &http_, message, now, &verdict), [](std::exception_ptr error) {
      if (error) std::rethrow_exception(error);
    });
    io.run();
    return verdict;
  }

  static store::OutboxMessage group_message(std::int64_t id) {
    store::OutboxMessage m;
    m.id = id;
    m.created_at = kNow - 5;
    m.chat = "feishu:oc_group";
    m.text = "@张三 请到 3号楼";
    m.mentions = {"feishu:ou_zhang"};
    m.spans = {{"feishu:ou_zhang", 0, std::string("@张三").size()}};
    return m;
  }

  FakePlatformServer fake_{kMode};
  HttpClient http_;
  FeishuAdapter adapter_;
  std::atomic<int> tokens_issued_{0};
  std::mutex mutex_;
  std::vector<CannedAnswer> send_answers_;
};

TEST_F(FeishuRoundTrip, OneTokenServesTwoSendsAndARefusedOneIsFetchedAgain) {
  store::OutboxMessage to_person = group_message(8);
  to_person.chat = "feishu:@ou_li";
  to_person.text = "您的工单已受理";
  to_person.mentions.clear();
  to_person.spans.clear();

  EXPECT_EQ(deliver(group_message(7)).outcome, SendVerdict::Outcome::sent);
  EXPECT_EQ(deliver(to_person).outcome, SendVerdict::Outcome::sent);
  answer_next_send(canned(400, R"({"code":99991663,"msg":"Invalid access token for authorization."})"));
  const SendVerdict refused = deliver(group_message(9));
  EXPECT_EQ(refused.outcome, SendVerdict::Outcome::retry);
  EXPECT_EQ(refused.error.find("t-1"), std::string::npos);
  EXPECT_EQ(deliver(group_message(9)).outcome, SendVerdict::Outcome::sent);

  const std::vector<RecordedRequest> requests = fake_.requests();
  ASSERT_EQ(requests.size(), 6u);
  // The token, once, with the app's credentials.
  EXPECT_EQ(requests[0].method, "POST");
  EXPECT_EQ(requests[0].target, kTokenPath);
  EXPECT_EQ(json::parse(requests[0].body),
            (json{{"app_id", "cli_9f5343c580712544"}, {"app_secret", "app-secret-never-logged"}}));
  // A group by chat_id, with the mention as <at> and the token as a bearer.
  EXPECT_EQ(requests[1].target, std::string(kSendPath) + "?receive_id_type=chat_id");
  EXPECT_EQ(requests[1].headers.at("authorization"), "Bearer t-1");
  EXPECT_EQ(requests[1].headers.at("content-type"), "application/json; charset=utf-8");
  const json first = json::parse(requests[1].body);
  EXPECT_EQ(first.at("receive_id"), "oc_group");
  EXPECT_EQ(first.at("msg_type"), "text");
  EXPECT_EQ(json::parse(first.at("content").get<std::string>()),
            (json{{"text", R"(<at user_id="ou_zhang">张三</at> 请到 3号楼)"}}));
  // A person by open_id, same token.
  EXPECT_EQ(requests[2].target, std::string(kSendPath) + "?receive_id_type=open_id");
  EXPECT_EQ(requests[2].headers.at("authorization"), "Bearer t-1");
  EXPECT_EQ(json::parse(requests[2].body).at("receive_id"), "ou_li");
  // Refused with t-1, fetched again, sent with t-2 under the same uuid.
  EXPECT_EQ(requests[3].headers.at("authorization"), "Bearer t-1");
  EXPECT_EQ(requests[4].target, kTokenPath);
  EXPECT_EQ(requests[5].headers.at("authorization"), "Bearer t-2");
  EXPECT_EQ(json::parse(requests[3].body).at("uuid"), json::parse(requests[5].body).at("uuid"));
  EXPECT_EQ(json::parse(requests[3].body).at("content"), json::parse(requests[5].body).at("content"));
  EXPECT_NE(json::parse(requests[1].body).at("uuid"), json::parse(requests[5].body).at("uuid"));
}

TEST_F(FeishuRoundTrip, TheTokenIsRefreshedBeforeItExpires) {
  EXPECT_EQ(deliver(group_message(1), kNow).outcome, SendVerdict::Outcome::sent);
  // 7200 s of life, renewed 300 s early.
  EXPECT_EQ(deliver(group_message(2), kNow + 7200 - 301).outcome, SendVerdict::Outcome::sent);
  EXPECT_EQ(deliver(group_message(3), kNow + 7200 - 300).outcome, SendVerdict::Outcome::sent);
  const std::vector<RecordedRequest> requests = fake_.requests();
  ASSERT_EQ(requests.size(), 5u);
  EXPECT_EQ(requests[0].target, kTokenPath);
  EXPECT_EQ(requests[2].headers.at("authorization"), "Bearer t-1");
  EXPECT_EQ(requests[3].target, kTokenPath);
  EXPECT_EQ(requests[4].headers.at("authorization"), "Bearer t-2");
}

TEST_F(FeishuRoundTrip, ABotRemovedFromTheGroupMakesTheMessageDead) {
  answer_next_send(canned(400, R"({"code":230002,"msg":"Bot/User can NOT be out of the chat."})"));
  const SendVerdict verdict = deliver(group_message(1));
  EXPECT_EQ(verdict.outcome, SendVerdict::Outcome::dead);
  EXPECT_NE(verdict.error.find("230002"), std::string::npos);
  EXPECT_EQ(verdict.error.find("t-1"), std::string::npos);
}

TEST_F(FeishuRoundTrip, ARateLimitIsRetriedAfterFeishusHint) {
  answer_next_send(canned(429, R"({"code":99991400,"msg":"request trigger frequency limit"})",
                          {{"Retry-After", "3"}, {"x-ogw-ratelimit-reset", "3"}}));
  const SendVerdict verdict = deliver(group_message(1));
  EXPECT_EQ(verdict.outcome, SendVerdict::Outcome::retry);
  EXPECT_EQ(verdict.retry_after, std::chrono::seconds(3));
  EXPECT_TRUE(verdict.whole_instance);
}

TEST(FeishuRoundTripToken, ARefusedTokenRequestIsARetryThatNamesNoSecret) {
  FakePlatformServer fake(kMode);
  fake.answer(
      [](const RecordedRequest&) { return canned(400, R"({"code":10014,"msg":"app secret invalid"})"); });
  const HttpClient http(HttpClientOptions{FakePlatformServer::ca_file()});
  config::FeishuInstance settings;
  settings.name = "default";
  settings.app_id = "cli_x";
  settings.app_secret = "app-secret-never-logged";
  settings.api_base = fake.base_url();
  const FeishuAdapter adapter(settings);
  store::OutboxMessage m;
  m.id = 1;
  m.chat = "feishu:oc_group";
  m.text = "x";
  asio::io_context io;
  SendVerdict verdict;
  asio::co_spawn(io, attempt(&adapter, &http, m, kNow, &verdict), [](std::exception_ptr error) {
    if (error) std::rethrow_exception(error);
  });
  io.run();
  EXPECT_EQ(verdict.outcome, SendVerdict::Outcome::retry);
  EXPECT_EQ(verdict.error, "tenant_access_token refused: HTTP 400 code 10014");
  ASSERT_EQ(fake.requests().size(), 1u);
  EXPECT_EQ(fake.requests()[0].target, kTokenPath);
}

}  // namespace feishu_round_trip_cases
}  // namespace
}  // namespace whistle::bot
