// The WeCom AI bot's callback: the W3 vector as WeCom would send it, payloads built from the
// documented message formats (platforms.md 1.5) sealed with receive id "", the bot's own
// messages, mention stripping, reply URLs, and the refusals.
#include "bot/adapters/wecom_bot_adapter.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "bot/adapters/adapter_set.hpp"
#include "tests/bot/adapters/wecom_test_support.hpp"

namespace whistle::bot {
namespace {
namespace wecom_bot_adapter_cases {

using nlohmann::json;
using wecom_test::bot_post;
using wecom_test::Callback;

constexpr std::string_view kPath = "/hooks/wecom_bot/default";
constexpr std::int64_t kNow = 1'764'000'000;
const std::string kNowText = std::to_string(kNow);

config::WecomBotInstance instance_of(std::string name = "default") {
  config::WecomBotInstance instance;
  instance.name = std::move(name);
  instance.token = "QDG6eK";
  instance.encoding_aes_key = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C";
  instance.bot_id = "aibAAAA";
  return instance;
}

WecomCrypto crypto() {
  return WecomCrypto("QDG6eK", "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C", "");
}

config::BotConfig bot_names() {
  config::BotConfig bot;
  bot.names = {"吹哨", "whistle", "网格助手"};
  return bot;
}

int status_of(const Decoded& decoded) {
  if (const auto* error = std::get_if<HttpError>(&decoded)) return error->status;
  return 200;
}

std::vector<InboundEvent> events_of(const Decoded& decoded) {
  if (const auto* error = std::get_if<HttpError>(&decoded)) {
    ADD_FAILURE() << "refused " << error->status << ": " << error->message;
    return {};
  }
  if (std::holds_alternative<HttpAnswer>(decoded)) {
    ADD_FAILURE() << "an immediate answer, not events";
    return {};
  }
  return std::get<std::vector<InboundEvent>>(decoded);
}

// A group text message as path/100719 documents it.
json group_text(std::string_view content, std::string_view from = "zhangsan",
                std::string_view msg_id = "CAIQ16HMjQYY/NGagIOAgAMgq4KM0AI=") {
  return json{
      {"msgid", msg_id},
      {"aibotid", "aibAAAA"},
      {"chatid", "wrkSFfCgAAtMQKg4xqDatM5C9IpXfUmg"},
      {"chattype", "group"},
      {"from", {{"userid", from}}},
      {"response_url", "https://qyapi.weixin.qq.com/cgi-bin/aibot/response?response_code=RESPONSE_CODE"},
      {"msgtype", "text"},
      {"text", {{"content", content}}}};
}

std::vector<InboundEvent> decode_json(const WecomBotAdapter& adapter, const json& plain) {
  return events_of(adapter.inbound(bot_post(crypto(), kPath, plain.dump(), kNowText).request(kNow)));
}

TEST(WecomBotAdapter, TheW3VectorAsWecomSendsIt) {
  const WecomBotAdapter adapter(instance_of(), bot_names());
  Callback post;
  post.target = std::string(kPath) +
                "?msg_signature=c4f34f216f8f2d14c27f8675369055fa50e072ad&timestamp=1700000000"
                "&nonce=nonce123";
  post.body =
      R"({"encrypt":"sKqRbbiSUnDhFHOvPjtUMZsDAoJPas/xfwVaVRlb/rL+wSFpSvv/6l/C3XVqi9u0JVRR7Gs3FNFHzPFszz/RgHot9PY5FfHK3kgMCGNf)"
      R"(zEwvpKrXvCln2Q0rrNjFtrn2KtnzIK6GwAXZuaENS+u8ons4GLI4AMUqgtOnF92W92geUG1Iiuoh7W1zIAD69Tq0ENdw0kvUNwXBIOp3)"
      R"(JJysGdE198h6GAOUXK1gAydR1MQ/HpvDmvFU91QoDx5X8HFmprbNcDs4xKkKhexBwhK3uAVwJ152KM11a8yv7ttKufc="})";
  const std::vector<InboundEvent> events = events_of(adapter.inbound(post.request(1700000100)));
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].dedupe_key, "wecom_bot:default:TESTMSG1");
  EXPECT_EQ(events[0].message.chat, "wecom_bot:CHATID");
  // One corp, one userid: the same person as the app's.
  EXPECT_EQ(events[0].message.sender, "wecom:zhangsan");
  EXPECT_FALSE(events[0].message.is_private);
  EXPECT_TRUE(events[0].message.mentions_bot);
  EXPECT_EQ(events[0].message.text, "hello");
  EXPECT_EQ(events[0].message.at, 1700000100);
  // "RESPONSEURL" is no URL: nothing to answer through.
  EXPECT_FALSE(events[0].reply_url);
}

TEST(WecomBotAdapter, AGroupMentionBecomesAnEventOfThatGroupWithItsResponseUrl) {
  const WecomBotAdapter adapter(instance_of(), bot_names());
  const std::vector<InboundEvent> events = decode_json(adapter, group_text("@RobotA 签到 3号楼"));
  ASSERT_EQ(events.size(), 1u);
  const InboundEvent& event = events[0];
  EXPECT_EQ(event.dedupe_key, "wecom_bot:default:CAIQ16HMjQYY/NGagIOAgAMgq4KM0AI=");
  EXPECT_EQ(event.message.chat, "wecom_bot:wrkSFfCgAAtMQKg4xqDatM5C9IpXfUmg");
  EXPECT_EQ(event.message.sender, "wecom:zhangsan");
  EXPECT_TRUE(event.message.mentions_bot);
  EXPECT_EQ(event.message.text, "签到 3号楼");
  EXPECT_EQ(event.received_at, kNow);
  EXPECT_FALSE(event.replies_inline);
  ASSERT_TRUE(event.reply_url);
  EXPECT_EQ(event.reply_url->url,
            "https://qyapi.weixin.qq.com/cgi-bin/aibot/response?response_code=RESPONSE_CODE");
  EXPECT_EQ(event.reply_url->until, kNow + kResponseUrlSeconds);
}

TEST(WecomBotAdapter, TheBotsOwnNameIsStrippedWhereverItStands) {
  const WecomBotAdapter adapter(instance_of(), bot_names());
  EXPECT_EQ(decode_json(adapter, group_text("@网格助手 签到"))[0].message.text, "签到");
  EXPECT_EQ(decode_json(adapter, group_text("签到 @whistle"))[0].message.text, "签到 ");
  EXPECT_EQ(decode_json(adapter, group_text("@RobotA\u2005求助"))[0].message.text, "求助");
  EXPECT_EQ(decode_json(adapter, group_text("@RobotA"))[0].message.text, "");
  EXPECT_EQ(decode_json(adapter, group_text("no mention at the head"))[0].message.text,
            "no mention at the head");
}

TEST(WecomBotAdapter, ASingleChatIsThePrivateChatOfItsSender) {
  const WecomBotAdapter adapter(instance_of("east"), bot_names());
  const json single{{"msgid", "m-single-1"},
                    {"aibotid", "aibAAAA"},
                    {"chattype", "single"},
                    {"from", {{"userid", "lisi"}}},
                    {"response_url", "https://qyapi.weixin.qq.com/cgi-bin/aibot/response?response_code=R2"},
                    {"msgtype", "text"},
                    {"text", {{"content", "@RobotA 我的积分"}}}};
  const std::vector<InboundEvent> events = events_of(
      adapter.inbound(bot_post(crypto(), "/hooks/wecom_bot/east", single.dump(), kNowText).request(kNow)));
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].dedupe_key, "wecom_bot:east:m-single-1");
  EXPECT_EQ(events[0].message.chat, "wecom_bot.east:@lisi");
  EXPECT_EQ(events[0].message.sender, "wecom.east:lisi");
  EXPECT_TRUE(events[0].message.is_private);
  EXPECT_FALSE(events[0].message.mentions_bot);
  // Only a group's leading mention is the bot's.
  EXPECT_EQ(events[0].message.text, "@RobotA 我的积分");
}

TEST(WecomBotAdapter, MixedVoiceImageAndFileMessages) {
  const WecomBotAdapter adapter(instance_of(), bot_names());
  json mixed = group_text("");
  mixed.erase("text");
  mixed["msgtype"] = "mixed";
  const json items{{"msg_item",
                    {{{"msgtype", "text"}, {"text", {{"content", "@RobotA 路灯坏了"}}}},
                     {{"msgtype", "image"}, {"image", {{"url", "https://ww-aibot-img.example/1.jpg"}}}}}}};
  // Once as an object, once as the JSON string some deliveries carry.
  for (const json& value : {items, json(items.dump())}) {
    mixed["mixed"] = value;
    const std::vector<InboundEvent> events = decode_json(adapter, mixed);
    ASSERT_EQ(events.size(), 1u);
    EXPECT_EQ(events[0].message.text, "路灯坏了");
    ASSERT_EQ(events[0].message.attachments.size(), 1u);
    EXPECT_EQ(events[0].message.attachments[0].url, "https://ww-aibot-img.example/1.jpg");
  }
  json image = group_text("");
  image.erase("text");
  image["msgtype"] = "image";
  image["image"] = {{"url", "https://ww-aibot-img.example/2.jpg"}, {"aeskey", "k"}};
  const std::vector<InboundEvent> images = decode_json(adapter, image);
  ASSERT_EQ(images.size(), 1u);
  EXPECT_EQ(images[0].message.attachments[0].type, "image");
  json voice = group_text("");
  voice.erase("text");
  voice["msgtype"] = "voice";
  voice["voice"] = {{"content", "签到"}};
  EXPECT_EQ(decode_json(adapter, voice)[0].message.text, "签到");
}

TEST(WecomBotAdapter, TheBotsOwnMessagesEventsAndStreamRefreshesStoreNothing) {
  const WecomBotAdapter adapter(instance_of(), bot_names());
  EXPECT_TRUE(decode_json(adapter, group_text("@RobotA hi", "aibAAAA")).empty());
  const json enter{{"msgid", "e1"},
                   {"aibotid", "aibAAAA"},
                   {"create_time", 1700000000},
                   {"chattype", "single"},
                   {"from", {{"userid", "zhangsan"}}},
                   {"msgtype", "event"},
                   {"event", {{"eventtype", "enter_chat"}}}};
  EXPECT_TRUE(decode_json(adapter, enter).empty());
  const json refresh{{"msgid", "s1"},        {"aibotid", "aibAAAA"},
                     {"chattype", "single"}, {"from", {{"userid", "zhangsan"}}},
                     {"msgtype", "stream"},  {"stream", {{"id", "STREAMID"}}}};
  EXPECT_TRUE(decode_json(adapter, refresh).empty());
  const HttpAnswer answer = adapter.acknowledge({});
  EXPECT_EQ(answer.status, 200);
  EXPECT_EQ(answer.body, "");
}

TEST(WecomBotAdapter, TheUrlCheckUsesTheEmptyReceiveId) {
  const WecomBotAdapter adapter(instance_of(), bot_names());
  const Callback get = wecom_test::url_check(crypto(), kPath, "5927782489442352469", kNowText);
  const Decoded decoded = adapter.inbound(get.request(kNow));
  ASSERT_TRUE(std::holds_alternative<HttpAnswer>(decoded)) << status_of(decoded);
  EXPECT_EQ(std::get<HttpAnswer>(decoded).body, "5927782489442352469");
  EXPECT_EQ(std::get<HttpAnswer>(decoded).content_type, "text/plain");
  // An echostr sealed for an app (receive id = a CorpID) is another receiver's.
  const WecomCrypto app("QDG6eK", "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C", "wx5823bf96d3bd56c7");
  EXPECT_EQ(status_of(adapter.inbound(wecom_test::url_check(app, kPath, "1", kNowText).request(kNow))), 401);
}

TEST(WecomBotAdapter, Refusals) {
  const WecomBotAdapter adapter(instance_of(), bot_names());
  const std::string plain = group_text("@RobotA hi").dump();
  Callback forged = bot_post(WecomCrypto("other", "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C", ""), kPath,
                             plain, kNowText);
  EXPECT_EQ(status_of(adapter.inbound(forged.request(kNow))), 401);
  const Callback good = bot_post(crypto(), kPath, plain, kNowText);
  EXPECT_EQ(status_of(adapter.inbound(good.request(kNow + 301))), 401);
  EXPECT_EQ(status_of(adapter.inbound(good.request(kNow))), 200);
  // Signed but not Base64, or not the envelope.
  Callback garbage;
  garbage.target =
      std::string(kPath) + wecom_test::query(crypto().signature(kNowText, "n", "%%%"), kNowText, "n");
  garbage.body = R"({"encrypt":"%%%"})";
  EXPECT_EQ(status_of(adapter.inbound(garbage.request(kNow))), 400);
  garbage.body = R"({"encrypt":"%%%","encrypt":"x"})";
  EXPECT_EQ(status_of(adapter.inbound(garbage.request(kNow))), 400);
  garbage.body = "<xml/>";
  EXPECT_EQ(status_of(adapter.inbound(garbage.request(kNow))), 400);
  // Sealed for an app.
  const WecomCrypto app("QDG6eK", "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C", "wx5823bf96d3bd56c7");
  EXPECT_EQ(status_of(adapter.inbound(bot_post(app, kPath, plain, kNowText).request(kNow))), 401);
  // Decrypted but malformed.
  const auto status = [&](const std::string& inner) {
    return status_of(adapter.inbound(bot_post(crypto(), kPath, inner, kNowText).request(kNow)));
  };
  EXPECT_EQ(status("not json"), 400);
  json no_id = group_text("hi");
  no_id.erase("msgid");
  EXPECT_EQ(status(no_id.dump()), 400);
  json no_chat = group_text("hi");
  no_chat.erase("chatid");
  EXPECT_EQ(status(no_chat.dump()), 400);
  json bad_from = group_text("hi", "zhang san");
  EXPECT_EQ(status(bad_from.dump()), 400);
}

TEST(WecomBotAdapter, ItAnswersThroughAnUnusedResponseUrlWithinTheHour) {
  const WecomBotAdapter adapter(instance_of(), bot_names());
  store::OutboxMessage message;
  message.chat = "wecom_bot:wrGroup";
  message.text = "收到 @张三";
  message.reply_url =
      store::ReplyUrl{"https://qyapi.weixin.qq.com/cgi-bin/aibot/response?response_code=R", kNow + 100};
  EXPECT_TRUE(adapter.can_send(message, kNow));
  EXPECT_FALSE(adapter.can_send(message, kNow + 100));
  // Another instance's chat, or no reply URL: the group robot's job.
  store::OutboxMessage other = message;
  other.chat = "wecom_bot.east:wrGroup";
  EXPECT_FALSE(adapter.can_send(other, kNow));
  other = message;
  other.reply_url.reset();
  EXPECT_FALSE(adapter.can_send(other, kNow));
  // Nor a private chat without one: the app relays there.
  other.chat = "wecom_bot:@lisi";
  EXPECT_FALSE(adapter.can_send(other, kNow));

  HttpClient http;
  const auto plan = [&](const store::OutboxMessage& m) {
    return wecom_test::run_sync(adapter.prepare_send(m, http, kNow));
  };
  const SendPlan sent = plan(message);
  ASSERT_TRUE(std::holds_alternative<OutboundRequest>(sent));
  const OutboundRequest& request = std::get<OutboundRequest>(sent);
  EXPECT_EQ(request.method, "POST");
  EXPECT_EQ(request.url, message.reply_url->url);
  EXPECT_EQ(json::parse(request.body),
            (json{{"msgtype", "markdown"}, {"markdown", {{"content", "收到 @张三"}}}}));
  // Expired between can_send and prepare_send: tried again later, by whoever can then.
  const SendPlan late = plan(other);
  ASSERT_TRUE(std::holds_alternative<SendVerdict>(late));
  EXPECT_EQ(std::get<SendVerdict>(late).outcome, SendVerdict::Outcome::retry);

  // Once WeCom answered, the URL is spent: the group falls to its robot.
  HttpClientResult ok;
  ok.status = 200;
  ok.body = R"({"errcode":0,"errmsg":"ok"})";
  EXPECT_EQ(adapter.read_send_answer(message, ok).outcome, SendVerdict::Outcome::sent);
  EXPECT_FALSE(adapter.can_send(message, kNow));
}

// The AI bot of instance "default" beside a group robot that holds a key for wrGroup.
AdapterSet bot_with_a_robot_for_wr_group() {
  config::Config config;
  config.platforms.wecom_bot["default"] = instance_of("");
  config::WecomRobotInstance robot;
  robot.webhook_keys["wrGroup"] = "robot-key-1";
  config.platforms.wecom_robot["default"] = robot;
  return AdapterSet::from_config(config);
}

TEST(WecomBotAdapter, TheAdapterSetSendsAnAiBotGroupThroughItsRobotOnceTheResponseUrlIsGone) {
  const AdapterSet set = bot_with_a_robot_for_wr_group();
  store::OutboxMessage message;
  message.chat = "wecom_bot:wrGroup";
  message.reply_url =
      store::ReplyUrl{"https://qyapi.weixin.qq.com/cgi-bin/aibot/response?response_code=R", kNow + 100};
  const Adapter* first = set.sender_for(message, kNow);
  ASSERT_NE(first, nullptr);
  EXPECT_EQ(first->platform(), "wecom_bot");
  const Adapter* later = set.sender_for(message, kNow + 200);
  ASSERT_NE(later, nullptr);
  EXPECT_EQ(later->platform(), "wecom_robot");
  message.chat = "wecom_bot:wrNoKey";
  EXPECT_EQ(set.sender_for(message, kNow + 200), nullptr);
}

// "response_code expired" from the response_url set the reply aside as dead, though the group's
// robot could carry it (an exploratory run of the platforms, 2026-12-07): the URL's refusal is
// retried, and the retry falls to the robot.
TEST(WecomBotAdapter, AResponseUrlsRefusalIsRetriedThroughTheRobot) {
  const AdapterSet set = bot_with_a_robot_for_wr_group();
  store::OutboxMessage message;
  message.chat = "wecom_bot:wrGroup";
  message.reply_url =
      store::ReplyUrl{"https://qyapi.weixin.qq.com/cgi-bin/aibot/response?response_code=R2", kNow + 100};
  const Adapter* first = set.sender_for(message, kNow);
  ASSERT_NE(first, nullptr);
  ASSERT_EQ(first->platform(), "wecom_bot");
  HttpClientResult refused;
  refused.status = 200;
  refused.body = R"({"errcode":600039,"errmsg":"response_code expired"})";
  EXPECT_EQ(first->read_send_answer(message, refused).outcome, SendVerdict::Outcome::retry);
  const Adapter* next = set.sender_for(message, kNow + 1);
  ASSERT_NE(next, nullptr);
  EXPECT_EQ(next->platform(), "wecom_robot");
}

TEST(WecomBotAdapter, TheAppOfTheSameInstanceNameRelaysToAnAiBotsPrivateChat) {
  config::Config config;
  config.platforms.wecom_bot["default"] = instance_of("");
  config::WecomInstance app;
  app.corp_id = "ww1";
  app.agent_id = 1000002;
  app.secret = "s";
  app.token = "t";
  app.encoding_aes_key = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C";
  config.platforms.wecom["default"] = app;
  const AdapterSet set = AdapterSet::from_config(config);
  store::OutboxMessage message;
  message.chat = "wecom_bot:@lisi";
  message.reply_url =
      store::ReplyUrl{"https://qyapi.weixin.qq.com/cgi-bin/aibot/response?response_code=R", kNow + 100};
  ASSERT_NE(set.sender_for(message, kNow), nullptr);
  EXPECT_EQ(set.sender_for(message, kNow)->platform(), "wecom_bot");
  ASSERT_NE(set.sender_for(message, kNow + 200), nullptr);
  EXPECT_EQ(set.sender_for(message, kNow + 200)->platform(), "wecom");
  // Not an AI-bot group (the robot's), nor another instance's chat.
  message.chat = "wecom_bot:wrGroup";
  EXPECT_EQ(set.sender_for(message, kNow + 200), nullptr);
  message.chat = "wecom_bot.east:@lisi";
  EXPECT_EQ(set.sender_for(message, kNow + 200), nullptr);
}

}  // namespace wecom_bot_adapter_cases
}  // namespace
}  // namespace whistle::bot
