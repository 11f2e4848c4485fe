#include "bot/adapters/chat_address.hpp"

namespace whistle::bot {

std::optional<ChatAddress> parse_chat_address(std::string_view qualified) {
  const auto colon = qualified.find(':');
  if (colon == std::string_view::npos || colon == 0) return std::nullopt;
  const std::string_view prefix = qualified.substr(0, colon);
  const auto dot = prefix.find('.');
  ChatAddress address;
  address.platform = std::string(prefix.substr(0, dot));
  address.instance =
      dot == std::string_view::npos ? std::string(kDefaultInstance) : std::string(prefix.substr(dot + 1));
  address.local = std::string(qualified.substr(colon + 1));
  if (address.platform.empty() || address.instance.empty()) return std::nullopt;
  return address;
}

std::string id_prefix(std::string_view platform, std::string_view instance) {
  std::string prefix(platform);
  if (instance != kDefaultInstance) {
    prefix += '.';
    prefix += instance;
  }
  prefix += ':';
  return prefix;
}

std::string qualify(std::string_view platform, std::string_view instance, std::string_view local) {
  std::string id = id_prefix(platform, instance);
  id += local;
  return id;
}

}  // namespace whistle::bot
