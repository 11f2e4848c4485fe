// `whistle serve` as a newcomer starts it: the demo on an address and database of their choosing,
// and a warning when a config keeps the documentation's placeholder secret.
#include <sys/wait.h>

#include <csignal>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>

#include "tests/integration/child_process.hpp"
#include "tests/support/service_harness.hpp"

namespace whistle::bot::testing {
namespace {

constexpr auto kServeDeadline = std::chrono::seconds(30);

std::string read_file(const std::filesystem::path& file) {
  std::ifstream in(file);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

bool ipv6_loopback_available() {
  boost::asio::io_context io;
  boost::asio::ip::tcp::acceptor acceptor(io);
  boost::system::error_code ec;
  acceptor.open(boost::asio::ip::tcp::v6(), ec);
  if (!ec) acceptor.bind({boost::asio::ip::make_address("::1"), 0}, ec);
  return !ec;
}

TEST(ServeOptions, ListenAndDbChooseWhereTheDemoServes) {
  TempDir dir;
  const std::filesystem::path db = dir.path() / "mine.db";
  ServeProcess serve =
      start_serve_with({"--listen", "127.0.0.1:0", "--db", db.string()}, dir.path() / "serve.log");
  ASSERT_NE(serve.port, 0);
  const HttpResult answer = post_webhook(serve.port, message_body("m-1", "g1", "u-li", "帮助"));
  EXPECT_EQ(answer.status, 200) << answer.body;
  EXPECT_TRUE(std::filesystem::exists(db));
  serve.process->signal(SIGTERM);
  EXPECT_TRUE(serve.process->wait(kServeDeadline));
}

// How one run of the demo ended: the raw wait status (empty: still running at the deadline) and its
// log, after one answered request (so its start-up lines are written) and then `signal_number`.
struct Ending {
  std::optional<int> status;
  std::string log;
};

Ending answer_once_then_signal(int signal_number) {
  TempDir dir;
  ServeProcess serve = start_serve_with({"--listen", "127.0.0.1:0", "--db", (dir.path() / "w.db").string()},
                                        dir.path() / "serve.log");
  if (serve.port == 0) return {};
  EXPECT_EQ(post_webhook(serve.port, message_body("m-1", "g1", "u-li", "帮助")).status, 200);
  serve.process->signal(signal_number);
  Ending ending;
  ending.status = serve.process->wait(kServeDeadline);
  ending.log = read_file(dir.path() / "serve.log");
  return ending;
}

// The build decides the allocator (CMake's WHISTLE_MIMALLOC, off under sanitizers); the server
// checks on a real allocation which one answers malloc and says it when it starts, so a link that
// stops replacing malloc fails here instead of only making the benchmark slower.
TEST(ServeOptions, TheServerRunsOnTheAllocatorItWasBuiltWith) {
  const Ending ending = answer_once_then_signal(SIGTERM);
  ASSERT_TRUE(ending.status);
  EXPECT_NE(ending.log.find(std::string("allocator=") + WHISTLE_EXPECTED_ALLOCATOR), std::string::npos)
      << ending.log;
}

// A closed terminal or an operator's "reload" habit sends SIGHUP: it drains and stops, and says so.
TEST(ServeOptions, SighupDrainsAndStopsCleanly) {
  const Ending ending = answer_once_then_signal(SIGHUP);
  ASSERT_TRUE(ending.status);
  EXPECT_TRUE(WIFEXITED(*ending.status) && WEXITSTATUS(*ending.status) == 0)
      << "raw status " << *ending.status;
  EXPECT_NE(ending.log.find("signal=1 received, draining"), std::string::npos) << ending.log;
}

// Started under nohup (SIGHUP ignored, which a child inherits), the server outlives the terminal.
TEST(ServeOptions, UnderNohupSighupLeavesItRunning) {
  TempDir dir;
  struct sigaction ignore {
  }, before{};
  ignore.sa_handler = SIG_IGN;
  sigaction(SIGHUP, &ignore, &before);
  ServeProcess serve = start_serve_with({"--listen", "127.0.0.1:0", "--db", (dir.path() / "w.db").string()},
                                        dir.path() / "serve.log");
  sigaction(SIGHUP, &before, nullptr);
  ASSERT_NE(serve.port, 0);
  EXPECT_EQ(post_webhook(serve.port, message_body("m-1", "g1", "u-li", "帮助")).status, 200);
  serve.process->signal(SIGHUP);
  EXPECT_EQ(post_webhook(serve.port, message_body("m-2", "g1", "u-li", "帮助")).status, 200)
      << "still serving";
  serve.process->signal(SIGTERM);
  EXPECT_TRUE(serve.process->wait(kServeDeadline));
  EXPECT_EQ(read_file(dir.path() / "serve.log").find("signal=1 "), std::string::npos);
}

TEST(ServeOptions, AnIpv6AddressIsPrintedAsAUrlWithBrackets) {
  if (!ipv6_loopback_available()) GTEST_SKIP() << "no IPv6 loopback here";
  TempDir dir;
  ServeProcess serve = start_serve_with({"--listen", "[::1]:0", "--db", (dir.path() / "w.db").string()},
                                        dir.path() / "serve.log");
  ASSERT_NE(serve.port, 0);
  EXPECT_EQ(serve.listening_on, "[::1]:" + std::to_string(serve.port));
  serve.process->signal(SIGTERM);
  EXPECT_TRUE(serve.process->wait(kServeDeadline));
}

TEST(ServeOptions, AListenThatIsNotHostAndPortIsAUsageError) {
  TempDir dir;
  ChildProcess serve(WHISTLE_BINARY, {"serve", "--listen", "8080"}, dir.path() / "serve.log");
  const std::optional<int> status = serve.wait(kServeDeadline);
  ASSERT_TRUE(status);
  EXPECT_TRUE(WIFEXITED(*status) && WEXITSTATUS(*status) != 0);
  EXPECT_NE(read_file(dir.path() / "serve.log").find("--listen"), std::string::npos);
}

TEST(ServeOptions, ThePlaceholderSecretOfTheExampleIsWarnedAboutAtStart) {
  TempDir dir;
  std::string example = read_file(std::string(WHISTLE_SOURCE_DIR) + "/config/whistle.example.toml");
  const std::string listen = "listen = \"127.0.0.1:8080\"";
  example.replace(example.find(listen), listen.size(), "listen = \"127.0.0.1:0\"");
  const std::filesystem::path config = dir.path() / "whistle.toml";
  std::ofstream(config) << example;
  ServeProcess serve = start_serve_with({"--config", config.string(), "--db", (dir.path() / "w.db").string()},
                                        dir.path() / "serve.log");
  ASSERT_NE(serve.port, 0);
  serve.process->signal(SIGTERM);
  EXPECT_TRUE(serve.process->wait(kServeDeadline));
  EXPECT_NE(read_file(dir.path() / "serve.log").find("placeholder"), std::string::npos);
}

}  // namespace
}  // namespace whistle::bot::testing
