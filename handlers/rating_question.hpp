#pragma once

// The bot's question about a resident's words while a report waits for its rating ("是说「楼道灯
//坏了」还没办好吗？", "办得满意吗？"), kept so that the answer rates with those words: "是的" and
// "对" rated nothing before, and a bare "不满意" after "灯还是不亮" sent the work back without
// saying why (an exploratory run of residents' reports, 2026-12-06).

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "handlers/context.hpp"

namespace whistle::handlers {

/// What the words asked about seemed to say of the ticket.
enum class RatingAsked { unsolved, complaint, thanks };

/// Keeps the question about `words` (rate_in_plain_words() asks it) for ticket `number`.
void keep_rating_question(Context& context, std::int64_t number, RatingAsked asked, std::string_view words);

/// Whether a kept question is keep_rating_question()'s ("rate:5:unsolved").
bool is_rating_question(const store::ReportOffer& kept);

/// A yes to the kept question rates its ticket with the words asked about: 不满意 for a trouble
/// still there or a complaint, 满意 for thanks. A no lets it go. Empty otherwise (the question
/// stays for a 不满意 or 满意 said on its own).
std::optional<std::vector<Reply>> answer_rating_question(Context& context, const Command& command,
                                                         const store::ReportOffer& kept);

/// The words of a fresh question kept in this chat about ticket `number`, for a rating of `score`
/// said without words of its own, when the score agrees with them (no "灯还是不亮" on a 满意); the
/// question is let go, answered or not.
std::optional<std::string> words_asked_about(Context& context, std::int64_t number, int score);

}  // namespace whistle::handlers
