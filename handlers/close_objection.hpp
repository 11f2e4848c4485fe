#pragma once

// A resident who disputes the close of their report ("怎么就不属实了？你们来听过吗？", "我要申诉",
// "我不同意关闭", "凭什么转物业？") met the menu of commands, and the objection reached nobody (an
// exploratory run of neighbour disputes, 2026-12-07). A closed ticket never changes; the objection
// goes on its history and to the leader above whoever closed it, who looks again.

#include <optional>
#include <vector>

#include "handlers/context.hpp"

namespace whistle::handlers {

/// In private, words that dispute a close, from the reporter of a ticket closed unresolved by a
/// leader within rules.rate_days (not withdrawn by the reporter): kept as an "objected" event, told
/// to the nearest leader above the closer who is not named in the report, and to the closer; the
/// reporter hears who will look again. Empty otherwise.
std::optional<std::vector<Reply>> pass_on_objection_to_close(Context& context, const Command& command);

}  // namespace whistle::handlers
