#pragma once

// How a resident speaks of a report they made, without a command or its number: asking after it,
// chasing it, asking whether it is mended, pointing back to it, taking it back. The words are
// read here; handlers/own_report_lines.cpp decides what they do.

#include <string_view>

namespace whistle::language {

/// Whether a line with no command asks how something is going ("怎么样了", "没人管", "什么时候来"):
/// from a resident with a report open, it may ask after that report.
/// The same without the trouble said to be still there: a question or a chase of one's report.
bool asks_of_own_report(std::string_view text);

/// Whether a line says water is still running ("还在漏", "还在往下滴", "水一直漏", "没停"): the trouble of a
/// leak's report still there.
bool water_still_running(std::string_view text);

bool asks_after_own_report(std::string_view text);

/// Whether a line asks if a repair is done ("灯修好了吗", "有人管吗", "师傅什么时候再来"): only a
/// trouble reported before can be, so the line asks after that report.
bool asks_whether_repaired(std::string_view text);

/// The narrower question whether it is done ("灯修好了吗", "处理了吗"): after 报修 too it asks
/// after the report ("报修 灯修好了吗"), where "报修 灯坏了三天 有人管吗" is a new one.
bool asks_whether_repair_done(std::string_view text);

/// Whether a line chases one's own report ("催一下", "都三天了 你们到底管不管", "人呢", "还没修呢"):
/// "还是没人来", "怎么还没人管": nobody has come or seen to it (a report's or a danger's reporter, or
/// someone whose danger only the neighbours heard).
bool says_nobody_came(std::string_view text);

/// "暖气还是不热", "灯还是不亮", "还冻着呢": the trouble still there, said after one's report; about the
/// report that holds the trouble named (or the one open), never a new report of it.
bool says_trouble_persists(std::string_view text);

/// The thing said to be still wrong, before 还是/依然/仍然 ("暖气" of "我家暖气还是不热"); empty when no
/// thing is named ("还冻着呢", "我还是不行").
std::string_view what_persists(std::string_view text);

/// it asks after it and points back to it, whatever trouble it names again.
bool chases_own_report(std::string_view text);

/// Whether a line points back to something said before ("上次", "那个", "我报的", "修好了吗").
bool refers_back(std::string_view text);

/// Whether a line asks something or turns to the bot's other work ("另外 积分怎么兑换", "报名1号活动"):
/// said right after a report, it is no addition to it.
bool turns_to_another_matter(std::string_view text);

/// Whether a line gives a number to reach its writer ("我电话是13900001111 下午家里有人", "有事打我电话
/// 139 0000 1111", a mobile number alone), and does nothing else (no question, no other command):
/// right after a report, it belongs to that report.
bool gives_contact_details(std::string_view text);

/// Whether a line with no command takes back one's own report ("不用来了", "撤回", "取消报修").
bool withdraws_own_report(std::string_view text);

}  // namespace whistle::language
