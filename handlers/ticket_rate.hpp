#pragma once

// 评价 / 满意 / 不满意: the reporter rates a resolved ticket. 4–5 closes it as satisfied; 1–3 is
// 回炉, back to whoever resolved it. No rating within rules.rate_days closes it as not rated.
// docs/tickets.md ("Rating and 回炉") says what residents see.

#include <optional>
#include <vector>

#include "handlers/context.hpp"
#include "store/jobs.hpp"

namespace whistle::handlers {

/// Intent::rate: `评价 T5 满意`, `评价 T5 2 还是不亮`, `打4星`, a bare `满意` / `不满意`.
std::vector<Reply> handle_rate(Context& context, const Command& command);

/// "3星", "五星", "4颗星", "4分", "★★★★★" said alone in private: a rating of the sender's ticket awaiting one
/// (the parser reads a line that starts with a number as no command). Empty when the line is not
/// that, or was said in a group, where stars are anyone's chatter.
std::optional<std::vector<Reply>> rate_by_stars(Context& context, const Command& command);

/// In private, with a ticket awaiting a rating, a line that ends on a rating word ("这次可以了，满意",
/// "谢谢小张，老花镜很好用，满意") or says the problem is still there ("还是看不清") answers
/// "请评价". Nothing otherwise.
std::optional<std::vector<Reply>> rate_in_plain_words(Context& context, const Command& command);

/// "点错了，应该是满意", "刚才按错了 五星": the reporter's 回炉 of moments ago
/// (reopen_taken_back_in_time) was a mistaken tap, and the satisfied rating named puts it right; in
/// private, without a score named, the resident is asked to say 满意. In a group only with the
/// satisfied word, for a report made there. Empty otherwise.
std::optional<std::vector<Reply>> correct_rating_in_words(Context& context, const Command& command);

/// A bare "是的" or "不是" in private from someone with a report waiting for its rating (the bot
/// asked "是说…还没办好吗？" or "办得满意吗？"): asked for the word that rates, since a yes or a no
/// alone cannot say which ticket or how; empty otherwise.
std::optional<std::vector<Reply>> nudge_to_rate(Context& context, const Command& command);

/// The number of the sender's ticket the bot last asked to rate and still waits for, or empty
/// (in a group, only one reported there).
std::optional<std::int64_t> ticket_awaiting_rating(const Context& context);

/// kTicketRateReminder (payload as the deadline's): a ticket still resolved at that stage, a day
/// before it would close unrated, is asked about once more in private.
std::vector<Reply> run_ticket_rate_reminder(const Services& services, const store::Job& job,
                                            std::int64_t now);

/// kTicketRateDeadline (payload "<ticket id>:<stage after the resolve>"): a ticket still resolved
/// at that stage closes as not rated, and the reporter is told.
std::vector<Reply> run_ticket_rate_deadline(const Services& services, const store::Job& job,
                                            std::int64_t now);

}  // namespace whistle::handlers
