#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "handlers/language/command.hpp"
#include "handlers/language/places.hpp"

namespace whistle::language {

/// What the parser needs to know besides the text: when it was said, where, and the org's names.
struct ParseContext {
  std::int64_t now = 0;               ///< the message's time, Unix seconds
  int utc_offset_seconds = 8 * 3600;  ///< the community's time zone (Asia/Shanghai by default)
  PlaceNames place_names;  ///< named nodes ("第一网格", "锦华家园社区") to recognise as places
  /// `[bot] names` beyond the built-in ones, each through normalize_characters(): an @-mention of
  /// one addresses the bot and is never a person acted on.
  std::vector<std::string> bot_names;
};

/// `names` made ready for ParseContext::bot_names.
std::vector<std::string> normalized_bot_names(const std::vector<std::string>& names);

/// Reads one chat line into a Command. Pure: no I/O, no clock, never throws on any input.
/// Text that is no command comes back as Intent::unknown (with `addressed` telling whether the
/// bot was @-mentioned, so the caller can choose between a hint and silence).
///
/// How the slots are filled, beyond what handlers/language/command.hpp says:
/// - `text` is the normalized line (Simplified, half-width, trimmed, lines joined by '\n') without
///   the @-mention of the bot.
/// - A command word must start the line (after the @-mention, or after a leading "#12"/"T5");
///   inside a sentence it is chatter. Without a reference after it, only filler may follow a
///   short command ("报到了！" yes, "报到中心" no); "完成", "取消" and "确认" need a reference or
///   an @-mention. Words after a reference are a remark and go to `title` ("请假 12 家里有事").
/// - Bare "1", "+1", "我来", "我报名", "算我一个" and a 接龙 list are report_in with `implicit`;
///   for a 接龙 the added name is the `title`. A first line that is a command by itself ("吹哨 …"
///   followed by numbered steps) is that command, not a 接龙.
/// - ticket: `code` is the kind, "report" (报事, 报修), "request" (点单) or "wish" (微心愿, 心愿);
///   `title` is the resident's whole text; `place` is set when it names one, without cutting it.
/// - whistle: `title` is what is left after cutting out place, time, length, head count, points,
///   @-mentions and 全网格/下发 (`broadcast`). A length sets `minutes` and, without a range,
///   `end` = `start` + `minutes`; a range sets `end`, and `minutes` = `end` − `start` unless a
///   length was given too; a deadline ("今晚8点前") sets `end` alone.
///   See time_expressions.hpp for how times are read (周六 said on a Saturday, 9点 after 9:00 …).
/// - ranking and stats: a month sets `start`/`end` to its first local midnight and the next
///   month's; none leaves them empty (the handler's default is the current month).
/// - `place` is canonical for buildings and units ("3栋" → "3号楼", "三号楼二单元" → "3号楼2单元");
///   bind falls back to the words as written ("绑定 b3u2" → "b3u2").
/// - An invalid task reference ("报到 0", "报到 -3", an overflowing one) leaves its slot empty.
///   A whistle's count and points are handed on as typed, signed and unchecked ("0人", "-5分",
///   "100000人"), for the handler to refuse with the reason (see quantities.hpp).
/// - dispatch: an @-mention names a person (`mentions`), other words a responder (`title`).
/// - rate: `score` 1–5 from 满意 (5), 不满意 (1), a digit, N星 or ★★★; the rest is `title`.
Command parse_command(std::string_view text, const ParseContext& context);

}  // namespace whistle::language
