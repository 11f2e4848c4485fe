#pragma once

// How whoever holds a ticket says they take it on or have done it, without the command or its
// number: "好的 接了", "收到 马上去", "弄好了 换了个灯泡" (an exploratory run of residents' reports,
// 2026-12-06: the first two were 没看懂, the last offered back as a new report). The words are read
// here; handlers/holder_words.cpp decides what they do.

#include <string>
#include <string_view>

namespace whistle::language {

/// What a line of a ticket's holder says of their job, without its number.
enum class HolderSays {
  nothing,
  takes_on,     ///< "好的 接了", "这单我接了": the job taken, in so many words
  may_take_on,  ///< "收到 马上去", "我去看看", "我来处理": going or doing, which may be anything
  done,         ///< "弄好了 换了个灯泡", "搞定了": done, at a clause's start
  done_of_thing  ///< "门禁弄好了", "灯换好了": done, after what was done
};

/// What a line says, when it says it in a clause of its own: "我马上去社区开会", "我接了个电话",
/// "物业说今天修好了", questions ("接了吗", "修好了吗"), refusals ("接不了") and promises for later
/// ("我明天过去看看") say nothing.
HolderSays holder_says(std::string_view text);

/// Whether the words tell where a job stands: going, arrived, waiting for parts, the owner out, put off
/// ("下午过去", "要换配件 得等两天", "业主不在家"). For whoever holds one job, a note on it.
bool says_job_status(std::string_view text);

/// Whether the words say an errand is done ("药送到了", "已经买好"): read as done by holder_says too.
bool says_errand_done(std::string_view text);

/// The clause of a line that says the job ("灯换好了 电梯还在等配件" → "灯换好了"); the whole line when
/// no clause does.
std::string_view job_clause(std::string_view text);

/// The line with its words of taking on, going and done blanked out: what remains names the job
/// ("下水道疏通了" → "下水道").
std::string without_job_words(std::string_view text);

/// Whether a line only acknowledges ("收到", "好的", "嗯嗯 知道了"): said to the bot by whoever was
/// just handed a job, it is no 接单 yet, and they are told how.
bool only_acknowledges(std::string_view text);

}  // namespace whistle::language
