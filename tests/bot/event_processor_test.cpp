// One event of a batch that throws while it is read or handled (a bug, or std::bad_alloc) is undone
// alone, answered with an apology in the chat it came from, logged once, and recorded with that
// answer; the rest of the batch is applied as if nothing happened. The failure is injected through
// EventProcessorOptions::after_handling, after the real parser and handlers have written.
#include "bot/event_processor.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <new>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include <spdlog/sinks/ringbuffer_sink.h>

#include "bot/logging.hpp"
#include "config/config.hpp"
#include "config/templates.hpp"
#include "handlers/dispatcher.hpp"
#include "store/database.hpp"
#include "store/outbox.hpp"
#include "store/signups.hpp"
#include "store/tasks.hpp"
#include "tests/bot/event_fixture.hpp"

namespace whistle::bot {
namespace {

using test_events::kMonday0900;
using test_events::webhook_event;

// Collects what the pipeline logger writes while the test runs.
class CapturedLog {
 public:
  CapturedLog()
      : logger_(named_logger("pipeline")), sink_(std::make_shared<spdlog::sinks::ringbuffer_sink_mt>(64)) {
    logger_->sinks().push_back(sink_);
  }
  ~CapturedLog() { logger_->sinks().pop_back(); }

  std::vector<std::string> errors() const {
    std::vector<std::string> lines;
    for (const spdlog::details::log_msg_buffer& message : sink_->last_raw()) {
      if (message.level == spdlog::level::err)
        lines.emplace_back(message.payload.begin(), message.payload.end());
    }
    return lines;
  }

 private:
  std::shared_ptr<spdlog::logger> logger_;
  std::shared_ptr<spdlog::sinks::ringbuffer_sink_mt> sink_;
};

class EventProcessorFailure : public ::testing::Test {
 protected:
  static InboundEvent event(const std::string& id, const std::string& chat, const std::string& from,
                            const std::string& name, const std::string& text) {
    return webhook_event(id, chat, from, name, text);
  }

  std::vector<EventOutcome> apply(const std::vector<InboundEvent>& events) {
    return processor_.apply(events);
  }

  // 陈单元长 whistles task 1 in b3u2 with five places.
  void whistle_task_one() {
    const std::vector<EventOutcome> outcomes =
        apply({event("w-1", "b3u2", "u-chen", "陈单元长", "吹哨 打扫楼道 5人 周六上午9点 2小时")});
    ASSERT_EQ(outcomes.front().status, EventOutcome::Status::applied);
    ASSERT_TRUE(store::TaskRepository(db_).by_number("c1", 1));
  }

  bool signed_up(const std::string& person) {
    const std::optional<store::Task> task = store::TaskRepository(db_).by_number("c1", 1);
    if (!task) return false;
    const std::optional<store::Signup> signup =
        store::SignupRepository(db_).find(task->id, "generic:" + person);
    return signup && signup->state == store::SignupState::signed_up;
  }

  std::set<std::string> failing_;  ///< senders whose events throw after their handler ran
  std::function<void(const handlers::Message&)> throw_for_ = [](const handlers::Message&) {
    throw std::runtime_error("injected failure");
  };
  // After failing_ and throw_for_, which its hook reads.
  test_events::DemoWriter writer_{
      EventProcessorOptions{.after_handling = [this](const handlers::Message& message) {
        if (failing_.contains(message.sender)) throw_for_(message);
      }}};
  store::Database& db_ = writer_.db;
  config::Templates& templates_ = writer_.templates;
  EventProcessor& processor_ = writer_.processor;
};

TEST_F(EventProcessorFailure, TheFailedEventAloneIsUndoneAndItsSenderGetsOneAnswerInTheirChat) {
  whistle_task_one();
  failing_.insert("generic:u-li");
  const std::vector<EventOutcome> outcomes = apply({event("r-1", "b3u2", "u-zhang", "张三", "报到 1"),
                                                    event("r-2", "b3u2", "u-li", "李网格长", "报到 1"),
                                                    event("r-3", "b3u2", "u-qian", "钱楼栋长", "报到 1")});
  ASSERT_EQ(outcomes.size(), 3u);
  EXPECT_EQ(outcomes[0].status, EventOutcome::Status::applied);
  EXPECT_EQ(outcomes[1].status, EventOutcome::Status::failed);
  EXPECT_EQ(outcomes[2].status, EventOutcome::Status::applied);

  ASSERT_EQ(outcomes[1].inline_replies.size(), 1u);
  EXPECT_EQ(outcomes[1].inline_replies[0].chat, "generic:b3u2");
  EXPECT_EQ(outcomes[1].inline_replies[0].mentions, std::vector<std::string>{"generic:u-li"});
  EXPECT_EQ(outcomes[1].queued, 0u);
  EXPECT_EQ(outcomes[1].inline_replies[0].text,
            templates_.render("event_failed", {{"mention", "@李网格长"}}));

  // The report-in the handler wrote before the failure is gone; the others' are kept.
  EXPECT_TRUE(signed_up("u-zhang"));
  EXPECT_FALSE(signed_up("u-li"));
  EXPECT_TRUE(signed_up("u-qian"));
  EXPECT_EQ(store::Outbox(db_).backlog(), 0);
}

TEST_F(EventProcessorFailure, ARedeliveryGetsTheSameAnswerAndNothingRunsTwice) {
  whistle_task_one();
  failing_.insert("generic:u-li");
  const EventOutcome first = apply({event("r-2", "b3u2", "u-li", "李网格长", "报到 1")}).front();
  ASSERT_EQ(first.status, EventOutcome::Status::failed);

  // The bug is gone by the time the platform redelivers: the event is still not handled again.
  failing_.clear();
  const EventOutcome again = apply({event("r-2", "b3u2", "u-li", "李网格长", "报到 1")}).front();
  EXPECT_EQ(again.status, EventOutcome::Status::duplicate);
  EXPECT_EQ(again.inline_replies, first.inline_replies);
  EXPECT_FALSE(signed_up("u-li"));

  // A new message is handled as usual.
  EXPECT_EQ(apply({event("r-4", "b3u2", "u-li", "李网格长", "报到 1")}).front().status,
            EventOutcome::Status::applied);
  EXPECT_TRUE(signed_up("u-li"));
}

TEST_F(EventProcessorFailure, TheFailureIsLoggedOnceWithTheEventIdAndTheQuotedText) {
  whistle_task_one();
  failing_.insert("generic:u-li");
  const CapturedLog log;
  apply({event("r-\"2\"", "b3u2", "u-li", "李网格长", "报到 1\nINFO forged")});
  const std::vector<std::string> errors = log.errors();
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_NE(errors[0].find(R"(event="generic:default:r-\"2\"")"), std::string::npos) << errors[0];
  EXPECT_NE(errors[0].find(R"(text="报到 1\x0aINFO forged")"), std::string::npos) << errors[0];
  EXPECT_NE(errors[0].find("injected failure"), std::string::npos) << errors[0];
}

TEST_F(EventProcessorFailure, RunningOutOfMemoryOnOneEventIsAnsweredTheSameWay) {
  whistle_task_one();
  failing_.insert("generic:u-li");
  throw_for_ = [](const handlers::Message&) { throw std::bad_alloc(); };
  const std::vector<EventOutcome> outcomes = apply({event("r-2", "b3u2", "u-li", "李网格长", "报到 1"),
                                                    event("r-3", "b3u2", "u-qian", "钱楼栋长", "报到 1")});
  EXPECT_EQ(outcomes[0].status, EventOutcome::Status::failed);
  EXPECT_EQ(outcomes[0].inline_replies.size(), 1u);
  EXPECT_EQ(outcomes[1].status, EventOutcome::Status::applied);
  EXPECT_TRUE(signed_up("u-qian"));
}

TEST_F(EventProcessorFailure, InPrivateTheApologyGoesToThePrivateChat) {
  failing_.insert("generic:u-zhang");
  const EventOutcome outcome = apply({event("p-1", "@u-zhang", "u-zhang", "", "你好")}).front();
  EXPECT_EQ(outcome.status, EventOutcome::Status::failed);
  ASSERT_EQ(outcome.inline_replies.size(), 1u);
  EXPECT_EQ(outcome.inline_replies[0].chat, "generic:@u-zhang");
  EXPECT_EQ(outcome.inline_replies[0].mentions, std::vector<std::string>{"generic:u-zhang"});
}

TEST_F(EventProcessorFailure, APlatformThatAnswersThroughItsSendApiGetsTheApologyThroughTheOutbox) {
  failing_.insert("generic:u-zhang");
  InboundEvent sent_later = event("m-1", "b3u2", "u-zhang", "张三", "帮助");
  sent_later.replies_inline = false;
  const EventOutcome outcome = apply({sent_later}).front();
  EXPECT_EQ(outcome.status, EventOutcome::Status::failed);
  EXPECT_TRUE(outcome.inline_replies.empty());
  EXPECT_EQ(outcome.queued, 1u);
  const std::vector<store::OutboxMessage> queued = store::Outbox(db_).due(kMonday0900, 10);
  ASSERT_EQ(queued.size(), 1u);
  EXPECT_EQ(queued[0].chat, "generic:b3u2");
  EXPECT_EQ(queued[0].mentions, std::vector<std::string>{"generic:u-zhang"});
}

}  // namespace
}  // namespace whistle::bot
