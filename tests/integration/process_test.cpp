// The real `whistle serve` binary: killed with SIGKILL mid-burst it loses nothing and applies
// nothing twice once the platform redelivers; stopped with SIGTERM it answers what it took and
// exits 0. The CLI contract relied on: `whistle serve --config FILE` prints
// "whistle: listening on http://127.0.0.1:<port>" (flushed) once listening.
#include <algorithm>
#include <condition_variable>
#include <csignal>
#include <cstring>
#include <fstream>
#include <mutex>
#include <set>
#include <sstream>
#include <thread>

#include <sys/wait.h>

#include <gtest/gtest.h>

#include "store/database.hpp"
#include "store/outbox.hpp"
#include "store/signups.hpp"
#include "store/tasks.hpp"
#include "tests/integration/child_process.hpp"
#include "tests/support/fake_deliver_server.hpp"
#include "tests/support/service_harness.hpp"

namespace whistle::bot::testing {
namespace {

constexpr int kBurstPlaces = 500;
constexpr int kBurst = 300;
constexpr auto kProcessDeadline = std::chrono::seconds(60);

// The demo community as a config file, listening on a free port, with its database in `dir`.
std::filesystem::path write_process_config(const std::filesystem::path& dir, const std::string& deliver_url,
                                           int threads) {
  std::ifstream demo(std::string(WHISTLE_SOURCE_DIR) + "/config/demo.toml");
  std::stringstream text;
  text << demo.rdbuf();
  std::string org = text.str();
  const std::string demo_url = "deliver_url = \"http://127.0.0.1:9000/deliver\"";
  const auto at = org.find(demo_url);
  if (at != std::string::npos) org.replace(at, demo_url.size(), "deliver_url = \"" + deliver_url + "\"");
  const std::filesystem::path file = dir / "whistle.toml";
  std::ofstream out(file);
  // The burst is a platform redelivering kBurst events at once from one address: more than the
  // default per-address cap of 256 connections.
  out << "[server]\nlisten = \"127.0.0.1:0\"\nthreads = " << threads
      << "\nmax_connections_per_address = 1024\n\n[store]\npath = \"" << (dir / "whistle.db").string()
      << "\"\n\n"
      << org;
  return file;
}

// `whistle serve` with one event-loop thread, its files in `dir`, logging to serve.log there.
ServeProcess start_single_threaded_serve(const TempDir& dir, const FakeDeliverServer& deliver) {
  return start_serve(write_process_config(dir.path(), deliver.url(), 1), dir.path() / "serve.log");
}

std::vector<std::string> burst_bodies() {
  std::vector<std::string> bodies;
  for (int i = 1; i <= kBurst; ++i) {
    bodies.push_back(message_body("burst-" + std::to_string(i), "b3u2", "u-p" + std::to_string(i), "报到"));
  }
  return bodies;
}

// Fires the burst from another thread; the test waits until some answers came.
class BurstClient {
 public:
  BurstClient(std::uint16_t port, std::vector<std::string> bodies)
      : thread_([this, port, bodies = std::move(bodies)] {
          results_ = post_webhooks_concurrently(port, bodies, [this](std::size_t, const HttpResult& result) {
            const std::lock_guard lock(mutex_);
            if (result.status != 0) ++answered_;
            changed_.notify_all();
          });
        }) {}
  ~BurstClient() {
    if (thread_.joinable()) thread_.join();
  }

  bool wait_for_answers(int count) {
    std::unique_lock lock(mutex_);
    return changed_.wait_for(lock, kProcessDeadline, [&] { return answered_ >= count; });
  }

  std::vector<HttpResult> results() {
    thread_.join();
    return results_;
  }

 private:
  std::mutex mutex_;
  std::condition_variable changed_;
  int answered_ = 0;
  std::vector<HttpResult> results_;
  std::thread thread_;
};

void whistle_task(std::uint16_t port) {
  const HttpResult result = post_webhook(
      port, message_body("w-1", "b3u2", "u-chen",
                         "吹哨 清理楼道杂物 " + std::to_string(kBurstPlaces) + "人 明天上午9点 2小时 5分"));
  ASSERT_EQ(result.status, 200) << result.body << result.error;
}

struct ProcessCounts {
  int signed_up = 0;
  std::size_t distinct_people = 0;
  std::size_t rows = 0;
};

ProcessCounts count_signups(const std::filesystem::path& db_file) {
  store::Database db(store::DatabaseOptions{.path = db_file.string()});
  const std::optional<store::Task> task = store::TaskRepository(db).by_number("c1", 1);
  if (!task) return {};
  store::SignupRepository signups(db);
  ProcessCounts counts;
  counts.signed_up = signups.count(task->id, store::SignupState::signed_up);
  const std::vector<store::Signup> active = signups.active(task->id);
  counts.rows = active.size();
  std::set<std::string> people;
  for (const store::Signup& signup : active)
    people.insert(signup.person);
  counts.distinct_people = people.size();
  return counts;
}

bool exited_cleanly(const std::optional<int>& status) {
  return status && WIFEXITED(*status) && WEXITSTATUS(*status) == 0;
}

TEST(CrashSafety, KilledMidBurstThenRedeliveredEveryEventAppliesExactlyOnce) {
  TempDir dir;
  FakeDeliverServer deliver;
  const std::filesystem::path config_file = write_process_config(dir.path(), deliver.url(), 2);
  const std::vector<std::string> bodies = burst_bodies();

  std::vector<HttpResult> first_answers;
  {
    ServeProcess first = start_serve(config_file, dir.path() / "first.log");
    ASSERT_NE(first.port, 0) << "no listening line from " << WHISTLE_BINARY;
    whistle_task(first.port);
    BurstClient client(first.port, bodies);
    ASSERT_TRUE(client.wait_for_answers(20));
    first.process->signal(SIGKILL);
    ASSERT_TRUE(first.process->wait(kProcessDeadline));
    first_answers = client.results();
  }

  ServeProcess second = start_serve(config_file, dir.path() / "second.log");
  ASSERT_NE(second.port, 0);
  // The platform redelivers everything it has no answer for; we redeliver all of it, answered or not.
  const std::vector<HttpResult> answers = post_webhooks_concurrently(second.port, bodies);
  std::set<int> places;
  for (std::size_t i = 0; i < answers.size(); ++i) {
    ASSERT_EQ(answers[i].status, 200) << answers[i].body << answers[i].error;
    const std::vector<std::string> texts = reply_texts(answers[i]);
    ASSERT_EQ(texts.size(), 1u) << answers[i].body;
    const std::optional<int> place = number_after(texts[0], "已报到 ");
    ASSERT_TRUE(place) << texts[0];
    EXPECT_TRUE(places.insert(*place).second) << "place " << *place << " given twice";
    // A delivery answered before the kill is answered the same way again.
    if (first_answers[i].status == 200) {
      EXPECT_EQ(answers[i].body, first_answers[i].body);
    }
  }
  const auto answered_before_kill = std::count_if(first_answers.begin(), first_answers.end(),
                                                  [](const HttpResult& r) { return r.status == 200; });
  RecordProperty("answered_before_kill", static_cast<int>(answered_before_kill));
  EXPECT_EQ(places.size(), static_cast<std::size_t>(kBurst));
  EXPECT_EQ(*places.begin(), 1);
  EXPECT_EQ(*places.rbegin(), kBurst);

  second.process->signal(SIGTERM);
  EXPECT_TRUE(exited_cleanly(second.process->wait(kProcessDeadline)));
  const ProcessCounts counts = count_signups(dir.path() / "whistle.db");
  EXPECT_EQ(counts.signed_up, kBurst);
  EXPECT_EQ(counts.rows, static_cast<std::size_t>(kBurst));
  EXPECT_EQ(counts.distinct_people, static_cast<std::size_t>(kBurst));
}

TEST(GracefulShutdown, SigtermDuringLoadAnswersEveryEventItTookAndExitsZero) {
  TempDir dir;
  FakeDeliverServer deliver;
  ServeProcess serve = start_single_threaded_serve(dir, deliver);
  ASSERT_NE(serve.port, 0) << "no listening line from " << WHISTLE_BINARY;
  whistle_task(serve.port);

  BurstClient client(serve.port, burst_bodies());
  ASSERT_TRUE(client.wait_for_answers(20));
  serve.process->signal(SIGTERM);
  const std::optional<int> status = serve.process->wait(kProcessDeadline);
  EXPECT_TRUE(exited_cleanly(status));
  const std::vector<HttpResult> results = client.results();

  int answered = 0;
  for (const HttpResult& result : results) {
    // Taken requests are answered; the others get no answer at all (the platform retries them).
    if (result.status == 0) continue;
    ASSERT_EQ(result.status, 200) << result.body;
    ++answered;
  }
  // Every event that was stored was also answered: nothing committed was left unacknowledged.
  EXPECT_GE(answered, 20);
  EXPECT_EQ(count_signups(dir.path() / "whistle.db").signed_up, answered);
}

// Whether `file` holds `text` before `deadline` (the server's log, read as it grows).
bool log_says(const std::filesystem::path& file, const std::string& text, std::chrono::seconds deadline) {
  const auto until = std::chrono::steady_clock::now() + deadline;
  while (std::chrono::steady_clock::now() < until) {
    std::ifstream in(file);
    std::stringstream content;
    content << in.rdbuf();
    if (content.str().find(text) != std::string::npos) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return false;
}

// A platform accepting a reply as the server stops: the stop waits for its answer and records the
// reply sent, since most platforms have no idempotency key and a restart would send it again.
class GracefulShutdownThreads : public ::testing::TestWithParam<int> {};

// With one thread and with two (the default, where the network's loop once ran out of work and
// stopped the writer in the middle of the wait).
TEST_P(GracefulShutdownThreads, AReplyInFlightAtSigtermIsRecordedSentNotLeftToGoOutAgain) {
  TempDir dir;
  FakeDeliverServer deliver;
  deliver.hold_answers();
  ServeProcess serve =
      start_serve(write_process_config(dir.path(), deliver.url(), GetParam()), dir.path() / "serve.log");
  ASSERT_NE(serve.port, 0) << "no listening line from " << WHISTLE_BINARY;
  // Whistled in private, the task is posted in 3号楼's group through the outbox.
  const HttpResult whistled =
      post_webhook(serve.port, message_body("w-1", "@u-qian", "u-qian", "吹哨 清理楼道杂物 5人 明天上午9点"));
  ASSERT_EQ(whistled.status, 200) << whistled.body << whistled.error;
  ASSERT_TRUE(deliver.wait_for_accepted(1, std::chrono::milliseconds(60'000)));  // the post is on its way

  serve.process->signal(SIGTERM);
  ASSERT_TRUE(log_says(dir.path() / "serve.log", "stopping after deliveries in flight=1", kProcessDeadline));
  deliver.release_answers();
  const std::optional<int> status = serve.process->wait(kProcessDeadline);
  EXPECT_TRUE(exited_cleanly(status));

  store::Database db(store::DatabaseOptions{.path = (dir.path() / "whistle.db").string()});
  EXPECT_EQ(store::Outbox(db).backlog(), 0);
  EXPECT_EQ(deliver.deliveries().size(), 1u);
}
INSTANTIATE_TEST_SUITE_P(OneAndTwoThreads, GracefulShutdownThreads, ::testing::Values(1, 2));

// A supervisor may stop the server as soon as `serve` printed where it listens, which it does
// between building the service and running it: a SIGTERM then must wait for run() and drain, not
// kill the process by its default action. Raised here, in the test's own process, before run().
TEST(GracefulShutdown, ASigtermBeforeRunIsKeptAndRunDrainsAndReturns) {
  TempDir dir;
  FakeDeliverServer deliver;
  Service service(test_config(dir.path() / "whistle.db", deliver.url()), ServiceOptions{});
  ASSERT_EQ(std::raise(SIGTERM), 0);  // without the service's handler this ends the test binary
  service.run();                      // returns: the kept signal began the shutdown
  SUCCEED();
}

// Found by the benchmark harness, which closed the pipe after the listening line: the server's
// next line on stdout killed it with SIGPIPE, silently. Whoever reads stdout may go away (a
// terminal closed, a log pipe restarted); the server must go on, and stop cleanly.
TEST(ServeOutput, ServesAndStopsCleanlyAfterItsStdoutReaderWentAway) {
  TempDir dir;
  FakeDeliverServer deliver;
  ServeProcess serve = start_single_threaded_serve(dir, deliver);
  ASSERT_NE(serve.port, 0) << "no listening line from " << WHISTLE_BINARY;
  serve.process->close_stdout();

  whistle_task(serve.port);
  const HttpResult report_in = post_webhook(serve.port, message_body("r-1", "b3u2", "u-p1", "报到"));
  EXPECT_EQ(report_in.status, 200) << report_in.body << report_in.error;

  serve.process->signal(SIGTERM);  // it says "whistle: stopped" on its way out
  const std::optional<int> status = serve.process->wait(kProcessDeadline);
  EXPECT_TRUE(exited_cleanly(status)) << (status && WIFSIGNALED(*status) ? strsignal(WTERMSIG(*status)) : "");
  EXPECT_EQ(count_signups(dir.path() / "whistle.db").signed_up, 1);
}

}  // namespace
}  // namespace whistle::bot::testing
