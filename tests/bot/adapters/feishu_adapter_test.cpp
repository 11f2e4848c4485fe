// The Feishu adapter's inbound face: the URL challenge, signatures, the replay window, decryption,
// the verification token, and im.message.receive_v1 payloads built from Feishu's documentation.
#include "bot/adapters/feishu_adapter.hpp"

#include <gtest/gtest.h>

#include <map>

#include <nlohmann/json.hpp>

#include "bot/adapters/adapter_set.hpp"
#include "bot/adapters/feishu_crypto.hpp"
#include "bot/event_digest.hpp"

namespace whistle::bot {
namespace {
namespace feishu_adapter_cases {

using nlohmann::json;

constexpr std::int64_t kNow = 1'764'000'000;
constexpr std::string_view kToken = "rvaYgkR8l2fxrFW4s6lTDcw5k8fbpHXw";
constexpr std::string_view kEncryptKey = "kL2d0aWRlLWtleS1mb3ItdGVzdHM";

class Headers final : public RequestHeaders {
 public:
  Headers() = default;
  explicit Headers(std::map<std::string, std::string> values) {
    for (auto& [name, value] : values)
      values_[lower(name)] = value;
  }
  std::string_view get(std::string_view name) const override {
    const auto it = values_.find(lower(name));
    return it == values_.end() ? std::string_view() : std::string_view(it->second);
  }

 private:
  static std::string lower(std::string_view text) {
    std::string out(text);
    for (char& c : out)
      c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
  }
  std::map<std::string, std::string> values_;
};

config::FeishuInstance instance(std::string encrypt_key = "", std::string name = "default") {
  config::FeishuInstance i;
  i.name = std::move(name);
  i.app_id = "cli_9f5343c580712544";
  i.app_secret = "secret-not-used-inbound";
  i.verification_token = std::string(kToken);
  i.encrypt_key = std::move(encrypt_key);
  i.api_base = "https://open.feishu.cn";
  return i;
}

config::BotConfig bot() {
  config::BotConfig b;
  b.names = {"吹哨"};
  b.ids = {"feishu:ou_botself00000000000000000000000"};
  return b;
}

// One message of the documentation's im.message.receive_v1 sample, with our own ids and text.
json receive_v1(std::string text_content, std::string message_type = "text", std::string chat_type = "group",
                json mentions = json::array()) {
  json message = {{"message_id", "om_5ce6d572455d361153b7cb51da133945"},
                  {"root_id", ""},
                  {"parent_id", ""},
                  {"create_time", std::to_string((kNow - 20) * 1000 + 345)},
                  {"update_time", std::to_string((kNow - 20) * 1000 + 345)},
                  {"chat_id", "oc_5ce6d572455d361153b7xx51da133945"},
                  {"thread_id", ""},
                  {"chat_type", chat_type},
                  {"message_type", message_type},
                  {"content", text_content},
                  {"user_agent", "Mozilla/5.0"}};
  if (!mentions.empty()) message["mentions"] = std::move(mentions);
  return json{{"schema", "2.0"},
              {"header",
               {{"event_id", "5e3702a84e847582be8db7fb73283c02"},
                {"event_type", "im.message.receive_v1"},
                {"create_time", std::to_string(kNow * 1000)},
                {"token", kToken},
                {"app_id", "cli_9f5343c580712544"},
                {"tenant_key", "2ca1d211f64f6438"}}},
              {"event",
               {{"sender",
                 {{"sender_id",
                   {{"union_id", "on_8ed6aa67826108097d9ee143816345"},
                    {"user_id", "e33ggbyz"},
                    {"open_id", "ou_84aad35d084aa403a838cf73ee18467"}}},
                  {"sender_type", "user"},
                  {"tenant_key", "736588c9260f175e"}}},
                {"message", std::move(message)}}}};
}

std::string text_content(std::string_view text) {
  return json{{"text", text}}.dump();
}

json mention(std::string key, std::string open_id, std::string name) {
  return json{{"key", std::move(key)},
              {"id", {{"union_id", "on_x"}, {"user_id", ""}, {"open_id", std::move(open_id)}}},
              {"name", std::move(name)},
              {"tenant_key", "736588c9260f175e"}};
}

Decoded run(const FeishuAdapter& adapter, const std::string& body, const Headers& headers = Headers(),
            std::int64_t now = kNow) {
  const InboundRequest request{"POST", "/hooks/feishu/default", body, headers, now};
  return adapter.inbound(request);
}

std::vector<InboundEvent> events_of(const Decoded& decoded) {
  if (const auto* error = std::get_if<HttpError>(&decoded)) {
    ADD_FAILURE() << "HTTP " << error->status << ": " << error->message;
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
  if (const auto* answer = std::get_if<HttpAnswer>(&decoded)) return answer->status;
  return 200;
}

// Signature headers for `body` as Feishu computes them.
Headers signed_headers(std::string_view body, std::int64_t timestamp = kNow,
                       std::string key = std::string(kEncryptKey)) {
  const std::string ts = std::to_string(timestamp);
  const std::string nonce = "13f8b5ab";
  return Headers({{"X-Lark-Request-Timestamp", ts},
                  {"X-Lark-Request-Nonce", nonce},
                  {"X-Lark-Signature", feishu_signature(ts, nonce, key, body)}});
}

std::string encrypted(std::string_view plaintext, std::string_view key = kEncryptKey) {
  return json{{"encrypt", FeishuCipher(key).encrypt(plaintext, std::string(16, 'i'))}}.dump();
}

TEST(FeishuChallenge, APlaintextChallengeIsAnsweredAtOnce) {
  const FeishuAdapter adapter(instance(), bot());
  const Decoded decoded =
      run(adapter,
          json{{"challenge", "ajls384kdjx98XX"}, {"token", kToken}, {"type", "url_verification"}}.dump());
  const auto* answer = std::get_if<HttpAnswer>(&decoded);
  ASSERT_NE(answer, nullptr);
  EXPECT_EQ(answer->status, 200);
  EXPECT_EQ(json::parse(answer->body), (json{{"challenge", "ajls384kdjx98XX"}}));
}

TEST(FeishuChallenge, AChallengeWithAnotherTokenIsRefused) {
  const FeishuAdapter adapter(instance(), bot());
  const Decoded decoded =
      run(adapter,
          json{{"challenge", "ajls384kdjx98XX"}, {"token", "wrong"}, {"type", "url_verification"}}.dump());
  EXPECT_EQ(status_of(decoded), 401);
}

TEST(FeishuChallenge, TheGoSdkEncryptedVectorIsAnsweredWithItsChallenge) {
  // platforms.md F2: encrypt key 1212121212, a url_verification whose schema 2.0 header token is "v".
  config::FeishuInstance settings = instance("1212121212");
  settings.verification_token = "v";
  const FeishuAdapter adapter(settings, bot());
  const std::string body =
      R"({"encrypt":"bZ3L7yh6m3Fkuffl4g+3uGjIHnhOm5fVZbKVuyT8t7tcd5ABMYm8l28/X900ZL3knZ7n+sCREu/H2WnIzft0amC7+xWqNH8o25IU63N4BnZWfHh+4hyG76QPd19vkw2bPJCx9aqxK8Nz+xqFNbk0RdgyWhmgd30jSxHtcQXAllkI7FMpGpOCteJad3bLXPDBQIV/xkCtKICCS7Z63gakpxZCLaRZ3qCXP1fapHh+LBIupxenrU6ysc7I3nHmjmKie41IiWwS5puG4zQHhVbq6KWLcgWm/3NBZOPQy53ucMu75SXA55I7jarVLZXWUcqBGrcgE3vouWbtwgZuzmoTQl0GSh5VYSVvpW992BuGxUWj0XjPYdICJm6Cr7xouNXwMcdb7N8caVdkdSZeEnswG19qSyDoQhklwzNGW0yiaayulBqJNjfge/G5V3401c2XaIuAeEIo+QQ4RSNpRGfnHkbu/j55FGQAGWjpuBNaIwZbaUoVP3NkGP+vM5rpEDe3sL2GN+Xsd+g9yBs7FqdMV8mXTGgLjCqjrPrke5/km76Q3Pe6KPs2YexMRG4MkSx3xUTzZnNn7zIzShPcjeSwBd2pxk6ht5N+fzueZdxl6Oo="})";
  // Feishu does not sign the challenge, so it comes without signature headers.
  const Decoded decoded = run(adapter, body);
  const auto* answer = std::get_if<HttpAnswer>(&decoded);
  ASSERT_NE(answer, nullptr) << status_of(decoded);
  EXPECT_EQ(json::parse(answer->body), (json{{"challenge", "1212"}}));
}

TEST(FeishuChallenge, AnEncryptedChallengeIsAnsweredSignedOrNot) {
  const FeishuAdapter adapter(instance(std::string(kEncryptKey)), bot());
  const std::string body =
      encrypted(json{{"challenge", "c-42"}, {"token", kToken}, {"type", "url_verification"}}.dump());
  for (const Headers& headers : {Headers(), signed_headers(body)}) {
    const Decoded decoded = run(adapter, body, headers);
    const auto* answer = std::get_if<HttpAnswer>(&decoded);
    ASSERT_NE(answer, nullptr) << status_of(decoded);
    EXPECT_EQ(json::parse(answer->body), (json{{"challenge", "c-42"}}));
  }
}

TEST(FeishuReceive, AGroupMessageBecomesTheBotsMessageWithItsMentionsResolved) {
  const FeishuAdapter adapter(instance(), bot());
  const json body =
      receive_v1(text_content("@_user_1 @_user_2 3号楼漏水了 请核实"), "text", "group",
                 json::array({mention("@_user_1", "ou_botself00000000000000000000000", "吹哨"),
                              mention("@_user_2", "ou_li00000000000000000000000000000", "李四")}));
  const std::vector<InboundEvent> events = events_of(run(adapter, body.dump()));
  ASSERT_EQ(events.size(), 1u);
  const InboundEvent& event = events[0];
  EXPECT_EQ(event.dedupe_key, "feishu:default:msg:om_5ce6d572455d361153b7cb51da133945");
  EXPECT_FALSE(event.replies_inline);
  EXPECT_EQ(event.received_at, kNow);
  const handlers::Message& message = event.message;
  EXPECT_EQ(message.chat, "feishu:oc_5ce6d572455d361153b7xx51da133945");
  EXPECT_FALSE(message.is_private);
  EXPECT_EQ(message.sender, "feishu:ou_84aad35d084aa403a838cf73ee18467");
  EXPECT_EQ(message.text, "@李四 3号楼漏水了 请核实");
  EXPECT_EQ(message.mentions, std::vector<std::string>{"feishu:ou_li00000000000000000000000000000"});
  EXPECT_TRUE(message.mentions_bot);
  EXPECT_EQ(message.at, kNow - 20);
  EXPECT_TRUE(message.attachments.empty());
  EXPECT_EQ(event.digest, event_digest(message));
}

TEST(FeishuReceive, OneMessageUnderTwoEventIdsIsOneEvent) {
  // platforms.md 2.5: Feishu may deliver a message again under a new event_id. Keyed by the
  // event it opened two urgent tickets and alerted the leader twice.
  const FeishuAdapter adapter(instance(), bot());
  json again = receive_v1(text_content("@_user_1 报事 2号电梯困人了"));
  again["header"]["event_id"] = "0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f";
  const std::vector<InboundEvent> first = events_of(run(adapter, receive_v1(text_content("报事")).dump()));
  const std::vector<InboundEvent> second = events_of(run(adapter, again.dump()));
  ASSERT_EQ(first.size(), 1u);
  ASSERT_EQ(second.size(), 1u);
  EXPECT_EQ(first[0].dedupe_key, second[0].dedupe_key);
}

TEST(FeishuReceive, AMentionedNameWithASpaceIsOneMentionAndNamesThePerson) {
  const FeishuAdapter adapter(instance(), bot());
  const json body = receive_v1(text_content("加分 @_user_1 5 帮忙搬家具"), "text", "group",
                               json::array({mention("@_user_1", "ou_zhang", "张 三")}));
  const std::vector<InboundEvent> events = events_of(run(adapter, body.dump()));
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].message.text, "加分 @张三 5 帮忙搬家具");
  EXPECT_EQ(events[0].message.mention_names.at("feishu:ou_zhang"), "张 三");
}

TEST(FeishuReceive, TheBotIsKnownByItsNameWhenItsOpenIdIsNotConfigured) {
  config::BotConfig named;
  named.names = {"吹哨"};
  const FeishuAdapter adapter(instance(), named);
  const json body = receive_v1(text_content("@_user_1 报到"), "text", "group",
                               json::array({mention("@_user_1", "ou_unknownbot", "吹哨")}));
  const std::vector<InboundEvent> events = events_of(run(adapter, body.dump()));
  ASSERT_EQ(events.size(), 1u);
  EXPECT_TRUE(events[0].message.mentions_bot);
  EXPECT_EQ(events[0].message.text, "报到");
  EXPECT_TRUE(events[0].message.mentions.empty());
}

TEST(FeishuReceive, PlaceholderOneDoesNotEatTheFrontOfPlaceholderTen) {
  const FeishuAdapter adapter(instance(), bot());
  json mentions = json::array();
  for (int i = 1; i <= 10; ++i)
    mentions.push_back(
        mention("@_user_" + std::to_string(i), "ou_p" + std::to_string(i), "人" + std::to_string(i)));
  const json body = receive_v1(text_content("@_user_10 和 @_user_1 和 @_all"), "text", "group", mentions);
  const std::vector<InboundEvent> events = events_of(run(adapter, body.dump()));
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].message.text, "@人10 和 @人1 和 @所有人");
  EXPECT_EQ(events[0].message.mentions.size(), 10u);
  EXPECT_FALSE(events[0].message.mentions_bot);
}

TEST(FeishuReceive, AP2pMessageIsThePrivateChatOfItsSender) {
  const FeishuAdapter adapter(instance({}, "ops"), bot());
  const json body = receive_v1(text_content("积分"), "text", "p2p");
  const std::vector<InboundEvent> events = events_of(run(adapter, body.dump()));
  ASSERT_EQ(events.size(), 1u);
  EXPECT_TRUE(events[0].message.is_private);
  EXPECT_EQ(events[0].message.sender, "feishu.ops:ou_84aad35d084aa403a838cf73ee18467");
  EXPECT_EQ(events[0].message.chat, "feishu.ops:@ou_84aad35d084aa403a838cf73ee18467");
  EXPECT_EQ(events[0].dedupe_key, "feishu:ops:msg:om_5ce6d572455d361153b7cb51da133945");
}

TEST(FeishuReceive, AnImageIsAnAttachmentAtTheResourceApi) {
  const FeishuAdapter adapter(instance(), bot());
  const json body =
      receive_v1(json{{"image_key", "img_v2_041b28e3-5680-48c2-9af2-497ace79333g"}}.dump(), "image");
  const std::vector<InboundEvent> events = events_of(run(adapter, body.dump()));
  ASSERT_EQ(events.size(), 1u);
  ASSERT_EQ(events[0].message.attachments.size(), 1u);
  EXPECT_EQ(events[0].message.attachments[0].type, "image");
  EXPECT_EQ(events[0].message.attachments[0].url,
            "https://open.feishu.cn/open-apis/im/v1/messages/om_5ce6d572455d361153b7cb51da133945/resources/"
            "img_v2_041b28e3-5680-48c2-9af2-497ace79333g?type=image");
  EXPECT_EQ(events[0].message.text, "");
}

TEST(FeishuReceive, RichTextGivesItsTextPartsLineByLineAndItsImages) {
  const FeishuAdapter adapter(instance(), bot());
  const json post = {
      {"title", "报修"},
      {"content",
       json::array({json::array({{{"tag", "at"}, {"user_id", "@_user_1"}, {"user_name", ""}},
                                 {{"tag", "text"}, {"text", " 3号楼 "}, {"style", json::array({"bold"})}},
                                 {{"tag", "a"}, {"href", "http://www.feishu.cn"}, {"text", "照片"}}}),
                    json::array({{{"tag", "img"}, {"image_key", "img_47354fbc-a159"}}}),
                    json::array({{{"tag", "emotion"}, {"emoji_type", "SMILE"}},
                                 {{"tag", "text"}, {"text", "楼道灯坏了"}}})})}};
  const json body =
      receive_v1(post.dump(), "post", "group",
                 json::array({mention("@_user_1", "ou_botself00000000000000000000000", "吹哨")}));
  const std::vector<InboundEvent> events = events_of(run(adapter, body.dump()));
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].message.text, "报修\n3号楼 照片\n楼道灯坏了");
  EXPECT_TRUE(events[0].message.mentions_bot);
  ASSERT_EQ(events[0].message.attachments.size(), 1u);
  EXPECT_EQ(events[0].message.attachments[0].type, "image");
}

TEST(FeishuReceive, TheBotsOwnMessagesAndOtherEventsGiveNoEvent) {
  const FeishuAdapter adapter(instance(), bot());
  json from_app = receive_v1(text_content("已通知"));
  from_app["event"]["sender"]["sender_type"] = "app";
  EXPECT_TRUE(events_of(run(adapter, from_app.dump())).empty());
  json from_self = receive_v1(text_content("已通知"));
  from_self["event"]["sender"]["sender_id"]["open_id"] = "ou_botself00000000000000000000000";
  EXPECT_TRUE(events_of(run(adapter, from_self.dump())).empty());
  json read = receive_v1(text_content("x"));
  read["header"]["event_type"] = "im.message.message_read_v1";
  EXPECT_TRUE(events_of(run(adapter, read.dump())).empty());
  EXPECT_TRUE(events_of(run(adapter, receive_v1(json{{"file_key", "x"}}.dump(), "sticker").dump())).empty());
  EXPECT_EQ(json::parse(adapter.acknowledge({}).body), (json{{"msg", "success"}}));
}

TEST(FeishuReceive, ARedeliveryHasTheSameKeyAndDigest) {
  const FeishuAdapter adapter(instance(), bot());
  const std::string body = receive_v1(text_content("报到 12")).dump();
  const std::vector<InboundEvent> first = events_of(run(adapter, body));
  // Feishu retries 15 s, 5 min, 1 h, 6 h later: the key and the digest do not depend on when.
  const std::vector<InboundEvent> again = events_of(run(adapter, body, Headers(), kNow + 3600));
  ASSERT_EQ(first.size(), 1u);
  ASSERT_EQ(again.size(), 1u);
  EXPECT_EQ(first[0].dedupe_key, again[0].dedupe_key);
  EXPECT_EQ(first[0].digest, again[0].digest);
}

TEST(FeishuReceive, AWrongVerificationTokenIsRefused) {
  const FeishuAdapter adapter(instance(), bot());
  json body = receive_v1(text_content("报到"));
  body["header"]["token"] = "not-the-token";
  EXPECT_EQ(status_of(run(adapter, body.dump())), 401);
  body["header"].erase("token");
  EXPECT_EQ(status_of(run(adapter, body.dump())), 401);
}

TEST(FeishuReceive, MalformedEventsAreRefusedWith400) {
  const FeishuAdapter adapter(instance(), bot());
  EXPECT_EQ(status_of(run(adapter, "{not json")), 400);
  json no_chat = receive_v1(text_content("x"));
  no_chat["event"]["message"].erase("chat_id");
  EXPECT_EQ(status_of(run(adapter, no_chat.dump())), 400);
  json bad_content = receive_v1("{\"text\": ");
  EXPECT_EQ(status_of(run(adapter, bad_content.dump())), 400);
}

TEST(FeishuSigned, ASignedEncryptedEventIsDecoded) {
  const FeishuAdapter adapter(instance(std::string(kEncryptKey)), bot());
  const std::string body = encrypted(receive_v1(text_content("报到 3")).dump());
  const std::vector<InboundEvent> events = events_of(run(adapter, body, signed_headers(body)));
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].message.text, "报到 3");
}

TEST(FeishuSigned, ABadSignatureIsRefusedBeforeTheBodyIsRead) {
  const FeishuAdapter adapter(instance(std::string(kEncryptKey)), bot());
  const std::string body = encrypted(receive_v1(text_content("报到 3")).dump());
  // Signed with another key; and a body that is not even JSON gets the same 401, not a 400.
  EXPECT_EQ(status_of(run(adapter, body, signed_headers(body, kNow, "other key"))), 401);
  EXPECT_EQ(status_of(run(adapter, "\x01not json", signed_headers(body))), 401);
  // Incomplete headers.
  EXPECT_EQ(
      status_of(run(adapter, body, Headers(std::map<std::string, std::string>{{"X-Lark-Signature", "00"}}))),
      401);
}

TEST(FeishuSigned, AStaleOrFutureTimestampIsRefused) {
  const FeishuAdapter adapter(instance(std::string(kEncryptKey)), bot());
  const std::string body = encrypted(receive_v1(text_content("报到 3")).dump());
  const std::int64_t window = FeishuAdapter::kReplayWindowSeconds;
  EXPECT_EQ(status_of(run(adapter, body, signed_headers(body, kNow - window - 1))), 401);
  EXPECT_EQ(status_of(run(adapter, body, signed_headers(body, kNow + window + 1))), 401);
  EXPECT_EQ(status_of(run(adapter, body, signed_headers(body, kNow - window))), 200);
  EXPECT_EQ(status_of(run(adapter, body, signed_headers(body, kNow + window))), 200);
}

TEST(FeishuSigned, AnUnsignedEventIsRefusedWhenTheAppSigns) {
  const FeishuAdapter adapter(instance(std::string(kEncryptKey)), bot());
  const std::string body = encrypted(receive_v1(text_content("报到 3")).dump());
  EXPECT_EQ(status_of(run(adapter, body)), 401);
}

TEST(FeishuSigned, AnUndecryptableBodyIsRefusedWith400) {
  const FeishuAdapter adapter(instance(std::string(kEncryptKey)), bot());
  const std::vector<std::string> bodies = {
      encrypted(receive_v1(text_content("x")).dump(), "another key"),  // wrong key: padding fails
      json{{"encrypt", "!!!not base64!!!"}}.dump(), json{{"encrypt", 12}}.dump(),
      receive_v1(text_content("x")).dump(),  // plaintext although the app encrypts
  };
  for (const std::string& body : bodies)
    EXPECT_EQ(status_of(run(adapter, body, signed_headers(body))), 400) << body;
}

TEST(FeishuAdapterSet, EachConfiguredAppIsReachedAtItsRouteAndSendsForItsChats) {
  config::Config config;
  config.platforms.feishu["default"] = instance();
  config.platforms.feishu["ops"] = instance({}, "ops");
  const AdapterSet set = AdapterSet::from_config(config);
  ASSERT_NE(set.find("feishu", "default"), nullptr);
  ASSERT_NE(set.find("feishu", "ops"), nullptr);
  EXPECT_EQ(set.find("feishu", "ops")->instance(), "ops");
  store::OutboxMessage to_ops;
  to_ops.chat = "feishu.ops:oc_1";
  EXPECT_EQ(set.sender_for(to_ops, kNow), set.find("feishu", "ops"));
  store::OutboxMessage to_person;
  to_person.chat = "feishu:@ou_1";
  EXPECT_EQ(set.sender_for(to_person, kNow), set.find("feishu", "default"));
}

}  // namespace feishu_adapter_cases
}  // namespace
}  // namespace whistle::bot
