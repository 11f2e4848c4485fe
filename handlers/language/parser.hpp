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

/// Reads one chat line into a Command. Pure: no I/O, no clock. It throws only what the standard
/// library throws (std::bad_alloc); the event processor catches that, answers the person and logs
/// the line. Text that is no command comes back as Intent::unknown (with `addressed` telling
/// whether the bot was @-mentioned, so the caller can choose between a hint and silence).
///
/// docs/language.md is the full account; in short:
/// - `text` is the normalized line (Simplified, half-width, trimmed, lines joined by '\n') without
///   the @-mention of the bot.
/// - The command leads its line after the mentions it is addressed to (the bot under any name,
///   @所有人, anyone mentioned first), decoration (#, 【】) and wrappers (我要, 麻烦, 查一下 …), or
///   follows the reference or person it acts on ("12号任务结束", "T3 接单", "给@老赵 加3分").
///   Inside a sentence a command word is chatter, and so is a command word followed by 了/过
///   ("结束了"), a noun that begins with one ("投诉电话"), or free words ending in a question to
///   the others ("绑定银行卡了吗"); every such word list is in intent_words.cpp.
/// - Bare "1", "+1", "我来", "我报名", a 接龙 list (its added name in `title`, a "#12" in its header
///   in `task`) are report_in with `implicit`; "我不去了" alone is withdraw with `implicit`.
/// - whistle (and edit): `title` is what is left after cutting out place, time, length, head
///   count, points, @-mentions and 全网格/下发 (`broadcast`); the pasted labelled form
///   ("事项：… 人数：… 时间：…") fills the slots its labels name, with or without 吹哨 before it.
///   A length sets `minutes` and, without a range, `end` = `start` + `minutes`; a range sets
///   `end`, and `minutes` = `end` − `start` unless a length was given too; a deadline ("今晚8点前")
///   sets `end` alone. See time_expressions.hpp for how times are read.
/// - ticket: `kind` report/order/wish from the verb, danger when a danger word is in the line (a
///   line with a danger word and no command is a danger ticket too); `title` is the resident's
///   words as written; `place` is set when they name one, without cutting it.
/// - The words after a command's arguments are its `reason` ("请假 12 家里有事", "办结 T5 已更换灯泡").
/// - ranking and stats: `month` when one is named, else empty (the handler's default);
///   `publish` for 公示.
/// - `place` is canonical for buildings and units ("3栋" → "3号楼", "三号楼二单元" → "3号楼2单元");
///   bind falls back to the words as written ("绑定 b3u2" → "b3u2").
/// - An invalid task reference ("报到 0", "报到 -3", an overflowing one) leaves its slot empty.
///   A whistle's count and points are handed on as typed, signed and unchecked ("0人", "-5分",
///   "100000人"), for the handler to refuse with the reason (see quantities.hpp).
/// - dispatch: an @-mention names a person (`mentions`), other words a responder (`responder`).
/// - rate: `score` 1–5 from 满意 (5), 不满意 (1), a digit, N星 or ★★★; the rest is `reason`.
Command parse_command(std::string_view text, const ParseContext& context);

}  // namespace whistle::language
