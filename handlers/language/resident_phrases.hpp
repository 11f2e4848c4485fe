#pragma once

// What residents say about their own reports and to their neighbours, in their own words: the
// words handlers read from a line that is no command (a remark after a rating, a question after a
// report, taking one back, a 求助 to the others, thanks). Kept apart from the command vocabulary.

#include <optional>
#include <string_view>

namespace whistle::language {

/// Whether a rating's remark says the problem is still there ("还行，但是灯还是不亮"): however mild
/// its word, such a rating does not close the ticket.
bool says_problem_remains(std::string_view remark);

/// Whether a remark complains of how the work was done ("师傅态度不好", "就是糊弄人", "乱收费"):
/// with a ticket waiting for a rating, the resident is asked whether it rates it.
bool complains_of_work(std::string_view remark);

/// Whether a 求助 or 反映's words speak to the neighbours ("大家 谁家有梯子", "提醒大家"): talk in the
/// group, not a ticket. A complaint about a neighbour ("谁家的狗天天叫") is not.
bool speaks_to_neighbours(std::string_view words);

/// Whether a line thanks someone ("谢谢", "辛苦了"), and whether it is nothing but thanks.
bool holds_thanks(std::string_view text);
bool is_only_thanks(std::string_view text);

/// Whether a line says yes to the bot's question ("是的", "好的麻烦了", "嗯嗯", "对，帮我报一下"),
/// nothing else in it ("你好", "对了", "好的 明天再说" are no yes); or no ("不用了谢谢", "算了", "说错了"),
/// perhaps with its reason after it ("算了 我自己去说说他"), or said as "it is seen to" ("已经好了",
/// "物业已经在修了", "别报了", "发错了").
bool answers_yes(std::string_view text);
bool answers_no(std::string_view text);

/// Whether a raw line is nothing but WeChat's codes for a thumbs up or a nod ("[强]", "[强][强]",
/// "[OK]", "[抱拳]"), which normalizing drops: a yes all the same.
bool is_only_thumbs_up_codes(std::string_view raw);

/// Whether a line puts the matter off or hedges ("明天再说", "我再想想", "我先问问物业", "已经有人报了").
bool puts_off(std::string_view text);
/// Whether a line asks to report after all ("算了 还是报一下吧", "帮我报上去"): a yes to the offer.
bool asks_to_report(std::string_view text);

/// Whether it only asks for time ("我想想", "我先问问物业"): the question may wait.
bool hedges(std::string_view text);

/// A line that begins with a yes and adds to it ("是的 在3号楼2单元", "好的 电话13812345678", "好的
/// 明天再说"): what it adds (empty for a bare yes), for the caller to judge with puts_off(). Empty
/// optional when the line does not begin with a yes.
std::optional<std::string_view> yes_with_details(std::string_view text);

/// What follows yes words run into the rest ("是的我家住3号楼2单元301" → "我家住3号楼2单元301"), for the
/// caller to judge: "好几天了" and "对面楼" start the same way.
std::optional<std::string_view> after_yes_words(std::string_view text);

/// Whether a line with no command tells of a trouble ("卫生间马桶堵了", "门口的地砖裂了"): said to the
/// bot, it is offered as a report, like a line with a category's keyword.
bool describes_trouble(std::string_view text);

/// Whether a line says a trouble is back or was never mended, naming nothing but that ("又漏了 比上次
/// 还厉害", "没修好", "修了跟没修一样"): said by the reporter of a report closed lately, it is that report's.
/// Not a question, nor a trouble named ("水管又漏了" is a report of its own).
bool says_problem_back(std::string_view text);

/// Whether a line calls for someone to come at once ("快来人", "救命", "赶紧派人"): with a trouble in it,
/// said to the bot, the report is opened without asking first.
bool calls_for_help_now(std::string_view text);

/// Whether a line speaks of the bot's own work (积分, 活动, 报到, 兑换…) rather than a trouble.
bool mentions_bots_own_work(std::string_view text);

/// Whether a line with no command asks for a hand ("帮我买药", "想请人帮忙买点菜", "能不能有人陪我去
/// 医院"): a 点单 to offer. Whether it wishes for a thing ("想要一副老花镜"): a 微心愿 to offer.
bool asks_for_service(std::string_view text);
bool wishes_for_thing(std::string_view text);

/// Whether a report tells of an e-bike charged indoors, in the stairwell or on a line from a window
/// ("楼上有人飞线给电瓶车充电", "502电动车充电 拉了根线从窗户下来"): the best-known cause of fires in shared
/// flats, urgent. Not a charger, a phone or a charging pile ("家里充电器坏了", "楼道充电桩坏了").
bool charges_an_ebike_indoors(std::string_view text);

}  // namespace whistle::language
