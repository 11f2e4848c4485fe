#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "handlers/message.hpp"
#include "handlers/message_pack.hpp"
#include "store/outbox.hpp"

namespace whistle::handlers {

/// A person's shown name, for finding "@name" in a text.
using NameOf = std::function<std::string(const std::string& person_id)>;

/// One reply as messages a platform accepts: a reply within `limit` bytes (UTF-8) is returned as it
/// is; a longer one is split at line breaks, else at spaces, never inside a character (pack_lines),
/// into parts of at most `limit` bytes to the same chat, in order. Each mentioned person goes with
/// the parts that show "@name"; one shown in none goes with the first part.
std::vector<Reply> split_reply(const Reply& reply, const NameOf& name_of,
                               std::size_t limit = kMessageLimitBytes);

/// Where a mentioned person is named in a reply: one span per "@name" of each mentioned person
/// (a whole name: "@张三" is not found in "@张三丰"), in text order. A person mentioned but not
/// named in the text has no span; platforms that list mentions apart (WeCom, DingTalk) still
/// notify them.
std::vector<store::MentionSpan> locate_mentions(const Reply& reply, const NameOf& name_of);

/// split_reply over every reply, keeping their order.
std::vector<Reply> split_replies(std::vector<Reply> replies, const NameOf& name_of,
                                 std::size_t limit = kMessageLimitBytes);

}  // namespace whistle::handlers
