// The server's threads carry names (`top -H`, `ps -L`, perf, bench/run.py tell them apart by them).
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "tests/support/fake_deliver_server.hpp"
#include "tests/support/service_harness.hpp"

namespace whistle::bot::testing {
namespace {

std::vector<std::string> thread_names_of_this_process() {
  std::vector<std::string> names;
  for (const auto& task : std::filesystem::directory_iterator("/proc/self/task")) {
    std::ifstream comm(task.path() / "comm");
    std::string name;
    if (std::getline(comm, name)) names.push_back(name);
  }
  return names;
}

long count_of(const std::vector<std::string>& names, const std::string& name) {
  return std::count(names.begin(), names.end(), name);
}

TEST(ThreadNames, TheWriterTheCheckpointerTheBoardAndTheExtraNetworkThreadsAreNamed) {
  TempDir dir;
  FakeDeliverServer deliver;
  // Three threads: the writer, and two for the network (the one running run() keeps its name).
  RunningService service(test_config(dir.path() / "whistle.db", deliver.url(), 3));
  // Answered: run() has started its helper threads.
  const HttpResult answer = post_webhook(
      service.port(), message_body("n-1", "b3u2", "u-chen", "吹哨 清理楼道杂物 5人 明天上午9点 2小时"));
  ASSERT_EQ(answer.status, 200) << answer.body << answer.error;

  // The board's thread names itself in its first task, and the extra network thread when it starts
  // running (under a loaded CI machine it had not yet: the test failed once, 2026-12-07); wait for
  // every name with a deadline, not a sleep.
  const auto all_named = [](const std::vector<std::string>& names) {
    for (const char* name : {"whistle-writer", "whistle-net", "whistle-ckpt", "whistle-board"}) {
      if (count_of(names, name) == 0) return false;
    }
    return true;
  };
  std::vector<std::string> names = thread_names_of_this_process();
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  while (!all_named(names) && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::yield();
    names = thread_names_of_this_process();
  }
  EXPECT_EQ(count_of(names, "whistle-writer"), 1);
  EXPECT_EQ(count_of(names, "whistle-net"), 1);
  EXPECT_EQ(count_of(names, "whistle-ckpt"), 1);
  EXPECT_EQ(count_of(names, "whistle-board"), 1);
}

}  // namespace
}  // namespace whistle::bot::testing
