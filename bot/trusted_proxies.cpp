#include "bot/trusted_proxies.hpp"

#include <algorithm>
#include <stdexcept>

namespace whistle::bot {

namespace {

// Longer than any address; a proxy that writes something else still cannot make a huge key.
constexpr std::size_t kMaxKeyLength = 64;

asio::ip::address unmapped(const asio::ip::address& address) {
  if (address.is_v6() && address.to_v6().is_v4_mapped()) {
    return asio::ip::make_address_v4(asio::ip::v4_mapped, address.to_v6());
  }
  return address;
}

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t'))
    text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t'))
    text.remove_suffix(1);
  return text;
}

// An X-Forwarded-For entry is an address, and some proxies add a port: "1.2.3.4:5678" or
// "[2001:db8::1]:443".
std::optional<asio::ip::address> parse_entry(std::string_view entry) {
  if (entry.size() > 2 && entry.front() == '[') {
    const std::size_t close = entry.find(']');
    if (close != std::string_view::npos) entry = entry.substr(1, close - 1);
  } else if (std::count(entry.begin(), entry.end(), ':') == 1) {
    entry = entry.substr(0, entry.find(':'));
  }
  boost::system::error_code ec;
  const asio::ip::address address = asio::ip::make_address(std::string(entry), ec);
  if (ec) return std::nullopt;
  return unmapped(address);
}

}  // namespace

std::string address_key(const asio::ip::address& address) {
  return unmapped(address).to_string();
}

TrustedProxies::TrustedProxies(const std::vector<std::string>& addresses) {
  for (const std::string& text : addresses) {
    boost::system::error_code ec;
    const asio::ip::address address = asio::ip::make_address(text, ec);
    if (ec) throw std::invalid_argument("trusted proxy '" + text + "' is not an IP address");
    proxies_.push_back(unmapped(address));
  }
}

bool TrustedProxies::contains(const asio::ip::address& peer) const {
  return std::find(proxies_.begin(), proxies_.end(), unmapped(peer)) != proxies_.end();
}

std::optional<std::string> TrustedProxies::client(std::string_view forwarded_for) const {
  // Each proxy appends the address it received from, so the entries to the right were written by
  // our own proxies and the first untrusted one from the right is the client they saw; anything
  // further left was written by the client itself and may be forged.
  while (!forwarded_for.empty()) {
    const std::size_t comma = forwarded_for.rfind(',');
    const std::string_view entry =
        trim(comma == std::string_view::npos ? forwarded_for : forwarded_for.substr(comma + 1));
    forwarded_for = comma == std::string_view::npos ? std::string_view() : forwarded_for.substr(0, comma);
    if (entry.empty()) continue;
    const std::optional<asio::ip::address> address = parse_entry(entry);
    if (!address) return std::string(entry.substr(0, kMaxKeyLength));
    if (contains(*address)) continue;
    return address->to_string();
  }
  return std::nullopt;
}

}  // namespace whistle::bot
