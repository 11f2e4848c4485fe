#pragma once

// The lines the lists of tasks are made of (活动, a day's shifts, the tasks still short of people),
// and which open tasks a chat or a leader's area holds.

#include <string>
#include <string_view>
#include <vector>

#include "handlers/context.hpp"

namespace whistle::handlers {

/// A task's time as the lists write it; 时间待定 for a task whistled without one (not "｜｜").
std::string when_or_unset(Context& context, const store::Task& task);

/// "还差2人（3/5）", "已满（5/5），候补1人", "已报到3人".
std::string places_left_text(Context& context, const store::Task& task);

/// "｜社区广场": where to meet, as the whistle said it, else the place it was whistled for.
std::string where_text(Context& context, const store::Task& task);

/// The chat's open tasks still ahead or under way: one whose end has passed is waiting for its
/// leader's 验收, not for volunteers.
std::vector<store::Task> open_here(Context& context);

/// The open tasks of the nodes `leader` leads and those under them, wherever posted, by number.
std::vector<store::Task> open_in_led_area(Context& context, const std::string& leader);

/// One message listing `tasks` under a header, each with its time, place and places left; "本群现在
/// 没有进行中的任务" when there are none.
std::vector<Reply> tasks_here(Context& context, const std::vector<store::Task>& tasks,
                              std::string_view header_key = "tasks_header",
                              std::string_view footer_key = "tasks_footer");

/// Where a person's signup stands: 已报到, 候补第2位, 已签到, 已验收记分 …
std::string state_text(Context& context, const store::Signup& signup);

}  // namespace whistle::handlers
