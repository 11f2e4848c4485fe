#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "handlers/context.hpp"

namespace whistle::handlers {

/// A moment in the community's local time: "11月28日(周六) 09:00", with the year
/// ("2027年1月3日(周日) 09:00") when it falls in another year than `now`.
std::string local_time_text(const Services& services, std::int64_t at, std::int64_t now);

/// A day in the community's local time as a day is spoken of: 今天, 明天, else "11月25日(周三)" (with
/// the year when it falls in another year than `now`).
std::string local_day_text(const Services& services, std::int64_t at, std::int64_t now);

/// Days since 1970-01-01 in the community's local time (a fixed offset: Asia/Shanghai has no DST).
std::int64_t local_day(const Services& services, std::int64_t at);

/// The part of the day a moment falls in, locally: 0 morning (before 12:00), 1 afternoon (before
/// 17:00), 2 evening. It tells a day's shifts apart ("周三晚上" of a morning and an evening shift).
int local_part_of_day(const Services& services, std::int64_t at);

/// Whether a task starting at `start` is on the day said (`said`, a moment of it) and, when
/// `part_said`, in the same part of the day: the one test the rota's readings choose shifts by. A
/// task with no time is on no day.
bool on_day_said(const Services& services, const std::optional<std::int64_t>& start, std::int64_t said,
                 bool part_said);

/// The time of day in the community's local time: "09:00".
std::string local_clock_text(const Services& services, std::int64_t at);

/// When a task happens: "11月28日(周六) 09:00–11:00", a start alone, "… 前" for a deadline, or "".
std::string task_when_text(const Services& services, const store::Task& task, std::int64_t now);
/// The same of a task's start and end as listed (store::ListedTask).
std::string task_when_text(const Services& services, const std::optional<std::int64_t>& start,
                           const std::optional<std::int64_t>& end, std::int64_t now);

/// One line describing a task: "清理楼道杂物｜11月28日(周六) 09:00–11:00｜3号楼｜需5人｜10分/人".
std::string task_summary_text(const Services& services, const store::Task& task, std::int64_t now);

/// How full a task is: "3/5", or "3人" when it has no limit.
std::string signup_count_text(const Services& services, const store::Task& task);

/// "已结束" / "已撤销" / "进行中" for a task's status.
std::string status_text(const Services& services, store::TaskStatus status);

/// The words of a title two characters or longer, split at its spaces ("扫雪 门口" → 扫雪, 门口): what
/// people call the task by.
std::vector<std::string_view> title_words(std::string_view title);

}  // namespace whistle::handlers
