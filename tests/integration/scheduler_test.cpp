// Due jobs fire through the writer when their time comes, and their messages go out via the outbox.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "bot/clock.hpp"
#include "tests/support/fake_deliver_server.hpp"
#include "tests/support/service_harness.hpp"

namespace whistle::bot::testing {
namespace {

using nlohmann::json;

TEST(Scheduler, ReminderGoesOutOnceItsTimeHasCome) {
  TempDir dir;
  FakeDeliverServer deliver;
  // Mid-month (2026-11-23 09:00 in Shanghai): two days on from the real date could cross a 民情日,
  // and its publications would be delivered too.
  FixedClock clock(1795395600);
  ServiceOptions options;
  options.clock = &clock;
  config::Config config = test_config(dir.path() / "whistle.db", deliver.url());
  // The call for help to the parent group is due before the reminder only when the real clock is
  // far enough ahead of the start: turned off, so this test sees the reminder alone whenever it runs.
  config.rules.help_lead_hours = 0;
  RunningService service(config, options);

  json whistle =
      json::parse(message_body("w-1", "b3u2", "u-chen", "吹哨 清理楼道杂物 5人 明天上午9点 2小时"));
  whistle["ts"] = clock.now();
  ASSERT_EQ(post_webhook(service.port(), whistle.dump()).status, 200);
  EXPECT_TRUE(deliver.deliveries().empty());

  // Tomorrow at 08:30 any commit makes the scheduler look again; the reminder (due at 08:00) is
  // overdue by then, and the task not yet begun (after its start a reminder says nothing).
  clock.set(clock.now() + 23 * 3600 + 30 * 60);
  ASSERT_EQ(post_webhook(service.port(), message_body("m-2", "b3u2", "u-zhang", "大家好")).status, 200);
  ASSERT_TRUE(deliver.wait_for_accepted(1, std::chrono::seconds(30)));

  const Delivery reminder = deliver.deliveries().front();
  const json body = json::parse(reminder.body);
  EXPECT_EQ(body["chat"].get<std::string>(), "b3u2");
  EXPECT_TRUE(body["text"].get<std::string>().starts_with("【吹哨#1】")) << body.dump();
  service.stop();
  EXPECT_EQ(deliver.deliveries().size(), 1u);
}

}  // namespace
}  // namespace whistle::bot::testing
