#pragma once

// A resident's complaint about how their report was handled, said after the work was rated or
// while it is being done: "师傅态度不太好，说话很冲" after 满意 got 没看懂, and "我要投诉那个师傅"
// opened a new ticket titled 那个师傅 at the community (an exploratory run of the workers' side,
// 2026-12-07). A closed ticket never changes; the complaint goes on its history and to the leader
// of its level, who follows it up.

#include <optional>
#include <string_view>
#include <vector>

#include "handlers/context.hpp"

namespace whistle::handlers {

/// In private, a line that complains of the work or of the worker ("态度不好", "乱收费",
/// "投诉那个师傅"), from someone whose report is being done or was closed within rules.rate_days:
/// kept on that ticket as a "complained" event and passed to the nearest leader above it who did
/// not do the work. Empty otherwise (a report waiting for its rating is rate_in_plain_words()'s).
std::optional<std::vector<Reply>> pass_on_complaint_about_work(Context& context, const Command& command);

/// Whether a complaint's words are about someone other than whoever does the work: a neighbour, a
/// courier, another trade's 师傅 ("送水的师傅"). rate_in_plain_words() asks about the others.
bool complains_of_someone_else(std::string_view line);

/// Whether a complaint's words are about the work of `tickets` rather than a new trouble told
/// angrily: "物业太不负责了 垃圾一个星期没人收" names what they do not hold, "态度不好 灯倒是修好了" the lamp
/// one of them does. Used by rate_in_plain_words() and the complaint's routing alike.
bool complaint_is_about(const Context& context, const std::vector<store::Ticket>& tickets,
                        std::string_view line);

}  // namespace whistle::handlers
