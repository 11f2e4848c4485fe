#pragma once

// "又漏了", "没修好", "修了跟没修一样" from a resident whose report was closed lately: the trouble is back,
// and the words name nothing but it. An exploratory run of 物业's side (stop 69) found each met the
// menu of volunteer commands after the close.

#include <optional>

#include "handlers/context.hpp"

namespace whistle::handlers {

/// How long after its close a report is the one such words are about.
inline constexpr std::int64_t kProblemBackDays = 30;

/// Said in private or to the bot by the reporter of a report closed within kProblemBackDays, a line
/// that says the trouble is back or was never mended: offered as a new report in the closed one's
/// words and theirs, naming it. Empty when the line says nothing of the kind, or there is no such
/// report (an open one is its own: the rating and 进度 answer it).
std::optional<Reply> offer_report_again(Context& context, const Command& command);

}  // namespace whistle::handlers
