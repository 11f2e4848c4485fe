#pragma once

// A leader's call for neighbours to come and work, said to the bot without 吹哨 ("@吹哨 下雪了 大家出来
// 扫雪", "明天上午大家一起清理楼道", "招募志愿者 周六 清理小广告"): stop 67 found it met 没看懂 with
// 活动 and 撤销 suggested. The handler offers it as a whistle.

#include <string_view>

namespace whistle::language {

/// Whether a line calls the group's people to come and do some work: who (大家, 志愿者, 有空的, 几个人),
/// a coming or joining word (出来, 一起, 帮忙, 参加, 招募) and the work (扫, 清理, 搬, 巡逻 …); not a
/// question, a warning ("大家注意路滑 别出来"), a thanks ("谢谢大家帮忙"), news of work done ("大家一起扫完
/// 了"), a ranking, a count or a meeting.
bool calls_neighbours_to_work(std::string_view text);

}  // namespace whistle::language
