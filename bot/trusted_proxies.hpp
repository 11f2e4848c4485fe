#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <boost/asio/ip/address.hpp>

#include "bot/net.hpp"

namespace whistle::bot {

/// The text a client address is counted under: IPv4 addresses mapped into IPv6 (`::ffff:1.2.3.4`)
/// are written as IPv4, so one client is one key however the socket saw it.
std::string address_key(const asio::ip::address& address);

/// The reverse proxies (`[server] trusted_proxies`) whose X-Forwarded-For names the real client.
class TrustedProxies {
 public:
  /// None: every peer is a client.
  TrustedProxies() = default;

  /// Parses the configured addresses; throws std::invalid_argument naming one that is not an IP.
  explicit TrustedProxies(const std::vector<std::string>& addresses);

  /// Whether a connection from `peer` comes through a trusted proxy.
  bool contains(const asio::ip::address& peer) const;

  /// Whether any proxy is trusted.
  bool empty() const { return proxies_.empty(); }

  /// The client that an X-Forwarded-For value (all its header lines joined by commas) names: the
  /// last address in it that is not a trusted proxy, as an address_key. Empty when the header is
  /// absent or names only trusted proxies (the request is then the proxy's own).
  std::optional<std::string> client(std::string_view forwarded_for) const;

 private:
  std::vector<asio::ip::address> proxies_;
};

}  // namespace whistle::bot
