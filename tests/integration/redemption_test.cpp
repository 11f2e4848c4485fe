// Redemption through the real server: many people after the last items at once, and a crash between
// the hold and the pickup.
#include <csignal>
#include <fstream>
#include <set>
#include <sstream>

#include <sys/wait.h>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "store/consistency.hpp"
#include "store/database.hpp"
#include "store/ledger.hpp"
#include "store/people.hpp"
#include "store/redemptions.hpp"
#include "store/rewards.hpp"
#include "tests/integration/child_process.hpp"
#include "tests/support/fake_deliver_server.hpp"
#include "tests/support/service_harness.hpp"

namespace whistle::bot::testing {
namespace {

constexpr int kRedeemers = 30;
constexpr int kLastItems = 5;  // the demo's 食用油1桶: 80 points, 5 in stock
constexpr int kStartingPoints = 100;
constexpr int kOilPoints = 80;
constexpr auto kRedemptionDeadline = std::chrono::seconds(60);

std::string person(int i) {
  return "u-r" + std::to_string(i);
}

// Points as earlier confirmed work would have left them, written before the server starts.
void give_points(const std::filesystem::path& db_file, const std::vector<std::string>& people, int points) {
  store::Database db(store::DatabaseOptions{.path = db_file.string()});
  store::Transaction transaction(db);
  store::PeopleRepository people_repository(db);
  store::LedgerRepository ledger(db);
  for (const std::string& id : people) {
    people_repository.touch("generic:" + id, id, 0);
    store::NewLedgerEntry entry;
    entry.community = "c1";
    entry.person = "generic:" + id;
    entry.points = points;
    entry.kind = store::LedgerKind::adjust;
    entry.reason = "earlier work";
    entry.at = 1;
    ledger.append(entry);
  }
  transaction.commit();
}

std::string private_body(const std::string& id, const std::string& from, const std::string& text) {
  nlohmann::json body = nlohmann::json::parse(message_body(id, "@" + from, from, text));
  body["chat_type"] = "private";
  return body.dump();
}

TEST(ConcurrentRedemption, ThirtyPeopleAfterTheLastFiveItemsGetFiveAndNoBalanceGoesNegative) {
  TempDir dir;
  FakeDeliverServer deliver;
  const std::filesystem::path db_file = dir.path() / "whistle.db";
  std::vector<std::string> people;
  for (int i = 1; i <= kRedeemers; ++i)
    people.push_back(person(i));
  give_points(db_file, people, kStartingPoints);

  RunningService service(test_config(db_file, deliver.url(), 2));
  std::vector<std::string> bodies;
  for (int i = 1; i <= kRedeemers; ++i) {
    bodies.push_back(message_body("x-" + std::to_string(i), "b3u2", person(i), "兑换 食用油1桶"));
  }
  const std::vector<HttpResult> results = post_webhooks_concurrently(service.port(), bodies);
  for (const HttpResult& result : results) {
    ASSERT_EQ(result.status, 200) << result.body << result.error;
    EXPECT_EQ(reply_texts(result).size(), 1u) << result.body;
  }
  service.stop();

  store::Database db(store::DatabaseOptions{.path = db_file.string()});
  store::LedgerRepository ledger(db);
  store::RedemptionRepository redemptions(db);
  EXPECT_EQ(store::RewardRepository(db).find("c1", "oil")->stock, 0);
  int winners = 0;
  std::set<std::string> codes;
  for (const std::string& id : people) {
    const std::int64_t balance = ledger.balance("c1", "generic:" + id);
    const std::vector<store::Redemption> pending = redemptions.pending_of("c1", "generic:" + id);
    ASSERT_LE(pending.size(), 1u) << id;
    if (pending.empty()) {
      EXPECT_EQ(balance, kStartingPoints) << id;
    } else {
      ++winners;
      codes.insert(pending[0].code);
      EXPECT_EQ(balance, kStartingPoints - kOilPoints) << id;
    }
  }
  EXPECT_EQ(winners, kLastItems);
  EXPECT_EQ(codes.size(), static_cast<std::size_t>(kLastItems));
  const store::ConsistencyReport report = store::check_consistency(db);
  EXPECT_TRUE(report.violations.empty()) << report.violations.front();
}

// The demo community as a config file for the real binary, listening on a free port.
std::filesystem::path write_redemption_config(const std::filesystem::path& dir,
                                              const std::string& deliver_url) {
  std::ifstream demo(std::string(WHISTLE_SOURCE_DIR) + "/config/demo.toml");
  std::stringstream text;
  text << demo.rdbuf();
  std::string org = text.str();
  const std::string demo_url = "deliver_url = \"http://127.0.0.1:9000/deliver\"";
  const auto at = org.find(demo_url);
  if (at != std::string::npos) org.replace(at, demo_url.size(), "deliver_url = \"" + deliver_url + "\"");
  const std::filesystem::path file = dir / "whistle.toml";
  std::ofstream out(file);
  out << "[server]\nlisten = \"127.0.0.1:0\"\n\n[store]\npath = \"" << (dir / "whistle.db").string()
      << "\"\n\n"
      << org;
  return file;
}

// `whistle check` on the database: exits 0 when every rule holds.
bool check_passes(const std::filesystem::path& config_file, const std::filesystem::path& dir) {
  // design.md's form: whistle check [--config FILE] --db FILE.
  ChildProcess check(WHISTLE_BINARY,
                     {"check", "--config", config_file.string(), "--db", (dir / "whistle.db").string()},
                     dir / "check.log");
  std::string output;
  while (std::optional<std::string> line = check.read_line(std::chrono::seconds(30)))
    output += *line + "\n";
  const std::optional<int> status = check.wait(kRedemptionDeadline);
  const bool passed = status && WIFEXITED(*status) && WEXITSTATUS(*status) == 0;
  if (!passed) {
    std::ifstream log(dir / "check.log");
    std::stringstream errors;
    errors << log.rdbuf();
    ADD_FAILURE() << "whistle check: " << output << errors.str();
  }
  return passed;
}

TEST(RedemptionCrash, KilledBetweenHoldAndPickupTheRedemptionIsStillPendingAndCanBePickedUp) {
  TempDir dir;
  FakeDeliverServer deliver;
  const std::filesystem::path config_file = write_redemption_config(dir.path(), deliver.url());
  const std::filesystem::path db_file = dir.path() / "whistle.db";
  give_points(db_file, {"u-zhang"}, 200);

  {
    ServeProcess first = start_serve(config_file, dir.path() / "first.log");
    ASSERT_NE(first.port, 0) << "no listening line from " << WHISTLE_BINARY;
    const HttpResult held = post_webhook(first.port, private_body("h-1", "u-zhang", "兑换 大米5斤 2"));
    ASSERT_EQ(held.status, 200) << held.body << held.error;
    first.process->signal(SIGKILL);
    ASSERT_TRUE(first.process->wait(kRedemptionDeadline));
  }

  std::string code;
  {
    store::Database db(store::DatabaseOptions{.path = db_file.string()});
    const std::vector<store::Redemption> pending =
        store::RedemptionRepository(db).pending_of("c1", "generic:u-zhang");
    ASSERT_EQ(pending.size(), 1u);
    code = pending[0].code;
    EXPECT_EQ(store::LedgerRepository(db).balance("c1", "generic:u-zhang"), 100);
    EXPECT_EQ(store::RewardRepository(db).find("c1", "rice")->stock, 8);
  }
  EXPECT_TRUE(check_passes(config_file, dir.path()));

  ServeProcess second = start_serve(config_file, dir.path() / "second.log");
  ASSERT_NE(second.port, 0);
  const HttpResult picked = post_webhook(second.port, message_body("p-1", "c1", "u-zhou", "核销 " + code));
  ASSERT_EQ(picked.status, 200) << picked.body << picked.error;
  const std::vector<std::string> texts = reply_texts(picked);
  ASSERT_EQ(texts.size(), 1u);
  EXPECT_NE(texts[0].find(code), std::string::npos);
  second.process->signal(SIGTERM);
  ASSERT_TRUE(second.process->wait(kRedemptionDeadline));

  {
    store::Database db(store::DatabaseOptions{.path = db_file.string()});
    const std::optional<store::Redemption> done = store::RedemptionRepository(db).by_code("c1", code);
    ASSERT_TRUE(done);
    EXPECT_EQ(done->status, store::RedemptionStatus::picked_up);
    // The restart neither refunded the points nor gave the stock back.
    EXPECT_EQ(store::LedgerRepository(db).balance("c1", "generic:u-zhang"), 100);
    EXPECT_EQ(store::RewardRepository(db).find("c1", "rice")->stock, 8);
  }
  EXPECT_TRUE(check_passes(config_file, dir.path()));
}

}  // namespace
}  // namespace whistle::bot::testing
