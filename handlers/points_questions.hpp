#pragma once

// A volunteer's questions about points in their own words, said to the bot or in private: "扫雪的积分
// 什么时候到账", "我昨天扫雪了 积分怎么没加", "这个月扫雪几次了" get their own points, with the stays
// that wait for a leader's 验收; "扫雪有积分吗", "扫雪给多少分" get how points are earned (an
// exploratory run of winter, stop 67: each met the menu).

#include <optional>
#include <vector>

#include "handlers/context.hpp"

namespace whistle::handlers {

/// The answer to such a question; empty for any other line.
std::optional<std::vector<Reply>> answer_points_question(Context& context, const Command& command);

}  // namespace whistle::handlers
