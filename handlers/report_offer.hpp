#pragma once

// The bot's questions to a resident about a report, and the answers in their own words. An
// elderly resident answers "要反映这个问题吗？" with "是的", and after "我想报个修" tells the
// trouble on the next line: each question is kept (store::ReportOffer) for the answer.

#include <optional>
#include <string>
#include <vector>

#include "handlers/context.hpp"

namespace whistle::handlers {

/// How long a question waits for its answer; later the line is read on its own.
inline constexpr std::int64_t kReportOfferSeconds = 30 * 60;

/// Offers to take `words` (a line with no command that tells of a trouble, or a need) as a ticket
/// of `kind` (a report, a 点单, a 微心愿), and keeps the offer for a "是的".
Reply offer_report(Context& context, const std::string& words,
                   language::TicketKind kind = language::TicketKind::report, const std::string& photos = "");

/// Opens `words` (a line with no command that tells of a trouble and calls for someone to come at
/// once: "楼下水管爆了快来人") as a report without asking first: a burst pipe at 2 a.m. took two
/// messages (an exploratory run of an urgent night, 2026-12-06).
std::vector<Reply> report_at_once(Context& context, const std::string& words);

/// Keeps a question of `kind` about `words` for the message's sender in its chat, with the photos
/// the message carries (repeat_reports.cpp keeps its own this way).
void keep_question(Context& context, const std::string& kind, const std::string& words);

/// Opens `words` as a report, as a yes to the kept question `kept` does (with its photos).
std::vector<Reply> open_kept_report(Context& context, const std::string& words,
                                    const store::ReportOffer& kept);

/// "报事" with nothing after it: asks what happened, and keeps the question so that the next line
/// is the report.
Reply ask_what_happened(Context& context, const Command& command);

/// Which lines answer_to_report_offer() reads: a yes or a no only (read before a pending rating
/// takes "好的谢谢" for thanks), or any line (after the ratings and the typed codes).
enum class OfferReading { yes_or_no, anything };

/// A line with no command that answers the question kept for this person in this chat: the report
/// opened ("是的", or the trouble after "我想报个修"), offered back when it names no trouble, or the
/// offer let go ("不用了"). In a group only the asker's own lines count, an unaddressed one only
/// within ten minutes. Empty when the line answers nothing, or nothing is asked.
std::optional<std::vector<Reply>> answer_to_report_offer(Context& context, const Command& command,
                                                         OfferReading reading);

/// "帮我反映一下" right after the offer means the words offered: that report opened. Empty when no
/// fresh offer is kept.
std::optional<std::vector<Reply>> open_offered_report(Context& context);

/// Whether a question to this person in this chat was kept after `since` and still waits.
bool question_kept_since(Context& context, std::int64_t since);

/// A report was opened in this chat: the question is answered.
void forget_report_offer(Context& context);

}  // namespace whistle::handlers
