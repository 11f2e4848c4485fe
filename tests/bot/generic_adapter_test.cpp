#include "bot/adapters/generic_adapter.hpp"

#include <map>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "bot/adapters/message_time.hpp"
#include "bot/adapters/untrusted_text.hpp"
#include "bot/crypto/hmac.hpp"

namespace whistle::bot {
namespace {

using nlohmann::json;

// JSON in these tests is written as text and parsed: building it from short C string literals
// trips a g++ 12 false -Warray-bounds inside nlohmann's JSON_DIAGNOSTICS code.

// Four minutes after the contract example's ts: within the window in which a ts is believed.
constexpr std::int64_t kReceivedAt = 1'763'888'160;

class MapHeaders final : public RequestHeaders {
 public:
  std::map<std::string, std::string> values;
  std::string_view get(std::string_view name) const override {
    for (const auto& [key, value] : values) {
      if (key.size() == name.size() && std::equal(key.begin(), key.end(), name.begin(), [](char a, char b) {
            return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
          })) {
        return value;
      }
    }
    return {};
  }
};

class GenericAdapterTest : public ::testing::Test {
 protected:
  GenericAdapter adapter{config::GenericInstance{"default", "s3cret", "http://127.0.0.1:9/deliver"}};

  // Signs the body as a bridge would and runs the adapter's inbound steps.
  Decoded receive(const std::string& body, std::optional<std::string> signature = std::nullopt) {
    MapHeaders headers;
    headers.values["x-whistle-signature"] =
        signature ? *signature : "sha256=" + HmacSha256("s3cret").hex_digest(body);
    body_ = body;
    return adapter.inbound(InboundRequest{"POST", "/hooks/generic/default", body_, headers, kReceivedAt});
  }

  InboundEvent receive_event(const json& body) {
    Decoded decoded = receive(body.dump());
    if (auto* error = std::get_if<HttpError>(&decoded))
      ADD_FAILURE() << error->status << " " << error->message;
    auto* events = std::get_if<std::vector<InboundEvent>>(&decoded);
    if (events == nullptr || events->size() != 1) {
      ADD_FAILURE() << "expected one event";
      return {};
    }
    return events->front();
  }

  HttpError receive_error(const std::string& body, std::optional<std::string> signature = std::nullopt) {
    Decoded decoded = receive(body, std::move(signature));
    auto* error = std::get_if<HttpError>(&decoded);
    if (error == nullptr) {
      ADD_FAILURE() << "expected an error for " << body;
      return {};
    }
    return *error;
  }

  std::string body_;
};

TEST_F(GenericAdapterTest, DecodesTheContractExampleWithQualifiedIds) {
  const InboundEvent event =
      receive_event(json::parse(R"({"id": "m-1001", "chat": "b3u2", "chat_title": "3号楼2单元群",
      "from": "u-zhang", "name": "张三", "text": "报到 12", "ts": 1763888400, "mentions": ["u-li"],
      "location": {"lat": 33.62, "lon": 114.65}})"));
  EXPECT_EQ(event.dedupe_key, "generic:default:m-1001");
  EXPECT_TRUE(event.replies_inline);
  const handlers::Message& message = event.message;
  EXPECT_EQ(message.chat, "generic:b3u2");
  EXPECT_EQ(message.chat_title, "3号楼2单元群");
  EXPECT_FALSE(message.is_private);
  EXPECT_EQ(message.sender, "generic:u-zhang");
  EXPECT_EQ(message.sender_name, "张三");
  EXPECT_EQ(message.text, "报到 12");
  EXPECT_EQ(message.at, 1763888400);
  EXPECT_EQ(message.mentions, std::vector<std::string>{"generic:u-li"});
  ASSERT_TRUE(message.location);
  EXPECT_DOUBLE_EQ(message.location->lat, 33.62);
  EXPECT_DOUBLE_EQ(message.location->lon, 114.65);
  EXPECT_FALSE(message.mentions_bot);
}

TEST(GenericAdapterInstance, IdsSeenThroughAnotherInstanceNameIt) {
  // Two bridges may both call a chat "b3u2": through `lab` it is "generic.lab:b3u2", so the two
  // never collide and replies leave through the bridge the chat came in on.
  GenericAdapter lab{config::GenericInstance{"lab", "s3cret", "http://127.0.0.1:9/deliver"}};
  MapHeaders headers;
  const std::string body =
      R"({"id": "m-1", "chat": "b3u2", "from": "u-zhang", "text": "报到", "mentions": ["u-li"]})";
  headers.values["x-whistle-signature"] = "sha256=" + HmacSha256("s3cret").hex_digest(body);
  Decoded decoded = lab.inbound(InboundRequest{"POST", "/hooks/generic/lab", body, headers, kReceivedAt});
  auto* events = std::get_if<std::vector<InboundEvent>>(&decoded);
  ASSERT_TRUE(events != nullptr && events->size() == 1);
  const handlers::Message& message = events->front().message;
  EXPECT_EQ(message.chat, "generic.lab:b3u2");
  EXPECT_EQ(message.sender, "generic.lab:u-zhang");
  EXPECT_EQ(message.mentions, std::vector<std::string>{"generic.lab:u-li"});
  EXPECT_EQ(events->front().dedupe_key, "generic:lab:m-1");
  // A private message is the conversation with that instance's person.
  const std::string private_body = R"({"id": "m-2", "chat": "@u-zhang", "from": "u-zhang", "text": "积分"})";
  headers.values["x-whistle-signature"] = "sha256=" + HmacSha256("s3cret").hex_digest(private_body);
  decoded = lab.inbound(InboundRequest{"POST", "/hooks/generic/lab", private_body, headers, kReceivedAt});
  events = std::get_if<std::vector<InboundEvent>>(&decoded);
  ASSERT_TRUE(events != nullptr && events->size() == 1);
  EXPECT_EQ(events->front().message.chat, "generic.lab:@u-zhang");
}

TEST_F(GenericAdapterTest, WithoutTsTheMessageTakesTheReceiveTime) {
  const InboundEvent event =
      receive_event(json::parse(R"({"id": "m-1", "chat": "b3u2", "from": "u-zhang", "text": "1"})"));
  EXPECT_EQ(event.message.at, kReceivedAt);
}

TEST_F(GenericAdapterTest, NumericIdIsTakenAsItsDecimalText) {
  const InboundEvent event =
      receive_event(json::parse(R"({"id": 42, "chat": "b3u2", "from": "u-zhang", "text": "1"})"));
  EXPECT_EQ(event.dedupe_key, "generic:default:42");
}

TEST_F(GenericAdapterTest, PrivateChatIsTheConversationWithTheSender) {
  const InboundEvent event = receive_event(json::parse(
      R"({"id": "p-1", "chat": "u-zhang", "chat_type": "private", "from": "u-zhang", "text": "积分"})"));
  EXPECT_TRUE(event.message.is_private);
  EXPECT_EQ(event.message.chat, "generic:@u-zhang");

  const InboundEvent by_id =
      receive_event(json::parse(R"({"id": "p-2", "chat": "@u-zhang", "from": "u-zhang", "text": "积分"})"));
  EXPECT_TRUE(by_id.message.is_private);
  EXPECT_EQ(by_id.message.chat, "generic:@u-zhang");
}

TEST_F(GenericAdapterTest, MentioningTheBotByNameSetsMentionsBot) {
  const InboundEvent event = receive_event(json::parse(
      R"({"id": "m-2", "chat": "b3u2", "from": "u-zhang", "text": "在吗", "mentions": ["whistle", "@u-li"]})"));
  EXPECT_TRUE(event.message.mentions_bot);
  EXPECT_EQ(event.message.mentions, std::vector<std::string>{"generic:u-li"});
}

TEST_F(GenericAdapterTest, AReplyToTheBotsMessageIsCarriedOnTheMessage) {
  const InboundEvent reply = receive_event(json::parse(
      R"({"id": "m-3", "chat": "b3u2", "from": "u-zhang", "text": "好的", "reply_to": "bot-msg 7"})"));
  EXPECT_EQ(reply.message.reply_to, "bot-msg 7");
  EXPECT_FALSE(reply.message.mentions_bot);
  for (const char* body :
       {R"({"id": "m-4", "chat": "b3u2", "from": "u-zhang", "text": "好的"})",
        R"({"id": "m-5", "chat": "b3u2", "from": "u-zhang", "text": "好的", "reply_to": null})"}) {
    EXPECT_TRUE(receive_event(json::parse(body)).message.reply_to.empty()) << body;
  }
}

TEST_F(GenericAdapterTest, AReplyToThatIsNoUsableIdIsRefusedByName) {
  const json full = json::parse(R"({"id": "m-1", "chat": "b3u2", "from": "u-zhang", "text": "1"})");
  for (const char* value :
       {"12", "true", "[\"m-1\"]", R"({"id": "m-1"})", R"("")", R"("m-1\nINFO forged")"}) {
    json body = full;
    body["reply_to"] = json::parse(value);
    const HttpError error = receive_error(body.dump());
    EXPECT_EQ(error.status, 400) << value;
    EXPECT_TRUE(error.message.starts_with("\"reply_to\"")) << error.message;
  }
  json body = full;
  body["reply_to"] = std::string(200, 'x');
  EXPECT_EQ(receive_error(body.dump()).status, 400);
}

TEST_F(GenericAdapterTest, MissingOrWrongSignatureIsUnauthorized) {
  const std::string body = R"({"id":"m-1","chat":"b3u2","from":"u-zhang","text":"1"})";
  EXPECT_EQ(receive_error(body, "").status, 401);
  EXPECT_EQ(receive_error(body, "sha256=" + std::string(64, '0')).status, 401);
  EXPECT_EQ(receive_error(body, HmacSha256("s3cret").hex_digest(body)).status, 401);  // no "sha256=" prefix
  EXPECT_EQ(receive_error(body, "sha256=" + HmacSha256("other").hex_digest(body)).status, 401);
  // A valid signature of another body does not carry over.
  EXPECT_EQ(receive_error(body, "sha256=" + HmacSha256("s3cret").hex_digest(body + " ")).status, 401);
}

TEST_F(GenericAdapterTest, SignatureIsCheckedBeforeTheBodyIsRead) {
  EXPECT_EQ(receive_error("not json", "sha256=00").status, 401);
}

TEST_F(GenericAdapterTest, MalformedJsonIsABadRequest) {
  const HttpError error = receive_error(R"({"id": "m-1", "chat": )");
  EXPECT_EQ(error.status, 400);
  EXPECT_EQ(error.message, "malformed JSON");
  EXPECT_EQ(receive_error("[1, 2]").status, 400);
}

TEST_F(GenericAdapterTest, EachMissingRequiredFieldIsNamed) {
  const json full = json::parse(R"({"id": "m-1", "chat": "b3u2", "from": "u-zhang", "text": "1"})");
  for (const char* field : {"id", "chat", "from", "text"}) {
    json body = full;
    body.erase(field);
    const HttpError error = receive_error(body.dump());
    EXPECT_EQ(error.status, 400) << field;
    EXPECT_EQ(error.message, "\"" + std::string(field) + "\" is required") << field;
  }
}

TEST_F(GenericAdapterTest, IllTypedFieldsAreRefusedByName) {
  const json full = json::parse(R"({"id": "m-1", "chat": "b3u2", "from": "u-zhang", "text": "1"})");
  const std::vector<std::pair<std::string, std::string>> cases = {{"id", "1.5"},
                                                                  {"id", "[]"},
                                                                  {"chat", "12"},
                                                                  {"from", "true"},
                                                                  {"text", "5"},
                                                                  {"name", "3"},
                                                                  {"chat_title", "1"},
                                                                  {"ts", R"("yesterday")"},
                                                                  {"mentions", R"("u-li")"},
                                                                  {"mentions", "[1, 2]"},
                                                                  {"location", R"("here")"},
                                                                  {"location", R"({"lat": 1})"},
                                                                  {"chat_type", R"("channel")"}};
  for (const auto& [field, value] : cases) {
    json body = full;
    body[field] = json::parse(value);
    const HttpError error = receive_error(body.dump());
    EXPECT_EQ(error.status, 400) << field << "=" << value;
    EXPECT_TRUE(error.message.starts_with("\"" + field + "\"")) << error.message;
  }
}

TEST_F(GenericAdapterTest, ARepeatedKeyIsRefusedRatherThanTakingTheLast) {
  const HttpError error = receive_error(
      R"({"id": "m-1", "chat": "b3u2", "from": "u-li", "from": "u-zhang", "text": "吹哨 扫地 3人"})");
  EXPECT_EQ(error.status, 400);
  EXPECT_NE(error.message.find("\"from\""), std::string::npos) << error.message;
  EXPECT_EQ(receive_error(R"({"id": "m-1", "chat": "b3u2", "from": "u-li", "text": "1",
      "location": {"lat": 1, "lat": 2, "lon": 3}})")
                .status,
            400);
  // The same key in two different objects is no repetition.
  const InboundEvent event = receive_event(json::parse(R"({"id": "m-1", "chat": "b3u2", "from": "u-li",
      "text": "1", "location": {"lat": 1, "lon": 2}, "lat": 5})"));
  EXPECT_TRUE(event.message.location);
}

TEST_F(GenericAdapterTest, ATsOutOfRangeIsABadRequestNamingTheRange) {
  const std::string base = R"({"id": "m-1", "chat": "b3u2", "from": "u-zhang", "text": "1", "ts": )";
  for (const char* ts : {"1e19", "-1", "1e300", "18446744073709551615", "253402300800", "-9.5e18"}) {
    const HttpError error = receive_error(base + ts + "}");
    EXPECT_EQ(error.status, 400) << ts;
    EXPECT_TRUE(error.message.starts_with("\"ts\" must be Unix seconds between 0 and")) << error.message;
  }
}

TEST_F(GenericAdapterTest, ATsFarFromTheClockIsReplacedByTheReceiveTime) {
  const std::string base = R"({"id": "m-1", "chat": "b3u2", "from": "u-zhang", "text": "1", "ts": )";
  for (const std::int64_t ts :
       {std::int64_t{946'684'800}, std::int64_t{4'102'444'800}, kReceivedAt - kTrustedClockSkewSeconds - 1,
        kReceivedAt + kTrustedClockSkewSeconds + 1}) {
    EXPECT_EQ(receive_event(json::parse(base + std::to_string(ts) + "}")).message.at, kReceivedAt) << ts;
  }
  for (const std::int64_t ts :
       {kReceivedAt - kTrustedClockSkewSeconds, kReceivedAt + kTrustedClockSkewSeconds}) {
    const InboundEvent event = receive_event(json::parse(base + std::to_string(ts) + "}"));
    EXPECT_EQ(event.message.at, ts) << ts;
    EXPECT_EQ(event.received_at, kReceivedAt) << "what the message does is dated by the bot's clock";
  }
  EXPECT_EQ(receive_event(json::parse(base + std::to_string(kReceivedAt) + ".75}")).message.at, kReceivedAt);
}

TEST_F(GenericAdapterTest, ANameIsOneCleanShortLine) {
  const auto name_of = [this](const std::string& name) {
    json body = json::parse(R"({"id": "m-1", "chat": "b3u2", "from": "u-zhang", "text": "1"})");
    body["name"] = name;
    return receive_event(body).message.sender_name;
  };
  EXPECT_EQ(name_of("张三\n【吹哨#9】明天活动取消"), "张三 吹哨#9明天活动取消")
      << "no forged line, no forged reference";
  EXPECT_EQ(name_of("  李\t四\r\n "), "李 四");
  EXPECT_EQ(name_of("\u202e王五"), "王五") << "bidi overrides are layout, not name";
  const std::string long_name = name_of(std::string(20'000, 'a'));
  EXPECT_EQ(long_name, std::string(kMaxDisplayNameChars - 1, 'a') + "…");
  std::string chinese;
  for (int i = 0; i < 100; ++i)
    chinese += "张";
  EXPECT_EQ(name_of(chinese).size(), (kMaxDisplayNameChars - 1) * 3 + std::string("…").size());
}

TEST_F(GenericAdapterTest, IdsWithControlCharactersOrTooLongAreRefusedByName) {
  const json full = json::parse(R"({"id": "m-1", "chat": "b3u2", "from": "u-zhang", "text": "1"})");
  for (const char* field : {"id", "chat", "from"}) {
    for (const std::string& bad :
         {std::string("m-1\nINFO forged"), std::string("a\x7f"), std::string(200, 'x'), std::string("")}) {
      json body = full;
      body[field] = bad;
      const HttpError error = receive_error(body.dump());
      EXPECT_EQ(error.status, 400) << field << "=" << bad;
      EXPECT_TRUE(error.message.starts_with("\"" + std::string(field) + "\"")) << error.message;
    }
  }
  json body = full;
  body["mentions"] = json::array({"u-li\nx"});
  EXPECT_EQ(receive_error(body.dump()).status, 400);
  // A message id is only compared, so a bridge's "2026-12-01 10:00#5" is fine; a person's is not.
  body = full;
  body["id"] = "2026-12-01 10:00#5";
  EXPECT_EQ(receive_event(body).dedupe_key, "generic:default:2026-12-01 10:00#5");
  body = full;
  body["from"] = "u zhang";
  EXPECT_EQ(receive_error(body.dump()).status, 400);
}

TEST_F(GenericAdapterTest, TheBotsOwnMessagesAreAcknowledgedWithoutAnEvent) {
  for (const char* self : {"whistle", "Whistle", "bot", "吹哨", "吹哨助手"}) {
    json body = json::parse(R"({"id": "m-1", "chat": "b3u2", "text": "【吹哨#1】已报到 1/5"})");
    body["from"] = self;
    Decoded decoded = receive(body.dump());
    auto* events = std::get_if<std::vector<InboundEvent>>(&decoded);
    ASSERT_NE(events, nullptr) << self;
    EXPECT_TRUE(events->empty()) << self;
  }
}

TEST_F(GenericAdapterTest, ConfiguredBotIdsAndNamesAreTheBotsOwn) {
  const GenericAdapter configured(config::GenericInstance{"default", "s3cret", ""},
                                  config::BotConfig{.names = {"社区小帮手"}, .ids = {"generic:helper-9"}});
  MapHeaders headers;
  const auto decode = [&](const std::string& body) {
    headers.values["x-whistle-signature"] = "sha256=" + HmacSha256("s3cret").hex_digest(body);
    return configured.inbound(InboundRequest{"POST", "/hooks/generic/default", body, headers, kReceivedAt});
  };
  const std::string own = R"({"id": "m-1", "chat": "b3u2", "from": "helper-9", "text": "好的"})";
  Decoded from_bot = decode(own);
  ASSERT_TRUE(std::holds_alternative<std::vector<InboundEvent>>(from_bot));
  EXPECT_TRUE(std::get<std::vector<InboundEvent>>(from_bot).empty());

  const std::string mention = R"({"id": "m-2", "chat": "b3u2", "from": "u-zhang", "text": "在吗",
      "mentions": ["社区小帮手"], "name": "社区小帮手"})";
  Decoded addressed = decode(mention);
  const auto& events = std::get<std::vector<InboundEvent>>(addressed);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_TRUE(events.front().message.mentions_bot);
  EXPECT_TRUE(events.front().message.sender_name.empty()) << "a person is never called by the bot's name";
}

TEST_F(GenericAdapterTest, ANameThatWouldReadAsTheBotInAReplyIsDropped) {
  // A reply begins "@<name>"; the parser must not take that for a mention of the bot.
  for (const char* name :
       {"机器人", "ｗｈｉｓｔｌｅ", "ＢＯＴ", "吹哨助手\u200b", "bot\u200d", "吹哨。", "Whistle"}) {
    json body = json::parse(R"({"id": "m-1", "chat": "b3u2", "from": "u-zhang", "text": "1"})");
    body["name"] = name;
    EXPECT_EQ(receive_event(body).message.sender_name, "") << name;
  }
  json body =
      json::parse(R"({"id": "m-1", "chat": "b3u2", "from": "u-zhang", "text": "1", "name": "botanist"})");
  EXPECT_EQ(receive_event(body).message.sender_name, "botanist") << "an ASCII name needs its boundary";
}

TEST_F(GenericAdapterTest, AMentionOfAnyNameTheParserTakesForTheBotAddressesIt) {
  for (const char* name : {"机器人", "ｗｈｉｓｔｌｅ", "吹哨助手"}) {
    json body = json::parse(R"({"id": "m-1", "chat": "b3u2", "from": "u-zhang", "text": "在吗"})");
    body["mentions"] = json::array({name});
    const InboundEvent event = receive_event(body);
    EXPECT_TRUE(event.message.mentions_bot) << name;
    EXPECT_TRUE(event.message.mentions.empty()) << name;
  }
}

TEST_F(GenericAdapterTest, AttachmentsAreReadAndChecked) {
  const InboundEvent event = receive_event(json::parse(R"({"id": "m-1", "chat": "b3u2", "from": "u-zhang",
      "text": "", "attachments": [{"type": "image", "url": "https://example.cn/p/1.jpg"}]})"));
  ASSERT_EQ(event.message.attachments.size(), 1u);
  EXPECT_EQ(event.message.attachments[0].type, "image");
  EXPECT_EQ(event.message.attachments[0].url, "https://example.cn/p/1.jpg");
  const std::string base = R"({"id": "m-1", "chat": "b3u2", "from": "u-zhang", "text": "", "attachments": )";
  for (const char* bad : {R"("zz")", R"([1])", R"([{"type": "image"}])", R"([{"type": "", "url": "u"}])",
                          R"([{"type": "image", "url": "a\nb"}])", R"([{"type": 1, "url": "u"}])"}) {
    const HttpError error = receive_error(base + bad + "}");
    EXPECT_EQ(error.status, 400) << bad;
    EXPECT_TRUE(error.message.starts_with("\"attachments\"")) << error.message;
  }
}

TEST_F(GenericAdapterTest, TheDigestTellsARedeliveryFromAnotherMessage) {
  const json first = json::parse(R"({"id": "m-1", "chat": "b3u2", "from": "u-zhang", "text": "报到 1",
      "ts": 1763888400, "name": "张三"})");
  json restamped = first;
  restamped["ts"] = 1763888401;
  restamped["name"] = "张三丰";
  EXPECT_EQ(receive_event(first).digest, receive_event(restamped).digest);
  for (const auto& [field, value] : std::vector<std::pair<std::string, json>>{
           {"chat", "g1"},
           {"from", "u-li"},
           {"text", "报到 2"},
           {"mentions", json::array({"u-li"})},
           {"location", json::parse(R"({"lat": 1, "lon": 2})")},
           {"attachments", json::parse(R"([{"type": "image", "url": "https://example.cn/2.jpg"}])")}}) {
    json other = first;
    other[field] = value;
    EXPECT_NE(receive_event(first).digest, receive_event(other).digest) << field;
  }
  // reply_to is not part of the event's identity (design.md: the 409 contract names the fields).
  json replying = first;
  replying["reply_to"] = "bot-1";
  EXPECT_EQ(receive_event(first).digest, receive_event(replying).digest);
}

TEST_F(GenericAdapterTest, AcknowledgementCarriesUnprefixedReplies) {
  EventOutcome outcome;
  outcome.inline_replies.push_back({"generic:b3u2", "【吹哨#1】已报到 1/5", {"generic:u-zhang"}});
  outcome.inline_replies.push_back({"generic:@u-zhang", "私聊", {}});
  const HttpAnswer answer = adapter.acknowledge(std::span<const EventOutcome>(&outcome, 1));
  EXPECT_EQ(answer.status, 200);
  const json body = json::parse(answer.body);
  EXPECT_EQ(body, json::parse(R"({"ok": true, "replies": [
      {"chat": "b3u2", "text": "【吹哨#1】已报到 1/5", "mentions": ["u-zhang"]},
      {"chat": "@u-zhang", "text": "私聊", "mentions": []}]})"));
}

// The acknowledgement and the delivery are written by hand; they must be the bytes nlohmann's tree
// wrote, escapes and key order included, so a bridge sees no change.
TEST_F(GenericAdapterTest, AnswersAreTheBytesNlohmannsTreeWrote) {
  const std::vector<handlers::Reply> replies = {
      {"generic:b3u2",
       "【吹哨#1】已报到 2/5\n\"引号\" 反斜杠\\ tab\t \x01\x1f\x7f 😀",
       {"generic:u-zhang", "generic:a\"b"}},
      {"generic:@u-li", "", {}},
      {"b3u1", "\b\f", {""}}};
  const auto tree_of = [](const handlers::Reply& reply) {
    json mentions = json::array();
    for (const std::string& person : reply.mentions)
      mentions.push_back(handlers::local_part(person));
    return json{{"chat", handlers::local_part(reply.chat)}, {"text", reply.text}, {"mentions", mentions}};
  };
  const auto dump = [](const json& value) {
    return value.dump(-1, ' ', false, json::error_handler_t::replace);
  };

  EventOutcome first;
  first.inline_replies = {replies[0], replies[1]};
  EventOutcome second;
  second.inline_replies = {replies[2]};
  const std::vector<EventOutcome> outcomes{first, EventOutcome{}, second};
  json listed = json::array();
  for (const handlers::Reply& reply : replies)
    listed.push_back(tree_of(reply));
  EXPECT_EQ(adapter.acknowledge(outcomes).body, dump(json{{"ok", true}, {"replies", listed}}));
  EXPECT_EQ(adapter.acknowledge({}).body, R"({"ok":true,"replies":[]})");

  const store::OutboxMessage message{
      17, replies[0].chat, replies[0].text, replies[0].mentions, {}, std::nullopt, 0, 0};
  const std::optional<OutboundRequest> request = adapter.build_send(message);
  ASSERT_TRUE(request);
  EXPECT_EQ(request->body, dump(tree_of(replies[0])));
}

TEST_F(GenericAdapterTest, InvalidUtf8InAReplyIsReplacedNotFatal) {
  EventOutcome outcome;
  outcome.inline_replies.push_back({"generic:b3u2", std::string("bad \xff byte"), {}});
  const HttpAnswer answer = adapter.acknowledge(std::span<const EventOutcome>(&outcome, 1));
  const json body = json::parse(answer.body);
  EXPECT_EQ(body["replies"][0]["text"].get<std::string>(), "bad \xEF\xBF\xBD byte");
}

TEST_F(GenericAdapterTest, DeliveryIsTheSignedReplyObjectWithItsOutboxId) {
  const store::OutboxMessage message{
      17, "generic:g1", "【吹哨#2】全网格集合", {"generic:u-li"}, {}, std::nullopt, 0, 0};
  const std::optional<OutboundRequest> request = adapter.build_send(message);
  ASSERT_TRUE(request);
  EXPECT_EQ(request->url, "http://127.0.0.1:9/deliver");
  EXPECT_EQ(json::parse(request->body),
            json::parse(R"({"chat": "g1", "text": "【吹哨#2】全网格集合", "mentions": ["u-li"]})"));
  std::map<std::string, std::string> headers(request->headers.begin(), request->headers.end());
  EXPECT_EQ(headers["X-Whistle-Signature"], "sha256=" + HmacSha256("s3cret").hex_digest(request->body));
  EXPECT_EQ(headers["X-Whistle-Delivery"], "17");
}

TEST(GenericAdapter, WithoutDeliverUrlItCannotSend) {
  const GenericAdapter adapter(config::GenericInstance{"default", "s", ""});
  EXPECT_FALSE(adapter.can_send(store::OutboxMessage{}, 0));
  EXPECT_FALSE(adapter.build_send(store::OutboxMessage{}));
}

}  // namespace
}  // namespace whistle::bot
