#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace whistle::bot {

/// The longest display name kept, in characters: real names with a title fit; a 20,000-character
/// "name" cannot swell a reply.
inline constexpr std::size_t kMaxDisplayNameChars = 32;

/// The longest id (message, chat or person) accepted, in bytes. Every platform's ids are far shorter.
inline constexpr std::size_t kMaxIdBytes = 128;

/// A display name made safe to show in the bot's voice and in logs: control and format characters
/// (newlines, tabs, bidi overrides, line separators) become spaces, runs of spaces one, the
/// brackets of the bot's references (【】) and invisible characters (zero-width, soft hyphen) are
/// dropped, invalid UTF-8 becomes U+FFFD, the ends are
/// trimmed, and it is cut to kMaxDisplayNameChars with "…". Empty if nothing is left.
std::string clean_display_name(std::string_view name);

/// A display name as one token after "@" in a message's text: its spaces dropped, so "@张 三" and
/// "@Mary Ann" are each one mention for the parser (the platform's id says who it is).
std::string mention_token(std::string_view name);

/// Which ids may hold a space: a message id is only compared, but a chat or person id is written
/// after "@" and inside the bot's commands, where a space would end it.
enum class IdSpaces { refused, allowed };

/// Why `id` cannot be an id (empty, longer than kMaxIdBytes, invalid UTF-8, a control, layout or
/// invisible character, a space where refused); empty when it can. Ids are refused rather than cleaned: two
/// cleaned ids could name one person.
std::optional<std::string> id_problem(std::string_view id, IdSpaces spaces = IdSpaces::refused);

/// The longest attachment URL an adapter takes (a picture's link): longer is not a link but a payload.
inline constexpr std::size_t kMaxUrlBytes = 2048;

/// Why `text` is not one clean token (invalid UTF-8, a control, layout or invisible character, a
/// space where refused), whatever its length; empty when it is one.
std::optional<std::string> token_problem(std::string_view text, IdSpaces spaces = IdSpaces::refused);

/// `text` quoted for a log line: quotes, backslashes and control characters escaped, cut to
/// `max_bytes`, so a client's text can never forge or break a line.
std::string log_quoted(std::string_view text, std::size_t max_bytes = 200);

}  // namespace whistle::bot
