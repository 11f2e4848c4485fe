#pragma once

// How a volunteer's reply is framed around a command in a group: what happened, said first ("先走了
// 签退", "有事去不了了"), a day said first ("周六来不了了"), the words of not coming, and the answers
// a neighbour's question gets ("可以", "没问题"), after which only a sign-up that says so counts, and
// the clause of one's own reason before a command with its number ("不好意思我周四加班，请假 1"). The
// parser reads past these words (parser.cpp) and these say what may follow them.

#include <cstddef>
#include <optional>
#include <string_view>

#include "handlers/language/command.hpp"

namespace whistle::language {

/// Wrappers that tell what happened before the command ("先走了", "来晚了", "抱歉", "有事"): an
/// implicit reply after them is talk ("我先走了 1", "家里临时有事 +1").
bool tells_what_happened(std::string_view wrapper);

/// Whether the words say they cannot come anywhere in them ("不好意思 临时有事，去不了了").
bool says_cannot_come(std::string_view words);

/// Whether the words start by saying so ("去不了了", "我参加不了了").
bool starts_cannot_come(std::string_view words);

/// How many bytes a day said first takes ("周六" of "周六来不了了"), or 0.
std::size_t day_said_first(std::string_view body);

/// "可以", "没问题", "我有空": how a neighbour's question is answered.
bool answers_a_question(std::string_view wrapper);

/// Whether the words sign up in so many words (报名, 报到, 参加).
bool says_sign_up(std::string_view words);

/// "阿姨好", "叔叔", "老师": a person addressed before the words. After it only one's own place said in
/// words counts ("阿姨好我想报名", "叔叔我到了", "阿姨我不去了"): "阿姨 我来吧", "阿姨 1", "阿姨 排行" are
/// said to a neighbour (a review of stop 69: each signed up or posted the ranking).
bool addresses_a_person(std::string_view wrapper);

/// Whether the words after a person addressed speak of one's own place in words: a sign-up said so or
/// "我来啦", or a withdrawal, check-in or check-out said with 我 ("叔叔我到了", "阿姨我不去了").
bool speaks_of_own_place(Intent intent, std::string_view said);

/// "到了", "已到": the wrapper of someone on site.
bool says_arrived(std::string_view wrapper);

/// "我来啦", "来了": a sign-up said by someone already signed up, on the day, is their arrival (an
/// exploratory run of the winter holiday, stop 69: a pupil told "不用重复报到" thought he was checked in,
/// and was made 失约).
bool says_here_now(std::string_view text);

/// "元旦回老家了", "周五有事", "过年回老家": one's own reason said without 我, a day or a holiday before
/// it or not.
bool tells_own_reason(std::string_view clause);

/// Whether a short clause tells the work done or the speaker leaving it ("扫完了", "太冷了 先撤了"),
/// as said before a check-out.
bool tells_work_done_or_leaving(std::string_view clause);

/// "扫雪算我一个", "报名扫雪", "明早扫雪我去": a sign-up word before or after words that may be a
/// task's title (two to eight characters, a day before them left out); the words, or empty optional.
/// What voice input wraps a sign-up in is read past (the leader addressed, who is speaking, the day):
/// with nothing of a title left ("钱楼栋长 我报名", "明天的活动我参加") the words are empty, any open task.
std::optional<std::string_view> task_words_of_sign_up(std::string_view text);

/// "报名 年度优秀志愿者", "报名参加评优": what is signed up for is an honour, not the group's task (an
/// exploratory run of the turn of the year, stop 66: it signed the speaker up for the task).
bool names_an_honour(std::string_view reason);

/// Whether the words start with 报到 itself (报道, 报个到), the word volunteers also say on site.
bool says_report_in_word(std::string_view words);

/// A volunteer's command about their own place: report-in, withdrawal, check-in, check-out.
bool is_own_place_intent(Intent intent);

/// Whether the words hold, or start with, a word such a command begins with (报到, 请假, 签到 …).
bool holds_own_task_word(std::string_view words);
bool starts_own_task_word(std::string_view words);

/// "个人", "的请带手套", "之前": what after a command's number makes it a count of people, or the
/// command the subject of a notice or a time ("签到 1 之前先戴好袖标").
bool counts_or_tells_time(std::string_view words);

/// "请假 2 天", "取消 3 点那场": a withdrawal whose number counts days off or tells a task's hour, so
/// names no task (the parser reads no command in it). Empty for anything else ("请假1小时" is coming
/// late, "取消 1 份大米" an order).
struct LeaveCount {
  enum class Unit { days, hour_of_day };
  int number = 0;
  Unit unit = Unit::days;
};
std::optional<LeaveCount> leave_with_a_count(std::string_view line);

/// Whether the line ends on not going ("我发烧了 去不了了", "家里有事 来不了了"): the last clause is the
/// words of not coming and nothing after them.
bool ends_on_not_going(std::string_view line);

/// Whether the line says its speaker cannot come now, in words that end the line or one of its
/// clauses ("我今天发烧了去不了了", "今晚的巡逻我去不了了，发烧"); not "去不了医院了".
bool says_now_cannot_come(std::string_view line);

/// Whether the clause before a command is the speaker's own: it, or its last part, starts with 我, an
/// apology or a reason ("不好意思我周四加班", "加班取消了，我又可以了", "临时有事").
bool speaks_of_oneself(std::string_view before);

}  // namespace whistle::language
