#pragma once

#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include <nlohmann/json.hpp>

#include "bot/http_error.hpp"
#include "bot/inbound_event.hpp"

namespace whistle::bot {

/// Who the bot is on one Feishu instance: what a mention of it looks like and which sender is it.
struct FeishuBotIdentity {
  /// `[bot] names` as the parser matches them (normalize_characters applied).
  std::vector<std::string> names;
  /// The bot's own open_ids on this instance, from `[bot] ids` ("feishu:ou_…" for `default`).
  std::set<std::string, std::less<>> open_ids;
};

/// Decodes the schema 2.0 `im.message.receive_v1` event (platforms.md 2.4) of one instance into
/// the bot's Message: `@_user_N` placeholders resolved to "@name", the bot's own mention stripped
/// and noted in `mentions_bot`, images and files as attachments, rich text (`post`) as its text.
class FeishuEventDecoder {
 public:
  /// `instance` names the ids' prefix and the dedupe key; `api_base` the origin of attachment URLs.
  FeishuEventDecoder(std::string instance, std::string api_base, FeishuBotIdentity bot);

  /// The event of a verified envelope whose header says `im.message.receive_v1`: one event, none
  /// (the bot's own message, a message type that carries nothing for the bot), or 400 naming the
  /// field that is missing or wrong.
  std::variant<std::vector<InboundEvent>, HttpError> decode(const nlohmann::json& envelope,
                                                            std::int64_t received_at) const;

 private:
  std::string instance_;
  std::string api_base_;
  FeishuBotIdentity bot_;
};

}  // namespace whistle::bot
