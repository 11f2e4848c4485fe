#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

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
  /// What the words named: a day ("周日", "明天", "11月28日") and a time of day ("下午3点",
  /// "上午"). An edit keeps from the task what was not named ("修改 12 时间 下午3点").
  bool names_day = false;
  bool names_clock = false;
  /// A clock was written ("8点", "20:00"), not only a part of the day ("今晚", "上午") whose usual
  /// hour stands in for one.
  bool names_hour = false;
  /// The start is a bare 1–6点 read as the afternoon ("明天6点" is 18:00), the reading a work done
  /// at dawn (扫雪) turns round.
  bool hour_guessed_afternoon = false;
};

/// Finds the first time phrase in `text`, cuts it out, and returns what it means; leaves the
/// text alone and returns empty when there is none.
///
/// A day and its clock may stand apart, other words between ("清理楼道 周六 5人 10点", "10点 清理楼道
/// 周六", "11月28日 5人 14:00-16:00"): when the first phrase is a day without a clock (周六, 明天下午,
/// 截止周五) or a clock without a day (10点, 下午3点, 14:00-16:00, 10点前), the first phrase of the
/// other kind after it joins it into one time, and both are cut. The clock takes the day's period
/// when it has none ("今晚 巡逻 8点" is 20:00); a deadline word on either makes it a deadline. They do
/// not join when both name a period ("周六上午 … 下午3点"), and a phrase with both a day and a clock,
/// a second day or a second clock, or a phrase that names no time ("14:00-12:00") is never joined:
/// it stays in the text as written ("周六 清理 周日 10点" is 周六 at 09:00).
///
/// A phrase is [截止] [day] [period] [clock [- [end day] [period] clock]] [前], at least one of day,
/// period, clock:
/// - day: 今天/今日/明天/后天/大后天, 今晚/明晚/今早/明早 (with their period), 周六/星期六/礼拜六/周日/
///   星期日/星期天/礼拜天, 本周日/这周六, 下周一/下个周一/下礼拜三, 下下周一, 11月25日/11月25号/
///   十一月二十五日, 2026年11月25日, 2026-11-25, 11.25, 11/25, 28号/28日/二十八号;
/// - period: 凌晨 早上 清晨 上午 中午 下午 傍晚 晚上 夜里;
/// - clock: 9点, 9点钟, 9点整, 九点半, 9点一刻, 三点一刻, 九点三刻, 9点30, 9点30分, 9点 30分,
///   九点三十分, 9时, 9:00; a range 14:00-16:00, 9:00～11:00, 9:00至11:00, 下午2点到4点, 9-11点,
///   9点至11点;
/// - end day: 第二天/第2天/次日/隔天/翌日 (the day after the start's day), or any day above
///   (明天, 后天, 周日 … counted as at the start).
///
/// The rules where words leave room (each chosen so a leader's usual phrasing comes out right):
/// - A plain weekday (周六) is the next such day on or after today; said on that very day, it is
///   today while the stated time is still ahead, otherwise the same day next week. 本周六/这周六
///   is the Saturday of the current Monday-to-Sunday week even if it has passed; 下周六 is the
///   Saturday of the week after.
/// - With no day, the time is today if still ahead (strictly after now), otherwise tomorrow.
/// - A date without a year (11月25日) is this year's, or next year's once this year's has passed.
/// - A day of the month alone (28号) is this month's, or the next month's (that has such a day)
///   once it has passed; today counts as not passed while the time is still ahead. It is a day
///   only standing as a word of its own ("吹哨 清理楼道 28号") or followed by a period, a clock or
///   前 ("28号上午9点", "楼道30号下午"); "12号楼", "5号的" and a house number "幸福里12号" are not.
///   A lone "12号" is also how a task is named, so callers cut task references before this.
/// - A clock in 点/时 without a period and an hour from 1 to 6 is afternoon (3点 → 15:00), as no one
///   calls volunteers out at 3 a.m.; 9:00-style clocks are 24-hour and taken as written.
///   中午1点 is 13:00, 下午/傍晚/晚上 add 12 hours below 12 (下午13点 is 13:00), 晚上12点 is
///   midnight, 凌晨12点 is 0:00. An hour past 24 ("明天25点") or 24 with minutes makes the whole
///   phrase no time: nothing of it is read or cut.
/// - Minutes right after their clock ("9点30分", "九点三十分") belong to it. Written apart with a
///   space they do only as a quarter or with a leading zero ("9点 30分", "9点 05分"), as leaders
///   also list slots with spaces ("9点 10分" is 9:00 and 10 points).
/// - A day or period without a clock starts at the period's usual hour (早上 8, 上午 9, 中午 12,
///   下午 14, 傍晚 17, 晚上 19) or, with neither, at 09:00.
/// - A deadline (…前, 截止…) sets only `end`; a deadline day without a clock ends at that day's 00:00.
/// - A range's end takes the start's period unless it names its own (晚上8点半到10点 → 22:00).
/// - An end that names its own day is read on that day, its clock as written when it has no
///   period (22:00-次日06:00, 晚上11点到第二天凌晨5点, 明晚11点到后天凌晨2点); it must come after
///   the start, at any distance.
/// - An end without a day of its own that is not after the start is the first of these that lies
///   after the start by at most 12 hours: 12 hours on, for a 点 clock without its own period
///   (上午9点到1点 → 13:00); after an evening start the hour as written on the next day
///   (晚上11点到1点 → 01:00); the next day (22:00-02:00, 晚上10点到凌晨2点). If none does
///   (14:00-12:00 would be 22 hours) the range is unreadable: take_time returns empty and leaves
///   the whole phrase in the text, so the leader is asked again rather than given a wrong end.
/// "夜间" right before a word ("夜间巡逻") is no time unless a clock follows.
/// "一点" alone is not a clock (it also means "a little"); 一点半 or 下午一点 are.
std::optional<TimeSpan> take_time(std::string& text, const TimeContext& context);

/// Whether the number at `pos` is the minutes of the clock before it, as take_time() reads them
/// ("30" in "9点30分", "九点三十分", "9点 30分"; not "10" in "9点 10分", which is points).
bool is_clock_minutes(std::string_view text, std::size_t pos);

/// `span` moved whole to the local day of `day` (its clock and length kept): a time of day said
/// apart from its day ("日期：11月28日" then "时间：9:00-11:00"), or an edit that names only one
/// of them. A deadline (no start) moves by its end.
TimeSpan on_day_of(const TimeSpan& span, std::int64_t day, int utc_offset_seconds);

/// The first word of `text` shaped like a clock ("14:00-12:00", "25点"): what take_time() left
/// because it names no time, for the leader to be asked about. Empty when there is none.
std::optional<std::string_view> unread_clock(std::string_view text);

}  // namespace whistle::language
