#pragma once

// A leader's call for neighbours said to the bot without 吹哨 ("@吹哨 下雪了 大家出来扫雪"): offered as a
// whistle in the leader's words, and whistled on a yes. Stop 67 found it met 没看懂 with 活动 and 撤销
// suggested; a resident's "需要几个人帮忙搬东西" stays a 点单 offered.

#include <optional>
#include <vector>

#include "handlers/context.hpp"

namespace whistle::handlers {

/// The offer, when the sender leads this group's place (or above) and the line calls its people to
/// come and work; kept for a yes. Empty otherwise, and always in private (no group to whistle in).
std::optional<Reply> offer_whistle(Context& context, const Command& command);

/// Whether a kept question is offer_whistle()'s.
bool is_whistle_offer(const store::ReportOffer& kept);

/// The leader's answer to the kept offer, said to the bot: a yes whistles the words (with the time or
/// count said after it: "好 下午两点 5个人"), a no lets it go. Empty for any other line, which is read
/// on its own (the offer stays for its half hour).
std::optional<std::vector<Reply>> answer_whistle_offer(Context& context, const Command& command,
                                                       const store::ReportOffer& kept, bool addressed);

}  // namespace whistle::handlers
