// Feishu through the real outbox sender: a fake Feishu on 127.0.0.1, an in-memory database, and the
// pacing clock injected, so "five a second per chat" is checked without waiting a second.
#include <gtest/gtest.h>

#include <functional>

#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <nlohmann/json.hpp>

#include "bot/adapters/adapter_set.hpp"
#include "bot/clock.hpp"
#include "bot/http_client.hpp"
#include "bot/metrics.hpp"
#include "bot/outbox_sender.hpp"
#include "store/database.hpp"
#include "store/outbox.hpp"
#include "tests/support/fake_platform_server.hpp"

namespace whistle::bot {
namespace {
namespace feishu_outbox_cases {

using nlohmann::json;
using whistle::testing::CannedAnswer;
using whistle::testing::FakePlatformServer;
using whistle::testing::RecordedRequest;

constexpr auto kDeadline = std::chrono::seconds(20);
constexpr std::string_view kTokenPath = "/open-apis/auth/v3/tenant_access_token/internal";

// Every real platform is HTTPS: the fake is too, with a certificate of the test CA.
constexpr FakePlatformServer::Mode kMode = FakePlatformServer::Mode::tls;

CannedAnswer canned(int status, std::string body) {
  CannedAnswer answer;
  answer.status = status;
  answer.body = std::move(body);
  return answer;
}

// Feishu as the sender meets it: tokens on request, every send accepted except to a group the bot
// was removed from.
CannedAnswer feishu(const RecordedRequest& request) {
  if (request.target == kTokenPath) {
    return canned(200, R"({"code":0,"msg":"ok","tenant_access_token":"t-outbox","expire":7200})");
  }
  if (json::parse(request.body).at("receive_id") == "oc_gone") {
    return canned(400, R"({"code":230002,"msg":"Bot/User can NOT be out of the chat."})");
  }
  return canned(200, R"({"code":0,"msg":"success","data":{"message_id":"om_1"}})");
}

// The sender lives on this test's thread, which drives the io_context until a condition holds.
class FeishuThroughTheOutbox : public ::testing::Test {
 protected:
  FeishuThroughTheOutbox() {
    config::FeishuInstance instance;
    instance.name = "default";
    instance.app_id = "cli_9f5343c580712544";
    instance.app_secret = "app-secret-never-logged";
    instance.verification_token = "v";
    instance.api_base = fake.base_url();
    config.platforms.feishu["default"] = instance;
    adapters = AdapterSet::from_config(config);
    fake.answer(feishu);
  }

  void enqueue(const std::string& chat, const std::string& text) {
    outbox.enqueue(store::OutgoingMessage{chat, text, {}, {}, std::nullopt}, clock.now());
  }

  bool run_until(const std::function<bool()>& done) {
    const auto deadline = std::chrono::steady_clock::now() + kDeadline;
    while (!done() && std::chrono::steady_clock::now() < deadline)
      io.run_one_for(std::chrono::milliseconds(50));
    return done();
  }

  // The texts Feishu received for one chat, in arrival order.
  std::vector<std::string> texts_to(std::string_view chat) const {
    std::vector<std::string> texts;
    for (const RecordedRequest& request : fake.requests()) {
      if (request.target == kTokenPath) continue;
      const json body = json::parse(request.body);
      if (body.at("receive_id") != chat) continue;
      texts.push_back(json::parse(body.at("content").get<std::string>()).at("text").get<std::string>());
    }
    return texts;
  }

  std::size_t token_requests() const {
    std::size_t count = 0;
    for (const RecordedRequest& request : fake.requests())
      count += request.target == kTokenPath ? 1 : 0;
    return count;
  }

  void stop(OutboxSender& sender) {
    sender.stop();
    // Lets the sender's loop see the stop and end; nothing else is left to run.
    io.run_for(std::chrono::seconds(5));
  }

  FakePlatformServer fake{kMode};
  HttpClient http{HttpClientOptions{FakePlatformServer::ca_file()}};
  config::Config config;
  AdapterSet adapters;
  store::Database db{store::DatabaseOptions{.path = ":memory:"}};
  store::Outbox outbox{db};
  SystemClock clock;
  Metrics metrics;
  asio::io_context io;
  SendPacer::TimePoint steady{std::chrono::seconds(1000)};  ///< the pacing clock; moved by hand
  OutboxSenderOptions options{.steady_now = [this] { return steady; }};
};

TEST_F(FeishuThroughTheOutbox, FiveMessagesToAChatLeaveInASecondAndTheSixthWhenTheClockMoves) {
  for (int i = 1; i <= 6; ++i)
    enqueue("feishu:oc_a", "第" + std::to_string(i) + "条");
  OutboxSender sender(io.get_executor(), db, adapters, http, clock, metrics, options);
  sender.start();
  ASSERT_TRUE(run_until([&] { return metrics.outbox_sent() >= 5; }));
  // The pacing clock has not moved: the sixth waits for it.
  EXPECT_EQ(texts_to("oc_a"), (std::vector<std::string>{"第1条", "第2条", "第3条", "第4条", "第5条"}));

  steady += std::chrono::seconds(1);
  asio::post(io, [&sender] { sender.wake(); });
  ASSERT_TRUE(run_until([&] { return metrics.outbox_sent() >= 6; }));
  EXPECT_EQ(texts_to("oc_a").size(), 6u);
  EXPECT_EQ(texts_to("oc_a").back(), "第6条");
  // One token for all six.
  EXPECT_EQ(token_requests(), 1u);
  EXPECT_EQ(outbox.backlog(), 0);
  stop(sender);
}

TEST_F(FeishuThroughTheOutbox, AGroupTheBotLeftDeadLettersItsMessagesAndOtherChatsGoOn) {
  enqueue("feishu:oc_gone", "甲");
  enqueue("feishu:oc_gone", "乙");
  enqueue("feishu:oc_a", "丙");
  OutboxSender sender(io.get_executor(), db, adapters, http, clock, metrics, options);
  sender.start();
  ASSERT_TRUE(run_until([&] { return metrics.outbox_dead() >= 2 && metrics.outbox_sent() >= 1; }));
  EXPECT_EQ(texts_to("oc_gone"), (std::vector<std::string>{"甲", "乙"}));
  EXPECT_EQ(texts_to("oc_a"), std::vector<std::string>{"丙"});
  EXPECT_EQ(outbox.dead_count(), 2);
  EXPECT_EQ(outbox.backlog(), 0);
  stop(sender);
}

}  // namespace feishu_outbox_cases
}  // namespace
}  // namespace whistle::bot
