#pragma once

// "收到请扣1": a notice that asks the group to answer with a number to say they read it, and the bare
// numbers that answer it. An exploratory look at leftovers (stop 67) found a leader's 停水 notice
// answered "1" by two residents, each signed up for the unit's task #1 ("报到成功 1/5"). A number
// asked for a sign-up ("能来的扣1") is still one.

#include <string_view>

namespace whistle::language {

/// Whether a line asks the group to answer with a number at all ("扣1", "回复1", "扣个1").
bool asks_for_a_number(std::string_view text);

/// Whether a line asks the group to answer with a number to say they read it or to choose ("收到请扣1",
/// "已阅的回复1", "需要的扣1，不需要的扣2"); not "能来的扣1", "参加的回1", nor an ask that says neither
/// ("可以的扣1", "明早扫雪的扣1").
bool asks_numbers_back(std::string_view text);

/// Whether that ask is an ad's or a neighbour's only ("有意向的扣1", "想看房的扣1", "拼车的扣1"), with no
/// word of reading or choosing: from a leader of the chat it calls volunteers.
bool asks_numbers_for_an_ad(std::string_view text);

/// Whether a line holds a word of signing up ("报名", "参加", "能来的", "有空"): "还差人 大家踊跃报名".
bool calls_for_sign_ups(std::string_view text);

}  // namespace whistle::language
