#pragma once

// A volunteer's questions about their own points, said mid-line after the work they did: "扫雪的积分
// 什么时候到账", "我昨天扫雪了 积分怎么没加", "这个月扫雪几次了", and about what a task pays, "扫雪有
// 积分吗", "扫雪给多少分" (an exploratory run of winter, stop 67: each met the menu).

#include <string_view>

namespace whistle::language {

enum class PointsQuestion { none, own, rules };

/// What a line asks of points: one's own (when they come, why not yet, how many times this month),
/// how points are earned, or nothing.
PointsQuestion points_question(std::string_view text);

}  // namespace whistle::language
