// The front door under connection exhaustion: idle keep-alive connections make room, slow ones
// are dropped at the header deadline, one address cannot take every slot, and a trusted proxy's
// clients are counted one by one. Real server, real sockets, 127.0.0.1 only; every wait is bounded.
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <arpa/inet.h>

#include <chrono>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "bot/metrics.hpp"
#include "tests/support/service_harness.hpp"

namespace whistle::bot::testing {
namespace {

using namespace std::chrono_literals;
using steady = std::chrono::steady_clock;

// A plain blocking socket to 127.0.0.1, read with poll() so that no read outlives its deadline.
class RawClient {
 public:
  explicit RawClient(std::uint16_t port) : fd_(::socket(AF_INET, SOCK_STREAM, 0)) {
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    connected_ = fd_ >= 0 && ::connect(fd_, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0;
  }
  ~RawClient() {
    if (fd_ >= 0) ::close(fd_);
  }
  RawClient(const RawClient&) = delete;
  RawClient& operator=(const RawClient&) = delete;

  bool connected() const { return connected_; }

  bool send(const std::string& bytes) {
    return ::send(fd_, bytes.data(), bytes.size(), MSG_NOSIGNAL) == static_cast<ssize_t>(bytes.size());
  }

  // The status of the next answer (its headers and Content-Length body read); 0 when the
  // connection closed or nothing complete came within `wait`.
  int read_status(std::chrono::milliseconds wait = 10s) {
    const steady::time_point deadline = steady::now() + wait;
    for (;;) {
      const std::size_t end = received_.find("\r\n\r\n");
      if (end != std::string::npos) {
        std::size_t length = 0;
        const std::size_t field = received_.find("Content-Length: ");
        if (field != std::string::npos && field < end) length = std::stoul(received_.substr(field + 16));
        if (received_.size() >= end + 4 + length) {
          const int status = std::stoi(received_.substr(9, 3));
          received_.erase(0, end + 4 + length);
          return status;
        }
      }
      if (!receive_until(deadline)) return 0;
    }
  }

  // Whether the server closed the connection (end of stream or reset) within `wait`.
  bool closed_by_server(std::chrono::milliseconds wait) {
    const steady::time_point deadline = steady::now() + wait;
    while (receive_until(deadline)) {
    }
    return eof_;
  }

 private:
  // Reads what arrives before `deadline`; false at the end of stream, an error or the deadline.
  bool receive_until(steady::time_point deadline) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - steady::now());
    if (left <= 0ms || eof_) return false;
    pollfd ready{fd_, POLLIN, 0};
    if (::poll(&ready, 1, static_cast<int>(left.count())) <= 0) return false;
    char chunk[4096];
    const ssize_t n = ::recv(fd_, chunk, sizeof chunk, 0);
    if (n <= 0) {
      eof_ = true;
      return false;
    }
    received_.append(chunk, static_cast<std::size_t>(n));
    return true;
  }

  int fd_;
  bool connected_ = false;
  bool eof_ = false;
  std::string received_;
};

constexpr std::string_view kHealthz = "GET /healthz HTTP/1.1\r\nHost: whistle\r\n\r\n";

config::Config small_caps(const TempDir& dir, std::size_t max_connections, std::size_t per_address) {
  config::Config config = test_config(dir.path() / "whistle.db", "http://127.0.0.1:9/deliver");
  config.server.max_connections = max_connections;
  config.server.max_connections_per_address = per_address;
  config.server.header_timeout_s = 1;
  return config;
}

// A signed webhook on a fresh connection; true once it is answered 200, retried until `wait` ends.
bool normal_request_succeeds(std::uint16_t port, std::chrono::seconds wait) {
  const steady::time_point deadline = steady::now() + wait;
  for (int attempt = 0; steady::now() < deadline; ++attempt) {
    const HttpResult result =
        post_webhook(port, message_body("n-" + std::to_string(attempt), "b3u2", "u-chen", "帮助"));
    if (result.status == 200) return true;
    // Not a timing assertion: a short pause between tries of a bounded loop.
    std::this_thread::sleep_for(100ms);
  }
  return false;
}

TEST(ConnectionCaps, IdleKeepAliveConnectionsOverTheCapAreClosedToLetANormalRequestIn) {
  TempDir dir;
  RunningService service(small_caps(dir, 64, 64));
  // Twice the cap of keep-alive clients, each idle after one answer: the newer ones take the
  // room of the older ones.
  std::vector<std::unique_ptr<RawClient>> idle;
  for (int i = 0; i < 128; ++i) {
    auto client = std::make_unique<RawClient>(service.port());
    ASSERT_TRUE(client->connected()) << i;
    ASSERT_TRUE(client->send(std::string(kHealthz)));
    ASSERT_EQ(client->read_status(), 200) << "idle client " << i;
    idle.push_back(std::move(client));
  }
  EXPECT_TRUE(normal_request_succeeds(service.port(), 10s));
  const Metrics& metrics = service.service().metrics();
  EXPECT_GE(metrics.connections_evicted(), 64u);
  EXPECT_EQ(metrics.connections_refused(ConnectionRefusal::global_cap), 0u);
  EXPECT_EQ(metrics.connections_refused(ConnectionRefusal::per_address_cap), 0u);
  // The first idle client was the oldest: it was closed.
  EXPECT_TRUE(idle.front()->closed_by_server(5s));
}

TEST(ConnectionCaps, SlowlorisConnectionsMakeRoomForANormalRequestAndDieAtTheHeaderDeadline) {
  TempDir dir;
  RunningService service(small_caps(dir, 64, 64));
  std::vector<std::unique_ptr<RawClient>> slow;
  for (int i = 0; i < 64; ++i) {
    auto client = std::make_unique<RawClient>(service.port());
    ASSERT_TRUE(client->connected()) << i;
    ASSERT_TRUE(client->send("POST /hooks/generic/default HTTP/1.1\r\nHost: whistle\r\n"));
    slow.push_back(std::move(client));
  }
  // Every slot is held by a client that has not finished its headers, from the newcomer's own
  // address: the one that has been at it longest gives its place up.
  EXPECT_TRUE(normal_request_succeeds(service.port(), 10s));
  EXPECT_TRUE(slow.front()->closed_by_server(5s));
  const Metrics& metrics = service.service().metrics();
  EXPECT_GE(metrics.connections_evicted(), 1u);
  EXPECT_EQ(metrics.connections_refused(ConnectionRefusal::global_cap), 0u);
  // Trickling more header bytes does not move the deadline: the rest are closed by it.
  for (auto& client : slow)
    client->send("X-Slow: 1\r\n");
  EXPECT_TRUE(slow.back()->closed_by_server(10s));
  EXPECT_GE(metrics.connections_timed_out(ConnectionTimeout::header), 1u);
}

TEST(ConnectionCaps, AtThePerAddressCapTheAddressesSlowestConnectionMakesRoomForAnHonestOne) {
  TempDir dir;
  // The defaults: 10,000 in all, 256 per address.
  RunningService service(test_config(dir.path() / "whistle.db", "http://127.0.0.1:9/deliver"));
  std::vector<std::unique_ptr<RawClient>> held;
  for (int i = 0; i < 256; ++i) {
    held.push_back(std::make_unique<RawClient>(service.port()));
    ASSERT_TRUE(held.back()->connected()) << i;
    ASSERT_TRUE(held.back()->send("GET /healthz HTTP/1.1\r\n"));
  }
  // The 257th from the same address (an honest client behind the attacker's NAT) is served.
  RawClient extra(service.port());
  ASSERT_TRUE(extra.connected());
  ASSERT_TRUE(extra.send(std::string(kHealthz)));
  EXPECT_EQ(extra.read_status(), 200);
  EXPECT_TRUE(held.front()->closed_by_server(5s));
  const Metrics& metrics = service.service().metrics();
  EXPECT_EQ(metrics.connections_refused(ConnectionRefusal::per_address_cap), 0u);
  EXPECT_GE(metrics.connections_evicted(), 1u);
}

TEST(ConnectionCaps, ConnectionsThatNeverSendAByteHoldNoPlace) {
  TempDir dir;
  config::Config config = small_caps(dir, 64, 32);
  config.server.header_timeout_s = 10;  // how long the kernel holds a silent connection back
  RunningService service(config);
  // Silent connections wait in the kernel (TCP_DEFER_ACCEPT) until they speak: far more of them
  // than either cap leave every place free for clients that do.
  std::vector<std::unique_ptr<RawClient>> silent;
  for (int i = 0; i < 200; ++i) {
    silent.push_back(std::make_unique<RawClient>(service.port()));
    ASSERT_TRUE(silent.back()->connected()) << i;
  }
  EXPECT_TRUE(normal_request_succeeds(service.port(), 10s));
  const Metrics& metrics = service.service().metrics();
  EXPECT_EQ(metrics.connections_refused(ConnectionRefusal::global_cap), 0u);
  EXPECT_EQ(metrics.connections_refused(ConnectionRefusal::per_address_cap), 0u);
  EXPECT_EQ(metrics.connections_evicted(), 0u) << "no place had to be made";
}

TEST(ConnectionCaps, ATrustedProxyIsNotCappedButEachClientBehindItIs) {
  TempDir dir;
  config::Config config = small_caps(dir, 64, 2);
  config.server.trusted_proxies = {"127.0.0.1"};
  RunningService service(config);
  // Two requests of one client in progress through the proxy (headers in, body still coming).
  const std::string held_request =
      "POST /hooks/generic/default HTTP/1.1\r\nHost: whistle\r\nX-Forwarded-For: 203.0.113.5, "
      "198.51.100.7\r\nContent-Length: 10\r\n\r\n";
  std::vector<std::unique_ptr<RawClient>> proxy;
  for (int i = 0; i < 4; ++i) {
    proxy.push_back(std::make_unique<RawClient>(service.port()));
    ASSERT_TRUE(proxy.back()->connected()) << i;  // more than 2 from 127.0.0.1: the proxy is exempt
  }
  ASSERT_TRUE(proxy[0]->send(held_request));
  ASSERT_TRUE(proxy[1]->send(held_request));
  // Wait (bounded) until the server has read both requests' headers.
  const steady::time_point deadline = steady::now() + 10s;
  int status = 0;
  while (steady::now() < deadline) {
    RawClient third(service.port());
    third.send(
        "GET /healthz HTTP/1.1\r\nHost: whistle\r\nX-Forwarded-For: 198.51.100.7\r\nConnection: "
        "close\r\n\r\n");
    status = third.read_status();
    if (status == 503) break;
    std::this_thread::sleep_for(50ms);
  }
  EXPECT_EQ(status, 503) << "the third request of a client at its cap";
  // Another client behind the same proxy is served.
  ASSERT_TRUE(
      proxy[2]->send("GET /healthz HTTP/1.1\r\nHost: whistle\r\nX-Forwarded-For: 198.51.100.8\r\n\r\n"));
  EXPECT_EQ(proxy[2]->read_status(), 200);
  // The proxy's own requests (no client named) are not capped either.
  ASSERT_TRUE(proxy[3]->send(std::string(kHealthz)));
  EXPECT_EQ(proxy[3]->read_status(), 200);
  EXPECT_GE(service.service().metrics().connections_refused(ConnectionRefusal::per_address_cap), 1u);
}

}  // namespace
}  // namespace whistle::bot::testing
