// The Feishu adapter's outbound pieces without a server: the `<at>` rendering, the idempotency key,
// the reading of Feishu's answers, and the pacing its limits give the outbox sender.
#include "bot/adapters/feishu_send.hpp"

#include <gtest/gtest.h>

#include "bot/adapters/feishu_adapter.hpp"
#include "bot/send_pacer.hpp"

namespace whistle::bot {
namespace {
namespace feishu_send_cases {

store::OutboxMessage message(std::string text, std::vector<std::string> mentions = {},
                             std::vector<store::MentionSpan> spans = {}) {
  store::OutboxMessage m;
  m.id = 42;
  m.created_at = 1'764'000'000;
  m.chat = "feishu:oc_group";
  m.text = std::move(text);
  m.mentions = std::move(mentions);
  m.spans = std::move(spans);
  return m;
}

HttpClientResult answer(int status, std::string body, std::string retry_after = "") {
  HttpClientResult result;
  result.status = status;
  result.body = std::move(body);
  result.retry_after = std::move(retry_after);
  return result;
}

TEST(FeishuRender, EachSpanBecomesAnAtTagWithTheNameInside) {
  const std::string text = "@张三 请于今晚前到 @李四 处领取";
  const store::OutboxMessage m = message(text, {"feishu:ou_zhang", "feishu:ou_li"},
                                         {{"feishu:ou_zhang", 0, std::string("@张三").size()},
                                          {"feishu:ou_li", text.find("@李四"), std::string("@李四").size()}});
  EXPECT_EQ(render_feishu_text(m, "feishu:"),
            R"(<at user_id="ou_zhang">张三</at> 请于今晚前到 <at user_id="ou_li">李四</at> 处领取)");
}

TEST(FeishuRender, AMentionWithoutASpanIsStillNotifiedAtTheEnd) {
  const store::OutboxMessage m = message("明早 8 点集合", {"feishu:ou_zhang"});
  EXPECT_EQ(render_feishu_text(m, "feishu:"), R"(明早 8 点集合 <at user_id="ou_zhang"></at>)");
}

TEST(FeishuRender, MentionsOfAnotherInstanceOrPlatformStayPlainText) {
  const store::OutboxMessage m =
      message("@王五 好", {"wecom:wangwu"}, {{"wecom:wangwu", 0, std::string("@王五").size()}});
  EXPECT_EQ(render_feishu_text(m, "feishu:"), "@王五 好");
  EXPECT_EQ(render_feishu_text(message("x", {"feishu:ou_a"}), "feishu.ops:"), "x");
}

TEST(FeishuRender, TextThatLooksLikeMarkupCannotNotifyTheWholeGroup) {
  // A resident's words quoted by the bot: `<at user_id="all">` must not reach Feishu as markup.
  const store::OutboxMessage m = message(R"(收到："<at user_id="all"></at> <b>急</b>" 1 < 2 <3)");
  EXPECT_EQ(render_feishu_text(m, "feishu:"), R"(收到："＜at user_id="all">＜/at> ＜b>急＜/b>" 1 < 2 <3)");
  // Nor can a person id do it.
  EXPECT_EQ(render_feishu_text(message("x", {"feishu:all", "feishu:ou_a\"b"}), "feishu:"), "x");
}

TEST(FeishuRender, OverlappingOrOutOfRangeSpansAreSkipped) {
  const store::OutboxMessage m =
      message("@甲乙", {"feishu:ou_a", "feishu:ou_b"},
              {{"feishu:ou_a", 0, 4}, {"feishu:ou_b", 1, 3}, {"feishu:ou_c", 50, 3}});
  EXPECT_EQ(render_feishu_text(m, "feishu:"), R"(<at user_id="ou_a">甲</at>乙 <at user_id="ou_b"></at>)");
}

TEST(FeishuUuid, OneOutboxRowHasOneKeyAndAnotherRowAnother) {
  const store::OutboxMessage first = message("a");
  store::OutboxMessage retried = first;
  retried.attempts = 3;
  store::OutboxMessage other = first;
  other.id = 43;
  EXPECT_EQ(feishu_send_uuid("default", first), feishu_send_uuid("default", retried));
  EXPECT_NE(feishu_send_uuid("default", first), feishu_send_uuid("default", other));
  EXPECT_NE(feishu_send_uuid("default", first), feishu_send_uuid("ops", first));
  EXPECT_LE(feishu_send_uuid("一个很长很长的实例名字", first).size(), 50u);
}

TEST(FeishuToken, TheAnswerGivesTheTokenAndItsLifetime) {
  const auto token = read_feishu_token_answer(answer(
      200,
      R"({"code":0,"msg":"ok","tenant_access_token":"t-caecc734c2e3328a62489fe0648c4b98779515d3","expire":7200})"));
  ASSERT_TRUE(std::holds_alternative<FeishuToken>(token));
  EXPECT_EQ(std::get<FeishuToken>(token).token, "t-caecc734c2e3328a62489fe0648c4b98779515d3");
  EXPECT_EQ(std::get<FeishuToken>(token).lifetime_seconds, 7200);
  const auto refused = read_feishu_token_answer(answer(400, R"({"code":10014,"msg":"app secret invalid"})"));
  ASSERT_TRUE(std::holds_alternative<std::string>(refused));
  EXPECT_EQ(std::get<std::string>(refused), "tenant_access_token refused: HTTP 400 code 10014");
}

TEST(FeishuAnswer, CodesMapToVerdicts) {
  using Outcome = SendVerdict::Outcome;
  EXPECT_EQ(read_feishu_send_answer(answer(200, R"({"code":0,"msg":"success","data":{}})")).verdict.outcome,
            Outcome::sent);

  const FeishuSendReading expired =
      read_feishu_send_answer(answer(400, R"({"code":99991663,"msg":"Invalid access token"})"));
  EXPECT_EQ(expired.verdict.outcome, Outcome::retry);
  EXPECT_TRUE(expired.token_refused);
  EXPECT_TRUE(read_feishu_send_answer(answer(400, R"({"code":99991661})")).token_refused);
  EXPECT_TRUE(read_feishu_send_answer(answer(400, R"({"code":99991668})")).token_refused);

  const FeishuSendReading limited = read_feishu_send_answer(answer(429, R"({"code":99991400})", "7"));
  EXPECT_EQ(limited.verdict.outcome, Outcome::retry);
  EXPECT_EQ(limited.verdict.retry_after, std::chrono::seconds(7));
  EXPECT_TRUE(limited.verdict.whole_instance);
  const FeishuSendReading old_style = read_feishu_send_answer(answer(400, R"({"code":99991400})"));
  EXPECT_EQ(old_style.verdict.outcome, Outcome::retry);
  EXPECT_EQ(old_style.verdict.retry_after, std::chrono::seconds(1));
  EXPECT_TRUE(old_style.verdict.whole_instance);
  const FeishuSendReading chat_limited = read_feishu_send_answer(answer(400, R"({"code":230020})"));
  EXPECT_EQ(chat_limited.verdict.outcome, Outcome::retry);
  EXPECT_FALSE(chat_limited.verdict.whole_instance);

  const FeishuSendReading removed =
      read_feishu_send_answer(answer(400, R"({"code":230002,"msg":"Bot/User can NOT be out of the chat."})"));
  EXPECT_EQ(removed.verdict.outcome, Outcome::dead);
  EXPECT_EQ(removed.verdict.error, "HTTP 400 code 230002: the bot is not in the group");
  EXPECT_EQ(read_feishu_send_answer(answer(400, R"({"code":230006})")).verdict.outcome, Outcome::dead);
  EXPECT_EQ(read_feishu_send_answer(answer(400, R"({"code":232009})")).verdict.outcome, Outcome::dead);
  EXPECT_EQ(read_feishu_send_answer(answer(400, R"({"code":1234567})")).verdict.outcome, Outcome::dead);
  EXPECT_EQ(read_feishu_send_answer(answer(403, "<html>")).verdict.outcome, Outcome::dead);
  // A proxy's page with a 200 is no word of Feishu's: sent again under the uuid (counted as sent
  // before, an exploratory run of the platforms, 2026-12-07).
  EXPECT_EQ(read_feishu_send_answer(answer(200, "<html>proxy</html>")).verdict.outcome, Outcome::retry);

  EXPECT_EQ(read_feishu_send_answer(answer(500, R"({"code":1500})")).verdict.outcome, Outcome::retry);
  EXPECT_EQ(read_feishu_send_answer(answer(502, "bad gateway")).verdict.outcome, Outcome::retry);
  HttpClientResult unreachable;
  unreachable.error = "connect: Connection refused";
  EXPECT_EQ(read_feishu_send_answer(unreachable).verdict.outcome, Outcome::retry);
}

TEST(FeishuPacing, FiveSendsASecondPerChatOnAnInjectedClock) {
  config::FeishuInstance settings;
  settings.name = "default";
  const FeishuAdapter adapter(settings);
  const SendLimits limits = adapter.send_limits();
  EXPECT_EQ(limits.per_chat.count, 5);
  EXPECT_EQ(limits.per_chat.period, std::chrono::seconds(1));

  SendPacer::TimePoint now{std::chrono::seconds(1000)};
  SendPacer pacer([&now] { return now; });
  for (int i = 0; i < 5; ++i) {
    EXPECT_LE(pacer.next_allowed("feishu:oc_a", limits.per_chat), now) << i;
    pacer.record("feishu:oc_a", limits.per_chat);
    now += std::chrono::milliseconds(100);
  }
  // The sixth waits until a second after the first; another chat does not wait.
  EXPECT_EQ(pacer.next_allowed("feishu:oc_a", limits.per_chat),
            SendPacer::TimePoint{std::chrono::seconds(1001)});
  EXPECT_LE(pacer.next_allowed("feishu:oc_b", limits.per_chat), now);
  now = SendPacer::TimePoint{std::chrono::seconds(1001)};
  EXPECT_LE(pacer.next_allowed("feishu:oc_a", limits.per_chat), now);

  // The app as a whole: 16 a second keeps both 50/s and 1000/min.
  EXPECT_LE(limits.per_instance.count * 60, 1000);
  EXPECT_LE(limits.per_instance.count, 50);
}

}  // namespace feishu_send_cases
}  // namespace
}  // namespace whistle::bot
