#pragma once

// Whoever holds a ticket, saying in their own words that they take it on or have done it:
// "好的 接了", "收到 马上去", "弄好了 换了个灯泡" — to the bot in private or by name, with no number.

#include <optional>
#include <string>
#include <vector>

#include "handlers/context.hpp"
#include "store/tickets.hpp"

namespace whistle::handlers {

/// A line of a ticket's holder about their job, said in private or to the bot: "好的 接了", "这单我接了"
/// take on (接单) the one ticket waiting for them, or the one the words name; "收到 马上去", "弄好了
/// 换了个灯泡" are asked about with the command that would do it (going may be to anything, and a 办结
/// asks the resident to rate); a bare "收到" while a job's answer window runs is told how to take it.
/// With several waiting and none named, they are listed. Empty when the line says none of this, names
/// a thing none of the jobs holds, or names one's own report.
std::optional<std::vector<Reply>> answer_holders_words(Context& context, const Command& command);

/// "我发烧了 去不了了" from someone who took on jobs as a person (an errand, a ticket dispatched to
/// them): how to hand the one back (退回), or the several listed with it. Empty when they hold none.
std::optional<std::vector<Reply>> answer_holder_cannot_go(Context& context);

/// The jobs `held` listed to choose from, with the command `intent` that would act on one ("接单 T1");
/// in private when any is a private report.
std::vector<Reply> list_held_tickets(Context& context, const std::vector<store::Ticket>& held, Intent intent);

/// Asks whoever holds `ticket` whether their `words` meant 接单 (`taking`) or 办结, naming the command
/// that would do it, words and all; in private when it is a private report.
std::vector<Reply> ask_if_holder_meant(Context& context, const store::Ticket& ticket, bool taking,
                                       const std::string& words);

/// What the message carries (photos, files, a place), kept on `ticket` by whoever works on it, with
/// an `attachment` event; says what was kept (empty when nothing came).
std::vector<std::string> keep_photos_with(Context& context, const store::Ticket& ticket);

/// A photo (or file, or place) sent to the bot by whoever said 办结, within ten minutes of it, with
/// no new trouble in its words: kept on that ticket as its proof, and they are told. Empty otherwise.
std::optional<std::vector<Reply>> join_photo_to_ticket_just_resolved(Context& context,
                                                                     const Command& command);

}  // namespace whistle::handlers
