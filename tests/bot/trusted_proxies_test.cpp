#include "bot/trusted_proxies.hpp"

#include <stdexcept>

#include <gtest/gtest.h>

namespace whistle::bot {
namespace {

TEST(TrustedProxies, TheClientIsTheLastAddressThatIsNotATrustedProxy) {
  const TrustedProxies proxies({"10.0.0.1", "10.0.0.2"});
  EXPECT_EQ(proxies.client("203.0.113.9, 198.51.100.4, 10.0.0.2"), "198.51.100.4");
  EXPECT_EQ(proxies.client("198.51.100.4"), "198.51.100.4");
}

TEST(TrustedProxies, AForgedLeftmostEntryIsIgnored) {
  const TrustedProxies proxies({"10.0.0.1"});
  EXPECT_EQ(proxies.client("1.1.1.1,198.51.100.4"), "198.51.100.4");
}

TEST(TrustedProxies, AHeaderNamingOnlyProxiesOrNothingNamesNoClient) {
  const TrustedProxies proxies({"10.0.0.1"});
  EXPECT_FALSE(proxies.client(""));
  EXPECT_FALSE(proxies.client(" 10.0.0.1 , "));
}

TEST(TrustedProxies, PortsBracketsAndMappedAddressesAreTheSameClient) {
  const TrustedProxies proxies({"::1"});
  EXPECT_EQ(proxies.client("198.51.100.4:5678"), "198.51.100.4");
  EXPECT_EQ(proxies.client("[2001:db8::1]:443"), "2001:db8::1");
  EXPECT_EQ(proxies.client("::ffff:198.51.100.4"), "198.51.100.4");
  EXPECT_TRUE(proxies.contains(asio::ip::make_address("::1")));
  EXPECT_TRUE(TrustedProxies({"127.0.0.1"}).contains(asio::ip::make_address("::ffff:127.0.0.1")));
}

TEST(TrustedProxies, AnAddressThatIsNotAnIpIsRejected) {
  EXPECT_THROW(TrustedProxies({"proxy.example"}), std::invalid_argument);
}

}  // namespace
}  // namespace whistle::bot
