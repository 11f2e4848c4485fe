#include "bot/outbox_sender.hpp"
#include "bot/http_client.hpp"

#include <stdlib.h>

#include <filesystem>
#include <map>
#include <set>

#include <SQLiteCpp/Database.h>
#include <gtest/gtest.h>
#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <nlohmann/json.hpp>

#include "bot/adapters/adapter_set.hpp"
#include "bot/clock.hpp"
#include "bot/crypto/hmac.hpp"
#include "bot/metrics.hpp"
#include "store/database.hpp"
#include "store/outbox.hpp"
#include "tests/support/fake_deliver_server.hpp"

namespace whistle::bot {
namespace {

using nlohmann::json;
using testing::Delivery;
using testing::FakeDeliverServer;

constexpr auto kDeadline = std::chrono::seconds(20);

// The sender and the database live on this test's thread: it drives the io_context itself until
// the condition holds, so nothing else touches the connection and no sleep is needed.
class OutboxSenderTest : public ::testing::Test {
 protected:
  OutboxSenderTest() {
    config::GenericInstance instance{"default", "s3cret", fake.url()};
    config.generic["default"] = instance;
    adapters = AdapterSet::from_config(config);
  }

  HttpClient http;

  void enqueue(const std::string& chat, const std::string& text) {
    outbox.enqueue(chat, text, {"generic:u-li"}, clock.now());
  }

  // Runs the sender until `sent` messages were marked sent; false on timeout.
  bool run_until_sent(std::uint64_t sent) {
    OutboxSender sender(io.get_executor(), db, adapters, http, clock, metrics);
    sender.start();
    const auto deadline = std::chrono::steady_clock::now() + kDeadline;
    while (metrics.outbox_sent() < sent && std::chrono::steady_clock::now() < deadline) {
      io.run_one_for(std::chrono::milliseconds(100));
    }
    asio::post(io, [&sender] { sender.stop(); });
    io.run_for(std::chrono::seconds(2));
    io.restart();
    return metrics.outbox_sent() >= sent;
  }

  // A second sender over the same outbox, as after a restart, given time to send what it finds.
  void run_a_restarted_sender() {
    OutboxSender again(io.get_executor(), db, adapters, http, clock, metrics);
    again.start();
    io.run_for(std::chrono::milliseconds(200));
    asio::post(io, [&again] { again.stop(); });
    io.run_for(std::chrono::seconds(1));
  }

  static std::vector<std::string> texts_of(const std::vector<Delivery>& deliveries, const std::string& chat,
                                           bool accepted_only) {
    std::vector<std::string> texts;
    for (const Delivery& delivery : deliveries) {
      if (accepted_only && delivery.status != 200) continue;
      const json body = json::parse(delivery.body);
      if (body.at("chat").get<std::string>() == chat) texts.push_back(body.at("text").get<std::string>());
    }
    return texts;
  }

  FakeDeliverServer fake;
  config::Config config;
  AdapterSet adapters;
  store::Database db{store::DatabaseOptions{.path = ":memory:"}};
  store::Outbox outbox{db};
  SystemClock clock;
  Metrics metrics;
  asio::io_context io;
};

TEST_F(OutboxSenderTest, DeliversEveryChatInOrderSignedAndOnce) {
  enqueue("generic:g1", "g1-1");
  enqueue("generic:b3", "b3-1");
  enqueue("generic:g1", "g1-2");
  enqueue("generic:@u-zhang", "private-1");
  enqueue("generic:g1", "g1-3");
  enqueue("generic:b3", "b3-2");
  ASSERT_TRUE(run_until_sent(6));

  const std::vector<Delivery> deliveries = fake.deliveries();
  ASSERT_EQ(deliveries.size(), 6u);
  EXPECT_EQ(texts_of(deliveries, "g1", true), (std::vector<std::string>{"g1-1", "g1-2", "g1-3"}));
  EXPECT_EQ(texts_of(deliveries, "b3", true), (std::vector<std::string>{"b3-1", "b3-2"}));
  EXPECT_EQ(texts_of(deliveries, "@u-zhang", true), (std::vector<std::string>{"private-1"}));
  std::set<std::string> ids;
  HmacSha256 hmac("s3cret");
  for (const Delivery& delivery : deliveries) {
    EXPECT_EQ(delivery.target, "/deliver");
    EXPECT_EQ(delivery.signature, "sha256=" + hmac.hex_digest(delivery.body));
    EXPECT_TRUE(ids.insert(delivery.delivery_id).second) << "sent twice: " << delivery.delivery_id;
    EXPECT_EQ(json::parse(delivery.body).at("mentions"), json::parse(R"(["u-li"])"));
  }
  EXPECT_EQ(outbox.backlog(), 0);
  EXPECT_FALSE(outbox.next_attempt_at());
}

TEST_F(OutboxSenderTest, FailedDeliveryIsRetriedBeforeTheChatsLaterMessages) {
  fake.fail_next(1, 500);
  enqueue("generic:g1", "g1-1");
  enqueue("generic:g1", "g1-2");
  ASSERT_TRUE(run_until_sent(2));

  const std::vector<Delivery> deliveries = fake.deliveries();
  // The first attempt failed, the retry of the same message came next, then its successor.
  EXPECT_EQ(texts_of(deliveries, "g1", false), (std::vector<std::string>{"g1-1", "g1-1", "g1-2"}));
  EXPECT_EQ(texts_of(deliveries, "g1", true), (std::vector<std::string>{"g1-1", "g1-2"}));
  ASSERT_EQ(deliveries.size(), 3u);
  EXPECT_EQ(deliveries[0].status, 500);
  EXPECT_EQ(deliveries[0].delivery_id, deliveries[1].delivery_id);
  EXPECT_EQ(metrics.outbox_failed(), 1u);
  EXPECT_EQ(outbox.backlog(), 0);
}

TEST_F(OutboxSenderTest, AMessageRefusedForGoodIsSetAsideAndItsChatGoesOn) {
  // 410 from the receiver: no retry fixes it. Before, the chat's queue waited behind it for ever.
  fake.fail_next(1, 410, R"("text":"refused")");
  enqueue("generic:g1", "refused");
  enqueue("generic:g1", "after");
  enqueue("generic:b3", "other chat");
  ASSERT_TRUE(run_until_sent(2));

  const std::vector<Delivery> deliveries = fake.deliveries();
  EXPECT_EQ(texts_of(deliveries, "g1", false), (std::vector<std::string>{"refused", "after"}));
  EXPECT_EQ(texts_of(deliveries, "g1", true), (std::vector<std::string>{"after"}));
  EXPECT_EQ(metrics.outbox_dead(), 1u);
  EXPECT_EQ(outbox.dead_count(), 1);
  EXPECT_EQ(outbox.backlog(), 0);
  EXPECT_NE(metrics.render().find("whistle_outbox_dead_total 1"), std::string::npos);
  EXPECT_EQ(db.raw().execAndGet("SELECT last_error FROM outbox WHERE dead_at IS NOT NULL").getString(),
            "HTTP 410");
}

TEST_F(OutboxSenderTest, ABridgesPassingNotFoundIsRetriedNotSetAside) {
  fake.fail_next(1, 404);
  enqueue("generic:g1", "during a deploy");
  ASSERT_TRUE(run_until_sent(1));
  EXPECT_EQ(texts_of(fake.deliveries(), "g1", false),
            (std::vector<std::string>{"during a deploy", "during a deploy"}));
  EXPECT_EQ(outbox.dead_count(), 0);
}

TEST_F(OutboxSenderTest, ARateLimitAnswerIsRetriedNotSetAside) {
  fake.fail_next(1, 429);
  enqueue("generic:g1", "busy");
  ASSERT_TRUE(run_until_sent(1));
  EXPECT_EQ(texts_of(fake.deliveries(), "g1", false), (std::vector<std::string>{"busy", "busy"}));
  EXPECT_EQ(metrics.outbox_dead(), 0u);
  EXPECT_EQ(outbox.dead_count(), 0);
}

TEST_F(OutboxSenderTest, AStopLetsADeliveryInFlightFinishAndRecordsItSent) {
  // Most platforms have no idempotency key: a reply being accepted as the server stops must be
  // recorded as sent, or it goes out a second time after the restart.
  fake.hold_answers();
  enqueue("generic:g1", "in flight at the stop");
  OutboxSender sender(io.get_executor(), db, adapters, http, clock, metrics);
  sender.start();
  const auto deadline = std::chrono::steady_clock::now() + kDeadline;
  while (fake.deliveries().empty() && std::chrono::steady_clock::now() < deadline)
    io.run_one_for(std::chrono::milliseconds(100));
  ASSERT_EQ(sender.in_flight(), 1u);

  bool stopped = false;
  asio::post(io, [&] { sender.stop_after_in_flight(kDeadline, [&] { stopped = true; }); });
  io.run_for(std::chrono::milliseconds(100));
  EXPECT_FALSE(stopped);  // still waiting for the platform's answer
  fake.release_answers();
  while (!stopped && std::chrono::steady_clock::now() < deadline)
    io.run_one_for(std::chrono::milliseconds(100));
  ASSERT_TRUE(stopped);
  EXPECT_EQ(metrics.outbox_sent(), 1u);
  EXPECT_EQ(outbox.backlog(), 0);

  run_a_restarted_sender();
  EXPECT_EQ(fake.deliveries().size(), 1u);  // the restart found nothing left to send
}

TEST_F(OutboxSenderTest, AStopWithNothingInFlightIsDoneAtOnce) {
  OutboxSender sender(io.get_executor(), db, adapters, http, clock, metrics);
  sender.start();
  bool stopped = false;
  asio::post(io, [&] { sender.stop_after_in_flight(kDeadline, [&] { stopped = true; }); });
  io.run_for(std::chrono::milliseconds(100));
  EXPECT_TRUE(stopped);
}

TEST_F(OutboxSenderTest, NothingIsSentAgainOnceMarkedSent) {
  enqueue("generic:g1", "once");
  ASSERT_TRUE(run_until_sent(1));
  run_a_restarted_sender();
  EXPECT_EQ(fake.deliveries().size(), 1u);  // the restart found nothing to send
}

TEST(OutboxSenderUnreachable, AnUnreachableReceiverLeavesTheMessageQueuedWithABackoff) {
  config::Config config;
  // Port 9 on loopback: nothing listens, the connection is refused at once.
  config.generic["default"] = config::GenericInstance{"default", "s", "http://127.0.0.1:9/deliver"};
  const AdapterSet adapters = AdapterSet::from_config(config);
  store::Database db{store::DatabaseOptions{.path = ":memory:"}};
  store::Outbox outbox{db};
  const SystemClock clock;
  Metrics metrics;
  const HttpClient http;
  asio::io_context io;
  outbox.enqueue("generic:g1", "lost?", {}, clock.now());
  OutboxSender sender(io.get_executor(), db, adapters, http, clock, metrics);
  sender.start();
  const auto deadline = std::chrono::steady_clock::now() + kDeadline;
  while (metrics.outbox_failed() < 1 && std::chrono::steady_clock::now() < deadline) {
    io.run_one_for(std::chrono::milliseconds(100));
  }
  asio::post(io, [&sender] { sender.stop(); });
  io.run_for(std::chrono::seconds(1));
  EXPECT_EQ(metrics.outbox_failed(), 1u);
  EXPECT_EQ(outbox.backlog(), 1);
  ASSERT_TRUE(outbox.next_attempt_at());
  EXPECT_GT(*outbox.next_attempt_at(), clock.now() - 1);
}

// An adapter that decides without any I/O: its prepare_send answers at once (the WeCom AI bot
// whose response_url expired between can_send and prepare_send did this). Found by a stress run:
// the delivery's cancellation signal was freed while its coroutine still ran, and the io_context
// later completed through freed memory. The sanitized build sees it on the first message.
class DecidesAtOnceAdapter final : public Adapter {
 public:
  explicit DecidesAtOnceAdapter(SendVerdict verdict) : verdict_(std::move(verdict)) {}
  std::string_view platform() const override { return "stub"; }
  std::string_view instance() const override { return "default"; }
  std::optional<HttpError> verify(const InboundRequest&) const override { return std::nullopt; }
  Decoded decode(const InboundRequest&, std::string_view) const override {
    return std::vector<InboundEvent>{};
  }
  bool replies_inline() const override { return false; }
  HttpAnswer acknowledge(std::span<const EventOutcome>) const override { return {}; }
  bool can_send(const store::OutboxMessage&, std::int64_t) const override { return true; }
  asio::awaitable<SendPlan> prepare_send(const store::OutboxMessage&, const HttpClient&,
                                         std::int64_t) const override {
    co_return verdict_;
  }

 private:
  SendVerdict verdict_;
};

TEST(OutboxSenderWithoutIo, AnAdapterThatDecidesAtOnceLeavesTheSenderSound) {
  AdapterSet adapters;
  adapters.add(std::make_unique<DecidesAtOnceAdapter>(SendVerdict::dead("refused before sending")));
  store::Database db{store::DatabaseOptions{.path = ":memory:"}};
  store::Outbox outbox{db};
  const SystemClock clock;
  Metrics metrics;
  const HttpClient http;
  asio::io_context io;
  for (int i = 0; i < 20; ++i)
    outbox.enqueue("stub:g" + std::to_string(i % 3), "m", {}, clock.now());
  OutboxSender sender(io.get_executor(), db, adapters, http, clock, metrics);
  sender.start();
  const auto deadline = std::chrono::steady_clock::now() + kDeadline;
  while (outbox.backlog() > 0 && std::chrono::steady_clock::now() < deadline) {
    io.run_one_for(std::chrono::milliseconds(100));
  }
  asio::post(io, [&sender] { sender.stop(); });
  io.run_for(std::chrono::milliseconds(300));
  EXPECT_EQ(outbox.backlog(), 0);
  EXPECT_EQ(outbox.dead_count(), 20);
  EXPECT_EQ(metrics.outbox_dead(), 20u);
  EXPECT_EQ(sender.in_flight(), 0u);
}

// Found by the soak (scripts/soak.sh, disk-full run): a message delivered while the store refused
// every write was not marked sent, looked due again, and went out thousands of times in ten
// seconds. The outcome must wait in memory and be recorded before anything is sent again.
TEST(OutboxSenderStoreFailure, AMessageDeliveredWhileTheStoreRefusesWritesGoesOutOnce) {
  std::string pattern = (std::filesystem::temp_directory_path() / "whistle-outbox-XXXXXX").string();
  ASSERT_NE(mkdtemp(pattern.data()), nullptr);
  const std::filesystem::path dir(pattern);
  {
    FakeDeliverServer fake;
    config::Config config;
    config.generic["default"] = config::GenericInstance{"default", "s3cret", fake.url()};
    const AdapterSet adapters = AdapterSet::from_config(config);
    const store::DatabaseOptions options{.path = (dir / "whistle.db").string(), .busy_timeout_ms = 20};
    store::Database db{options};
    store::Outbox outbox{db};
    const SystemClock clock;
    Metrics metrics;
    const HttpClient http;
    asio::io_context io;
    outbox.enqueue("generic:g1", "once", {}, clock.now());

    // Another connection holds the write lock: reads still work (WAL), every write fails BUSY.
    store::Database blocker{options};
    auto lock = std::make_unique<store::Transaction>(blocker);
    OutboxSender sender(io.get_executor(), db, adapters, http, clock, metrics);
    sender.start();
    const auto first_deadline = std::chrono::steady_clock::now() + kDeadline;
    while (fake.deliveries().empty() && std::chrono::steady_clock::now() < first_deadline) {
      io.run_one_for(std::chrono::milliseconds(100));
    }
    ASSERT_EQ(fake.deliveries().size(), 1u);
    // Give the sender every chance to send again while the lock holds (several of its 1 s retries).
    io.run_for(std::chrono::milliseconds(2500));
    EXPECT_EQ(fake.deliveries().size(), 1u) << "sent again while its delivery could not be recorded";

    lock.reset();  // the store is back
    const auto deadline = std::chrono::steady_clock::now() + kDeadline;
    while (outbox.backlog() > 0 && std::chrono::steady_clock::now() < deadline) {
      io.run_one_for(std::chrono::milliseconds(100));
    }
    asio::post(io, [&sender] { sender.stop(); });
    io.run_for(std::chrono::seconds(1));
    EXPECT_EQ(outbox.backlog(), 0) << "the delivery was never recorded once the store was back";
    EXPECT_EQ(fake.deliveries().size(), 1u);
    EXPECT_EQ(metrics.outbox_sent(), 1u);
  }
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace whistle::bot
