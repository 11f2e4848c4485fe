#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace whistle::language {

/// When a message was said, and the time zone its words are meant in.
struct TimeContext {
  std::int64_t now = 0;        ///< Unix seconds
  int utc_offset_seconds = 0;  ///< local time = UTC + this
};

/// The instants a time phrase names, in Unix seconds.
struct TimeSpan {
  std::optional<std::int64_t> start;  ///< empty for a deadline ("今晚8点前")
  std::optional<std::int64_t> end;    ///< the end of a range, or the deadline
};

/// Finds the first time phrase in `text`, cuts it out, and returns what it means; leaves the
/// text alone and returns empty when there is none.
///
/// A phrase is [截止] [day] [period] [clock [- clock]] [前], at least one of day, period, clock:
/// - day: 今天/今日/明天/后天/大后天, 今晚/明晚/今早/明早 (with their period), 周六/星期六/礼拜六/周日/
///   星期天, 本周日/这周六, 下周一/下个周一, 下下周一, 11月25日/11月25号/十一月二十五日, 2026年11月25日,
///   2026-11-25, 11.25, 11/25;
/// - period: 凌晨 早上 清晨 上午 中午 下午 傍晚 晚上 夜里;
/// - clock: 9点, 9点钟, 9点整, 九点半, 9点一刻, 9点30, 9点30分, 9时, 9:00; a range 14:00-16:00,
///   下午2点到4点, 9-11点, 9点至11点.
///
/// The rules where words leave room (each chosen so a leader's usual phrasing comes out right):
/// - A plain weekday (周六) is the next such day on or after today; said on that very day, it is
///   today while the stated time is still ahead, otherwise the same day next week. 本周六/这周六
///   is the Saturday of the current Monday-to-Sunday week even if it has passed; 下周六 is the
///   Saturday of the week after.
/// - With no day, the time is today if still ahead (strictly after now), otherwise tomorrow.
/// - A date without a year (11月25日) is this year's, or next year's once this year's has passed.
/// - A clock in 点/时 without a period and an hour from 1 to 6 is afternoon (3点 → 15:00), as no one
///   calls volunteers out at 3 a.m.; 9:00-style clocks are 24-hour and taken as written.
///   中午1点 is 13:00, 下午/傍晚/晚上 add 12 hours below 12, 晚上12点 is midnight, 凌晨12点 is 0:00.
/// - A day or period without a clock starts at the period's usual hour (早上 8, 上午 9, 中午 12,
///   下午 14, 傍晚 17, 晚上 19) or, with neither, at 09:00.
/// - A deadline (…前, 截止…) sets only `end`; a deadline day without a clock ends at that day's 00:00.
/// - A range whose end is not after its start moves the end 12 hours on (9点到1点 → 13:00) when
///   the end had no period of its own, else to the next day.
/// "一点" alone is not a clock (it also means "a little"); 一点半 or 下午一点 are.
std::optional<TimeSpan> take_time(std::string& text, const TimeContext& context);

}  // namespace whistle::language
