#pragma once

#include <string_view>
#include <vector>

#include "handlers/context.hpp"

namespace whistle::handlers {

/// Whether a line reports a danger: the parser found one of its danger words, or the line holds
/// one of the community's own `rules.danger_words` — unless it speaks of a drill, the news or a
/// class ("消防演习").
bool is_danger_line(const Services& services, const Command& command);

/// The emergency numbers (119/110/120) to the sender, in the chat they wrote in, at once: what to do
/// first for the kind of danger `text` (the line as normalized) tells of.
Reply danger_now(const Context& context, std::string_view text);

/// A danger line said to the others in a group, not to the bot: nothing is said in the group (the
/// people there see it), the leader of its place is told in private — at most once per chat in
/// ten minutes, so a burst of worried messages is one alert.
std::vector<Reply> alert_leader_quietly(Context& context, const store::OrgNode& place);

/// "去不了了 家里老人摔倒了": the withdrawal beside the danger, answered as it would be alone (asked
/// about among neighbours, done when said to the bot by someone holding a place); empty otherwise.
std::vector<Reply> withdrawal_beside_danger(Context& context, const Command& command);

}  // namespace whistle::handlers
