#pragma once

// A volunteer's questions about their own points, said mid-line after the work they did: "扫雪的积分
// 什么时候到账", "我昨天扫雪了 积分怎么没加", "这个月扫雪几次了", and about what a task pays, "扫雪有
// 积分吗", "扫雪给多少分" (an exploratory run of winter, stop 67: each met the menu).

#include <string_view>

namespace whistle::language {

enum class PointsQuestion { none, own, rules, records, certificate, transfer };

/// What a line asks of points: one's own (when they come, why not yet, how many times this month, how
/// many hours: "我做了几个小时", "还差几个小时"), how points are earned, one's record of service ("我的服务
/// 记录"), a certificate of one's hours for a school or an employer ("能开志愿时长证明吗", "哪里盖章"), or
/// nothing. An exploratory run of the winter holiday (stop 69) found each of the last three met the menu.
/// Or whether points can be given to someone else ("积分能转给别人吗", "把我的积分给张三 10分", "积分转让
/// @刘阿 姨 10": the usual bait of a points scam; an exploratory run of scams, stop 70, found the menu).
PointsQuestion points_question(std::string_view text);

}  // namespace whistle::language
