#pragma once

// How whoever holds a ticket says they take it on or have done it, without the command or its
// number: "好的 接了", "收到 马上去", "弄好了 换了个灯泡" (an exploratory run of residents' reports,
// 2026-12-06: the first two were 没看懂, the last offered back as a new report). The words are read
// here; handlers/holder_words.cpp decides what they do.

#include <string_view>

namespace whistle::language {

/// Whether a line takes a job on ("接了", "我来处理", "收到 马上去", "我下午过去看看" is no promise to
/// go now and stays out), not asked ("接了吗") nor refused ("接不了", "去不了").
bool takes_job_on(std::string_view text);

/// Whether a line only acknowledges ("收到", "好的", "嗯嗯 知道了"): said to the bot by whoever was
/// just handed a job, it is no 接单 yet, and they are told how.
bool only_acknowledges(std::string_view text);

/// Whether a line says the job is done ("弄好了 换了个灯泡", "搞定了", "修好了"), not asked
/// ("修好了吗") nor denied ("还没弄好", "修不好").
bool says_job_done(std::string_view text);

}  // namespace whistle::language
