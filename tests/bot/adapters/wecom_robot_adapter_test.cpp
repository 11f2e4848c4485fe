// The WeCom group robot: send only, one key per chat, relaying for the AI bot's groups, its
// mentions in mentioned_list, its answers by errcode, and its pace of 20 a minute per robot
// (checked with SendPacer on an injected clock).
#include "bot/adapters/wecom_robot_adapter.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "bot/adapters/adapter_set.hpp"
#include "bot/adapters/wecom_send.hpp"
#include "bot/send_pacer.hpp"
#include "tests/bot/adapters/wecom_test_support.hpp"

namespace whistle::bot {
namespace {
namespace wecom_robot_adapter_cases {

using nlohmann::json;

config::WecomRobotInstance instance_of() {
  config::WecomRobotInstance instance;
  instance.name = "default";
  instance.webhook_keys["wrGroup"] = "693a91f6-7xxx-4bc4-97a0-0ec2sifa5aaa";
  instance.webhook_keys["wrOther"] = "key+with/odd=chars";
  instance.api_base = "http://127.0.0.1:9";
  return instance;
}

store::OutboxMessage message_to(std::string chat) {
  store::OutboxMessage message;
  message.chat = std::move(chat);
  message.text = "@张三 @李四 请到3号楼集合";
  message.mentions = {"wecom_bot:zhangsan", "wecom:lisi", "feishu:ou_1", "wecom_bot:zhangsan"};
  message.spans = {{"wecom_bot:zhangsan", 0, 7}, {"wecom:lisi", 8, 7}};
  return message;
}

HttpClientResult answer(std::string body, int status = 200) {
  HttpClientResult result;
  result.status = status;
  result.body = std::move(body);
  return result;
}

TEST(WecomRobotAdapter, ItHasNoCallback) {
  const WecomRobotAdapter adapter(instance_of());
  wecom_test::Callback post;
  post.target = "/hooks/wecom_robot/default";
  post.body = "{}";
  const Decoded decoded = adapter.inbound(post.request(0));
  ASSERT_TRUE(std::holds_alternative<HttpError>(decoded));
  EXPECT_EQ(std::get<HttpError>(decoded).status, 404);
  EXPECT_EQ(std::get<HttpError>(decoded).message, "this instance only sends");
  EXPECT_FALSE(adapter.answers_get());
}

TEST(WecomRobotAdapter, ItSendsToChatsItHasAKeyForAndRelaysForTheAiBotOnly) {
  const WecomRobotAdapter adapter(instance_of());
  EXPECT_TRUE(adapter.relays_for("wecom_bot"));
  EXPECT_FALSE(adapter.relays_for("wecom"));
  EXPECT_FALSE(adapter.relays_for("feishu"));
  EXPECT_TRUE(adapter.can_send(message_to("wecom_bot:wrGroup"), 0));
  EXPECT_TRUE(adapter.can_send(message_to("wecom_bot.east:wrGroup"), 0));
  EXPECT_TRUE(adapter.can_send(message_to("wecom_robot:wrGroup"), 0));
  EXPECT_FALSE(adapter.can_send(message_to("wecom_robot.east:wrGroup"), 0));
  EXPECT_FALSE(adapter.can_send(message_to("wecom_bot:wrUnknown"), 0));
  EXPECT_FALSE(adapter.can_send(message_to("wecom_bot:@zhangsan"), 0));
  EXPECT_FALSE(adapter.can_send(message_to("wecom:wrGroup"), 0));
}

TEST(WecomRobotAdapter, TheRequestCarriesTheKeyAndTheMentionsUserIds) {
  const WecomRobotAdapter adapter(instance_of());
  const std::optional<OutboundRequest> request = adapter.build_send(message_to("wecom_bot:wrGroup"));
  ASSERT_TRUE(request);
  EXPECT_EQ(request->method, "POST");
  EXPECT_EQ(request->url, "http://127.0.0.1:9/cgi-bin/webhook/send?key=693a91f6-7xxx-4bc4-97a0-0ec2sifa5aaa");
  EXPECT_EQ(request->content_type, "application/json");
  EXPECT_EQ(
      json::parse(request->body),
      (json{{"msgtype", "text"},
            {"text", {{"content", "@张三 @李四 请到3号楼集合"}, {"mentioned_list", {"zhangsan", "lisi"}}}}}));
  const std::optional<OutboundRequest> odd = adapter.build_send(message_to("wecom_robot:wrOther"));
  ASSERT_TRUE(odd);
  EXPECT_EQ(odd->url, "http://127.0.0.1:9/cgi-bin/webhook/send?key=key%2Bwith%2Fodd%3Dchars");
  store::OutboxMessage plain = message_to("wecom_bot:wrGroup");
  plain.mentions.clear();
  EXPECT_FALSE(json::parse(adapter.build_send(plain)->body)["text"].contains("mentioned_list"));
  EXPECT_FALSE(adapter.build_send(message_to("wecom_bot:wrUnknown")));
}

TEST(WecomRobotAdapter, ALongTextIsCutOnACharacterBoundary) {
  const WecomRobotAdapter adapter(instance_of());
  store::OutboxMessage message = message_to("wecom_bot:wrGroup");
  message.text.clear();
  for (int i = 0; i < 1000; ++i)
    message.text += "哨";
  const std::string content =
      json::parse(adapter.build_send(message)->body)["text"]["content"].get<std::string>();
  EXPECT_LE(content.size(), kWecomTextBytes);
  EXPECT_TRUE(content.ends_with("…"));
  EXPECT_EQ((content.size() - std::string("…").size()) % 3, 0u);
}

TEST(WecomRobotAdapter, AnswersByErrcode) {
  const WecomRobotAdapter adapter(instance_of());
  const store::OutboxMessage message = message_to("wecom_bot:wrGroup");
  EXPECT_EQ(adapter.read_send_answer(message, answer(R"({"errcode":0,"errmsg":"ok"})")).outcome,
            SendVerdict::Outcome::sent);
  const SendVerdict limited =
      adapter.read_send_answer(message, answer(R"({"errcode":45009,"errmsg":"api freq out of limit"})"));
  EXPECT_EQ(limited.outcome, SendVerdict::Outcome::retry);
  ASSERT_TRUE(limited.retry_after);
  EXPECT_EQ(*limited.retry_after, std::chrono::seconds(60));
  const SendVerdict bad_key = adapter.read_send_answer(
      message,
      answer(
          R"({"errcode":93000,"errmsg":"invalid webhook url, key=693a91f6-7xxx-4bc4-97a0-0ec2sifa5aaa"})"));
  EXPECT_EQ(bad_key.outcome, SendVerdict::Outcome::dead);
  // errmsg may echo the key: the reason never quotes it.
  EXPECT_EQ(bad_key.error.find("693a91f6"), std::string::npos);
  EXPECT_NE(bad_key.error.find("93000"), std::string::npos);
  EXPECT_EQ(adapter.read_send_answer(message, answer(R"({"errcode":-1})")).outcome,
            SendVerdict::Outcome::retry);
  EXPECT_EQ(adapter.read_send_answer(message, answer("<html>", 502)).outcome, SendVerdict::Outcome::retry);
  EXPECT_EQ(adapter.read_send_answer(message, answer("not json")).outcome, SendVerdict::Outcome::retry);
  HttpClientResult unreachable;
  unreachable.error = "connect: Connection refused";
  EXPECT_EQ(adapter.read_send_answer(message, unreachable).outcome, SendVerdict::Outcome::retry);
}

TEST(WecomRobotAdapter, TheTwentyFirstSendInAMinuteWaits) {
  const WecomRobotAdapter adapter(instance_of());
  const Pace pace = adapter.send_limits().per_chat;
  EXPECT_EQ(pace.count, 20);
  EXPECT_EQ(pace.period, std::chrono::minutes(1));
  SendPacer::TimePoint now{std::chrono::hours(1)};
  SendPacer pacer([&now] { return now; });
  const std::string chat = "wecom_bot:wrGroup";
  const SendPacer::TimePoint start = now;
  for (int i = 0; i < 20; ++i) {
    EXPECT_LE(pacer.next_allowed(chat, pace), now) << i;
    pacer.record(chat, pace);
    now += std::chrono::seconds(1);
  }
  // The 21st, 20 s into the minute, waits until the first send is a minute old.
  EXPECT_EQ(pacer.next_allowed(chat, pace), start + std::chrono::minutes(1));
  EXPECT_GT(pacer.next_allowed(chat, pace), now);
  // Another robot (another chat) is not held back.
  EXPECT_LE(pacer.next_allowed("wecom_bot:wrOther", pace), now);
  now = start + std::chrono::minutes(1);
  EXPECT_LE(pacer.next_allowed(chat, pace), now);
}

}  // namespace wecom_robot_adapter_cases
}  // namespace
}  // namespace whistle::bot
