#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>

#include "handlers/context.hpp"

namespace whistle::handlers {

// What a whistle may ask for. Beyond these the numbers are a slip of the thumb (0人, 100000人,
// -5分), and a task posted with them would mislead everyone who reads it. docs/architecture.md
// says why each is what it is.

/// The fewest places a whistle may ask for ("0人" is refused, not read as "no limit").
inline constexpr int kMinPlaces = 1;
/// The most places: more than any one community task turns out (a whole-community 大扫除 or
/// 核酸 support asks for a few hundred at most).
inline constexpr int kMaxPlaces = 500;
/// The most points one task may pay each volunteer: the demo's goods cost 30–80 points, a task
/// usually pays 5–20.
inline constexpr int kMaxTaskPoints = 100;
/// The longest task, in minutes: one day. Longer work is whistled day by day.
inline constexpr int kMaxTaskMinutes = 24 * 60;
/// The longest title, in characters: it heads every post and reminder of the task, so a pasted
/// essay would bury them ("清理3号楼楼道杂物并检查消防通道" is 16).
inline constexpr std::size_t kMaxTitleChars = 60;
/// How long after its start a task may still be whistled: "今天上午9点" said at 9:10 is a call
/// for something starting now, not a mistake.
inline constexpr std::int64_t kLateStartGraceSeconds = 15 * 60;

/// The refusal a whistle's head count, points or time earns, or empty when they are all fine.
/// A task that is over (its start past the grace and no end still to come) is asked about
/// again; out-of-range numbers and lengths are listed, each with the allowed range.
std::optional<Reply> refuse_out_of_range(Context& context, const Command& command);

}  // namespace whistle::handlers
