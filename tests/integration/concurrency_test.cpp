// Many report-ins at once: the single writer must hand out each place exactly once.
#include <map>

#include <gtest/gtest.h>

#include "store/database.hpp"
#include "store/signups.hpp"
#include "store/tasks.hpp"
#include "tests/support/fake_deliver_server.hpp"
#include "tests/support/service_harness.hpp"

namespace whistle::bot::testing {
namespace {

constexpr int kPlaces = 50;
constexpr int kPeople = 200;

class ConcurrentReportIn : public ::testing::TestWithParam<int> {};

TEST_P(ConcurrentReportIn, FiftyPlacesGoToFiftyPeopleAndTheRestWaitInLine) {
  TempDir dir;
  FakeDeliverServer deliver;
  RunningService service(test_config(dir.path() / "whistle.db", deliver.url(), GetParam()));
  const HttpResult whistled = post_webhook(
      service.port(), message_body("w-1", "b3u2", "u-chen", "吹哨 清理楼道杂物 50人 明天上午9点 2小时 5分"));
  ASSERT_EQ(whistled.status, 200) << whistled.body << whistled.error;

  std::vector<std::string> bodies;
  for (int i = 1; i <= kPeople; ++i) {
    bodies.push_back(message_body("r-" + std::to_string(i), "b3u2", "u-v" + std::to_string(i), "报到"));
  }
  const std::vector<HttpResult> results = post_webhooks_concurrently(service.port(), bodies);

  std::map<int, int> places;     // "已报到 k/50" → how many answers said k
  std::map<int, int> positions;  // "候补第p位" → how many answers said p
  for (const HttpResult& result : results) {
    ASSERT_EQ(result.status, 200) << result.body << result.error;
    const std::vector<std::string> texts = reply_texts(result);
    ASSERT_EQ(texts.size(), 1u) << result.body;
    if (const std::optional<int> k = number_after(texts[0], "已报到 ")) {
      EXPECT_NE(texts[0].find("/50"), std::string::npos) << texts[0];
      ++places[*k];
    } else if (const std::optional<int> p = number_after(texts[0], "候补第")) {
      ++positions[*p];
    } else {
      ADD_FAILURE() << "neither a place nor the waitlist: " << texts[0];
    }
  }
  ASSERT_EQ(places.size(), static_cast<std::size_t>(kPlaces));
  for (int k = 1; k <= kPlaces; ++k)
    EXPECT_EQ(places[k], 1) << "place " << k;
  ASSERT_EQ(positions.size(), static_cast<std::size_t>(kPeople - kPlaces));
  for (int p = 1; p <= kPeople - kPlaces; ++p)
    EXPECT_EQ(positions[p], 1) << "waitlist position " << p;

  service.stop();
  store::Database db(store::DatabaseOptions{.path = (dir.path() / "whistle.db").string()});
  const std::optional<store::Task> task = store::TaskRepository(db).by_number("c1", 1);
  ASSERT_TRUE(task);
  store::SignupRepository signups(db);
  EXPECT_EQ(signups.count(task->id, store::SignupState::signed_up), kPlaces);
  EXPECT_EQ(signups.count(task->id, store::SignupState::waitlisted), kPeople - kPlaces);
}

std::string thread_count_name(const ::testing::TestParamInfo<int>& param) {
  return std::to_string(param.param) + "Threads";
}

INSTANTIATE_TEST_SUITE_P(Threads, ConcurrentReportIn, ::testing::Values(1, 2), thread_count_name);

}  // namespace
}  // namespace whistle::bot::testing
