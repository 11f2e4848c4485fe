#pragma once

// "扫雪算我一个", "报名扫雪", "明早扫雪我去": a sign-up that names the task by its title instead of its
// number, the title run into the sign-up word (an exploratory run of winter, stop 67: each was
// silence, and only 1 of 7 who answered a snow whistle was on its list).

#include <optional>
#include <vector>

#include "handlers/context.hpp"

namespace whistle::handlers {

/// The report-in a group line is when its words besides the sign-up word are in the title of one
/// task open in the chat; empty otherwise (the line is read on as before).
std::optional<std::vector<Reply>> sign_up_by_title(Context& context, const Command& command);

}  // namespace whistle::handlers
