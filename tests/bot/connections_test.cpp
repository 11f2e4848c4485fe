#include "bot/connections.hpp"

#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <boost/asio/io_context.hpp>

#include "bot/metrics.hpp"

namespace whistle::bot {
namespace {

// A Connections with small caps whose closes are recorded instead of closing sockets.
class ConnectionsTest : public ::testing::Test {
 protected:
  std::shared_ptr<Connection> open(const std::string& address) {
    Connections::Admission admission = connections.open(io.get_executor(), address);
    if (admission.connection) watch(admission.connection);
    return admission.connection;
  }

  // A connection whose request head has arrived: it is being answered, not slow.
  std::shared_ptr<Connection> open_busy(const std::string& address) {
    std::shared_ptr<Connection> connection = open(address);
    if (connection) connections.head_read(connection);
    return connection;
  }

  void watch(const std::shared_ptr<Connection>& connection) {
    Connection* raw = connection.get();
    connection->cancel = [this, raw] { cancelled.push_back(raw); };
  }

  // Runs the closes that Connections posted to the connections' executor.
  void run_posted() {
    io.restart();
    io.poll();
  }

  asio::io_context io;
  Metrics metrics;
  Connections connections{ConnectionLimits{.max_connections = 4, .max_per_address = 2}, &metrics};
  std::vector<Connection*> cancelled;
};

TEST_F(ConnectionsTest, RefusesTheConnectionOverTheGlobalCapWhenAllAreBeingAnswered) {
  for (int i = 0; i < 4; ++i)
    ASSERT_TRUE(open_busy("10.0.0." + std::to_string(i)));
  const Connections::Admission refused = connections.open(io.get_executor(), "10.0.0.9");
  EXPECT_FALSE(refused.connection);
  EXPECT_EQ(refused.refusal, ConnectionRefusal::global_cap);
  EXPECT_EQ(connections.size(), 4u);
  EXPECT_EQ(metrics.connections_refused(ConnectionRefusal::global_cap), 1u);
  EXPECT_EQ(metrics.connections_open(), 4);
}

TEST_F(ConnectionsTest, RefusesTheConnectionOverTheAddressCapWhenAllOfItsOwnAreBeingAnswered) {
  ASSERT_TRUE(open_busy("10.0.0.1"));
  ASSERT_TRUE(open_busy("10.0.0.1"));
  const Connections::Admission refused = connections.open(io.get_executor(), "10.0.0.1");
  EXPECT_FALSE(refused.connection);
  EXPECT_EQ(refused.refusal, ConnectionRefusal::per_address_cap);
  EXPECT_EQ(metrics.connections_refused(ConnectionRefusal::per_address_cap), 1u);
  // Another address still gets in.
  EXPECT_TRUE(open("10.0.0.2"));
}

TEST_F(ConnectionsTest, AnotherAddressesIdleConnectionDoesNotMakeRoomAtTheAddressCap) {
  const auto other = open_busy("10.0.0.2");
  connections.idle(other);
  ASSERT_TRUE(open_busy("10.0.0.1"));
  ASSERT_TRUE(open_busy("10.0.0.1"));
  EXPECT_FALSE(connections.open(io.get_executor(), "10.0.0.1").connection);
  EXPECT_EQ(connections.idle_count(), 1u);
}

TEST_F(ConnectionsTest, AtTheGlobalCapTheOldestIdleConnectionIsClosedToMakeRoom) {
  const auto a = open("10.0.0.1");
  const auto b = open("10.0.0.2");
  const auto c = open("10.0.0.3");
  const auto d = open("10.0.0.4");
  connections.idle(c);  // idle first: the oldest
  connections.idle(a);
  const auto e = open("10.0.0.5");
  ASSERT_TRUE(e);
  EXPECT_EQ(connections.size(), 4u);
  run_posted();
  ASSERT_EQ(cancelled.size(), 1u);
  EXPECT_EQ(cancelled[0], c.get());
  EXPECT_TRUE(c->closed);
  // Its session learns it was evicted when its read ends.
  EXPECT_FALSE(connections.active(c));
  EXPECT_TRUE(connections.active(a));
  EXPECT_EQ(metrics.connections_evicted(), 1u);
  EXPECT_EQ(connections.open_from("10.0.0.3"), 0u);
}

TEST_F(ConnectionsTest, AConnectionBackFromIdleIsNoLongerEvictedOnceItsHeadIsIn) {
  std::vector<std::shared_ptr<Connection>> open_ones;
  for (int i = 0; i < 4; ++i)
    open_ones.push_back(open_busy("10.0.0." + std::to_string(i)));
  connections.idle(open_ones[0]);
  ASSERT_TRUE(connections.active(open_ones[0]));  // its next request began
  connections.head_read(open_ones[0]);
  EXPECT_FALSE(connections.open(io.get_executor(), "10.0.0.9").connection);
  run_posted();
  EXPECT_TRUE(cancelled.empty());
}

TEST_F(ConnectionsTest, AtTheAddressCapTheOldestIdleConnectionOfThatAddressIsClosed) {
  const auto other = open("10.0.0.2");
  const auto first = open("10.0.0.1");
  const auto second = open("10.0.0.1");
  connections.idle(other);  // older, but another client's
  connections.idle(second);
  connections.idle(first);
  ASSERT_TRUE(open("10.0.0.1"));
  run_posted();
  ASSERT_EQ(cancelled.size(), 1u);
  EXPECT_EQ(cancelled[0], second.get());
  EXPECT_EQ(connections.open_from("10.0.0.1"), 2u);
  EXPECT_EQ(connections.open_from("10.0.0.2"), 1u);
}

TEST_F(ConnectionsTest, ClosingAConnectionGivesItsAddressSlotBack) {
  const auto first = open("10.0.0.1");
  ASSERT_TRUE(open("10.0.0.1"));
  connections.close(first);
  EXPECT_EQ(connections.open_from("10.0.0.1"), 1u);
  EXPECT_TRUE(open("10.0.0.1"));
  EXPECT_EQ(metrics.connections_open(), 2);
}

TEST_F(ConnectionsTest, AProxyIsCappedOnlyGloballyAndItsRequestsCountAgainstTheirClient) {
  std::vector<std::shared_ptr<Connection>> proxy;
  for (int i = 0; i < 3; ++i) {
    Connections::Admission admission = connections.open(io.get_executor(), "", true);
    ASSERT_TRUE(admission.connection) << i;  // beyond the address cap of 2: the proxy is exempt
    // The client is known from X-Forwarded-For, once the head is in.
    connections.head_read(admission.connection);
    proxy.push_back(admission.connection);
  }
  EXPECT_TRUE(connections.attribute(proxy[0], "192.0.2.7"));
  EXPECT_TRUE(connections.attribute(proxy[1], "192.0.2.7"));
  EXPECT_FALSE(connections.attribute(proxy[2], "192.0.2.7"));
  EXPECT_EQ(metrics.connections_refused(ConnectionRefusal::per_address_cap), 1u);
  EXPECT_TRUE(connections.attribute(proxy[2], "192.0.2.8"));
  // Between requests a proxy connection counts against no client.
  connections.idle(proxy[0]);
  EXPECT_EQ(connections.open_from("192.0.2.7"), 1u);
}

TEST_F(ConnectionsTest, AProxiedClientAtItsCapTakesTheRoomOfItsOwnIdleDirectConnection) {
  Connections::Admission proxy = connections.open(io.get_executor(), "", true);
  connections.head_read(proxy.connection);
  const auto direct1 = open_busy("192.0.2.7");
  const auto direct2 = open_busy("192.0.2.7");
  connections.idle(direct1);
  EXPECT_TRUE(connections.attribute(proxy.connection, "192.0.2.7"));
  run_posted();
  ASSERT_EQ(cancelled.size(), 1u);
  EXPECT_EQ(cancelled[0], direct1.get());
}

TEST_F(ConnectionsTest, EvictOldestIdleClosesNothingWhenAllAreBeingAnswered) {
  const auto a = open_busy("10.0.0.1");
  EXPECT_FALSE(connections.evict_one());
  connections.idle(a);
  EXPECT_TRUE(connections.evict_one());
  EXPECT_EQ(connections.size(), 0u);
}

TEST_F(ConnectionsTest, WithNoneIdleTheConnectionSlowestToSendItsHeadIsClosedToMakeRoom) {
  const auto slow_old = open("10.0.0.1");  // never sends its head: a slowloris
  const auto busy = open_busy("10.0.0.2");
  const auto slow_new = open("10.0.0.3");
  const auto busy2 = open_busy("10.0.0.4");
  const auto honest = open("10.0.0.5");
  ASSERT_TRUE(honest);
  run_posted();
  ASSERT_EQ(cancelled.size(), 1u);
  EXPECT_EQ(cancelled[0], slow_old.get());
  EXPECT_EQ(metrics.connections_evicted(), 1u);
}

TEST_F(ConnectionsTest, AConnectionSlowToSendItsHeadGoesBeforeANewOneNotReadFromYet) {
  // The new one may be an honest client whose head is waiting in its first read.
  const auto not_read_yet = open("10.0.0.1");
  const auto slow = open("10.0.0.2");
  ASSERT_TRUE(connections.active(slow));  // part of a head came, the rest does not
  open_busy("10.0.0.3");
  open_busy("10.0.0.4");
  ASSERT_TRUE(open("10.0.0.5"));
  run_posted();
  ASSERT_EQ(cancelled.size(), 1u);
  EXPECT_EQ(cancelled[0], slow.get());
}

TEST_F(ConnectionsTest, ANewConnectionWhoseHeadHadArrivedIsNotEvictedBeforeItsFirstRead) {
  Connections::Admission honest = connections.open(io.get_executor(), "10.0.0.1", false, true);
  ASSERT_TRUE(honest.connection);
  watch(honest.connection);
  for (int i = 0; i < 3; ++i)
    ASSERT_TRUE(open_busy("10.0.0." + std::to_string(2 + i)));
  EXPECT_FALSE(connections.open(io.get_executor(), "10.0.0.9").connection);
  run_posted();
  EXPECT_TRUE(cancelled.empty());
}

TEST_F(ConnectionsTest, AnIdleConnectionGoesBeforeASlowOne) {
  const auto slow = open("10.0.0.1");
  ASSERT_TRUE(connections.active(slow));
  const auto idle = open_busy("10.0.0.2");
  connections.idle(idle);
  open_busy("10.0.0.3");
  open_busy("10.0.0.4");
  ASSERT_TRUE(open("10.0.0.5"));
  run_posted();
  ASSERT_EQ(cancelled.size(), 1u);
  EXPECT_EQ(cancelled[0], idle.get());
}

TEST_F(ConnectionsTest, AtTheAddressCapAnAttackersOwnSlowConnectionsMakeRoomForItsNextOne) {
  // An attacker and an honest client behind one address (a NAT, or the same host): the honest
  // request still gets a place, taken from the oldest connection that never sent its head.
  const auto slow1 = open("10.0.0.1");
  const auto slow2 = open("10.0.0.1");
  const auto honest = open("10.0.0.1");
  ASSERT_TRUE(honest);
  connections.head_read(honest);
  run_posted();
  ASSERT_EQ(cancelled.size(), 1u);
  EXPECT_EQ(cancelled[0], slow1.get());
  EXPECT_EQ(connections.open_from("10.0.0.1"), 2u);
  EXPECT_EQ(metrics.connections_refused(ConnectionRefusal::per_address_cap), 0u);
}

}  // namespace
}  // namespace whistle::bot
