#include "store/outbox.hpp"

#include <gtest/gtest.h>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <algorithm>
#include <string>

#include "store/database.hpp"
#include "store/statement_trace.hpp"
#include "tests/store/store_test_support.hpp"

namespace whistle::store {
namespace {

using testing::ids;

class OutboxTest : public ::testing::Test {
 protected:
  Database db{DatabaseOptions{.path = ":memory:"}};
  Outbox outbox{db};
  void SetUp() override { testing::add_small_org(db); }
};

TEST_F(OutboxTest, OnlyTheOldestUnsentMessageOfEachChatIsOffered) {
  auto a1 = outbox.enqueue("generic:b3u1", "a1", {}, 10);
  auto b1 = outbox.enqueue("generic:b3u2", "b1", {}, 10);
  auto a2 = outbox.enqueue("generic:b3u1", "a2", {}, 10);
  EXPECT_EQ(ids(outbox.due(10, 100)), (std::vector<std::int64_t>{a1, b1}));
  outbox.mark_sent(a1, 11);
  EXPECT_EQ(ids(outbox.due(11, 100)), (std::vector<std::int64_t>{b1, a2}));
  EXPECT_EQ(outbox.backlog(), 2);
}

TEST_F(OutboxTest, AFailedMessageHoldsBackItsChatButNotOthers) {
  auto a1 = outbox.enqueue("generic:b3u1", "a1", {}, 10);
  outbox.enqueue("generic:b3u1", "a2", {}, 10);
  auto b1 = outbox.enqueue("generic:b3u2", "b1", {}, 10);
  outbox.mark_failed(a1, 20);
  EXPECT_EQ(ids(outbox.due(15, 100)), (std::vector<std::int64_t>{b1}));
  EXPECT_EQ(outbox.next_attempt_at(), 10);
  outbox.mark_sent(b1, 15);
  EXPECT_EQ(outbox.next_attempt_at(), 20);
  auto retried = outbox.due(20, 100);
  ASSERT_EQ(ids(retried), (std::vector<std::int64_t>{a1}));
  EXPECT_EQ(retried[0].attempts, 1);
}

TEST_F(OutboxTest, APassReadsTheQueueOnceWithoutTemporaryTables) {
  auto a1 = outbox.enqueue("generic:b3u1", "a1", {}, 10);
  outbox.enqueue("generic:b3u1", "a2", {}, 10);  // earlier than a1's retry, but behind it
  auto b1 = outbox.enqueue("generic:b3u2", "b1", {}, 12);
  auto c1 = outbox.enqueue("generic:b3", "c1", {}, 11);
  auto dead = outbox.enqueue("generic:b3u3", "d1", {}, 9);
  outbox.mark_dead(dead, 10, "refused");
  outbox.mark_failed(a1, 30);

  StatementTrace trace(db);
  const Outbox::Look look = outbox.look(15, 1);
  EXPECT_EQ(ids(look.due), (std::vector<std::int64_t>{b1}));  // the oldest due head; c1 waits for the limit
  EXPECT_EQ(look.next_attempt_at, 11);                        // heads only: a2's 10 does not count
  EXPECT_EQ(look.backlog, 4);
  EXPECT_EQ(trace.count(), 2u);  // the heads, and the one message due
  for (const std::string& sql : trace.statements()) {
    SQLite::Statement explain(db.raw(), "EXPLAIN " + sql);
    while (explain.executeStep()) {
      const std::string opcode = explain.getColumn(1).getString();
      EXPECT_NE(opcode, "OpenEphemeral") << sql;
      EXPECT_NE(opcode, "SorterOpen") << sql;
    }
  }
  // The separate questions answer the same.
  EXPECT_EQ(ids(outbox.due(15, 2)), (std::vector<std::int64_t>{b1, c1}));
  EXPECT_EQ(outbox.next_attempt_at(), 11);
  outbox.mark_sent(b1, 15);
  outbox.mark_sent(c1, 15);
  EXPECT_EQ(outbox.next_attempt_at(), 30);
  EXPECT_EQ(outbox.backlog(), 2);
}

TEST_F(OutboxTest, ASentMessageIsNeverOfferedAgain) {
  auto id = outbox.enqueue("generic:@u-zhang", "private", {"generic:u-zhang"}, 10);
  outbox.mark_sent(id, 11);
  outbox.mark_failed(id, 12);
  EXPECT_TRUE(outbox.due(1000, 100).empty());
  EXPECT_FALSE(outbox.next_attempt_at().has_value());
  EXPECT_EQ(outbox.backlog(), 0);
}

TEST_F(OutboxTest, TextAndMentionsComeBackAsQueued) {
  outbox.enqueue("generic:b3u2", "【吹哨#1】明天见", {"generic:u-zhang", "generic:u-li"}, 10);
  auto due = outbox.due(10, 10);
  ASSERT_EQ(due.size(), 1u);
  EXPECT_EQ(due[0].chat, "generic:b3u2");
  EXPECT_EQ(due[0].text, "【吹哨#1】明天见");
  EXPECT_EQ(due[0].mentions, (std::vector<std::string>{"generic:u-zhang", "generic:u-li"}));
  EXPECT_EQ(due[0].created_at, 10);
}

TEST_F(OutboxTest, TheLimitCapsHowManyChatsAreOfferedAtOnce) {
  outbox.enqueue("generic:b3u1", "a", {}, 10);
  outbox.enqueue("generic:b3u2", "b", {}, 10);
  outbox.enqueue("generic:g1", "c", {}, 10);
  EXPECT_EQ(outbox.due(10, 2).size(), 2u);
}

TEST_F(OutboxTest, ADeadMessageIsNeverOfferedAndItsChatGoesOn) {
  auto a1 = outbox.enqueue("generic:b3u1", "a1", {}, 10);
  auto a2 = outbox.enqueue("generic:b3u1", "a2", {}, 10);
  outbox.mark_dead(a1, 11, "HTTP 404");
  EXPECT_EQ(ids(outbox.due(11, 100)), (std::vector<std::int64_t>{a2}));
  EXPECT_EQ(outbox.backlog(), 1);
  EXPECT_EQ(outbox.dead_count(), 1);
  // A dead message is not "sent": marking it sent later changes nothing about its death.
  EXPECT_EQ(db.raw().execAndGet("SELECT last_error FROM outbox WHERE id = " + std::to_string(a1)).getString(),
            "HTTP 404");
}

TEST_F(OutboxTest, AMarkChangesOnlyAWaitingMessageAndSaysSo) {
  const std::int64_t id = outbox.enqueue("generic:b3u1", "a1", {}, 10);
  EXPECT_TRUE(outbox.mark_failed(id, 20));
  EXPECT_TRUE(outbox.mark_dead(id, 21, "HTTP 404"));
  // Set aside: a late verdict, or the same one recorded again, changes nothing.
  EXPECT_FALSE(outbox.mark_dead(id, 22, "again"));
  EXPECT_FALSE(outbox.mark_failed(id, 30));
  EXPECT_FALSE(outbox.mark_sent(id, 23));
  SQLite::Statement row(db.raw(),
                        "SELECT attempts, dead_at, last_error, sent_at IS NULL FROM outbox WHERE id = ?");
  row.bind(1, static_cast<std::int64_t>(id));
  ASSERT_TRUE(row.executeStep());
  EXPECT_EQ(row.getColumn(0).getInt(), 2);
  EXPECT_EQ(row.getColumn(1).getInt64(), 21);
  EXPECT_EQ(row.getColumn(2).getString(), "HTTP 404");
  EXPECT_EQ(row.getColumn(3).getInt(), 1);
}

TEST_F(OutboxTest, MentionSpansAndTheReplyUrlComeBackAsQueued) {
  const std::string text = "@张三 @李四 请到3号楼集合";
  OutgoingMessage message{"dingtalk:cid1",
                          text,
                          {"dingtalk:zhang", "dingtalk:li", "dingtalk:wang"},
                          {MentionSpan{"dingtalk:zhang", 0, 7}, MentionSpan{"dingtalk:li", 8, 7}},
                          ReplyUrl{"https://oapi.dingtalk.com/robot/sendBySession?session=x", 1700000000}};
  outbox.enqueue(message, 10);
  const auto due = outbox.due(10, 10);
  ASSERT_EQ(due.size(), 1u);
  EXPECT_EQ(due[0].text, text);
  EXPECT_EQ(due[0].mentions, message.mentions);
  EXPECT_EQ(due[0].spans, message.spans);
  ASSERT_TRUE(due[0].reply_url);
  EXPECT_EQ(due[0].reply_url->url, message.reply_url->url);
  EXPECT_EQ(due[0].reply_url->until, 1700000000);
  // Without them, none come back.
  outbox.mark_sent(due[0].id, 11);
  outbox.enqueue("dingtalk:cid1", "plain", {"dingtalk:zhang"}, 12);
  const auto plain = outbox.due(12, 10);
  ASSERT_EQ(plain.size(), 1u);
  EXPECT_TRUE(plain[0].spans.empty());
  EXPECT_FALSE(plain[0].reply_url);
}

TEST_F(OutboxTest, SpansComeBackInTextOrderWhateverTheMentionsOrder) {
  const std::string text = "@李四 请和 @张三 一起";
  outbox.enqueue(OutgoingMessage{"feishu:oc_1",
                                 text,
                                 {"feishu:zhang", "feishu:li", "feishu:zhang"},
                                 {MentionSpan{"feishu:zhang", 15, 7}, MentionSpan{"feishu:li", 0, 7}},
                                 std::nullopt},
                 10);
  const auto due = outbox.due(10, 10);
  ASSERT_EQ(due.size(), 1u);
  EXPECT_EQ(due[0].mentions, (std::vector<std::string>{"feishu:zhang", "feishu:li"}));
  ASSERT_EQ(due[0].spans.size(), 2u);
  EXPECT_EQ(due[0].spans[0].person, "feishu:li");
  EXPECT_EQ(due[0].spans[1].person, "feishu:zhang");
  EXPECT_EQ(text.substr(due[0].spans[1].offset, due[0].spans[1].length), "@张三");
}

TEST_F(OutboxTest, ADamagedMentionsRowLosesItsSpansNotTheOutbox) {
  const auto id = outbox.enqueue("feishu:oc_1", "@张三 你好", {"feishu:zhang"}, 10);
  for (const char* damaged :
       {"feishu:zhang\tfoo\tbar", "feishu:zhang\t-1\t7", "feishu:zhang\t3\t999", "feishu:zhang\t0"}) {
    db.raw().exec("UPDATE outbox SET mentions = '" + std::string(damaged) +
                  "' WHERE id = " + std::to_string(id));
    std::vector<OutboxMessage> due;
    ASSERT_NO_THROW(due = outbox.due(10, 10)) << damaged;
    ASSERT_EQ(due.size(), 1u);
    EXPECT_EQ(due[0].mentions, std::vector<std::string>{"feishu:zhang"});
    EXPECT_TRUE(due[0].spans.empty()) << damaged;
  }
}

}  // namespace
}  // namespace whistle::store
