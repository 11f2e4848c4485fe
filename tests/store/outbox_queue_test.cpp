#include "store/outbox_queue.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <limits>
#include <optional>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "store/database.hpp"
#include "store/outbox.hpp"
#include "tests/store/store_test_support.hpp"

namespace whistle::store {
namespace {

using testing::ids;

// What the queue must answer: the whole read (Outbox::look), the skipped chats taken out first.
Outbox::Look whole_read(Outbox& outbox, std::int64_t now, std::size_t limit,
                        const std::set<std::string>& skip) {
  Outbox::Look look = outbox.look(now, std::numeric_limits<std::size_t>::max());
  std::erase_if(look.due, [&](const OutboxMessage& m) { return skip.contains(m.chat); });
  if (look.due.size() > limit) look.due.resize(limit);
  return look;
}

// Compares one look of the queue with the whole read; a description of the first difference, or empty.
std::string difference(OutboxQueue& queue, Outbox& whole, std::int64_t now, std::size_t limit,
                       const std::set<std::string>& skip) {
  const Outbox::Look kept =
      queue.look(now, limit, [&](std::string_view chat) { return skip.contains(std::string(chat)); });
  const Outbox::Look read = whole_read(whole, now, limit, skip);
  if (ids(kept.due) != ids(read.due)) return "due heads differ";
  if (kept.next_attempt_at != read.next_attempt_at) return "next attempt differs";
  if (kept.backlog != read.backlog) {
    return "backlog " + std::to_string(kept.backlog) + " against " + std::to_string(read.backlog);
  }
  for (std::size_t i = 0; i < kept.due.size(); ++i) {
    if (kept.due[i].text != read.due[i].text || kept.due[i].attempts != read.due[i].attempts)
      return "a message's row differs";
  }
  return {};
}

class OutboxQueueTest : public ::testing::Test {
 protected:
  testing::TempDatabaseFile file{"outbox-queue"};
  Database db{DatabaseOptions{.path = file.path()}};
  Outbox outbox{db};  // queues, and reads the whole queue for comparison
  OutboxQueue queue{db};
  void SetUp() override { testing::add_small_org(db); }
};

// The sender's passes in every order it can meet them — messages queued in batches that commit
// or roll back, by this connection and by another, sent, retried, set aside, looked at with
// chats in flight and small limits, memory dropped, a look inside a transaction — and after
// every step the queue answers exactly as a whole read of the rows.
TEST_F(OutboxQueueTest, AnswersAsAWholeReadAfterEveryStep) {
  Database other{DatabaseOptions{.path = file.path()}};
  Outbox other_outbox{other};
  const std::vector<std::string> chats{"generic:b3u1", "generic:b3u2", "generic:g1",   "generic:b3",
                                       "generic:c1",   "generic:@u-1", "generic:@u-2", "generic:@u-3"};
  std::mt19937 random(20261203);
  auto pick = [&](std::size_t n) { return std::uniform_int_distribution<std::size_t>(0, n - 1)(random); };
  std::int64_t now = 100;
  int sent = 0, retried = 0, dead = 0, rolled_back = 0, in_transaction = 0;
  for (int step = 0; step < 4000; ++step) {
    const std::size_t what = pick(100);
    if (what < 25) {
      Transaction batch(db);
      for (std::size_t n = 1 + pick(3); n > 0; --n)
        outbox.enqueue(chats[pick(chats.size())], "m" + std::to_string(step), {}, now);
      if (pick(5) == 0) {
        ++rolled_back;  // the batch failed: its rows never were
      } else {
        batch.commit();
      }
    } else if (what < 32) {
      other_outbox.enqueue(chats[pick(chats.size())], "o" + std::to_string(step), {}, now);
    } else if (what < 35) {
      // A look while this connection's batch is open, its rows then rolled back.
      Transaction batch(db);
      outbox.enqueue(chats[pick(chats.size())], "t" + std::to_string(step), {}, now);
      const std::string differs = difference(queue, outbox, now, 8, {});
      ASSERT_EQ(differs, "") << "inside a transaction, step " << step;
      ++in_transaction;
    } else if (what < 80) {
      std::set<std::string> skip;
      for (const std::string& chat : chats)
        if (pick(4) == 0) skip.insert(chat);
      const std::size_t limit = 1 + pick(6);
      const std::string differs = difference(queue, outbox, now, limit, skip);
      ASSERT_EQ(differs, "") << "step " << step;
      // The sender's verdicts on what it was offered.
      const Outbox::Look look =
          queue.look(now, limit, [&](std::string_view chat) { return skip.contains(std::string(chat)); });
      for (const OutboxMessage& message : look.due) {
        const std::size_t verdict = pick(20);
        if (verdict < 10) {
          ASSERT_TRUE(queue.mark_sent(message.id, now));
          ++sent;
        } else if (verdict < 17) {
          ASSERT_TRUE(queue.mark_failed(message.id, now + 1 + static_cast<std::int64_t>(pick(4))));
          ++retried;
        } else {
          ASSERT_TRUE(queue.mark_dead(message.id, now, "refused"));
          ++dead;
        }
      }
    } else if (what < 97) {
      now += static_cast<std::int64_t>(pick(3));
    } else {
      queue.forget();
    }
  }
  const std::string differs = difference(queue, outbox, now + 1000, 1000, {});
  EXPECT_EQ(differs, "");
  // The walk met every kind of step often enough to mean something.
  EXPECT_GT(sent, 300);
  EXPECT_GT(retried, 200);
  EXPECT_GT(dead, 50);
  EXPECT_GT(rolled_back, 50);
  EXPECT_GT(in_transaction, 50);
}

TEST_F(OutboxQueueTest, APassReadsWhatWasQueuedSinceNotTheBacklog) {
  // A platform down: 2,000 messages to 500 chats, none due before 10.
  for (int i = 0; i < 2000; ++i)
    outbox.enqueue("generic:@u-" + std::to_string(i % 500), "m", {}, 10);
  EXPECT_EQ(queue.look(5, 256).backlog, 2000);  // the first look reads the queue whole
  const std::int64_t before = queue.rows_read();
  for (int i = 0; i < 3; ++i)
    outbox.enqueue("generic:@u-" + std::to_string(i), "more", {}, 10);
  const Outbox::Look look = queue.look(5, 256);
  EXPECT_EQ(queue.rows_read() - before, 3);  // the three rows queued since, nothing else
  EXPECT_EQ(look.backlog, 2003);
  EXPECT_TRUE(look.due.empty());
  EXPECT_EQ(look.next_attempt_at, 10);
  // A head that leaves costs one probe for its chat's next message.
  const std::vector<OutboxMessage> due = queue.look(10, 1).due;
  ASSERT_EQ(due.size(), 1u);
  const std::int64_t at_send = queue.rows_read();
  ASSERT_TRUE(queue.mark_sent(due[0].id, 10));
  EXPECT_EQ(queue.rows_read() - at_send, 1);
  EXPECT_EQ(queue.look(10, 0).backlog, 2002);
}

TEST_F(OutboxQueueTest, AChatInFlightIsPassedOverUnreadAndLeavesRoomUnderTheLimit) {
  const std::int64_t a = outbox.enqueue("generic:b3u1", "a", {}, 10);
  const std::int64_t b = outbox.enqueue("generic:b3u2", "b", {}, 10);
  const std::int64_t c = outbox.enqueue("generic:g1", "c", {}, 10);
  queue.look(5, 0);  // read whole, nothing due yet
  const std::int64_t before = queue.rows_read();
  const Outbox::Look look = queue.look(10, 2, [](std::string_view chat) { return chat == "generic:b3u1"; });
  EXPECT_EQ(ids(look.due), (std::vector<std::int64_t>{b, c}));
  EXPECT_EQ(queue.rows_read() - before, 2);  // a's row was not read
  EXPECT_EQ(look.next_attempt_at, 10);       // a still counts for when to look again
  EXPECT_EQ(look.backlog, 3);
  EXPECT_EQ(ids(queue.look(10, 5).due), (std::vector<std::int64_t>{a, b, c}));
}

TEST_F(OutboxQueueTest, RowsQueuedInATransactionThatRollsBackAreNotHeldAgainstTheirIds) {
  {
    Transaction batch(db);
    outbox.enqueue("generic:b3u1", "rolled back", {}, 10);
    EXPECT_EQ(queue.look(10, 5).due.size(), 1u);  // this connection sees its own rows
  }                                               // rolled back: the id will be given again
  const std::int64_t id = outbox.enqueue("generic:b3u2", "kept", {}, 10);
  const std::vector<OutboxMessage> due = queue.look(10, 5).due;
  ASSERT_EQ(ids(due), std::vector<std::int64_t>{id});
  EXPECT_EQ(due[0].text, "kept");
}

TEST_F(OutboxQueueTest, AMessageChangedBehindItsBackIsNeverOfferedAndMemoryIsReadAgain) {
  const std::int64_t a1 = outbox.enqueue("generic:b3u1", "a1", {}, 10);
  const std::int64_t a2 = outbox.enqueue("generic:b3u1", "a2", {}, 10);
  ASSERT_EQ(ids(queue.look(9, 5).due), std::vector<std::int64_t>{});
  outbox.mark_sent(a1, 10);                    // not through the queue (no code of ours does this)
  EXPECT_TRUE(queue.look(10, 5).due.empty());  // a1's row says it is gone: not offered
  EXPECT_EQ(ids(queue.look(10, 5).due), std::vector<std::int64_t>{a2});
  // A message behind its head changed the same way: memory is a count behind until a minute of
  // the caller's clock has passed, and the queue is read whole again.
  const std::int64_t a3 = outbox.enqueue("generic:b3u1", "a3", {}, 10);
  EXPECT_EQ(queue.look(10, 5).backlog, 2);
  outbox.mark_dead(a3, 11, "refused");
  EXPECT_EQ(queue.look(11, 5).backlog, 2);
  EXPECT_EQ(queue.look(10 + 60, 5).backlog, 1);
  // A clock stepped back reads the queue whole as well.
  const std::int64_t a6 = outbox.enqueue("generic:b3u1", "a6", {}, 70);
  EXPECT_EQ(queue.look(70, 5).backlog, 2);
  outbox.mark_dead(a6, 70, "refused");
  EXPECT_EQ(queue.look(69, 5).backlog, 1);
  EXPECT_EQ(ids(queue.look(70, 5).due), std::vector<std::int64_t>{a2});
  // A head sent behind the queue's back, then marked through it: the mark changes nothing, so
  // memory is read again and the chat's next message is offered at once.
  const std::int64_t a4 = outbox.enqueue("generic:b3u1", "a4", {}, 70);
  ASSERT_TRUE(queue.mark_sent(a2, 70));
  ASSERT_EQ(ids(queue.look(70, 5).due), std::vector<std::int64_t>{a4});
  const std::int64_t a5 = outbox.enqueue("generic:b3u1", "a5", {}, 70);
  outbox.mark_sent(a4, 70);
  EXPECT_FALSE(queue.mark_sent(a4, 70));
  EXPECT_EQ(ids(queue.look(70, 5).due), std::vector<std::int64_t>{a5});
}

}  // namespace
}  // namespace whistle::store
