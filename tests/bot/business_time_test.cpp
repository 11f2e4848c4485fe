// The business time rule: what a message's words mean is read against the message's own time
// (明天 said at 00:01 by the sender's clock is the day after that), while what it does is dated by
// the bot's clock when it arrived. The generic adapter believes a `ts` only within a few minutes of
// that clock (bot/adapters/message_time.hpp), so the two differ by minutes at most.
#include <gtest/gtest.h>

#include "bot/event_digest.hpp"
#include "bot/event_processor.hpp"
#include "config/config.hpp"
#include "config/templates.hpp"
#include "handlers/dispatcher.hpp"
#include "store/database.hpp"
#include "store/tasks.hpp"

namespace whistle::bot {
namespace {

/// Monday 2026-11-23 23:58:30 and Tuesday 00:01:30 in Asia/Shanghai, three minutes apart.
constexpr std::int64_t kMondayLate = 1795449510;
constexpr std::int64_t kTuesdayEarly = kMondayLate + 180;
/// Wednesday 2026-11-25 09:00 in Asia/Shanghai.
constexpr std::int64_t kWednesday0900 = 1795568400;

class BusinessTime : public ::testing::Test {
 protected:
  BusinessTime()
      : db_(store::DatabaseOptions{.path = ":memory:"}),
        config_(config::demo_config()),
        templates_(config::Templates::builtin("zh-CN")),
        dispatcher_(db_, config_, templates_),
        processor_(db_, dispatcher_, templates_, config_) {
    store::Transaction transaction(db_);
    dispatcher_.sync_org();
    transaction.commit();
  }

  store::Database db_;
  config::Config config_;
  config::Templates templates_;
  handlers::Dispatcher dispatcher_;
  EventProcessor processor_;
};

TEST_F(BusinessTime, WordsAreReadAtTheMessagesTimeAndTheTaskIsDatedByTheBotsClock) {
  InboundEvent event;
  event.dedupe_key = "generic:default:w-1";
  event.message.chat = "generic:b3u2";
  event.message.sender = "generic:u-chen";
  event.message.sender_name = "陈单元长";
  event.message.text = "吹哨 打扫楼道 5人 明天上午9点 2小时";
  event.message.at = kTuesdayEarly;  // the sender's phone: already Tuesday
  event.received_at = kMondayLate;   // the bot's clock: still Monday
  event.digest = event_digest(event.message);
  ASSERT_EQ(processor_.apply(std::vector<InboundEvent>{event}).front().status, EventOutcome::Status::applied);

  const std::optional<store::Task> task = store::TaskRepository(db_).by_number("c1", 1);
  ASSERT_TRUE(task);
  EXPECT_EQ(task->start, kWednesday0900) << "明天 of a message sent on Tuesday is Wednesday";
  EXPECT_EQ(task->created_at, kMondayLate) << "the task exists from when the bot received it";
}

}  // namespace
}  // namespace whistle::bot
