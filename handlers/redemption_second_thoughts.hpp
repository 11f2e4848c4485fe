#pragma once

// Second thoughts right after a redemption, in one's own words: "不要了", "换错了", "不换了" (an
// exploratory run of corrections, 2026-12-06: met "收到。要反映问题…" while the points stayed held).

#include <cstdint>
#include <optional>
#include <vector>

#include "handlers/context.hpp"

namespace whistle::handlers {

/// A redemption this recent is what "不要了" is about.
inline constexpr std::int64_t kSecondThoughtsWindow = 30 * 60;

/// In private, within `kSecondThoughtsWindow` of one's latest pending redemption: asks whether to
/// cancel it, and how (取消兑换 with its code). Asked, not done: the line may be about something
/// else. Empty otherwise.
std::optional<std::vector<Reply>> ask_about_redemption_just_made(Context& context, const Command& command);

}  // namespace whistle::handlers
