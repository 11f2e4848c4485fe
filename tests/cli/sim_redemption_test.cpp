// Redemption in `whistle sim`: the code comes in private, and the virtual clock brings the expiry.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <string>
#include <vector>

#include "bot/cli/simulator.hpp"
#include "config/config.hpp"
#include "store/database.hpp"
#include "store/ledger.hpp"
#include "store/people.hpp"

namespace whistle::bot {
namespace {

using nlohmann::json;

std::string redemption_line(const std::string& at, const std::string& chat, const std::string& from,
                            const std::string& text) {
  return json{{"at", at}, {"chat", chat}, {"from", from}, {"name", from}, {"text", text}}.dump();
}

// A database file in which 张三 already earned 100 points.
class SimRedemption : public ::testing::Test {
 protected:
  SimRedemption() {
    remove_files();
    store::Database db(store::DatabaseOptions{.path = path_.string()});
    store::Transaction transaction(db);
    store::PeopleRepository(db).touch("generic:u-zhang", "张三", 0);
    store::LedgerRepository(db).append(store::NewLedgerEntry{.community = "c1",
                                                             .person = "generic:u-zhang",
                                                             .points = 100,
                                                             .kind = store::LedgerKind::adjust,
                                                             .reason = "earlier work",
                                                             .at = 1});
    transaction.commit();
  }
  ~SimRedemption() override { remove_files(); }

  void remove_files() {
    for (const char* suffix : {"", "-wal", "-shm"})
      std::filesystem::remove(path_.string() + suffix);
  }

  std::filesystem::path path_ =
      std::filesystem::temp_directory_path() / ("whistle-sim-redeem-" + std::to_string(::getpid()) + ".db");
  config::Config config_ = config::demo_config();
};

TEST_F(SimRedemption, TheCodeComesInPrivateAndTwoWeeksLaterTheUncollectedRedemptionExpires) {
  Simulator sim(config_, path_.string());
  const std::vector<json> redeemed =
      sim.feed(redemption_line("2026-11-23T09:00", "b3u2", "u-zhang", "兑换 大米5斤"));
  ASSERT_EQ(redeemed.size(), 2u);
  EXPECT_EQ(redeemed[0]["chat"], "b3u2");
  EXPECT_EQ(redeemed[1]["chat"], "@u-zhang");

  // Until two days before the deadline (18:00 on 7 December, when the service center closes) the
  // volunteer hears nothing (the 民情日 publication of Dec 1 goes to groups); then a reminder.
  for (const json& sent : sim.feed(json{{"at", "2026-12-05T09:59"}}.dump())) {
    EXPECT_NE(sent["chat"], "@u-zhang") << sent.dump();
  }
  const std::vector<json> reminded = sim.feed(json{{"at", "2026-12-05T10:00"}}.dump());
  ASSERT_EQ(reminded.size(), 1u);
  EXPECT_EQ(reminded[0]["chat"], "@u-zhang");
  EXPECT_TRUE(sim.feed(json{{"at", "2026-12-07T17:59"}}.dump()).empty());
  const std::vector<json> expired = sim.feed(json{{"at", "2026-12-07T18:00"}}.dump());
  ASSERT_EQ(expired.size(), 1u);
  EXPECT_EQ(expired[0]["chat"], "@u-zhang");
  EXPECT_EQ(expired[0]["at"], "2026-12-07T18:00");

  store::Database db(store::DatabaseOptions{.path = path_.string()});
  EXPECT_EQ(store::LedgerRepository(db).balance("c1", "generic:u-zhang"), 100);
}

}  // namespace
}  // namespace whistle::bot
