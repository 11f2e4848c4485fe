#include "bot/metrics.hpp"

#include <gtest/gtest.h>

namespace whistle::bot {
namespace {

bool has_line(const std::string& text, const std::string& line) {
  return text.find("\n" + line + "\n") != std::string::npos || text.starts_with(line + "\n");
}

TEST(Metrics, RequestsAreCountedByRouteAndStatus) {
  Metrics metrics;
  metrics.count_request(Endpoint::webhook, 200, 0.0004);
  metrics.count_request(Endpoint::webhook, 200, 0.002);
  metrics.count_request(Endpoint::webhook, 401, 0.0001);
  metrics.count_request(std::nullopt, 404, 0.0001);
  const std::string text = metrics.render();
  EXPECT_TRUE(
      has_line(text, R"(whistle_http_requests_total{route="/hooks/{platform}/{instance}",status="200"} 2)"))
      << text;
  EXPECT_TRUE(
      has_line(text, R"(whistle_http_requests_total{route="/hooks/{platform}/{instance}",status="401"} 1)"));
  EXPECT_TRUE(has_line(text, R"(whistle_http_requests_total{route="unmatched",status="404"} 1)"));
  EXPECT_TRUE(has_line(text, "# TYPE whistle_http_requests_total counter"));
  EXPECT_EQ(text.find("status=\"500\""), std::string::npos);
}

TEST(Metrics, HistogramBucketsAreCumulativeAndEndInInfinity) {
  Metrics metrics;
  metrics.count_batch(1, 1, 0, 0);
  metrics.count_batch(3, 2, 1, 0);
  metrics.count_batch(20, 20, 0, 0);
  const std::string text = metrics.render();
  EXPECT_TRUE(has_line(text, "# TYPE whistle_batch_size histogram"));
  EXPECT_TRUE(has_line(text, R"(whistle_batch_size_bucket{le="1"} 1)")) << text;
  EXPECT_TRUE(has_line(text, R"(whistle_batch_size_bucket{le="2"} 1)"));
  EXPECT_TRUE(has_line(text, R"(whistle_batch_size_bucket{le="4"} 2)"));
  EXPECT_TRUE(has_line(text, R"(whistle_batch_size_bucket{le="32"} 3)"));
  EXPECT_TRUE(has_line(text, R"(whistle_batch_size_bucket{le="+Inf"} 3)"));
  EXPECT_TRUE(has_line(text, "whistle_batch_size_sum 24"));
  EXPECT_TRUE(has_line(text, "whistle_batch_size_count 3"));
  EXPECT_TRUE(has_line(text, "whistle_events_processed_total 23"));
  EXPECT_TRUE(has_line(text, "whistle_events_duplicate_total 1"));
}

TEST(Metrics, OutboxCountersAndBacklogAppear) {
  Metrics metrics;
  metrics.count_delivery(true);
  metrics.count_delivery(true);
  metrics.count_delivery(false);
  metrics.set_outbox_backlog(7);
  const std::string text = metrics.render();
  EXPECT_TRUE(has_line(text, "whistle_outbox_sent_total 2"));
  EXPECT_TRUE(has_line(text, "whistle_outbox_failed_total 1"));
  EXPECT_TRUE(has_line(text, "# TYPE whistle_outbox_backlog gauge"));
  EXPECT_TRUE(has_line(text, "whistle_outbox_backlog 7"));
  EXPECT_TRUE(has_line(text, "# TYPE whistle_request_duration_seconds histogram"));
}

TEST(Metrics, CheckpointRoundsAreTimedAndRestartsCounted) {
  Metrics metrics;
  metrics.count_checkpoint(0.004, false);
  metrics.count_checkpoint(0.030, true);
  metrics.count_checkpoint(0.020, false);
  const std::string text = metrics.render();
  EXPECT_TRUE(has_line(text, "# TYPE whistle_checkpoint_duration_seconds histogram")) << text;
  EXPECT_TRUE(has_line(text, R"(whistle_checkpoint_duration_seconds_bucket{le="0.005"} 1)")) << text;
  EXPECT_TRUE(has_line(text, R"(whistle_checkpoint_duration_seconds_bucket{le="0.025"} 2)"));
  EXPECT_TRUE(has_line(text, R"(whistle_checkpoint_duration_seconds_bucket{le="0.05"} 3)"));
  EXPECT_TRUE(has_line(text, "whistle_checkpoint_duration_seconds_count 3"));
  EXPECT_TRUE(has_line(text, "whistle_checkpoint_duration_seconds_sum 0.054"));
  EXPECT_TRUE(has_line(text, "whistle_wal_restarts_total 1"));
}

TEST(Metrics, EveryLineIsACommentOrANameAndAValue) {
  Metrics metrics;
  metrics.count_request(Endpoint::healthz, 200, 0.01);
  const std::string text = metrics.render();
  ASSERT_TRUE(text.ends_with("\n"));
  std::size_t start = 0;
  while (start < text.size()) {
    const std::size_t end = text.find('\n', start);
    const std::string line = text.substr(start, end - start);
    start = end + 1;
    if (line.starts_with("# HELP ") || line.starts_with("# TYPE ")) continue;
    ASSERT_TRUE(line.starts_with("whistle_")) << line;
    const auto space = line.rfind(' ');
    ASSERT_NE(space, std::string::npos) << line;
    EXPECT_NO_THROW((void)std::stod(line.substr(space + 1))) << line;
  }
}

}  // namespace
}  // namespace whistle::bot
