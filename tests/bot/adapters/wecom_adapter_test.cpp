// The WeCom self-built app's callback: the official vectors as WeCom sends them, payloads built
// from the documented message formats (platforms.md 1.4) and sealed like WeCom seals them, and
// every refusal (bad signature, stale timestamp, undecryptable, another receiver) before anything
// is decoded.
#include "bot/adapters/wecom_adapter.hpp"

#include <gtest/gtest.h>

#include "bot/adapters/adapter_set.hpp"
#include "tests/bot/adapters/wecom_test_support.hpp"

namespace whistle::bot {
namespace {
namespace wecom_adapter_cases {

using wecom_test::app_post;
using wecom_test::app_post_sealed;
using wecom_test::Callback;

constexpr std::string_view kPath = "/hooks/wecom/default";

// W1 (official Python sample) as an instance.
config::WecomInstance w1_instance(std::string name = "default") {
  config::WecomInstance instance;
  instance.name = std::move(name);
  instance.corp_id = "ww1436e0e65a779aee";
  instance.agent_id = 1000002;
  instance.secret = "app-secret";
  instance.token = "hJqcu3uJ9Tn2gXPmxx2w9kkCkCE2EPYo";
  instance.encoding_aes_key = "6qkdMrq68nTKduznJYO1A37W2oEgpkMUvkttRToqhUt";
  return instance;
}

// W2 (official C++ sample) as an instance.
config::WecomInstance w2_instance() {
  config::WecomInstance instance;
  instance.name = "default";
  instance.corp_id = "wx5823bf96d3bd56c7";
  instance.agent_id = 218;
  instance.secret = "app-secret";
  instance.token = "QDG6eK";
  instance.encoding_aes_key = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C";
  return instance;
}

WecomCrypto crypto_of(const config::WecomInstance& instance) {
  return WecomCrypto(instance.token, instance.encoding_aes_key, instance.corp_id);
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

int status_of(const Decoded& decoded) {
  if (const auto* error = std::get_if<HttpError>(&decoded)) return error->status;
  return 200;
}

// A text message as platforms.md 1.4 documents it.
std::string text_message(std::string_view from, std::string_view content, std::string_view msg_id,
                         std::string_view created = "1700000000") {
  return "<xml><ToUserName><![CDATA[ww1436e0e65a779aee]]></ToUserName><FromUserName><![CDATA[" +
         std::string(from) + "]]></FromUserName><CreateTime>" + std::string(created) +
         "</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[" + std::string(content) +
         "]]></Content><MsgId>" + std::string(msg_id) + "</MsgId><AgentID>1000002</AgentID></xml>";
}

TEST(WecomAdapter, TheOfficialW1UrlCheckAnswersTheBareEchoStr) {
  const WecomAdapter adapter(w1_instance());
  EXPECT_TRUE(adapter.answers_get());
  Callback get;
  get.method = "GET";
  get.target = std::string(kPath) +
               "?msg_signature=012bc692d0a58dd4b10f8dfe5c4ac00ae211ebeb&timestamp=1476416373&nonce=47744683"
               "&echostr=fsi1xnbH4yQh0%2BPJxcOdhhK6TDXkjMyhEPA7xB2TGz6b%2Bg7xyAbEkRxN%"
               "2F3cNXW9qdqjnoVzEtpbhnFyq6SVHyA%3D%3D";
  const Decoded decoded = adapter.inbound(get.request(1476416373));
  ASSERT_TRUE(std::holds_alternative<HttpAnswer>(decoded)) << status_of(decoded);
  const HttpAnswer& answer = std::get<HttpAnswer>(decoded);
  EXPECT_EQ(answer.status, 200);
  EXPECT_EQ(answer.content_type, "text/plain");
  EXPECT_EQ(answer.body, "1288432023552776189");
}

TEST(WecomAdapter, TheOfficialW2UrlCheckWithItsPercentEncodedEchoStr) {
  const WecomAdapter adapter(w2_instance());
  Callback get;
  get.method = "GET";
  get.target = std::string(kPath) +
               "?msg_signature=5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd3&timestamp=1409659589&nonce=263014780"
               "&echostr=P9nAzCzyDtyTWESHep1vC5X9xho%2FqYX3Zpb4yKa9SKld1DsH3Iyt3tP3zNdtp%2B4RPcs8TgAE7OaBO%"
               "2BFZXvnaqQ%3D%3D";
  const Decoded decoded = adapter.inbound(get.request(1409659589));
  ASSERT_TRUE(std::holds_alternative<HttpAnswer>(decoded)) << status_of(decoded);
  EXPECT_EQ(std::get<HttpAnswer>(decoded).body, "1616140317555161061");
}

TEST(WecomAdapter, ALiteralPlusInTheEchoStrStaysAPlus) {
  const WecomAdapter adapter(w1_instance());
  Callback get;
  get.method = "GET";
  get.target =
      std::string(kPath) +
      "?msg_signature=012bc692d0a58dd4b10f8dfe5c4ac00ae211ebeb&timestamp=1476416373&nonce=47744683"
      "&echostr=fsi1xnbH4yQh0+PJxcOdhhK6TDXkjMyhEPA7xB2TGz6b+g7xyAbEkRxN/3cNXW9qdqjnoVzEtpbhnFyq6SVHyA==";
  const Decoded decoded = adapter.inbound(get.request(1476416373));
  ASSERT_TRUE(std::holds_alternative<HttpAnswer>(decoded)) << status_of(decoded);
  EXPECT_EQ(std::get<HttpAnswer>(decoded).body, "1288432023552776189");
}

TEST(WecomAdapter, TheOfficialW1MessageBecomesThePrivateChatOfItsSender) {
  const WecomAdapter adapter(w1_instance());
  Callback post;
  post.target =
      std::string(kPath) +
      "?msg_signature=0c3914025cb4b4d68103f6bfc8db550f79dcf48e&timestamp=1476422779&nonce=1597212914";
  post.body =
      "<xml><ToUserName><![CDATA[ww1436e0e65a779aee]]></ToUserName><Encrypt><![CDATA["
      "Kl7kjoSf6DMD1zh7rtrHjFaDapSCkaOnwu3bqLc5tAybhhMl9pFeK8NslNPVdMwmBQTNoW4mY7AIjeLvEl3NyeTkAgGzBhzTtRLNsh"
      "w2AEew+kkYcD+Fq72Kt00fT0WnN87hGrW8SqGc+NcT3mu87Ha3dz1pSDi6GaUA6A0sqfde0VJPQbZ9U+3JWcoD4Z5jaU0y9GSh010w"
      "sHF8KZD24YhmZH4ch4Ka7ilEbjbfvhKkNL65HHL0J6EYJIZUC2pFrdkJ7MhmEbU2qARR4iQHE7wy24qy0cRX3Mfp6iELcDNfSsPGjU"
      "QVDGxQDCWjayJOpcwocugux082f49HKYg84EpHSGXAyh+/oxwaWbvL6aSDPOYuPDGOCI8jmnKiypE+"
      "]]></Encrypt><AgentID><![CDATA[1000002]]></AgentID></xml>";
  const std::vector<InboundEvent> events = events_of(adapter.inbound(post.request(1476422790)));
  ASSERT_EQ(events.size(), 1u);
  const InboundEvent& event = events[0];
  EXPECT_EQ(event.dedupe_key, "wecom:default:1456453720");
  EXPECT_EQ(event.received_at, 1476422790);
  EXPECT_FALSE(event.replies_inline);
  EXPECT_FALSE(event.reply_url);
  EXPECT_FALSE(event.digest.empty());
  const handlers::Message& message = event.message;
  EXPECT_EQ(message.sender, "wecom:ChenJiaShun");
  EXPECT_EQ(message.chat, "wecom:@ChenJiaShun");
  EXPECT_TRUE(message.is_private);
  EXPECT_EQ(message.text, "你好");
  EXPECT_EQ(message.at, 1476422779);
  EXPECT_FALSE(message.mentions_bot);
  EXPECT_TRUE(message.mentions.empty());
  EXPECT_TRUE(message.attachments.empty());
  EXPECT_FALSE(message.location);
}

TEST(WecomAdapter, TheOfficialW2MessageWithNewlinesAndCdata) {
  const WecomAdapter adapter(w2_instance());
  const std::string encrypted =
      "RypEvHKD8QQKFhvQ6QleEB4J58tiPdvo+rtK1I9qca6aM/wvqnLSV5zEPeusUiX5L5X/"
      "0lWfrf0QADHHhGd3QczcdCUpj911L3vg3W/"
      "sYYvuJTs3TUUkSUXxaccAS0qhxchrRYt66wiSpGLYL42aM6A8dTT+6k4aSknmPj48kzJs8qLjvd4Xgpue06DOdnLxAUHzM6+kDZ+"
      "HMZfJ"
      "YuR+LtwGc2hgf5gsijff0ekUNXZiqATP7PF5mZxZ3Izoun1s4zG4LUMnvw2r+KqCKIw+3IQH03v+"
      "BCA9nMELNqbSf6tiWSrXJB3LAVGU"
      "callcrw8V2t9EL4EhzJWrQUax5wLVMNS0+rUPA3k22Ncx4XXZS9o0MBH27Bo6BpNelZpS+/"
      "uh9KsNlY6bHCmJU9p8g7m3fVKn28H3KDYA"
      "5Pl/T8Z1ptDAVe0lXdQ2YoyyH2uyPIGHBZZIs2pDBS8R07+qN+E7Q==";
  Callback post;
  post.target =
      std::string(kPath) +
      "?msg_signature=477715d11cdb4164915debcba66cb864d751f3e6&timestamp=1409659813&nonce=1372623149";
  post.body = "<xml><ToUserName><![CDATA[wx5823bf96d3bd56c7]]></ToUserName>\n<Encrypt><![CDATA[" + encrypted +
              "]]></Encrypt>\n<AgentID><![CDATA[218]]></AgentID>\n</xml>";
  const std::vector<InboundEvent> events = events_of(adapter.inbound(post.request(1409659813)));
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].dedupe_key, "wecom:default:4561255354251345929");
  EXPECT_EQ(events[0].message.sender, "wecom:mycreate");
  EXPECT_EQ(events[0].message.chat, "wecom:@mycreate");
  EXPECT_EQ(events[0].message.text, "hello");
  EXPECT_EQ(events[0].message.at, 1409659813);
}

TEST(WecomAdapter, ANamedInstanceQualifiesItsIds) {
  const config::WecomInstance instance = w1_instance("east");
  const WecomAdapter adapter(instance);
  const Callback post =
      app_post(crypto_of(instance), "/hooks/wecom/east",
               text_message("zhangsan", "签到 &amp; 3号楼", "9223372036854775807"), "1700000000");
  const std::vector<InboundEvent> events = events_of(adapter.inbound(post.request(1700000000)));
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].dedupe_key, "wecom:east:9223372036854775807");
  EXPECT_EQ(events[0].message.sender, "wecom.east:zhangsan");
  EXPECT_EQ(events[0].message.chat, "wecom.east:@zhangsan");
  // CDATA is taken as written: "&amp;" inside it is not an entity.
  EXPECT_EQ(events[0].message.text, "签到 &amp; 3号楼");
}

TEST(WecomAdapter, EntitiesOutsideCdataAreDecoded) {
  const config::WecomInstance instance = w1_instance();
  const WecomAdapter adapter(instance);
  const std::string plain =
      "<xml><ToUserName>ww1436e0e65a779aee</ToUserName><FromUserName>lisi</"
      "FromUserName><CreateTime>1700000000"
      "</CreateTime><MsgType>text</MsgType><Content>a &lt;b&gt; &amp; &quot;c&quot; &apos;d&apos; "
      "&#20320;&#x597D;"
      "</Content><MsgId>42</MsgId><AgentID>1000002</AgentID></xml>";
  const Callback post = app_post(crypto_of(instance), kPath, plain, "1700000000");
  const std::vector<InboundEvent> events = events_of(adapter.inbound(post.request(1700000000)));
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].message.text, "a <b> & \"c\" 'd' 你好");
}

TEST(WecomAdapter, AnImageIsAnAttachmentAndALocationALocation) {
  const config::WecomInstance instance = w1_instance();
  const WecomAdapter adapter(instance);
  const std::string image =
      "<xml><ToUserName><![CDATA[ww1436e0e65a779aee]]></ToUserName><FromUserName><![CDATA[wangwu]]></"
      "FromUserName>"
      "<CreateTime>1700000000</CreateTime><MsgType><![CDATA[image]]></MsgType>"
      "<PicUrl><![CDATA[https://wework.qpic.cn/wwpic/abc/0]]></PicUrl><MediaId><![CDATA[media_id]]></MediaId>"
      "<MsgId>1234567890123456</MsgId><AgentID>1000002</AgentID></xml>";
  std::vector<InboundEvent> events = events_of(
      adapter.inbound(app_post(crypto_of(instance), kPath, image, "1700000000").request(1700000000)));
  ASSERT_EQ(events.size(), 1u);
  ASSERT_EQ(events[0].message.attachments.size(), 1u);
  EXPECT_EQ(events[0].message.attachments[0].type, "image");
  EXPECT_EQ(events[0].message.attachments[0].url, "https://wework.qpic.cn/wwpic/abc/0");
  EXPECT_EQ(events[0].message.text, "");

  const std::string location =
      "<xml><ToUserName><![CDATA[ww1436e0e65a779aee]]></ToUserName><FromUserName><![CDATA[wangwu]]></"
      "FromUserName>"
      "<CreateTime>1700000000</CreateTime><MsgType><![CDATA[location]]></MsgType><Location_X>23.134521"
      "</Location_X><Location_Y>113.358803</Location_Y><Scale>20</Scale><Label><![CDATA[某某某大厦]]></Label>"
      "<MsgId>1234567890123457</MsgId><AgentID>1000002</AgentID><AppType><![CDATA[wxwork]]></AppType></xml>";
  events = events_of(
      adapter.inbound(app_post(crypto_of(instance), kPath, location, "1700000000").request(1700000000)));
  ASSERT_EQ(events.size(), 1u);
  ASSERT_TRUE(events[0].message.location);
  EXPECT_DOUBLE_EQ(events[0].message.location->lat, 23.134521);
  EXPECT_DOUBLE_EQ(events[0].message.location->lon, 113.358803);
}

TEST(WecomAdapter, EventsAndOtherTypesAreAcknowledgedWithNothingStored) {
  const config::WecomInstance instance = w1_instance();
  const WecomAdapter adapter(instance);
  const std::string subscribe =
      "<xml><ToUserName><![CDATA[ww1436e0e65a779aee]]></ToUserName><FromUserName><![CDATA[zhangsan]]>"
      "</FromUserName><CreateTime>1700000000</CreateTime><MsgType><![CDATA[event]]></MsgType>"
      "<Event><![CDATA[subscribe]]></Event><AgentID>1000002</AgentID></xml>";
  EXPECT_TRUE(
      events_of(
          adapter.inbound(app_post(crypto_of(instance), kPath, subscribe, "1700000000").request(1700000000)))
          .empty());
  const std::string voice =
      "<xml><ToUserName>ww1436e0e65a779aee</ToUserName><FromUserName>zhangsan</"
      "FromUserName><CreateTime>1700000000"
      "</CreateTime><MsgType>voice</MsgType><MediaId>m</MediaId><Format>amr</Format><MsgId>7</MsgId>"
      "<AgentID>1000002</AgentID></xml>";
  EXPECT_TRUE(events_of(adapter.inbound(
                            app_post(crypto_of(instance), kPath, voice, "1700000000").request(1700000000)))
                  .empty());
  // A message for another app sharing this URL.
  std::string other = text_message("zhangsan", "hi", "8");
  other.replace(other.find("1000002"), 7, "1000003");
  EXPECT_TRUE(events_of(adapter.inbound(
                            app_post(crypto_of(instance), kPath, other, "1700000000").request(1700000000)))
                  .empty());
}

TEST(WecomAdapter, TheAcknowledgementIsAnEmpty200) {
  const WecomAdapter adapter(w1_instance());
  const HttpAnswer answer = adapter.acknowledge({});
  EXPECT_EQ(answer.status, 200);
  EXPECT_EQ(answer.body, "");
  EXPECT_EQ(answer.content_type, "text/plain");
  EXPECT_FALSE(adapter.replies_inline());
}

TEST(WecomAdapter, ABadSignatureIs401BeforeAnythingIsDecrypted) {
  const config::WecomInstance instance = w1_instance();
  const WecomAdapter adapter(instance);
  // Not even Base64: were it decrypted first, this would be a 400.
  Callback post = app_post_sealed(crypto_of(instance), kPath, "!!not base64!!", "1700000000");
  post.target.replace(post.target.find("msg_signature=") + 14, 1, "0");
  EXPECT_EQ(status_of(adapter.inbound(post.request(1700000000))), 401);
  // Signed with another token.
  config::WecomInstance forger = instance;
  forger.token = "another-token";
  const Callback forged =
      app_post(crypto_of(forger), kPath, text_message("zhangsan", "hi", "1"), "1700000000");
  EXPECT_EQ(status_of(adapter.inbound(forged.request(1700000000))), 401);
  // No signature at all, or a parameter given twice.
  Callback bare = forged;
  bare.target = std::string(kPath) + "?timestamp=1700000000&nonce=1";
  EXPECT_EQ(status_of(adapter.inbound(bare.request(1700000000))), 401);
  Callback twice = app_post(crypto_of(instance), kPath, text_message("zhangsan", "hi", "1"), "1700000000");
  twice.target += "&nonce=2";
  EXPECT_EQ(status_of(adapter.inbound(twice.request(1700000000))), 401);
}

TEST(WecomAdapter, ATimestampOutsideFiveMinutesIs401) {
  const config::WecomInstance instance = w1_instance();
  const WecomAdapter adapter(instance);
  const Callback post =
      app_post(crypto_of(instance), kPath, text_message("zhangsan", "hi", "1"), "1700000000");
  EXPECT_EQ(status_of(adapter.inbound(post.request(1700000000 + 300))), 200);
  EXPECT_EQ(status_of(adapter.inbound(post.request(1700000000 - 300))), 200);
  EXPECT_EQ(status_of(adapter.inbound(post.request(1700000000 + 301))), 401);
  EXPECT_EQ(status_of(adapter.inbound(post.request(1700000000 - 301))), 401);
  const Callback words = app_post(crypto_of(instance), kPath, text_message("zhangsan", "hi", "1"), "17e8");
  EXPECT_EQ(status_of(adapter.inbound(words.request(1700000000))), 401);
}

TEST(WecomAdapter, AnUndecryptableBodyIs400AndAnotherReceiverIs401) {
  const config::WecomInstance instance = w1_instance();
  const WecomAdapter adapter(instance);
  EXPECT_EQ(
      status_of(adapter.inbound(
          app_post_sealed(crypto_of(instance), kPath, "!!not base64!!", "1700000000").request(1700000000))),
      400);
  EXPECT_EQ(status_of(adapter.inbound(
                app_post_sealed(crypto_of(instance), kPath, "AAAA", "1700000000").request(1700000000))),
            400);
  // Sealed for another corp with our token and key.
  const WecomCrypto other_corp(instance.token, instance.encoding_aes_key, "wwOTHERCORP");
  const Callback post = app_post(other_corp, kPath, text_message("zhangsan", "hi", "1"), "1700000000");
  EXPECT_EQ(status_of(adapter.inbound(post.request(1700000000))), 401);
  // A body without Encrypt, or not XML.
  Callback empty = app_post(crypto_of(instance), kPath, "x", "1700000000");
  empty.body = "<xml><ToUserName>ww1436e0e65a779aee</ToUserName></xml>";
  EXPECT_EQ(status_of(adapter.inbound(empty.request(1700000000))), 400);
  empty.body = "{\"encrypt\":\"x\"}";
  EXPECT_EQ(status_of(adapter.inbound(empty.request(1700000000))), 400);
}

TEST(WecomAdapter, DoctypesAndEntityDeclarationsAreRefused) {
  const config::WecomInstance instance = w1_instance();
  const WecomAdapter adapter(instance);
  const std::string bomb =
      "<?xml version=\"1.0\"?><!DOCTYPE xml [<!ENTITY a \"aaaa\"><!ENTITY b \"&a;&a;&a;\">]>"
      "<xml><FromUserName>zhangsan</FromUserName><MsgType>text</MsgType><Content>&b;</Content><MsgId>1</"
      "MsgId>"
      "</xml>";
  EXPECT_EQ(status_of(adapter.inbound(
                app_post(crypto_of(instance), kPath, bomb, "1700000000").request(1700000000))),
            400);
  const std::string unknown_entity = text_message("zhangsan", "]]>&b;<![CDATA[", "1");
  EXPECT_EQ(status_of(adapter.inbound(
                app_post(crypto_of(instance), kPath, unknown_entity, "1700000000").request(1700000000))),
            400);
  // The outer envelope too.
  Callback outer = app_post(crypto_of(instance), kPath, text_message("zhangsan", "hi", "1"), "1700000000");
  outer.body = "<!DOCTYPE x>" + outer.body;
  EXPECT_EQ(status_of(adapter.inbound(outer.request(1700000000))), 400);
}

TEST(WecomAdapter, MalformedMessagesAre400) {
  const config::WecomInstance instance = w1_instance();
  const WecomAdapter adapter(instance);
  const auto status = [&](const std::string& plain) {
    return status_of(
        adapter.inbound(app_post(crypto_of(instance), kPath, plain, "1700000000").request(1700000000)));
  };
  EXPECT_EQ(status(text_message("zhangsan", "hi", "12a")), 400);
  EXPECT_EQ(status(text_message("zhang san", "hi", "1")), 400);
  EXPECT_EQ(status(text_message("zhangsan", "hi", "1", "-5")), 400);
  EXPECT_EQ(status("<xml><MsgType>text</MsgType><FromUserName>a</FromUserName><MsgId>1</MsgId></xml>"), 400);
  EXPECT_EQ(status("<xml><MsgType>text</MsgType><MsgType>event</MsgType></xml>"), 400);
  EXPECT_EQ(status("<xml><MsgType>text</MsgType>"), 400);
  EXPECT_EQ(status("not xml"), 400);
}

TEST(WecomAdapter, TheAdapterSetServesWecomFromTheConfig) {
  config::Config config;
  config.platforms.wecom["default"] = w1_instance("");
  const AdapterSet set = AdapterSet::from_config(config);
  const Adapter* adapter = set.find("wecom", "default");
  ASSERT_NE(adapter, nullptr);
  EXPECT_EQ(adapter->platform(), "wecom");
  EXPECT_EQ(adapter->instance(), "default");
}

TEST(WecomAdapter, ItSendsToItsOwnChatsOnly) {
  const WecomAdapter adapter(w1_instance());
  store::OutboxMessage message;
  message.chat = "wecom:@zhangsan";
  EXPECT_TRUE(adapter.can_send(message, 0));
  message.chat = "wecom:wrAppChat1";
  EXPECT_TRUE(adapter.can_send(message, 0));
  message.chat = "wecom.east:@zhangsan";
  EXPECT_FALSE(adapter.can_send(message, 0));
  message.chat = "wecom_bot:wrAppChat1";
  EXPECT_FALSE(adapter.can_send(message, 0));
  // The AI bot's private chats, which only the app can start.
  EXPECT_TRUE(adapter.relays_for("wecom_bot"));
  message.chat = "wecom_bot:@zhangsan";
  EXPECT_TRUE(adapter.can_send(message, 0));
  message.chat = "wecom_bot.east:@zhangsan";
  EXPECT_FALSE(adapter.can_send(message, 0));
  EXPECT_EQ(adapter.send_limits().per_chat.count, 20);
  EXPECT_EQ(adapter.send_limits().per_chat.period, std::chrono::minutes(1));
}

}  // namespace wecom_adapter_cases
}  // namespace
}  // namespace whistle::bot
