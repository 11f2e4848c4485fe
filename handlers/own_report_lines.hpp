#pragma once

// A resident's lines about their own report that are no command: words added to it, a question
// after it, taking it back, in their own words (an exploratory run of elderly residents typing by
// voice, 2026-12-05). And the report a photo or such words join.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "handlers/context.hpp"

namespace whistle::handlers {

/// A resident's own reports looked at for one still open.
inline constexpr std::size_t kOwnReportsLooked = 20;

/// A photo sent this soon after a report, by the same person in the same chat, belongs to it.
inline constexpr std::int64_t kJoinWindow = 10 * 60;

/// The sender's latest ticket, when this message follows it within `window`, in the same chat or in
/// private (the reporter's own chat), and it is neither closed nor resolved.
std::optional<store::Ticket> ticket_just_reported(const Context& context, std::int64_t window = kJoinWindow);

/// Said in private or to the bot: "还有就是我家住302" or "我电话是139…" right after one's report joins it
/// (its holder hears); "上次那个水管的事怎么样了" answers with the open report's progress, unless the line
/// tells a trouble of its own (`names_trouble`) without pointing back; "不用来了" asks which report to
/// withdraw and how. Empty when the line is none of these.
std::optional<std::vector<Reply>> answer_about_own_report(Context& context, const Command& command,
                                                          bool names_trouble);

/// Asks the reporter whether they take `ticket` back ("不用来了 我儿子已经修好了"), naming how
/// (撤回 T5 原因); in private when it is a private report. Nothing is closed.
std::vector<Reply> ask_to_withdraw(Context& context, const store::Ticket& ticket);

/// In a group, said to no one in particular: "补充一下，是3楼不是2楼" right after one's own report
/// there joins it and its holder hears (within `kJoinWindow`). Empty otherwise.
std::optional<std::vector<Reply>> add_to_own_report_in_group(Context& context, const Command& command);

/// Whoever holds ticket `number` hears in private that it was chased, in `words`, with the
/// template `key` (by its reporter, or by a leader); not once it is done, nor again within two
/// hours of the last nudge (a 催办 in its history). Empty when nobody was told.
std::vector<Reply> tell_holders_of_chase(Context& context, std::int64_t number, const std::string& words,
                                         std::string_view key);

/// Of `reports`, the one `text` names by its words, when exactly one does: a thing the text names
/// (a run of characters that are no question's, and none of `also_saying_nothing`; one character
/// only when it is a category's keyword or all the text names) that the report's words hold.
std::optional<std::int64_t> report_named_among(const config::Config& config,
                                               const std::vector<store::Ticket>& reports,
                                               std::string_view text,
                                               std::u32string_view also_saying_nothing = {});

/// Of the sender's open reports, the one `text` names by its words ("水管修好了没" with the lamp and
/// the pipe open: the pipe's), when exactly one is.
std::optional<std::int64_t> own_report_named(Context& context, std::string_view text);

}  // namespace whistle::handlers
