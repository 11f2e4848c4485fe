#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "handlers/message.hpp"

namespace whistle::bot {

/// The answer kept in the inbox for a redelivery: the inline replies as a JSON array of
/// `{"chat", "text", "mentions"}` objects with qualified ids (so any adapter can render it again).
std::string encode_answer(const std::vector<handlers::Reply>& replies);

/// Reads an answer written by encode_answer; an unreadable one yields no replies.
std::vector<handlers::Reply> decode_answer(std::string_view answer);

}  // namespace whistle::bot
