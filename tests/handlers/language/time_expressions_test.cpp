#include "handlers/language/time_expressions.hpp"

#include <gtest/gtest.h>

#include <string>

#include "handlers/language/command_json.hpp"
#include "handlers/language/durations.hpp"
#include "handlers/language/month_expressions.hpp"
#include "tests/handlers/language/shanghai_offset.hpp"

namespace whistle::language {
namespace {

TimeContext at(const char* local) {
  return {parse_local_time(local, kOffset), kOffset};
}

std::string local(std::int64_t time) {
  return format_local_time(time, kOffset);
}

struct TimeCase {
  const char* text;
  const char* start;  // nullptr: none expected
  const char* end;
  const char* left;  // what stays of the text
  const char* now = "2026-11-23T09:00";
};

void PrintTo(const TimeCase& row, std::ostream* out) {
  *out << '"' << row.text << "\" at " << row.now;
}

class TakeTime : public ::testing::TestWithParam<TimeCase> {};

TEST_P(TakeTime, ReadsThePhraseRelativeToTheMessageTime) {
  const TimeCase& row = GetParam();
  std::string text = row.text;
  const auto span = take_time(text, at(row.now));
  ASSERT_EQ(span.has_value(), row.start != nullptr || row.end != nullptr);
  if (span) {
    EXPECT_EQ(span->start ? local(*span->start) : "", row.start ? row.start : "");
    EXPECT_EQ(span->end ? local(*span->end) : "", row.end ? row.end : "");
  }
  EXPECT_EQ(text, row.left);
}

// Monday 2026-11-23 09:00 unless said otherwise.
const TimeCase kTimes[] = {
    {"今天下午3点", "2026-11-23T15:00", nullptr, ""},
    {"明天9点", "2026-11-24T09:00", nullptr, ""},
    {"后天", "2026-11-25T09:00", nullptr, ""},
    {"大后天上午", "2026-11-26T09:00", nullptr, ""},
    {"周六", "2026-11-28T09:00", nullptr, ""},
    {"星期六", "2026-11-28T09:00", nullptr, ""},
    {"礼拜六", "2026-11-28T09:00", nullptr, ""},
    {"周日", "2026-11-29T09:00", nullptr, ""},
    {"星期天", "2026-11-29T09:00", nullptr, ""},
    {"下周一", "2026-11-30T09:00", nullptr, ""},
    {"下个周三", "2026-12-02T09:00", nullptr, ""},
    {"本周日", "2026-11-29T09:00", nullptr, ""},
    {"这周一", "2026-11-23T09:00", nullptr, ""},
    {"周一", "2026-11-30T09:00", nullptr, ""},
    {"周一上午10点", "2026-11-23T10:00", nullptr, ""},
    {"上午9点", "2026-11-24T09:00", nullptr, ""},
    {"上午9点01分", "2026-11-23T09:01", nullptr, ""},
    {"下午", "2026-11-23T14:00", nullptr, ""},
    {"晚上7点", "2026-11-23T19:00", nullptr, ""},
    {"中午12点", "2026-11-23T12:00", nullptr, ""},
    {"中午1点", "2026-11-23T13:00", nullptr, ""},
    {"早上8点", "2026-11-24T08:00", nullptr, ""},
    {"凌晨5点", "2026-11-24T05:00", nullptr, ""},
    {"9点", "2026-11-24T09:00", nullptr, ""},
    {"10点", "2026-11-23T10:00", nullptr, ""},
    {"3点", "2026-11-23T15:00", nullptr, ""},
    {"7点", "2026-11-24T07:00", nullptr, ""},
    {"九点半", "2026-11-23T09:30", nullptr, ""},
    {"9点半", "2026-11-23T09:30", nullptr, ""},
    {"9点30", "2026-11-23T09:30", nullptr, ""},
    {"9点30分", "2026-11-23T09:30", nullptr, ""},
    {"9点一刻", "2026-11-23T09:15", nullptr, ""},
    {"十点整", "2026-11-23T10:00", nullptr, ""},
    {"两点", "2026-11-23T14:00", nullptr, ""},
    {"下午一点", "2026-11-23T13:00", nullptr, ""},
    {"9:00", "2026-11-24T09:00", nullptr, ""},
    {"6:30", "2026-11-24T06:30", nullptr, ""},
    {"18:30", "2026-11-23T18:30", nullptr, ""},
    {"11月25日", "2026-11-25T09:00", nullptr, ""},
    {"11月25号", "2026-11-25T09:00", nullptr, ""},
    {"十一月二十五日", "2026-11-25T09:00", nullptr, ""},
    {"11.25", "2026-11-25T09:00", nullptr, ""},
    {"11/25", "2026-11-25T09:00", nullptr, ""},
    {"2026-12-01", "2026-12-01T09:00", nullptr, ""},
    {"2027年1月2日", "2027-01-02T09:00", nullptr, ""},
    {"1月5日", "2027-01-05T09:00", nullptr, ""},
    {"11月23日", "2026-11-23T09:00", nullptr, ""},
    {"14:00-16:00", "2026-11-23T14:00", "2026-11-23T16:00", ""},
    {"14:00 - 16:00", "2026-11-23T14:00", "2026-11-23T16:00", ""},
    {"下午2点到4点", "2026-11-23T14:00", "2026-11-23T16:00", ""},
    {"下午2-4点", "2026-11-23T14:00", "2026-11-23T16:00", ""},
    {"9点至11点", "2026-11-24T09:00", "2026-11-24T11:00", ""},
    {"9点到1点", "2026-11-24T09:00", "2026-11-24T13:00", ""},
    {"上午10点到下午1点", "2026-11-23T10:00", "2026-11-23T13:00", ""},
    {"晚上10点到12点", "2026-11-23T22:00", "2026-11-24T00:00", ""},
    {"今晚8点前", nullptr, "2026-11-23T20:00", ""},
    {"截止周五", nullptr, "2026-11-27T00:00", ""},
    {"周五下午5点之前", nullptr, "2026-11-27T17:00", ""},
    {"周六上午9点 清理", "2026-11-28T09:00", nullptr, " 清理"},
    {"清理周六上午9点", "2026-11-28T09:00", nullptr, "清理"},
    {"9点前往3号楼", "2026-11-24T09:00", nullptr, "前往3号楼"},
    // On a Saturday at 10:00.
    {"周六", "2026-12-05T09:00", nullptr, "", "2026-11-28T10:00"},
    {"周六下午", "2026-11-28T14:00", nullptr, "", "2026-11-28T10:00"},
    {"本周六", "2026-11-28T09:00", nullptr, "", "2026-11-28T10:00"},
    {"下周六", "2026-12-05T09:00", nullptr, "", "2026-11-28T10:00"},
    // Late in the evening.
    {"9点", "2026-11-24T09:00", nullptr, "", "2026-11-23T22:30"},
    {"今天9点", "2026-11-23T09:00", nullptr, "", "2026-11-23T22:30"},
    {"晚上11点", "2026-11-23T23:00", nullptr, "", "2026-11-23T22:30"},
    // At the turn of the year.
    {"1月2日", "2027-01-02T09:00", nullptr, "", "2026-12-31T20:00"},
    {"明天", "2027-01-01T09:00", nullptr, "", "2026-12-31T20:00"},
};
INSTANTIATE_TEST_SUITE_P(Phrases, TakeTime, ::testing::ValuesIn(kTimes));

// Ranges that run past midnight, with or without a day of their own at the end.
const TimeCase kOvernight[] = {
    {"晚上11点到第二天凌晨5点", "2026-11-23T23:00", "2026-11-24T05:00", ""},
    {"今晚10点到次日早上6点", "2026-11-23T22:00", "2026-11-24T06:00", ""},
    {"22:00-次日06:00", "2026-11-23T22:00", "2026-11-24T06:00", ""},
    {"22:00 - 次日 6:00 巡逻", "2026-11-23T22:00", "2026-11-24T06:00", " 巡逻"},
    {"晚上10点到隔天5点", "2026-11-23T22:00", "2026-11-24T05:00", ""},
    {"明晚11点到后天凌晨2点", "2026-11-24T23:00", "2026-11-25T02:00", ""},
    {"今晚10点到明天早上6点", "2026-11-23T22:00", "2026-11-24T06:00", ""},
    {"今晚10点到明早6点", "2026-11-23T22:00", "2026-11-24T06:00", ""},
    {"周六晚上10点到周日早上6点", "2026-11-28T22:00", "2026-11-29T06:00", ""},
    {"周六9点到周日17点", "2026-11-28T09:00", "2026-11-29T17:00", ""},
    {"22:00-02:00", "2026-11-23T22:00", "2026-11-24T02:00", ""},
    {"晚上10点到凌晨2点", "2026-11-23T22:00", "2026-11-24T02:00", ""},
    {"晚上11点到1点", "2026-11-23T23:00", "2026-11-24T01:00", ""},
    {"晚上10点到12点", "2026-11-23T22:00", "2026-11-24T00:00", ""},
    {"上午9点到1点", "2026-11-24T09:00", "2026-11-24T13:00", ""},
    {"8点到6点", "2026-11-24T08:00", "2026-11-24T18:00", ""},
    {"上午9点到6点半", "2026-11-24T09:00", "2026-11-24T18:30", ""},
    // An end with a day of its own may lie any distance after the start.
    {"晚上10点到次日晚上11点", "2026-11-23T22:00", "2026-11-24T23:00", ""},
    {"22:00-次日21:00", "2026-11-23T22:00", "2026-11-24T21:00", ""},
    {"夜间巡逻 晚上11点到第二天凌晨5点", "2026-11-23T23:00", "2026-11-24T05:00", "夜间巡逻 "},
    // The start has passed, so the night is tomorrow's; 第二天 follows the start.
    {"晚上11点到第二天凌晨5点", "2026-11-24T23:00", "2026-11-25T05:00", "", "2026-11-23T23:30"},
};
INSTANTIATE_TEST_SUITE_P(Overnight, TakeTime, ::testing::ValuesIn(kOvernight));

// A part of the day first, then the time itself later in the line: the later phrase is the time,
// the part of the day applies when it names none, and a part of the day that runs on into a word
// ("傍晚清扫") stays in the title. Read alone, 傍晚 put the task at 17:00 and left 今天17:59 in the
// title (an exploratory run, 2026-12-06).
const TimeCase kPeriodThenTime[] = {
    {"傍晚清扫 今天17:59", "2026-11-23T17:59", nullptr, "傍晚清扫 "},
    {"晚上巡逻 今天8:30", "2026-11-23T20:30", nullptr, "晚上巡逻 "},
    {"晚上 巡逻 8点集合", "2026-11-23T20:00", nullptr, " 巡逻 集合"},
    {"上午清扫 明天9:30", "2026-11-24T09:30", nullptr, "上午清扫 "},
    {"早上遛弯 明天8:30", "2026-11-24T08:30", nullptr, "早上遛弯 "},
    {"傍晚清扫 明天", "2026-11-24T17:00", nullptr, "傍晚清扫 "},
    {"上午清扫 明天下午3点", "2026-11-24T15:00", nullptr, "上午清扫 "},
    {"晚上巡逻 8点到10点", "2026-11-23T20:00", "2026-11-23T22:00", "晚上巡逻 "},
    // Alone, a part of the day is still the time.
    {"晚上巡逻", "2026-11-23T19:00", nullptr, "巡逻"},
    {"晚上巡逻 1号楼", "2026-11-23T19:00", nullptr, "巡逻 1号楼"},
};
INSTANTIATE_TEST_SUITE_P(PeriodThenTime, TakeTime, ::testing::ValuesIn(kPeriodThenTime));

// An end before its start that no reading brings within 12 hours: the whole phrase stays unread.
const TimeCase kNoRanges[] = {
    {"14:00-12:00", nullptr, nullptr, "14:00-12:00"},
    {"清理 14:00-12:00 楼道", nullptr, nullptr, "清理 14:00-12:00 楼道"},
    {"下午2点到1点", nullptr, nullptr, "下午2点到1点"},
    {"9:00-8:00", nullptr, nullptr, "9:00-8:00"},
    {"明晚10点到今天11点", nullptr, nullptr, "明晚10点到今天11点"},
    {"9点到25点", nullptr, nullptr, "9点到25点"},
    // From a morning start the afternoon reading ends by 18:00; 21:00 would be a slip read as meant.
    {"上午10点到9点", nullptr, nullptr, "上午10点到9点"},
    {"10点到9点", nullptr, nullptr, "10点到9点"},
};
INSTANTIATE_TEST_SUITE_P(EndsBeforeStarts, TakeTime, ::testing::ValuesIn(kNoRanges));

// A day of the month alone: this month's, or the next month's once it has passed.
const TimeCase kMonthDays[] = {
    {"28号", "2026-11-28T09:00", nullptr, ""},
    {"28日", "2026-11-28T09:00", nullptr, ""},
    {"二十八号", "2026-11-28T09:00", nullptr, ""},
    {"清理楼道 28号", "2026-11-28T09:00", nullptr, "清理楼道 "},
    {"28号上午9点", "2026-11-28T09:00", nullptr, ""},
    {"28号 下午3点", "2026-11-28T15:00", nullptr, ""},
    {"30号下午", "2026-11-30T14:00", nullptr, ""},
    {"楼道30号下午", "2026-11-30T14:00", nullptr, "楼道"},
    {"28号前", nullptr, "2026-11-28T00:00", ""},
    {"20号", "2026-12-20T09:00", nullptr, ""},
    {"十二号", "2026-12-12T09:00", nullptr, ""},
    {"31号", "2026-12-31T09:00", nullptr, ""},
    {"23号下午", "2026-11-23T14:00", nullptr, ""},
    {"23号", "2026-12-23T09:00", nullptr, ""},
    {"23号上午10点", "2026-11-23T10:00", nullptr, ""},
    {"1号", "2027-01-01T09:00", nullptr, "", "2026-12-31T20:00"},
    {"28号晚上10点到次日6点", "2026-11-28T22:00", "2026-11-29T06:00", ""},
};
INSTANTIATE_TEST_SUITE_P(DaysOfTheMonth, TakeTime, ::testing::ValuesIn(kMonthDays));

const TimeCase kNotMonthDays[] = {
    {"12号楼", nullptr, nullptr, "12号楼"},
    {"帮5号的王奶奶", nullptr, nullptr, "帮5号的王奶奶"},
    {"幸福里12号", nullptr, nullptr, "幸福里12号"},
    {"12号任务", nullptr, nullptr, "12号任务"},
    {"#12号", nullptr, nullptr, "#12号"},
    {"第3号", nullptr, nullptr, "第3号"},
    {"32号", nullptr, nullptr, "32号"},
    {"13月1日", nullptr, nullptr, "13月1日"},
    {"T5号", nullptr, nullptr, "T5号"},
};
INSTANTIATE_TEST_SUITE_P(NotDaysOfTheMonth, TakeTime, ::testing::ValuesIn(kNotMonthDays));

// Clocks and days people write, and hours that do not exist.
const TimeCase kClockWords[] = {
    {"下午13点", "2026-11-23T13:00", nullptr, ""},
    {"晚上8点半到10点", "2026-11-23T20:30", "2026-11-23T22:00", ""},
    {"9点到11点半", "2026-11-24T09:00", "2026-11-24T11:30", ""},
    {"上午9点-11点", "2026-11-24T09:00", "2026-11-24T11:00", ""},
    {"9:00～11:00", "2026-11-24T09:00", "2026-11-24T11:00", ""},
    {"9:00~11:00", "2026-11-24T09:00", "2026-11-24T11:00", ""},
    {"9:00至11:00", "2026-11-24T09:00", "2026-11-24T11:00", ""},
    {"9:00—11:00", "2026-11-24T09:00", "2026-11-24T11:00", ""},
    {"中午12点到下午2点", "2026-11-23T12:00", "2026-11-23T14:00", ""},
    {"中午12点到2点", "2026-11-23T12:00", "2026-11-23T14:00", ""},
    {"傍晚6点", "2026-11-23T18:00", nullptr, ""},
    {"三点一刻", "2026-11-23T15:15", nullptr, ""},
    {"九点三刻", "2026-11-23T09:45", nullptr, ""},
    {"大后天", "2026-11-26T09:00", nullptr, ""},
    {"礼拜天", "2026-11-29T09:00", nullptr, ""},
    {"星期日", "2026-11-29T09:00", nullptr, ""},
    {"本周六", "2026-11-28T09:00", nullptr, ""},
    {"这周日", "2026-11-29T09:00", nullptr, ""},
    {"下礼拜三", "2026-12-02T09:00", nullptr, ""},
    {"9点 30分", "2026-11-23T09:30", nullptr, ""},
    {"九点三十分", "2026-11-23T09:30", nullptr, ""},
    {"9点 05分", "2026-11-23T09:05", nullptr, ""},
    {"9点 10分", "2026-11-24T09:00", nullptr, " 10分"},
    {"9点 5人", "2026-11-24T09:00", nullptr, " 5人"},
    {"24点", "2026-11-24T00:00", nullptr, ""},
};
INSTANTIATE_TEST_SUITE_P(ClockWords, TakeTime, ::testing::ValuesIn(kClockWords));

const TimeCase kImpossible[] = {
    {"明天25点", nullptr, nullptr, "明天25点"},
    {"下午25点", nullptr, nullptr, "下午25点"},
    {"明天24:30", nullptr, nullptr, "明天24:30"},
    {"明天9:75", nullptr, nullptr, "明天9:75"},
    {"2月30日上午9点", nullptr, nullptr, "2月30日上午9点"},
    {"2月30日", nullptr, nullptr, "2月30日"},
};
INSTANTIATE_TEST_SUITE_P(Impossible, TakeTime, ::testing::ValuesIn(kImpossible));

const TimeCase kNoTimes[] = {
    {"清理楼道", nullptr, nullptr, "清理楼道"}, {"多带一点工具", nullptr, nullptr, "多带一点工具"},
    {"2月30日", nullptr, nullptr, "2月30日"},   {"13月1日", nullptr, nullptr, "13月1日"},
    {"25点", nullptr, nullptr, "25点"},         {"9:75", nullptr, nullptr, "9:75"},
    {"版本v1.2", nullptr, nullptr, "版本v1.2"}, {"3号楼", nullptr, nullptr, "3号楼"},
    {"时间待定", nullptr, nullptr, "时间待定"},
};
INSTANTIATE_TEST_SUITE_P(NotTimes, TakeTime, ::testing::ValuesIn(kNoTimes));

// A day alone and a clock alone, written apart: one time, both cut. A second day or clock stays.
const TimeCase kApart[] = {
    {"清理楼道 周六 5人 10点", "2026-11-28T10:00", nullptr, "清理楼道  5人 "},
    {"周六 清理楼道 下午3点 5人", "2026-11-28T15:00", nullptr, " 清理楼道  5人"},
    {"明天 5人 下午3点 清理楼道", "2026-11-24T15:00", nullptr, " 5人  清理楼道"},
    {"11月28日 5人 14:00-16:00 清理楼道", "2026-11-28T14:00", "2026-11-28T16:00", " 5人  清理楼道"},
    {"10点 清理楼道 周六 5人", "2026-11-28T10:00", nullptr, " 清理楼道  5人"},
    {"今晚 巡逻 8点", "2026-11-23T20:00", nullptr, " 巡逻 "},
    {"周六下午 清理 3点到5点", "2026-11-28T15:00", "2026-11-28T17:00", " 清理 "},
    {"28号 清理楼道 9:30", "2026-11-28T09:30", nullptr, " 清理楼道 "},
    {"周六 清理楼道 10点前", nullptr, "2026-11-28T10:00", " 清理楼道 "},
    {"截止周五 交材料 下午5点", nullptr, "2026-11-27T17:00", " 交材料 "},
    {"明天 清理 22:00-次日06:00", "2026-11-24T22:00", "2026-11-25T06:00", " 清理 "},
    // Said on the very Saturday: the clock decides whether it is today or next week.
    {"周六 清理 11点", "2026-11-28T11:00", nullptr, " 清理 ", "2026-11-28T10:00"},
    {"周六 清理 9点", "2026-12-05T09:00", nullptr, " 清理 ", "2026-11-28T10:00"},
    // A second day or a second clock is left as written.
    {"周六 周日 10点", "2026-11-28T09:00", nullptr, " 周日 10点"},
    {"周六 清理 周日 10点", "2026-11-28T09:00", nullptr, " 清理 周日 10点"},
    {"周六 清理 10点 11点", "2026-11-28T10:00", nullptr, " 清理  11点"},
    {"10点 清理 周六 周日", "2026-11-28T10:00", nullptr, " 清理  周日"},
    // Two periods disagree, a complete phrase is whole, an unreadable one is joined to nothing.
    {"周六上午 清理 下午3点", "2026-11-28T09:00", nullptr, " 清理 下午3点"},
    {"周六10点 清理 11点", "2026-11-28T10:00", nullptr, " 清理 11点"},
    {"周六 清理 14:00-12:00", "2026-11-28T09:00", nullptr, " 清理 14:00-12:00"},
    {"明天 清理 25点", "2026-11-24T09:00", nullptr, " 清理 25点"},
};
INSTANTIATE_TEST_SUITE_P(DayAndClockApart, TakeTime, ::testing::ValuesIn(kApart));

// The turn of the year (an exploratory run, stop 66): holidays are days, a December date said in
// January is the one just gone (refused as past, not posted a year ahead), 周末 is its Saturday, and a
// holiday glued to a word names a thing ("春节慰问").
const TimeCase kTurnOfTheYear[] = {
    {"元旦那天上午9点", "2027-01-01T09:00", nullptr, "", "2026-12-28T10:00"},
    {"元旦上午9点", "2027-01-01T09:00", nullptr, "", "2026-12-28T10:00"},
    {"新年第一天早上8点", "2027-01-01T08:00", nullptr, "", "2026-12-28T10:00"},
    {"跨年夜", "2026-12-31T19:00", nullptr, "", "2026-12-28T10:00"},
    {"跨年夜晚上10点到次日1点", "2026-12-31T22:00", "2027-01-01T01:00", "", "2026-12-28T10:00"},
    {"元月3日上午9点", "2027-01-03T09:00", nullptr, "", "2026-12-28T10:00"},
    {"除夕夜", "2027-02-05T19:00", nullptr, "", "2026-12-28T10:00"},
    {"大年三十晚上8点", "2027-02-05T20:00", nullptr, "", "2026-12-28T10:00"},
    {"正月初一上午9点", "2027-02-06T09:00", nullptr, "", "2026-12-28T10:00"},
    {"大年初三", "2027-02-08T09:00", nullptr, "", "2026-12-28T10:00"},
    {"元宵节晚上7点", "2027-02-20T19:00", nullptr, "", "2026-12-28T10:00"},
    {"国庆节上午9点", "2027-10-01T09:00", nullptr, "", "2026-12-28T10:00"},
    {"12月31日晚上10点", "2026-12-31T22:00", nullptr, "", "2027-01-02T10:00"},
    {"12-28 9:00", "2026-12-28T09:00", nullptr, "", "2027-01-05T10:00"},
    {"1月9日上午9点", "2027-01-09T09:00", nullptr, "", "2027-01-02T10:00"},
    {"这个周末上午9点", "2027-01-02T09:00", nullptr, "", "2026-12-28T10:00"},
    {"下周末上午9点", "2027-01-09T09:00", nullptr, "", "2026-12-28T10:00"},
    {"春节慰问 明天上午9点", "2026-12-29T09:00", nullptr, "春节慰问 ", "2026-12-28T10:00"},
    {"元旦联欢会彩排 明天下午2点", "2026-12-29T14:00", nullptr, "元旦联欢会彩排 ", "2026-12-28T10:00"},
    // The review after: the evening said again with its hours, a holiday's 前 before a word, 一下周三.
    {"跨年夜 巡逻 晚上10点到12点", "2026-12-31T22:00", "2027-01-01T00:00", " 巡逻 ", "2026-12-28T10:00"},
    {"元旦前大扫除 12月30日上午9点", "2026-12-30T09:00", nullptr, "元旦前大扫除 ", "2026-12-28T10:00"},
    {"清理一下周三上午9点", "2026-11-25T09:00", nullptr, "清理一下", "2026-11-23T09:00"},
};
INSTANTIATE_TEST_SUITE_P(TurnOfTheYear, TakeTime, ::testing::ValuesIn(kTurnOfTheYear));

// As phones type them (an exploratory run, 2026-12-05): a date with a dash, spaces round a
// clock's number, a dotted clock after a day or a period, two bare hours after a day; and what
// they must not swallow.
const TimeCase kAsTyped[] = {
    {"11-28 9:00 清理", "2026-11-28T09:00", nullptr, " 清理"},
    {"11-28 下午3点 清理", "2026-11-28T15:00", nullptr, " 清理"},
    {"12-05 14:00-16:00 清理", "2026-12-05T14:00", "2026-12-05T16:00", " 清理"},
    {"11-28 清理", "2026-11-28T09:00", nullptr, " 清理"},
    {"周六 下午 3 点 清理", "2026-11-28T15:00", nullptr, " 清理"},
    {"周六8.30-11.30 清理", "2026-11-28T08:30", "2026-11-28T11:30", " 清理"},
    {"明天早上7.30 扫雪", "2026-11-24T07:30", nullptr, " 扫雪"},
    {"周六 9-11 清理", "2026-11-28T09:00", "2026-11-28T11:00", " 清理"},
    {"周六 9-11点 清理", "2026-11-28T09:00", "2026-11-28T11:00", " 清理"},
    // The weekday's numeral right before a Chinese hour (六八点) once hid the hour: posted at 09:00.
    {"周六八点 清理", "2026-11-28T08:00", nullptr, " 清理"},
    {"周五十点 清理", "2026-11-27T10:00", nullptr, " 清理"},
    {"周六九点到十一点 扫雪", "2026-11-28T09:00", "2026-11-28T11:00", " 扫雪"},
    {"周三三点 清理", "2026-11-25T15:00", nullptr, " 清理"},
    // A date just gone stays in the past, so the whistle is refused rather than set a year on.
    {"11月20日上午9点", "2026-11-20T09:00", nullptr, ""},
    {"9-11 清理", nullptr, nullptr, "9-11 清理"},
    {"明天 3-5人", "2026-11-24T09:00", nullptr, " 3-5人"},
    {"明天 2.50元", "2026-11-24T09:00", nullptr, " 2.50元"},
};
INSTANTIATE_TEST_SUITE_P(AsTyped, TakeTime, ::testing::ValuesIn(kAsTyped));

TEST(TakeTime, LeavesAnAbsurdClockAlone) {
  std::string text = "周六上午9点";
  EXPECT_FALSE(take_time(text, {INT64_MIN, kOffset}).has_value());
  EXPECT_FALSE(take_time(text, {0, 100 * 3600}).has_value());
  EXPECT_EQ(text, "周六上午9点");
}

struct DurationCase {
  const char* text;
  std::optional<int> minutes;
  const char* left;
};

void PrintTo(const DurationCase& row, std::ostream* out) {
  *out << '"' << row.text << '"';
}

class TakeDuration : public ::testing::TestWithParam<DurationCase> {};

TEST_P(TakeDuration, ReadsTheLengthInMinutes) {
  std::string text = GetParam().text;
  EXPECT_EQ(take_duration(text), GetParam().minutes);
  EXPECT_EQ(text, GetParam().left);
}

const DurationCase kDurations[] = {
    {"2小时", 120, ""},
    {"2 小时", 120, ""},
    {"2个小时", 120, ""},
    {"两个半小时", 150, ""},
    {"一个半小时", 90, ""},
    {"半小时", 30, ""},
    {"半个小时", 30, ""},
    {"1.5小时", 90, ""},
    {"1小时30分钟", 90, ""},
    {"1小时30分", 90, ""},
    {"90分钟", 90, ""},
    {"一刻钟", 15, ""},
    {"2h", 120, ""},
    {"90min", 90, ""},
    {"3个钟头", 180, ""},
    {"干2小时 10分", 120, "干 10分"},
    {"10分", std::nullopt, "10分"},
    {"0小时", std::nullopt, "0小时"},
    {"2hands", std::nullopt, "2hands"},
    {"5个人", std::nullopt, "5个人"},
    {"俩小时", 120, ""},
    {"仨小时", 180, ""},
    {"两小时", 120, ""},
    {"0分钟", std::nullopt, "0分钟"},
    {"-2小时", std::nullopt, "-2小时"},
    {"负2小时", std::nullopt, "负2小时"},
    {"-30分钟", std::nullopt, "-30分钟"},
    {"-2小时30分", std::nullopt, "-2小时30分"},
    {"10000小时", std::nullopt, "10000小时"},
    {"1.5分钟", std::nullopt, "1.5分钟"},
    {"-2小时 3小时", 180, "-2小时 "},
    {"0小时30分", 30, ""},
    // Words that hedge or label a length go with it.
    {"清理 约2小时", 120, "清理 "},
    {"大约2小时", 120, ""},
    {"预计2小时", 120, ""},
    {"时长2小时", 120, ""},
    {"时长: 2小时", 120, ""},
    {"时长:约2小时", 120, ""},
    {"预计约1.5小时", 90, ""},
    {"大概2小时左右", 120, ""},
    {"预约2小时", 120, "预约"},
    {"约-2小时", std::nullopt, "约-2小时"},
};
INSTANTIATE_TEST_SUITE_P(Lengths, TakeDuration, ::testing::ValuesIn(kDurations));

struct MonthCase {
  const char* text;
  const char* start;  // nullptr: no month expected
  const char* end;
  const char* month = nullptr;  // "YYYY-MM"
  const char* now = "2026-11-23T09:00";
};

void PrintTo(const MonthCase& row, std::ostream* out) {
  *out << '"' << row.text << "\" at " << row.now;
}

class TakeMonth : public ::testing::TestWithParam<MonthCase> {};

TEST_P(TakeMonth, ReadsTheMonthAsItsFirstAndNextMidnight) {
  std::string text = GetParam().text;
  const auto month = take_month(text, at(GetParam().now));
  ASSERT_EQ(month.has_value(), GetParam().start != nullptr);
  if (month) {
    EXPECT_EQ(local(month->start), GetParam().start);
    EXPECT_EQ(local(month->end), GetParam().end);
    EXPECT_EQ(format_month(month->year, month->month), GetParam().month);
    EXPECT_EQ(text, "");
  }
}

// Said in November 2026 unless said otherwise.
const MonthCase kMonths[] = {
    {"上月", "2026-10-01T00:00", "2026-11-01T00:00", "2026-10"},
    {"上个月", "2026-10-01T00:00", "2026-11-01T00:00", "2026-10"},
    {"上上个月", "2026-09-01T00:00", "2026-10-01T00:00", "2026-09"},
    {"本月", "2026-11-01T00:00", "2026-12-01T00:00", "2026-11"},
    {"这个月", "2026-11-01T00:00", "2026-12-01T00:00", "2026-11"},
    {"10月", "2026-10-01T00:00", "2026-11-01T00:00", "2026-10"},
    {"10月份", "2026-10-01T00:00", "2026-11-01T00:00", "2026-10"},
    {"十月", "2026-10-01T00:00", "2026-11-01T00:00", "2026-10"},
    {"十月份", "2026-10-01T00:00", "2026-11-01T00:00", "2026-10"},
    {"11月", "2026-11-01T00:00", "2026-12-01T00:00", "2026-11"},
    {"12月", "2025-12-01T00:00", "2026-01-01T00:00", "2025-12"},
    {"2026年10月", "2026-10-01T00:00", "2026-11-01T00:00", "2026-10"},
    {"2025年12月", "2025-12-01T00:00", "2026-01-01T00:00", "2025-12"},
    {"去年12月", "2025-12-01T00:00", "2026-01-01T00:00", "2025-12"},
    {"去年3月", "2025-03-01T00:00", "2025-04-01T00:00", "2025-03"},
    {"今年3月", "2026-03-01T00:00", "2026-04-01T00:00", "2026-03"},
    {"2026-10", "2026-10-01T00:00", "2026-11-01T00:00", "2026-10"},
    {"2026-02", "2026-02-01T00:00", "2026-03-01T00:00", "2026-02"},
    {"2026/10", "2026-10-01T00:00", "2026-11-01T00:00", "2026-10"},
    {"上月", "2025-12-01T00:00", "2026-01-01T00:00", "2025-12", "2026-01-01T00:30"},
    {"12月", "2025-12-01T00:00", "2026-01-01T00:00", "2025-12", "2026-01-15T09:00"},
    {"13月", nullptr, nullptr},
    {"月底", nullptr, nullptr},
    {"去年", nullptr, nullptr},
    {"2026-10-05", nullptr, nullptr},
};
INSTANTIATE_TEST_SUITE_P(Months, TakeMonth, ::testing::ValuesIn(kMonths));

}  // namespace
}  // namespace whistle::language
