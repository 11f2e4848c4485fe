#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <string_view>

namespace whistle::language {

/// Names the bot answers to besides its built-in ones (`[bot] names`), already passed through
/// normalize_characters().
using ExtraBotNames = std::span<const std::string>;

/// A chat line made uniform, ready to be read.
struct NormalizedText {
  std::string text;        ///< trimmed lines joined by '\n', without the @-mention of the bot
  bool addressed = false;  ///< the line began (or ended) with an @-mention of the bot
  /// A quote-reply's quote (quoted_reply.hpp), cut off `text`: the words quoted, and whether they
  /// were the bot's own.
  std::string quoted;
  bool quotes_bot = false;
};

/// Makes a chat line uniform: invalid UTF-8 becomes U+FFFD, full-width ASCII and the ideographic
/// space become ASCII (＃１２：， → #12:,), dashes and wave dashes become '-' and '~', Traditional
/// characters become Simplified, runs of spaces become one, lines are trimmed and empty ones
/// dropped, and a leading or trailing @-mention of the bot (@吹哨, @吹哨助手, @whistle, @bot,
/// @机器人, any of `extra`, ASCII names in any case) is removed and remembered in `addressed`. A
/// WeChat quote-reply's quote ("「钱楼栋长：…」\n- - -\n报名") is cut off and kept in `quoted`.
/// Never throws except std::bad_alloc.
NormalizedText normalize(std::string_view raw, ExtraBotNames extra = {});

/// The text with only the character mapping of normalize() applied (no trimming, no mention).
std::string normalize_characters(std::string_view raw);

/// A person's words as shown back to people: the ASCII , : ; ? ! that normalize() made of
/// "，：；？！" become full-width again after a Chinese character ("坏了,按钮" → "坏了，按钮"), as
/// Chinese is written; "T1,谢谢" and "9:30" stay as they are.
std::string with_chinese_punctuation(std::string_view text);

/// Whether `name` (what follows an '@') is one of the bot's own names.
bool is_bot_name(std::string_view name, ExtraBotNames extra = {});

/// The length of the bot name that follows an '@' at `pos` (pointing at the '@'), including the
/// '@', or 0 when the mention there is not of the bot.
std::size_t bot_mention_length(std::string_view text, std::size_t pos, ExtraBotNames extra = {});

}  // namespace whistle::language
