#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace whistle::bot {

/// The instance every platform's unqualified ids belong to: "feishu:oc_1" is `default`'s chat.
inline constexpr std::string_view kDefaultInstance = "default";

/// Where a qualified chat or person id lives: "feishu.ops:oc_1" is chat `oc_1` of the `ops` instance
/// of `feishu`; "feishu:oc_1" the same chat id seen through `default` (design.md, "Configuration
/// and routes"). So one id cannot collide across two bots, and a reply leaves through the instance
/// its chat came in on.
struct ChatAddress {
  std::string platform;
  std::string instance;
  std::string local;  ///< the platform's own id ("oc_1", "@ou_7" for a private chat)
};

/// Splits a qualified id; empty when it has no "platform:" part.
std::optional<ChatAddress> parse_chat_address(std::string_view qualified);

/// The prefix of ids seen through an instance, colon included: "feishu:" or "feishu.ops:".
std::string id_prefix(std::string_view platform, std::string_view instance);

/// A qualified id: id_prefix + local.
std::string qualify(std::string_view platform, std::string_view instance, std::string_view local);

}  // namespace whistle::bot
