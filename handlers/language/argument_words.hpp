#pragma once

// The small readings every command's arguments share: free text, a reason, the people named, the
// softeners before a reference, and whether the words ask rather than tell.

#include <optional>
#include <string>
#include <string_view>

#include "handlers/language/command.hpp"
#include "handlers/language/parser.hpp"
#include "handlers/language/time_expressions.hpp"

namespace whistle::language {

/// The words as free text, unless they are filler ("了", "！") rather than something said.
/// The parse context's clock, as the time readers take it.
inline TimeContext time_context(const ParseContext& context) {
  return {context.now, context.utc_offset_seconds};
}

std::optional<std::string> free_text(std::string_view text);

void set_title(Command& command, std::string_view text);
void set_reason(Command& command, std::string_view text);

/// Appends the people named in `text` (cutting them out) to those already found before the
/// command ("给@老赵 加3分").
void add_mentions(Command& command, std::string& text, const ParseContext& context);

/// "签到一下 12": the words after those that soften a command without changing it.
std::string_view skip_softeners(std::string_view rest);

/// The words without trailing punctuation and spaces.
std::string_view without_end_punctuation(std::string_view text);

/// Whether the words end in 吗/吧/呢…: asked or suggested to the others.
bool ends_as_a_question_or_suggestion(std::string_view words);

/// Whether a remark asks rather than tells ("修好了吗", "接了没", "T1 完成了没有？", anything with '?'):
/// a worker's words of taking on or done, asked, do nothing.
bool asks_whether_done(std::string_view remark);

/// "吗", "吧?": nothing but such an ending.
bool is_question_particle(std::string_view words);

}  // namespace whistle::language
