#pragma once

// A resident reporting again what they already reported and is still open: the same words (sent
// again when no answer seemed to come), or the same trouble in other words (once in the group,
// then in private).

#include <optional>
#include <string>
#include <vector>

#include "handlers/context.hpp"

namespace whistle::handlers {

/// The sender's own reports still being worked on (not closed, not resolved) received at `node`,
/// where a new report of theirs would be received: read once for both checks below.
struct OpenReportsAt {
  std::string node;
  std::vector<store::Ticket> open;
};
OpenReportsAt open_reports_at(Context& context, const Command& command, const std::string& community);

/// Of `reports`, the one with the same words, spaces, punctuation and their order aside: an elderly
/// resident sends a report again (or once in private and once in the group) when no answer seems to
/// come, and a second ticket would climb beside the first and count twice.
std::optional<store::Ticket> same_report_open(Context& context, const Command& command,
                                              const OpenReportsAt& reports);

/// Asked before a second ticket opens: of `reports`, the one reported in another chat within a week
/// that holds a keyword of the new words' category ("电梯", "灯"; the place aside). The question is
/// kept: "另报" opens the new words, "是的" lets them go (answer_repeat_question). Not asked in a
/// group about a report made in private. Empty when there is none, or several.
std::optional<Reply> ask_if_same_as_open_report(Context& context, const Command& command,
                                                const OpenReportsAt& reports);

/// Whether a kept question is ask_if_same_as_open_report()'s ("repeat:5").
bool is_repeat_question(const store::ReportOffer& kept);

/// The answer to that question, said to the bot: words saying it is another trouble ("另报",
/// "不是 是另一个灯 在5楼") open the kept words with what the answer adds; words saying it is the same
/// ("是的", "对 就是那个", "好的 不用再报了", "一样的") let them go, the open report going on. Anything
/// else drops the question and is read on its own (empty).
std::optional<std::vector<Reply>> answer_repeat_question(Context& context, const Command& command,
                                                         const store::ReportOffer& kept, bool addressed);

}  // namespace whistle::handlers
