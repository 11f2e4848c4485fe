#include "bot/adapters/dingtalk_adapter.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "bot/crypto/base64.hpp"
#include "bot/crypto/hmac.hpp"
#include "bot/send_pacer.hpp"
#include "tests/bot/adapters/adapter_test_support.hpp"

namespace whistle::bot {
namespace {
namespace dingtalk_adapter_cases {

using nlohmann::json;
using testing::deliver;
using testing::MapHeaders;
using whistle::testing::CannedAnswer;
using whistle::testing::FakePlatformServer;
using whistle::testing::RecordedRequest;

constexpr std::string_view kSecret = "app-secret-1";
// Ten seconds after the payload's createAt (1613630252678 ms).
constexpr std::int64_t kReceivedAt = 1'613'630'262;

// A group @-message as DingTalk's receive-message document shows it (platforms.md §3.3), with
// our own ids: the robot is @-mentioned together with 李四.
constexpr std::string_view kGroupPayload = R"({
  "conversationId": "cid6KeBBLoveMJOGXoYKF5x7EeiodoA==",
  "atUsers": [{"dingtalkId": "$:LWCP_v1:$robotXYZ"},
              {"dingtalkId": "$:LWCP_v1:$liXYZ", "staffId": "manager4220"}],
  "chatbotCorpId": "dinge8a565xxxx",
  "chatbotUserId": "$:LWCP_v1:$robotXYZ",
  "msgId": "msgiUXEm4Jt6Qk5ppjOzZvxWg==",
  "senderNick": "张三",
  "isAdmin": true,
  "senderStaffId": "user123",
  "sessionWebhookExpiredTime": 1613635652738,
  "createAt": 1613630252678,
  "senderCorpId": "dinge8a565xxxx",
  "conversationType": "2",
  "senderId": "$:LWCP_v1:$zhangXYZ",
  "conversationTitle": "3号楼2单元群",
  "isInAtList": true,
  "sessionWebhook": "https://oapi.dingtalk.com/robot/sendBySession?session=c5c1b2b6",
  "text": {"content": " 报到 12 @李四"},
  "robotCode": "dingrobot42",
  "msgtype": "text"
})";

// A canned answer of the fake platform.
CannedAnswer canned(int status, std::string body,
                    std::vector<std::pair<std::string, std::string>> headers = {}) {
  CannedAnswer answer;
  answer.status = status;
  answer.body = std::move(body);
  answer.headers = std::move(headers);
  return answer;
}

config::DingtalkInstance instance_config(std::string name = "default",
                                         std::string api_base = "http://127.0.0.1:9") {
  config::DingtalkInstance instance;
  instance.name = std::move(name);
  instance.app_key = "dingappkey";
  instance.app_secret = std::string(kSecret);
  instance.robot_code = "dingrobot42";
  instance.api_base = std::move(api_base);
  return instance;
}

std::string with(std::string_view payload, const std::string& patch) {
  json body = json::parse(payload);
  body.merge_patch(json::parse(patch));
  return body.dump();
}

class DingtalkInboundTest : public ::testing::Test {
 protected:
  DingtalkAdapter adapter{instance_config()};

  Decoded receive(const std::string& body, std::int64_t sent_ms = kReceivedAt * 1000 - 2000,
                  std::optional<std::string> sign = std::nullopt, const DingtalkAdapter* via = nullptr) {
    MapHeaders headers;
    const std::string timestamp = std::to_string(sent_ms);
    headers.values["timestamp"] = timestamp;
    headers.values["sign"] = sign ? *sign : DingtalkAdapter::sign(timestamp, kSecret);
    body_ = body;
    return (via ? *via : adapter)
        .inbound(InboundRequest{"POST", "/hooks/dingtalk/default", body_, headers, kReceivedAt});
  }

  std::vector<InboundEvent> events(const std::string& body) {
    Decoded decoded = receive(body);
    if (auto* error = std::get_if<HttpError>(&decoded))
      ADD_FAILURE() << error->status << " " << error->message;
    auto* list = std::get_if<std::vector<InboundEvent>>(&decoded);
    return list ? *list : std::vector<InboundEvent>{};
  }

  InboundEvent event(const std::string& body) {
    std::vector<InboundEvent> list = events(body);
    if (list.size() != 1) {
      ADD_FAILURE() << "expected one event, got " << list.size();
      return {};
    }
    return list.front();
  }

  int status_of(const Decoded& decoded) {
    if (auto* error = std::get_if<HttpError>(&decoded)) return error->status;
    return 200;
  }

  std::string body_;
};

TEST(DingtalkSign, MatchesTheSelfComputedVectorOfPlatformsMd) {
  // platforms.md §3.7 (DingTalk publishes no vector; this one was computed there independently).
  EXPECT_EQ(DingtalkAdapter::sign("1577262236757", "this is secret"),
            "hmPWwU+7lVdm3ZZz0r9tSfx0L4Q26jWOZr9+Gs6EZQM=");
  // And again from the primitives, not through the adapter's code path.
  HmacSha256 hmac("this is secret");
  const Sha256Digest digest = hmac.digest("1577262236757\nthis is secret");
  EXPECT_EQ(base64_encode(std::string_view(reinterpret_cast<const char*>(digest.data()), digest.size())),
            "hmPWwU+7lVdm3ZZz0r9tSfx0L4Q26jWOZr9+Gs6EZQM=");
}

TEST_F(DingtalkInboundTest, DecodesTheDocumentedGroupMessageIntoExactFields) {
  const InboundEvent e = event(std::string(kGroupPayload));
  EXPECT_EQ(e.dedupe_key, "dingtalk:default:msgiUXEm4Jt6Qk5ppjOzZvxWg==");
  EXPECT_EQ(e.message.chat, "dingtalk:cid6KeBBLoveMJOGXoYKF5x7EeiodoA==");
  EXPECT_EQ(e.message.chat_title, "3号楼2单元群");
  EXPECT_FALSE(e.message.is_private);
  EXPECT_EQ(e.message.sender, "dingtalk:user123");
  EXPECT_EQ(e.message.sender_name, "张三");
  // The leading space DingTalk leaves where it cut "@robot" is trimmed.
  EXPECT_EQ(e.message.text, "报到 12 @李四");
  EXPECT_TRUE(e.message.mentions_bot);
  // The robot's own entry in atUsers is not a mention of a person.
  EXPECT_EQ(e.message.mentions, (std::vector<std::string>{"dingtalk:manager4220"}));
  EXPECT_EQ(e.message.at, 1'613'630'252);
  EXPECT_EQ(e.received_at, kReceivedAt);
  EXPECT_FALSE(e.replies_inline);
  ASSERT_TRUE(e.reply_url);
  EXPECT_EQ(e.reply_url->url, "https://oapi.dingtalk.com/robot/sendBySession?session=c5c1b2b6");
  EXPECT_EQ(e.reply_url->until, 1'613'635'652);
}

TEST_F(DingtalkInboundTest, ASessionWebhookOffDingTalksOriginIsNotFollowed) {
  // The sign covers only the timestamp: a body naming another address must not make the bot post
  // its reply there (an internal address, a metadata service).
  for (const char* url : {"http://127.0.0.1:8080/x", "http://169.254.169.254/latest",
                          "https://oapi.dingtalk.com.evil.example/x"}) {
    const InboundEvent e = event(with(kGroupPayload, json{{"sessionWebhook", url}}.dump()));
    EXPECT_FALSE(e.reply_url) << url;
    EXPECT_EQ(e.message.text, "报到 12 @李四");
  }
}

TEST_F(DingtalkInboundTest, SingleChatIsThePrivateChatOfTheSender) {
  const InboundEvent e = event(with(kGroupPayload, R"({"conversationType": "1", "conversationTitle": null,
      "isInAtList": false, "atUsers": null, "text": {"content": "我的积分"}})"));
  EXPECT_TRUE(e.message.is_private);
  EXPECT_EQ(e.message.chat, "dingtalk:@user123");
  EXPECT_EQ(e.message.text, "我的积分");
  EXPECT_FALSE(e.message.mentions_bot);
  EXPECT_TRUE(e.message.mentions.empty());
}

// "@吹哨助手" alone arrives with the mention cut and no words: it was dropped, and the person met
// silence (an exploratory run of the platforms, 2026-12-07). Addressed, it is an event.
TEST_F(DingtalkInboundTest, OnlyTheRobotsMentionIsStillAnEventAddressedToIt) {
  const InboundEvent e = event(with(kGroupPayload, R"({"atUsers": null, "text": {"content": " "}})"));
  EXPECT_TRUE(e.message.mentions_bot);
  EXPECT_EQ(e.message.text, "");
}

TEST_F(DingtalkInboundTest, SomeoneOutsideTheOrgIsNamedByTheirSenderId) {
  const InboundEvent e = event(with(kGroupPayload, R"({"senderStaffId": null})"));
  EXPECT_EQ(e.message.sender, "dingtalk:$:LWCP_v1:$zhangXYZ");
}

TEST_F(DingtalkInboundTest, AnotherInstanceQualifiesEveryId) {
  const DingtalkAdapter east(instance_config("east"));
  Decoded decoded = receive(std::string(kGroupPayload), kReceivedAt * 1000, std::nullopt, &east);
  auto* list = std::get_if<std::vector<InboundEvent>>(&decoded);
  ASSERT_TRUE(list && list->size() == 1);
  EXPECT_EQ(list->front().dedupe_key, "dingtalk:east:msgiUXEm4Jt6Qk5ppjOzZvxWg==");
  EXPECT_EQ(list->front().message.chat, "dingtalk.east:cid6KeBBLoveMJOGXoYKF5x7EeiodoA==");
  EXPECT_EQ(list->front().message.sender, "dingtalk.east:user123");
  EXPECT_EQ(list->front().message.mentions, (std::vector<std::string>{"dingtalk.east:manager4220"}));
}

TEST_F(DingtalkInboundTest, ARedeliveryCarriesTheSameDedupeKey) {
  const InboundEvent first = event(std::string(kGroupPayload));
  const InboundEvent again = event(std::string(kGroupPayload));
  EXPECT_EQ(first.dedupe_key, again.dedupe_key);
  EXPECT_EQ(first.digest, again.digest);
}

TEST_F(DingtalkInboundTest, AWrongOrMissingSignIsRefusedBeforeTheBodyIsRead) {
  // Not even JSON: the 401 comes before any parsing.
  EXPECT_EQ(
      status_of(receive("not json", kReceivedAt * 1000, "hmPWwU+7lVdm3ZZz0r9tSfx0L4Q26jWOZr9+Gs6EZQM=")),
      401);
  EXPECT_EQ(status_of(receive(std::string(kGroupPayload), kReceivedAt * 1000, "")), 401);
  const std::string other = DingtalkAdapter::sign(std::to_string(kReceivedAt * 1000), "another secret");
  EXPECT_EQ(status_of(receive(std::string(kGroupPayload), kReceivedAt * 1000, other)), 401);
  // A sign made for another timestamp does not fit this one.
  const std::string earlier = DingtalkAdapter::sign(std::to_string(kReceivedAt * 1000 - 1), kSecret);
  EXPECT_EQ(status_of(receive(std::string(kGroupPayload), kReceivedAt * 1000, earlier)), 401);

  MapHeaders headers;
  headers.values["sign"] = DingtalkAdapter::sign("", kSecret);
  body_ = std::string(kGroupPayload);
  EXPECT_EQ(status_of(adapter.inbound(InboundRequest{"POST", "/", body_, headers, kReceivedAt})), 401);
}

TEST_F(DingtalkInboundTest, ATimestampMoreThanAnHourAwayIsRefused) {
  const std::int64_t now_ms = kReceivedAt * 1000;
  EXPECT_EQ(status_of(receive(std::string(kGroupPayload), now_ms - 3'600'000)), 200);
  EXPECT_EQ(status_of(receive(std::string(kGroupPayload), now_ms + 3'600'000)), 200);
  EXPECT_EQ(status_of(receive(std::string(kGroupPayload), now_ms - 3'600'001)), 401);
  EXPECT_EQ(status_of(receive(std::string(kGroupPayload), now_ms + 3'600'001)), 401);
  MapHeaders headers;
  headers.values["timestamp"] = "16136302x2678";
  headers.values["sign"] = DingtalkAdapter::sign("16136302x2678", kSecret);
  body_ = std::string(kGroupPayload);
  EXPECT_EQ(status_of(adapter.inbound(InboundRequest{"POST", "/", body_, headers, kReceivedAt})), 401);
}

TEST_F(DingtalkInboundTest, AMalformedBodyIs400) {
  EXPECT_EQ(status_of(receive("{\"msgId\": ")), 400);
  EXPECT_EQ(status_of(receive("[1, 2]")), 400);
  EXPECT_EQ(status_of(receive(with(kGroupPayload, R"({"msgId": null})"))), 400);
  EXPECT_EQ(status_of(receive(with(kGroupPayload, R"({"conversationType": "3"})"))), 400);
  EXPECT_EQ(status_of(receive(with(kGroupPayload, R"({"conversationId": null})"))), 400);
  EXPECT_EQ(status_of(receive(with(kGroupPayload, R"({"senderStaffId": null, "senderId": null})"))), 400);
  EXPECT_EQ(status_of(receive(with(kGroupPayload, R"({"text": "报到"})"))), 400);
  EXPECT_EQ(status_of(receive(with(kGroupPayload, R"({"atUsers": {"staffId": "x"}})"))), 400);
  EXPECT_EQ(status_of(receive(with(kGroupPayload, R"({"createAt": "soon"})"))), 400);
  EXPECT_EQ(status_of(receive(with(kGroupPayload, R"({"senderStaffId": "two words"})"))), 400);
  // A key given twice is ambiguous, not "the last one wins".
  EXPECT_EQ(
      status_of(receive(R"({"msgId": "a", "msgId": "b", "conversationType": "1", "senderStaffId": "u"})")),
      400);
}

TEST_F(DingtalkInboundTest, TheRobotsOwnMessageIsAcknowledgedAndDropped) {
  EXPECT_TRUE(
      events(with(kGroupPayload, R"({"senderId": "$:LWCP_v1:$robotXYZ", "senderStaffId": null})")).empty());
  config::BotConfig bot;
  bot.ids = {"dingtalk:user123"};
  const DingtalkAdapter configured(instance_config(), bot);
  Decoded decoded = receive(std::string(kGroupPayload), kReceivedAt * 1000, std::nullopt, &configured);
  auto* list = std::get_if<std::vector<InboundEvent>>(&decoded);
  ASSERT_TRUE(list);
  EXPECT_TRUE(list->empty());
}

TEST_F(DingtalkInboundTest, PicturesAndRichTextBecomeAttachmentsAndText) {
  const InboundEvent picture = event(with(kGroupPayload, R"({"msgtype": "picture", "text": null,
      "content": {"downloadCode": "dl-code-1", "pictureDownloadCode": "pic-1"}})"));
  EXPECT_EQ(picture.message.text, "");
  ASSERT_EQ(picture.message.attachments.size(), 1u);
  EXPECT_EQ(picture.message.attachments[0].type, "image");
  EXPECT_EQ(picture.message.attachments[0].url, "dingtalk-download:dl-code-1");

  const InboundEvent rich = event(with(kGroupPayload, R"({"msgtype": "richText", "text": null,
      "content": {"richText": [{"text": "路灯坏了"}, {"type": "picture", "downloadCode": "dl-2"}, {"text": " 3号楼"}]}})"));
  EXPECT_EQ(rich.message.text, "路灯坏了 3号楼");
  ASSERT_EQ(rich.message.attachments.size(), 1u);
  EXPECT_EQ(rich.message.attachments[0].url, "dingtalk-download:dl-2");

  // A type the bot cannot read is acknowledged without an event.
  EXPECT_TRUE(events(with(kGroupPayload, R"({"msgtype": "interactiveCard", "text": null})")).empty());
}

TEST_F(DingtalkInboundTest, AnUnbelievableCreateAtIsReplacedByTheArrivalTime) {
  const InboundEvent e = event(with(kGroupPayload, R"({"createAt": 1500000000000})"));
  EXPECT_EQ(e.message.at, kReceivedAt);
}

TEST_F(DingtalkInboundTest, AcknowledgesWithAnEmptyObject) {
  const HttpAnswer answer = adapter.acknowledge({});
  EXPECT_EQ(answer.status, 200);
  EXPECT_EQ(answer.body, "{}");
}

// Outbound, against a fake DingTalk on 127.0.0.1.
class DingtalkOutboundTest : public ::testing::Test {
 protected:
  DingtalkOutboundTest() {
    fake.answer([this](const RecordedRequest& request) { return answer_for(request); });
  }

  CannedAnswer answer_for(const RecordedRequest& request) {
    if (request.target == "/v1.0/oauth2/accessToken") {
      ++tokens_issued;
      return canned(200, R"({"accessToken":"tok-)" + std::to_string(tokens_issued) + R"(","expireIn":7200})");
    }
    if (request.target.starts_with("/robot/sendBySession")) return canned(session_status, session_answer);
    return send_answer;
  }

  store::OutboxMessage group_message() {
    store::OutboxMessage message;
    message.id = 7;
    message.chat = "dingtalk:cid6KeBBLoveMJOGXoYKF5x7EeiodoA==";
    message.text = "@张三 请报到";
    message.mentions = {"dingtalk:manager1"};
    message.spans = {store::MentionSpan{"dingtalk:manager1", 0, std::string("@张三").size()}};
    message.reply_url = store::ReplyUrl{fake.base_url() + "/robot/sendBySession?session=abc", kNow + 60};
    return message;
  }

  static constexpr std::int64_t kNow = 1'763'888'400;
  FakePlatformServer fake{testing::kFakeMode};
  HttpClient http{testing::fake_client_options()};
  DingtalkAdapter adapter{instance_config("default", fake.base_url())};
  int tokens_issued = 0;  // written on the fake's thread, read after its requests were awaited
  std::string session_answer = R"({"errcode":0,"errmsg":"ok"})";
  int session_status = 200;
  CannedAnswer send_answer = canned(200, R"({"processQueryKey":"pq-1"})");
};

TEST_F(DingtalkOutboundTest, TheSessionWebhookCarriesTheReplyWhileItIsValid) {
  const SendVerdict verdict = deliver(adapter, http, group_message(), kNow);
  EXPECT_EQ(verdict.outcome, SendVerdict::Outcome::sent) << verdict.error;
  const std::vector<RecordedRequest> requests = fake.requests();
  ASSERT_EQ(requests.size(), 1u);  // no token needed
  EXPECT_EQ(requests[0].method, "POST");
  EXPECT_EQ(requests[0].target, "/robot/sendBySession?session=abc");
  const json body = json::parse(requests[0].body);
  EXPECT_EQ(body.at("msgtype"), "text");
  // The span "@张三" becomes "@<staffId>", which DingTalk renders as the person's name.
  EXPECT_EQ(body.at("text").at("content"), "@manager1 请报到");
  EXPECT_EQ(body.at("at").at("atUserIds"), json::parse(R"(["manager1"])"));
  EXPECT_EQ(body.at("at").at("isAtAll"), false);
}

// Someone outside the org has only an encrypted senderId, which DingTalk cannot @: the reply read
// "@$:LWCP_v1:$EXT123" (an exploratory run of the platforms, 2026-12-07). The name stays as written.
TEST_F(DingtalkOutboundTest, SomeoneOutsideTheOrgIsNamedNotMentioned) {
  store::OutboxMessage message = group_message();
  message.mentions = {"dingtalk:$:LWCP_v1:$EXT123"};
  message.spans = {store::MentionSpan{"dingtalk:$:LWCP_v1:$EXT123", 0, std::string("@张三").size()}};
  ASSERT_EQ(deliver(adapter, http, message, kNow).outcome, SendVerdict::Outcome::sent);
  const json body = json::parse(fake.requests().at(0).body);
  EXPECT_EQ(body.at("text").at("content"), "@张三 请报到");
  EXPECT_EQ(body.at("at").at("atUserIds"), json::array());
}

TEST_F(DingtalkOutboundTest, AMentionWithoutASpanIsAddedAtTheEnd) {
  store::OutboxMessage message = group_message();
  message.spans.clear();
  message.text = "请报到";
  ASSERT_EQ(deliver(adapter, http, message, kNow).outcome, SendVerdict::Outcome::sent);
  const json body = json::parse(fake.requests().at(0).body);
  EXPECT_EQ(body.at("text").at("content"), "请报到 @manager1");
  EXPECT_EQ(body.at("at").at("atUserIds"), json::parse(R"(["manager1"])"));
}

TEST_F(DingtalkOutboundTest, AfterTheSessionExpiresTheSendApiIsUsedWithAToken) {
  const SendVerdict verdict = deliver(adapter, http, group_message(), kNow + 60);
  EXPECT_EQ(verdict.outcome, SendVerdict::Outcome::sent) << verdict.error;
  const std::vector<RecordedRequest> requests = fake.requests();
  ASSERT_EQ(requests.size(), 2u);
  EXPECT_EQ(requests[0].target, "/v1.0/oauth2/accessToken");
  EXPECT_EQ(json::parse(requests[0].body),
            json::parse(R"({"appKey":"dingappkey","appSecret":"app-secret-1"})"));
  EXPECT_EQ(requests[1].target, "/v1.0/robot/groupMessages/send");
  EXPECT_EQ(requests[1].headers.at("x-acs-dingtalk-access-token"), "tok-1");
  const json body = json::parse(requests[1].body);
  EXPECT_EQ(body.at("robotCode"), "dingrobot42");
  EXPECT_EQ(body.at("openConversationId"), "cid6KeBBLoveMJOGXoYKF5x7EeiodoA==");
  EXPECT_EQ(body.at("msgKey"), "sampleText");
  // msgParam is a JSON string inside the JSON body.
  EXPECT_EQ(json::parse(body.at("msgParam").get<std::string>()),
            json::parse(R"({"content":"@张三 请报到"})"));
}

TEST_F(DingtalkOutboundTest, TheTokenIsFetchedOnceForTwoSends) {
  store::OutboxMessage message = group_message();
  message.reply_url.reset();
  ASSERT_EQ(deliver(adapter, http, message, kNow).outcome, SendVerdict::Outcome::sent);
  message.id = 8;
  ASSERT_EQ(deliver(adapter, http, message, kNow + 3600).outcome, SendVerdict::Outcome::sent);
  const std::vector<RecordedRequest> requests = fake.requests();
  ASSERT_EQ(requests.size(), 3u);
  EXPECT_EQ(requests[0].target, "/v1.0/oauth2/accessToken");
  EXPECT_EQ(requests[1].headers.at("x-acs-dingtalk-access-token"), "tok-1");
  EXPECT_EQ(requests[2].headers.at("x-acs-dingtalk-access-token"), "tok-1");
  // Close to its expiry (7200 s, refreshed 300 s early) a new one is fetched.
  ASSERT_EQ(deliver(adapter, http, message, kNow + 6950).outcome, SendVerdict::Outcome::sent);
  ASSERT_EQ(fake.requests().size(), 5u);
  EXPECT_EQ(fake.requests()[4].headers.at("x-acs-dingtalk-access-token"), "tok-2");
}

TEST_F(DingtalkOutboundTest, APrivateChatGoesThroughBatchSend) {
  store::OutboxMessage message;
  message.id = 9;
  message.chat = "dingtalk:@user123";
  message.text = "您的积分: 12";
  ASSERT_EQ(deliver(adapter, http, message, kNow).outcome, SendVerdict::Outcome::sent);
  const std::vector<RecordedRequest> requests = fake.requests();
  ASSERT_EQ(requests.size(), 2u);
  EXPECT_EQ(requests[1].target, "/v1.0/robot/oToMessages/batchSend");
  const json body = json::parse(requests[1].body);
  EXPECT_EQ(body.at("userIds"), json::parse(R"(["user123"])"));
  EXPECT_EQ(body.at("robotCode"), "dingrobot42");
  EXPECT_FALSE(body.contains("openConversationId"));
}

TEST_F(DingtalkOutboundTest, AFailedSessionWebhookIsRetriedThroughTheSendApi) {
  session_answer = R"({"errcode":300001,"errmsg":"session 不存在"})";
  store::OutboxMessage message = group_message();
  const SendVerdict first = deliver(adapter, http, message, kNow);
  EXPECT_EQ(first.outcome, SendVerdict::Outcome::retry);
  message.attempts = 1;
  EXPECT_EQ(deliver(adapter, http, message, kNow + 1).outcome, SendVerdict::Outcome::sent);
  const std::vector<RecordedRequest> requests = fake.requests();
  ASSERT_EQ(requests.size(), 3u);
  EXPECT_TRUE(requests[0].target.starts_with("/robot/sendBySession"));
  EXPECT_EQ(requests[2].target, "/v1.0/robot/groupMessages/send");
}

TEST_F(DingtalkOutboundTest, ASessionWebhookRefusedWithABareStatusIsRetriedNotDead) {
  // An expired session has been seen to answer a bare 404; the send API does not need it.
  session_status = 404;
  session_answer = "not found";
  store::OutboxMessage message = group_message();
  EXPECT_EQ(deliver(adapter, http, message, kNow).outcome, SendVerdict::Outcome::retry);
  message.attempts = 1;
  EXPECT_EQ(deliver(adapter, http, message, kNow + 1).outcome, SendVerdict::Outcome::sent);
  EXPECT_EQ(fake.requests().back().target, "/v1.0/robot/groupMessages/send");
}

TEST_F(DingtalkOutboundTest, ARefusedTokenIsForgottenAndTheSendRetried) {
  store::OutboxMessage message = group_message();
  message.reply_url.reset();
  send_answer = canned(401, R"({"code":"InvalidAuthentication","message":"不合法的access_token"})");
  const SendVerdict verdict = deliver(adapter, http, message, kNow);
  EXPECT_EQ(verdict.outcome, SendVerdict::Outcome::retry);
  EXPECT_EQ(verdict.error.find("tok-"), std::string::npos);
  send_answer = canned(200, R"({"processQueryKey":"pq-2"})");
  ASSERT_EQ(deliver(adapter, http, message, kNow + 1).outcome, SendVerdict::Outcome::sent);
  const std::vector<RecordedRequest> requests = fake.requests();
  ASSERT_EQ(requests.size(), 4u);
  EXPECT_EQ(requests[2].target, "/v1.0/oauth2/accessToken");
  EXPECT_EQ(requests[3].headers.at("x-acs-dingtalk-access-token"), "tok-2");
}

// A proxy's page with a 200 says nothing of the message: retried, where it was counted as sent
// (an exploratory run of the platforms, 2026-12-07).
TEST_F(DingtalkOutboundTest, AnAnswerThatIsNotJsonIsRetried) {
  store::OutboxMessage message = group_message();
  message.reply_url.reset();
  send_answer = canned(200, "<html>proxy</html>");
  EXPECT_EQ(deliver(adapter, http, message, kNow).outcome, SendVerdict::Outcome::retry);
}

TEST_F(DingtalkOutboundTest, ThrottlingIsRetriedByTheHintAndRefusalsAreDead) {
  store::OutboxMessage message = group_message();
  message.reply_url.reset();
  send_answer = canned(403, R"({"code":"Forbidden.AccessDenied.QpsLimitForAppkeyAndApi","message":"qps"})");
  SendVerdict verdict = deliver(adapter, http, message, kNow);
  EXPECT_EQ(verdict.outcome, SendVerdict::Outcome::retry);
  EXPECT_EQ(verdict.retry_after, std::chrono::seconds(2));
  EXPECT_TRUE(verdict.whole_instance);

  // A 429's Retry-After, through the client and read from its result.
  send_answer = canned(429, R"({"code":"Throttling"})", {{"Retry-After", "30"}});
  verdict = deliver(adapter, http, message, kNow);
  EXPECT_EQ(verdict.outcome, SendVerdict::Outcome::retry);
  EXPECT_EQ(verdict.retry_after, std::chrono::seconds(30));
  EXPECT_TRUE(verdict.whole_instance);
  HttpClientResult throttled;
  throttled.status = 429;
  throttled.body = R"({"code":"Throttling"})";
  throttled.retry_after = "30";
  verdict = adapter.read_send_answer(message, throttled);
  EXPECT_EQ(verdict.outcome, SendVerdict::Outcome::retry);
  EXPECT_EQ(verdict.retry_after, std::chrono::seconds(30));

  send_answer = canned(400, R"({"code":"resource.not.found","message":"robot 不存在"})");
  verdict = deliver(adapter, http, message, kNow);
  EXPECT_EQ(verdict.outcome, SendVerdict::Outcome::dead);
  EXPECT_NE(verdict.error.find("resource.not.found"), std::string::npos);

  send_answer = canned(503, "upstream down");
  EXPECT_EQ(deliver(adapter, http, message, kNow).outcome, SendVerdict::Outcome::retry);

  send_answer = canned(200, R"({"processQueryKey":"pq","invalidStaffIdList":["user123"]})");
  EXPECT_EQ(deliver(adapter, http, message, kNow).outcome, SendVerdict::Outcome::dead);
}

TEST_F(DingtalkOutboundTest, ARefusedAppSecretIsRetriedAndNeverQuoted) {
  fake.answer([](const RecordedRequest&) {
    return canned(400, R"({"code":"invalidClientSecret","message":"app-secret-1 is wrong"})");
  });
  store::OutboxMessage message = group_message();
  message.reply_url.reset();
  const SendVerdict verdict = deliver(adapter, http, message, kNow);
  EXPECT_EQ(verdict.outcome, SendVerdict::Outcome::retry);
  EXPECT_EQ(verdict.error.find("app-secret-1"), std::string::npos) << verdict.error;
  EXPECT_EQ(fake.requests().size(), 1u);
}

TEST(DingtalkLimits, TwentyAMinutePerChatKeptByThePacer) {
  const DingtalkAdapter adapter(instance_config());
  const SendLimits limits = adapter.send_limits();
  EXPECT_EQ(limits.per_chat.count, 20);
  EXPECT_EQ(limits.per_chat.period, std::chrono::seconds(60));
  SendPacer::TimePoint now{std::chrono::hours(1)};
  SendPacer pacer([&now] { return now; });
  const std::string chat = "dingtalk:cid1";
  for (int i = 0; i < 20; ++i) {
    ASSERT_LE(pacer.next_allowed(chat, limits.per_chat), now);
    pacer.record(chat, limits.per_chat);
    now += std::chrono::seconds(1);
  }
  // The 21st waits until the first is a minute old.
  EXPECT_EQ(pacer.next_allowed(chat, limits.per_chat),
            SendPacer::TimePoint{std::chrono::hours(1) + std::chrono::seconds(60)});
}

}  // namespace dingtalk_adapter_cases
}  // namespace
}  // namespace whistle::bot
