#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace whistle::handlers {

struct Location {
  double lat = 0;
  double lon = 0;
};

/// A file that came with a message (a photo of the broken lamp), by the platform's URL for it.
struct Attachment {
  std::string type;  ///< "image", "file", "voice", "video", or what the platform calls it
  std::string url;
};

/// One chat message addressed to the bot's world, already verified and decoded by an adapter.
/// It knows nothing of HTTP or of the platform's wire format.
/// Ids are qualified by platform: chat "generic:b3u2", sender "generic:u-zhang". A private
/// conversation with a person is the chat "<platform>:@<user id>" ("generic:@u-zhang").
struct Message {
  std::string chat;        ///< qualified chat id
  std::string chat_title;  ///< may be empty
  bool is_private = false;
  std::string sender;       ///< qualified person id
  std::string sender_name;  ///< may be empty
  std::string text;
  std::vector<std::string> mentions;  ///< qualified person ids the platform says were @-mentioned
  /// The names the platform gave with its mentions, by qualified id (Feishu's mentions[].name):
  /// a person who never wrote to the bot is named, not shown by their id.
  std::map<std::string, std::string> mention_names;
  std::optional<Location> location;
  std::vector<Attachment> attachments;
  bool mentions_bot = false;  ///< the platform says the bot itself was @-mentioned
  /// The platform's id of the bot's message this one replies to (the webhook's `reply_to`); empty
  /// when it replies to none. A reply to the bot addresses the bot.
  std::string reply_to;
  std::int64_t at = 0;  ///< Unix seconds, the message's time as the bot accepts it
};

/// One message the bot sends: to a group chat or, as "<platform>:@<user id>", to a person.
struct Reply {
  std::string chat;  ///< qualified chat id
  std::string text;
  std::vector<std::string> mentions;  ///< qualified person ids to @-mention

  friend bool operator==(const Reply&, const Reply&) = default;
};

/// The platform part of a qualified id ("generic" of "generic:b3u2").
std::string platform_of(const std::string& qualified_id);

/// The platform's own id ("b3u2" of "generic:b3u2").
std::string local_part(const std::string& qualified_id);

/// The same, without a copy: a view into `qualified_id` (an adapter writing an answer's ids).
std::string_view local_part_view(std::string_view qualified_id);

/// The chat of the private conversation with a person ("generic:u-zhang" → "generic:@u-zhang").
std::string private_chat_of(const std::string& person_id);

}  // namespace whistle::handlers
