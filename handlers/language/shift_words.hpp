#pragma once

// How a duty rota is spoken of: a shift named by its day and part of the day ("周三晚上", "周五上午那
// 班", "今晚的巡逻"), a sign-up for one ("周三晚上我来", "我报周三晚上的"), the questions a rota raises
// ("今晚谁值班", "哪天还缺人", "今晚我值班吗"), and a swap asked for ("我想换班", "谁能替我一下今晚
// 的班"). An exploratory run of a week's duty rota (stop 65) met silence or 没看懂 for all of them.

#include <cstddef>
#include <optional>
#include <string_view>

#include "handlers/language/command.hpp"
#include "handlers/language/time_expressions.hpp"

namespace whistle::language {

/// How many bytes a shift named first takes: a day (今天, 今晚, 周三, 11月25日, 下周二 …) and/or a part
/// of the day (上午, 晚上 …), then the shift's own words if any (的, 那班, 晚班, 的巡逻, 值班 …). 0 when the
/// line does not start with a day or a part of the day.
std::size_t leading_shift(std::string_view body);

/// The same without the shift's own words: the day and the part of the day ("今天" of "今天值班吗").
std::size_t leading_day(std::string_view body);

/// "周三晚上我来", "周五上午那班算我一个", "周四晚上我可以": after the shift named first, the words of
/// taking it (read by the caller's rules, or these that count only after a shift: 我可以, 我有空, 我去,
/// 报我). Whether `rest` (what follows the shift) is one of the latter, and nothing more.
bool takes_the_shift(std::string_view rest);

/// "我报周三晚上的", "我要报周五上午那班": where the shift begins after the sign-up word, when the line
/// is that word and the shift and nothing more; empty otherwise.
std::optional<std::size_t> shift_after_sign_up_word(std::string_view body);

/// A question a duty rota raises, read from a whole line: the question and where the day said ends
/// (0 when none is said: "哪天还缺人").
struct DayQuestionReading {
  DayQuestion question = DayQuestion::none;
  std::size_t day_end = 0;
};
std::optional<DayQuestionReading> read_day_question(std::string_view body);

/// "今晚巡逻还去吗", "周三的值班照常吗": after a shift named first, whether it still happens.
bool asks_still_on(std::string_view rest);

/// The day a shift's words name ("周三晚上", "今晚", "晚上那班"), set as `command.start` with what they
/// named; false, and nothing set, when they name no day nor part of the day (an hour alone, "8点到",
/// is when one comes, not which shift). A part of the day alone is today's. `asked_of_the_day` (a
/// question of the rota): a weekday is this week's even once its hours have passed ("周二谁值班" on a
/// Tuesday evening), and 今晚 in the small hours is the night under way.
bool take_shift_day(Command& command, std::string_view day_words, const TimeContext& time,
                    bool asked_of_the_day = false);

/// A line about a duty rota read whole: a question of the day said ("今晚谁值班", "哪天还缺人", "今晚
/// 我值班吗"), or a sign-up word before a shift ("我报周三晚上的"); empty for any other line.
std::optional<Command> read_rota_line(std::string_view body, const Command& base, const TimeContext& time);

/// "报到 周三晚上", "请假 明天孩子考试": a report-in or a withdrawal without a number whose words
/// name a day takes that day's task (its start set), as a day said first does.
void take_day_from_reason(Command& command, const TimeContext& time);

/// "我想换班", "能换个班吗", "谁能替我一下今晚的班", "我周二的班和何大爷换一下": a swap of a shift asked
/// for (a bare 换 is otherwise a redemption: "我想换班" was one of an item called 班).
bool asks_for_shift_swap(std::string_view text);

/// Whether a redemption's item is a shift ("班", "个班"): no goods.
bool names_a_shift(std::string_view item);

}  // namespace whistle::language
