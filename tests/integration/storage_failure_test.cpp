// The disk fills up or the database turns read-only under a running server: every event it cannot
// store is answered 503 (never 200), nothing half-applied remains, and once the cause is gone the
// redelivered events are applied exactly once. Real conditions: a full tmpfs, and an immutable
// file (chattr +i, which makes writes through already-open descriptors fail on ext4). Both need
// root; the tests skip, saying why, where the machine does not allow them.
#include <sys/mount.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "store/database.hpp"
#include "store/signups.hpp"
#include "store/tasks.hpp"
#include "tests/support/fake_deliver_server.hpp"
#include "tests/support/service_harness.hpp"

namespace whistle::bot::testing {
namespace {

// Fills the file system holding `path` until a write fails for lack of space.
void fill(const std::filesystem::path& path) {
  std::ofstream filler(path, std::ios::binary);
  const std::string block(64 * 1024, 'x');
  for (int i = 0; i < 1'000'000 && filler; ++i) {
    filler.write(block.data(), static_cast<std::streamsize>(block.size()));
    filler.flush();
  }
}

std::string report_in(int i) {
  return message_body("r-" + std::to_string(i), "b3u2", "u-v" + std::to_string(i), "报到");
}

struct StoredCounts {
  int signed_up = -1;
  int waitlisted = -1;
};

StoredCounts signups_of_first_task(const std::filesystem::path& db_path) {
  store::Database db(store::DatabaseOptions{.path = db_path.string()});
  const std::optional<store::Task> task = store::TaskRepository(db).by_number("c1", 1);
  if (!task) return {};
  store::SignupRepository signups(db);
  return {signups.count(task->id, store::SignupState::signed_up),
          signups.count(task->id, store::SignupState::waitlisted)};
}

// Sends report-ins r-0, r-1, … until `failures` in a row were refused or `limit` were sent;
// returns each one's status.
std::vector<int> report_in_until_refused(std::uint16_t port, int limit, int failures) {
  std::vector<int> statuses;
  int refused_in_a_row = 0;
  for (int i = 0; i < limit && refused_in_a_row < failures; ++i) {
    const HttpResult result = post_webhook(port, report_in(i));
    statuses.push_back(result.status);
    refused_in_a_row = result.status == 200 ? 0 : refused_in_a_row + 1;
  }
  return statuses;
}

// Every event answered 200 is kept; every event refused is redelivered (as platforms do) until it
// is taken. Then the task must hold each person exactly once.
void expect_recovery(std::uint16_t port, const std::vector<int>& statuses, const std::filesystem::path& db) {
  int refused = 0;
  for (std::size_t i = 0; i < statuses.size(); ++i) {
    EXPECT_TRUE(statuses[i] == 200 || statuses[i] == 503) << "event " << i << " got " << statuses[i];
    if (statuses[i] == 200) continue;
    ++refused;
    const HttpResult again = post_webhook(port, report_in(static_cast<int>(i)));
    EXPECT_EQ(again.status, 200) << "redelivery of event " << i << ": " << again.body << again.error;
  }
  EXPECT_GT(refused, 0) << "the failure never reached the server";
  // A redelivery of everything changes nothing.
  for (std::size_t i = 0; i < statuses.size(); ++i)
    EXPECT_EQ(post_webhook(port, report_in(static_cast<int>(i))).status, 200);
  const StoredCounts counts = signups_of_first_task(db);
  const int people = static_cast<int>(statuses.size());
  EXPECT_EQ(counts.signed_up, std::min(people, 5));
  EXPECT_EQ(counts.waitlisted, std::max(0, people - 5));
}

void whistle_five_places(std::uint16_t port) {
  const HttpResult result =
      post_webhook(port, message_body("w-1", "b3u2", "u-chen", "吹哨 清理楼道杂物 5人 明天上午9点 2小时"));
  ASSERT_EQ(result.status, 200) << result.body << result.error;
}

TEST(StorageFailureTest, FullDiskIsAnswered503AndRecovers) {
  if (geteuid() != 0) GTEST_SKIP() << "mounting a small tmpfs needs root";
  TempDir dir;
  const std::filesystem::path disk = dir.path() / "disk";
  std::filesystem::create_directories(disk);
  if (mount("tmpfs", disk.c_str(), "tmpfs", 0, "size=3m") != 0) {
    GTEST_SKIP() << "cannot mount a tmpfs here: " << std::strerror(errno);
  }
  {
    FakeDeliverServer deliver;
    const std::filesystem::path db = disk / "whistle.db";
    RunningService service(test_config(db, deliver.url()));
    whistle_five_places(service.port());

    fill(disk / "filler");
    const std::vector<int> statuses = report_in_until_refused(service.port(), 5000, 3);
    ASSERT_EQ(statuses.back(), 503) << "5000 report-ins fit on a full 3 MiB disk";

    std::filesystem::remove(disk / "filler");
    expect_recovery(service.port(), statuses, db);
  }
  umount2(disk.c_str(), MNT_DETACH);
}

TEST(StorageFailureTest, ReadOnlyDatabaseIsAnswered503AndRecovers) {
  if (geteuid() != 0) GTEST_SKIP() << "chattr +i needs root";
  TempDir dir;
  FakeDeliverServer deliver;
  const std::filesystem::path db = dir.path() / "whistle.db";
  const std::string files = db.string() + " " + db.string() + "-wal";
  RunningService service(test_config(db, deliver.url()));
  whistle_five_places(service.port());

  if (std::system(("chattr +i " + files + " 2>/dev/null").c_str()) != 0) {
    GTEST_SKIP() << "this file system has no immutable flag (chattr +i)";
  }
  const std::vector<int> statuses = report_in_until_refused(service.port(), 20, 3);
  const int made_writable = std::system(("chattr -i " + files).c_str());
  ASSERT_EQ(made_writable, 0);
  ASSERT_EQ(statuses.back(), 503) << "writes to an immutable database were answered 200";
  expect_recovery(service.port(), statuses, db);
}

}  // namespace
}  // namespace whistle::bot::testing
