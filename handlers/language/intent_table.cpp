#include "handlers/language/intent_table.hpp"

#include <algorithm>
#include <array>
#include <unordered_map>

#include "handlers/language/text_util.hpp"
#include "handlers/language/utf8.hpp"

namespace whistle::language {

namespace {

using A = Arguments;

// The language, in one place. Words are written after normalization (Simplified, half-width):
// Traditional and full-width forms are read the same. A keyword must lead its line (after
// mentions of the bot, decoration and wrappers such as "我要"), or follow the reference or person
// it acts on ("12号任务结束", "T3 接单", "给@老赵 加3分"); inside a sentence it is chatter. Where
// two keywords share a start, the longer one is tried first.
// clang-format off
constexpr auto kRules = std::to_array<IntentRule>({
    // keyword        intent                arguments             extra
    {"吹哨",          Intent::whistle,      A::whistle},
    {"吹个哨",        Intent::whistle,      A::whistle},
    {"发布任务",      Intent::whistle,      A::whistle},
    {"发任务",        Intent::whistle,      A::whistle},
    {"报到",          Intent::report_in,    A::task},
    {"报道",          Intent::report_in,    A::task},
    {"报名",          Intent::report_in,    A::task},
    {"报个名",        Intent::report_in,    A::task},
    {"参加",          Intent::report_in,    A::task},
    // As volunteers say it (an exploratory run, 2026-12-05): "报到报到！", "我报个到", "报名参加".
    {"报到报到",      Intent::report_in,    A::task},
    {"报个到",        Intent::report_in,    A::task},
    {"报名参加",      Intent::report_in,    A::task},
    {"1",             Intent::report_in,    A::whole_line,        "implicit"},
    {"+1",            Intent::report_in,    A::whole_line,        "implicit"},
    {"我来",          Intent::report_in,    A::whole_line,        "implicit"},
    {"我报名",        Intent::report_in,    A::whole_line,        "implicit"},
    {"我报个名",      Intent::report_in,    A::whole_line,        "implicit"},
    {"我参加",        Intent::report_in,    A::whole_line,        "implicit"},
    {"我也来",        Intent::report_in,    A::whole_line,        "implicit"},
    {"我也报名",      Intent::report_in,    A::whole_line,        "implicit"},
    {"加我一个",      Intent::report_in,    A::whole_line,        "implicit"},
    {"算我一个",      Intent::report_in,    A::whole_line,        "implicit"},
    {"取消报到",      Intent::withdraw,     A::task},
    {"取消报名",      Intent::withdraw,     A::task},
    // 请假 and 打卡 are everyday words (a day off work, 健身打卡): bare, from someone with nothing to
    // leave or check in to, they are talk in a group, not a "you have nothing" answer.
    {"请假",          Intent::withdraw,     A::task,              "implicit"},
    // "我退出了" in a group is mostly about a game, a meeting or another group; a bare 退出 (in private,
    // from someone with one task) is the withdrawal.
    {"退出",          Intent::withdraw,     A::task,              "implicit"},
    {"不去了",        Intent::withdraw,     A::task,              "implicit"},
    {"去不了了",      Intent::withdraw,     A::task,              "implicit"},
    {"来不了了",      Intent::withdraw,     A::task,              "implicit"},
    // The task named as a task is called off ("取消12号任务"); "取消 12" frees the sender's place.
    {"取消",          Intent::cancel,       A::task,              "named"},
    {"取消",          Intent::withdraw,     A::task,              "required"},
    {"修改",          Intent::edit,         A::edit},
    {"更改",          Intent::edit,         A::edit},
    {"改",            Intent::edit,         A::edit,              "required"},
    // After the task's number, the field and its change: "1号人数改成5人", "#1 时间改为下午3点" (an
    // exploratory run of corrections, 2026-12-06: silence). Without a change after it, 积分 is the
    // points question below.
    {"人数",          Intent::edit,         A::edit,              "label"},
    {"名额",          Intent::edit,         A::edit,              "label"},
    {"时间",          Intent::edit,         A::edit,              "label"},
    {"开始时间",      Intent::edit,         A::edit,              "label"},
    {"结束时间",      Intent::edit,         A::edit,              "label"},
    {"地点",          Intent::edit,         A::edit,              "label"},
    {"积分",          Intent::edit,         A::edit,              "label"},
    {"活动",          Intent::tasks,        A::none},
    {"活动列表",      Intent::tasks,        A::none},
    {"任务",          Intent::tasks,        A::none},
    {"任务列表",      Intent::tasks,        A::none},
    {"有什么活动",    Intent::tasks,        A::none},
    {"有啥活动",      Intent::tasks,        A::none},
    {"最近有什么活动", Intent::tasks,        A::none},
    {"我的报到",      Intent::tasks,        A::none},
    {"我的活动",      Intent::tasks,        A::none},
    {"我的任务",      Intent::tasks,        A::none},
    // "今天有什么活动", "明天有活动吗": the list, whose lines say when.
    {"今天有什么活动", Intent::tasks,        A::none,              "question implicit"},
    {"明天有什么活动", Intent::tasks,        A::none,              "question implicit"},
    {"今天有啥活动",  Intent::tasks,        A::none,              "question implicit"},
    {"明天有啥活动",  Intent::tasks,        A::none,              "question implicit"},
    {"今天有活动吗",  Intent::tasks,        A::none,              "question implicit"},
    {"明天有活动吗",  Intent::tasks,        A::none,              "question implicit"},
    {"今天有没有活动", Intent::tasks,        A::none,              "question implicit"},
    {"明天有没有活动", Intent::tasks,        A::none,              "question implicit"},
    {"这周有什么活动", Intent::tasks,        A::none,              "question implicit"},
    // "明天的活动还去吗", "明天的活动取消了吗": that day's tasks asked after (the hint before).
    {"今天的活动",    Intent::tasks,        A::none,              "question implicit"},
    {"明天的活动",    Intent::tasks,        A::none,              "question implicit"},
    {"今天活动",      Intent::tasks,        A::none,              "question implicit"},
    {"明天活动",      Intent::tasks,        A::none,              "question implicit"},
    {"周末有什么活动", Intent::tasks,        A::none,              "question implicit"},
    // "我报上了吗", "我签到了吗": one's own list, with each place's state (a question only: "我报到了"
    // and "我报到了呢？" are a report-in).
    {"我报上了",      Intent::tasks,        A::task_question},
    {"我报上名了",    Intent::tasks,        A::task_question},
    {"我报名了",      Intent::tasks,        A::task_question},
    {"我报到了",      Intent::tasks,        A::task_question,     "particle"},
    {"我签到了",      Intent::tasks,        A::task_question},
    {"我签上了",      Intent::tasks,        A::task_question},
    // "1号谁报名了", "1号几个人报了": the task's state, with its count (and, asked who — 谁, 哪些人,
    // 名单, 报名情况, 报名表 — to a leader of the task, the names).
    {"谁报名了",      Intent::tasks,        A::task_question,     "asks required"},
    {"谁报了",        Intent::tasks,        A::task_question,     "asks required"},
    {"几个人报了",    Intent::tasks,        A::task_question,     "asks required"},
    {"报了几个人",    Intent::tasks,        A::task_question,     "asks required"},
    {"多少人报了",    Intent::tasks,        A::task_question,     "asks required"},
    {"报了多少人",    Intent::tasks,        A::task_question,     "asks required"},
    // "1号都有谁", "1号有哪些人": the same, and to a leader of the task the names (silence before).
    {"都有谁",        Intent::tasks,        A::task_question,     "asks required"},
    // "1号报名名单发一下", "1号报名情况怎么样": signed the asker up (a review, 2026-12-06).
    {"报名名单",      Intent::tasks,        A::task_question,     "asks required"},
    {"报名情况",      Intent::tasks,        A::task_question,     "asks required"},
    {"报名人数",      Intent::tasks,        A::task_question,     "asks required"},
    {"报名表",        Intent::tasks,        A::task_question,     "asks required"},
    {"报名的人",      Intent::tasks,        A::task_question,     "asks required"},
    {"有哪些人",      Intent::tasks,        A::task_question,     "asks required"},
    {"都有哪些人",    Intent::tasks,        A::task_question,     "asks required"},
    {"报名的都有谁",  Intent::tasks,        A::task_question,     "asks required"},
    {"谁报到了",      Intent::tasks,        A::task_question,     "asks required"},
    {"名单",          Intent::tasks,        A::task_question,     "asks required"},
    // Asked of a task ("还有名额吗", "1号几点开始", "活动在哪集合？"): answered with its places, time
    // and place; without a number, with the chat's open tasks. The words need a question after them
    // ("还有名额！" is a leader's call), unless they are one ("几点开始").
    {"还有名额",      Intent::tasks,        A::task_question},
    {"名额还有",      Intent::tasks,        A::task_question},
    {"还有位置",      Intent::tasks,        A::task_question},
    {"还有空位",      Intent::tasks,        A::task_question},
    {"还能报名",      Intent::tasks,        A::task_question},
    {"还能报",        Intent::tasks,        A::task_question},
    {"还可以报名",    Intent::tasks,        A::task_question},
    {"还可以报",      Intent::tasks,        A::task_question},
    {"还能参加",      Intent::tasks,        A::task_question},
    {"还可以参加",    Intent::tasks,        A::task_question},
    {"还缺人",        Intent::tasks,        A::task_question},
    {"还差人",        Intent::tasks,        A::task_question},
    {"还要人",        Intent::tasks,        A::task_question},
    {"还需要人",      Intent::tasks,        A::task_question},
    {"人够了",        Intent::tasks,        A::task_question},
    {"人满了",        Intent::tasks,        A::task_question},
    {"报满了",        Intent::tasks,        A::task_question},
    {"名额满了",      Intent::tasks,        A::task_question},
    {"满员了",        Intent::tasks,        A::task_question},
    {"满了",          Intent::tasks,        A::task_question,     "required"},
    // Whether it still happens, after the task named ("明天的活动还去吗", "1号取消了吗").
    {"还去",          Intent::tasks,        A::task_question,     "required"},
    {"还搞",          Intent::tasks,        A::task_question,     "required"},
    {"还办",          Intent::tasks,        A::task_question,     "required"},
    {"还举行",        Intent::tasks,        A::task_question,     "required"},
    {"照常",          Intent::tasks,        A::task_question,     "required"},
    {"取消了",        Intent::tasks,        A::task_question,     "required"},
    {"还缺几个人",    Intent::tasks,        A::task_question,     "asks"},
    {"还差几个人",    Intent::tasks,        A::task_question,     "asks"},
    {"还缺几个",      Intent::tasks,        A::task_question,     "asks"},
    {"还差几个",      Intent::tasks,        A::task_question,     "asks"},
    {"还有几个名额",  Intent::tasks,        A::task_question,     "asks"},
    {"还剩几个名额",  Intent::tasks,        A::task_question,     "asks"},
    {"名额还有几个",  Intent::tasks,        A::task_question,     "asks"},
    {"还有几个位置",  Intent::tasks,        A::task_question,     "asks"},
    {"还剩几个位置",  Intent::tasks,        A::task_question,     "asks"},
    {"几点开始",      Intent::tasks,        A::task_question,     "asks"},
    {"几点钟开始",    Intent::tasks,        A::task_question,     "asks"},
    {"什么时候开始",  Intent::tasks,        A::task_question,     "asks"},
    {"啥时候开始",    Intent::tasks,        A::task_question,     "asks"},
    {"几点集合",      Intent::tasks,        A::task_question,     "asks"},
    {"什么时候集合",  Intent::tasks,        A::task_question,     "asks"},
    {"在哪集合",      Intent::tasks,        A::task_question,     "asks"},
    {"在哪里集合",    Intent::tasks,        A::task_question,     "asks"},
    {"在哪儿集合",    Intent::tasks,        A::task_question,     "asks"},
    {"哪里集合",      Intent::tasks,        A::task_question,     "asks"},
    {"去哪集合",      Intent::tasks,        A::task_question,     "asks"},
    {"去哪里集合",    Intent::tasks,        A::task_question,     "asks"},
    {"地点在哪",      Intent::tasks,        A::task_question,     "asks"},
    {"在什么地方",    Intent::tasks,        A::task_question,     "asks"},
    {"签到",          Intent::check_in,     A::task_code},
    {"打卡",          Intent::check_in,     A::task_code,         "implicit"},
    {"签个到",        Intent::check_in,     A::task_code},
    {"到了",          Intent::check_in,     A::task,              "required"},
    // "我到了", "已到": how volunteers say they are on site. Bare, they are a check-in only for
    // someone whose task begins about now; anyone else is talking to the others. Not a bare 到了 or
    // 已经到了: "你家快递到了吗" — "到了" (a review, 2026-12-06).
    {"我到了",        Intent::check_in,     A::task,              "implicit"},
    {"我已到",        Intent::check_in,     A::task,              "implicit"},
    {"我已经到了",    Intent::check_in,     A::task,              "implicit"},
    {"已到",          Intent::check_in,     A::task,              "implicit"},
    {"我到啦",        Intent::check_in,     A::task,              "implicit"},
    {"已签到",        Intent::check_in,     A::task_code},
    {"已签退",        Intent::check_out,    A::task},
    {"签退",          Intent::check_out,    A::task},
    // A check-out by mistake, taken back: the stay goes on, as a 签到 again would have it.
    {"签退错了",      Intent::check_in,     A::task,              "undo"},
    {"签退按错了",    Intent::check_in,     A::task,              "undo"},
    {"签退点错了",    Intent::check_in,     A::task,              "undo"},
    {"签到码",        Intent::sign_code,    A::task},
    {"签到码是",      Intent::sign_code,    A::task},
    {"验收",          Intent::confirm,      A::task_people},
    {"确认",          Intent::confirm,      A::task_people,       "required"},
    // Everyone signed up, said outright ("全部确认", "验收全部" reads as 验收 already).
    {"全部确认",      Intent::confirm,      A::task_people},
    {"确认全部",      Intent::confirm,      A::task_people},
    {"不予确认",      Intent::refuse,       A::task_people},
    {"不确认",        Intent::refuse,       A::task_people,       "required"},
    // A confirmation taken back names the person: 不予确认 of someone paid takes the pay back
    // ("确认错了 @王五 他没来" read as 确认 would have paid him).
    {"撤销确认",      Intent::refuse,       A::task_people,       "required"},
    {"取消确认",      Intent::refuse,       A::task_people,       "required"},
    {"撤回确认",      Intent::refuse,       A::task_people,       "required"},
    {"确认错了",      Intent::refuse,       A::task_people,       "required"},
    {"验收错了",      Intent::refuse,       A::task_people,       "required"},
    {"结束",          Intent::finish,       A::task},
    {"任务结束",      Intent::finish,       A::task},
    {"活动结束",      Intent::finish,       A::task},
    {"结束任务",      Intent::finish,       A::task},
    {"结束活动",      Intent::finish,       A::task},
    {"完成",          Intent::finish,       A::task,              "required"},
    {"撤销",          Intent::cancel,       A::task},
    {"撤销任务",      Intent::cancel,       A::task},
    {"撤销活动",      Intent::cancel,       A::task},
    // After a reference the task itself is called off: "12号任务取消", "12号活动取消了".
    {"任务取消",      Intent::cancel,       A::task,              "required"},
    {"活动取消",      Intent::cancel,       A::task,              "required"},
    {"取消吹哨",      Intent::cancel,       A::task},
    {"取消活动",      Intent::cancel,       A::task},
    {"取消任务",      Intent::cancel,       A::task},
    // A duplicate whistle taken away with its number ("删除 2", "作废 2"): silence before (an
    // exploratory run, 2026-12-06). Not 撤回: "撤回 1" is as often a reporter's ticket T1 (a review).
    // With more words than a reason for a duplicate the handler asks ("删除 1号 张三的报名").
    {"删除",          Intent::cancel,       A::task,              "required"},
    {"删掉",          Intent::cancel,       A::task,              "required"},
    {"作废",          Intent::cancel,       A::task,              "required"},
    // "取消加分 @何大爷": points given by mistake; the handler says how to take them back (扣分).
    {"取消加分",      Intent::cancel,       A::task,              "undo"},
    {"撤销加分",      Intent::cancel,       A::task,              "undo"},
    {"撤回加分",      Intent::cancel,       A::task,              "undo"},
    {"积分",          Intent::points,       A::people},
    {"我的积分",      Intent::points,       A::people},
    // Where one's points came from and went: the latest entries (the handler reads the words).
    {"积分明细",      Intent::points,       A::people},
    {"积分记录",      Intent::points,       A::people},
    // As people ask it (an exploratory run of month end, 2026-12-06: each was "没看懂").
    {"我多少分",      Intent::points,       A::people},
    {"我这个月多少分", Intent::points,      A::people},
    {"这个月多少分",  Intent::points,       A::people},
    {"本月多少分",    Intent::points,       A::people},
    {"我本月多少分",  Intent::points,       A::people},
    {"我的时长",      Intent::points,       A::people},
    {"我的服务时长",  Intent::points,       A::people},
    {"我的志愿时长",  Intent::points,       A::people},
    {"服务时长",      Intent::points,       A::people},
    {"志愿时长",      Intent::points,       A::people},
    {"累计时长",      Intent::points,       A::people},
    {"我服务了多少小时", Intent::points,    A::people},
    // With 了 ("now"), which after other commands says a thing is done.
    {"我多少分了",    Intent::points,       A::people},
    {"本月多少分了",  Intent::points,       A::people},
    {"这个月多少分了", Intent::points,      A::people},
    {"我这个月多少分了", Intent::points,    A::people},
    {"积分多少了",    Intent::points,       A::people},
    {"我有多少分了",  Intent::points,       A::people},
    {"我的积分多少了", Intent::points,      A::people},
    {"我的时长是多少", Intent::points,      A::people},
    {"我的服务时长是多少", Intent::points,  A::people},
    {"服务时长多少",  Intent::points,       A::people},
    {"志愿时长多少",  Intent::points,       A::people},
    {"我的志愿时长多少", Intent::points,    A::people},
    {"服务了多少小时", Intent::points,      A::people},
    {"我的积分明细",  Intent::points,       A::people},
    {"我的积分记录",  Intent::points,       A::people},
    {"查积分",        Intent::points,       A::people},
    {"查询积分",      Intent::points,       A::people},
    {"积分查询",      Intent::points,       A::people},
    {"我有多少分",    Intent::points,       A::people},
    {"我有多少积分",  Intent::points,       A::people},
    {"有多少积分",    Intent::points,       A::people},
    {"积分多少",      Intent::points,       A::people},
    {"我的积分多少",  Intent::points,       A::people},
    {"积分是多少",    Intent::points,       A::people},
    {"我的积分是多少", Intent::points,      A::people},
    {"还有多少积分",  Intent::points,       A::people},
    {"还剩多少积分",  Intent::points,       A::people},
    // As residents ask (an exploratory run, 2026-12-05).
    {"我还有多少分",  Intent::points,       A::people},
    {"还有多少分",    Intent::points,       A::people},
    {"积分余额",      Intent::points,       A::people},
    {"我的分数",      Intent::points,       A::people},
    {"我现在多少分",  Intent::points,       A::people},
    {"现在多少分",    Intent::points,       A::people},
    {"我现在多少分了", Intent::points,      A::people},
    {"排行",          Intent::ranking,      A::month},
    {"排行榜",        Intent::ranking,      A::month},
    {"排名",          Intent::ranking,      A::month},
    {"我的排名",      Intent::ranking,      A::month},
    {"我排第几",      Intent::ranking,      A::month},
    {"积分排行",      Intent::ranking,      A::month},
    {"积分排名",      Intent::ranking,      A::month},
    {"积分榜",        Intent::ranking,      A::month},
    {"积分排行榜",    Intent::ranking,      A::month},
    {"我排第几名",    Intent::ranking,      A::month},
    {"公示",          Intent::ranking,      A::month,             "publish"},
    {"积分公示",      Intent::ranking,      A::month,             "publish"},
    {"发布公示",      Intent::ranking,      A::month,             "publish"},
    {"发公示",        Intent::ranking,      A::month,             "publish"},
    {"发一下公示",    Intent::ranking,      A::month,             "publish"},
    {"公示发一下",    Intent::ranking,      A::month,             "publish"},
    // A level's ranking asked by its name: a level above the group's place is that level's
    // (handlers/ranking.cpp), one at or below it the group's own, as 排行.
    {"单元排名",      Intent::ranking,      A::month},
    {"楼栋排名",      Intent::ranking,      A::month},
    {"网格排名",      Intent::ranking,      A::month},
    {"社区排名",      Intent::ranking,      A::month},
    {"各单元排名",    Intent::ranking,      A::month},
    {"各楼栋排名",    Intent::ranking,      A::month},
    {"各网格排名",    Intent::ranking,      A::month},
    {"网格积分排名",  Intent::ranking,      A::month},
    {"谁最积极",      Intent::ranking,      A::month},
    {"加分",          Intent::adjust,       A::adjustment},
    {"扣分",          Intent::adjust,       A::adjustment,        "-"},
    // "加3分", "扣2分": the amount inside the command word.
    {"加",            Intent::adjust,       A::adjustment,        "+inside"},
    // "@张三 @刘阿姨 各加5分": each of the people before it.
    {"各加",          Intent::adjust,       A::adjustment,        "+inside"},
    {"各扣",          Intent::adjust,       A::adjustment,        "-inside"},
    {"扣",            Intent::adjust,       A::adjustment,        "-inside"},
    {"商品",          Intent::catalog,      A::none},
    {"商品列表",      Intent::catalog,      A::none},
    {"积分商城",      Intent::catalog,      A::none},
    {"兑换列表",      Intent::catalog,      A::none},
    {"能换什么",      Intent::catalog,      A::none},
    {"能换啥",        Intent::catalog,      A::none},
    {"积分能换什么",  Intent::catalog,      A::none},
    {"积分能换啥",    Intent::catalog,      A::none},
    {"能兑换什么",    Intent::catalog,      A::none},
    {"可以兑换什么",  Intent::catalog,      A::none},
    {"可以换什么",    Intent::catalog,      A::none},
    {"积分可以换什么", Intent::catalog,     A::none},
    {"有什么商品",    Intent::catalog,      A::none},
    // The catalog's answer lists one's redemptions waiting for pickup, with their codes.
    {"我的兑换",      Intent::catalog,      A::none},
    {"我的取货码",    Intent::catalog,      A::none},
    {"取货码是多少",  Intent::catalog,      A::none},
    {"取货码多少",    Intent::catalog,      A::none},
    {"积分怎么用",    Intent::catalog,      A::none},
    {"积分有什么用",  Intent::catalog,      A::none},
    {"取货码",        Intent::catalog,      A::none},
    // A code asked for again, or lost: the catalog lists one's waiting codes first. ("兑换码" leading
    // a line is a coupon's or a game's, kNotCommands below; "我的兑换码" is ours.)
    {"我的兑换码",    Intent::catalog,      A::none},
    {"我的兑换码是多少", Intent::catalog,   A::none},
    {"取货码忘了",    Intent::catalog,      A::none},
    {"取货码找不到了", Intent::catalog,     A::none},
    {"我的兑换码找不到了", Intent::catalog, A::none},
    {"我的取货码找不到了", Intent::catalog, A::none},
    // The service center's staff asking what is left: the catalog shows each item's stock.
    {"库存",          Intent::catalog,      A::none},
    {"库存多少",      Intent::catalog,      A::none},
    {"还有多少库存",  Intent::catalog,      A::none},
    {"查库存",        Intent::catalog,      A::none},
    {"兑换",          Intent::redeem,       A::item},
    {"积分兑换",      Intent::redeem,       A::item},
    // "换一袋米", "我要换洗衣液", "用积分换大米" (an exploratory run, 2026-12-05). A bare 换 is a
    // redemption only when the catalog has the item, which the handler knows: "换灯泡" is not.
    {"积分换",        Intent::redeem,       A::item},
    {"用积分换",      Intent::redeem,       A::item},
    {"换",            Intent::redeem,       A::item,              "implicit"},
    // Asked, never ordered: "能兑换大米吗", "可以换洗衣液吗" are answered with the reward's line of the
    // catalog ("能兑换大米了" is told, and is talk).
    {"能兑换",        Intent::redeem,       A::item,              "asks"},
    {"可以兑换",      Intent::redeem,       A::item,              "asks"},
    {"能不能兑换",    Intent::redeem,       A::item,              "asks"},
    {"能换",          Intent::redeem,       A::item,              "asks implicit"},
    {"可以换",        Intent::redeem,       A::item,              "asks implicit"},
    {"能不能换",      Intent::redeem,       A::item,              "asks implicit"},
    {"取消兑换",      Intent::cancel_redeem, A::code},
    {"上架",          Intent::stock,        A::stock},
    {"补货",          Intent::stock,        A::stock},
    {"核销",          Intent::pickup,       A::code},
    // A pickup recorded by mistake, taken back by the staff (the handler reads the words).
    {"撤销核销",      Intent::pickup,       A::code,              "undo"},
    {"取消核销",      Intent::pickup,       A::code,              "undo"},
    {"撤回核销",      Intent::pickup,       A::code,              "undo"},
    // At the counter, as staff type what the phone shows (an exploratory run, 2026-12-05). "取货码"
    // alone asks for one's own codes (the catalog); with a code after it, it is the pickup.
    {"核销码",        Intent::pickup,       A::code,              "required"},
    {"已核销",        Intent::pickup,       A::code,              "required"},
    {"取货码",        Intent::pickup,       A::code,              "required"},
    {"报事",          Intent::ticket,       A::ticket_text,       "report"},
    {"报修",          Intent::ticket,       A::ticket_text,       "report"},
    {"报个事",        Intent::ticket,       A::ticket_text,       "report"},
    {"报个修",        Intent::ticket,       A::ticket_text,       "report"},
    // Slips of pinyin input, same sound (an exploratory run, 2026-12-05).
    {"保修",          Intent::ticket,       A::ticket_text,       "report"},
    {"抱修",          Intent::ticket,       A::ticket_text,       "report"},
    // A common slip for 反映.
    {"反应",          Intent::ticket,       A::ticket_text,       "report"},
    {"反映",          Intent::ticket,       A::ticket_text,       "report"},
    {"投诉",          Intent::ticket,       A::ticket_text,       "report"},
    {"求助",          Intent::ticket,       A::ticket_text,       "report"},
    {"点单",          Intent::ticket,       A::ticket_text,       "order"},
    {"微心愿",        Intent::ticket,       A::ticket_text,       "wish"},
    {"心愿",          Intent::ticket,       A::ticket_text,       "wish"},
    {"许个微心愿",    Intent::ticket,       A::ticket_text,       "wish"},
    {"许个心愿",      Intent::ticket,       A::ticket_text,       "wish"},
    {"派单",          Intent::dispatch,     A::ticket_assignee},
    // After the ticket it acts on ("T5 派给@王五", "T1 交给物业"); alone, these are ordinary words.
    {"派给",          Intent::dispatch,     A::ticket_assignee,   "required"},
    {"交给",          Intent::dispatch,     A::ticket_assignee,   "required"},
    {"转给",          Intent::dispatch,     A::ticket_assignee,   "required"},
    {"转派",          Intent::dispatch,     A::ticket_assignee},
    {"改派",          Intent::dispatch,     A::ticket_assignee},
    {"重新派单",      Intent::dispatch,     A::ticket_assignee},
    // "T1转物业", "T1交物业处理": after the ticket only.
    {"转",            Intent::dispatch,     A::ticket_assignee,   "required"},
    {"交",            Intent::dispatch,     A::ticket_assignee,   "required"},
    {"接单",          Intent::accept,       A::ticket},
    {"办结",          Intent::resolve,      A::ticket,            "remark"},
    {"已办结",        Intent::resolve,      A::ticket},
    // A 办结 taken back by whoever said it (the handler reads these words: handlers/ticket_resolve_undo).
    {"撤销办结",      Intent::resolve,      A::ticket,            "undo"},
    {"取消办结",      Intent::resolve,      A::ticket,            "undo"},
    {"撤回办结",      Intent::resolve,      A::ticket,            "undo"},
    {"办结错了",      Intent::resolve,      A::ticket,            "undo"},
    {"已处理",        Intent::resolve,      A::ticket,            "required"},
    {"已解决",        Intent::resolve,      A::ticket,            "required"},
    {"处理好了",      Intent::resolve,      A::ticket,            "required"},
    {"修好了",        Intent::resolve,      A::ticket,            "required"},
    {"已修好",        Intent::resolve,      A::ticket,            "required"},
    {"办好了",        Intent::resolve,      A::ticket,            "required"},
    // "T1 完成": only after a ticket ("完成 12" is a task's 结束; read_task turns "完成 T1" into this).
    {"完成",          Intent::resolve,      A::ticket,            "after_ticket"},
    {"退回",          Intent::send_back,    A::ticket},
    // A neighbour giving up a 微心愿 they took (an exploratory run, 2026-12-05).
    {"取消认领",      Intent::send_back,    A::ticket},
    {"放弃认领",      Intent::send_back,    A::ticket},
    {"放弃",          Intent::send_back,    A::ticket,            "ticket_named"},
    // The resident taking back what they reported: with its reference only ("撤回 T1"; "撤回 1"
    // may be a task's).
    {"撤回",          Intent::close,        A::ticket,            "ticket_named"},
    {"退单",          Intent::send_back,    A::ticket},
    {"认领",          Intent::claim,        A::ticket},
    {"认领微心愿",    Intent::claim,        A::ticket},
    {"认领心愿",      Intent::claim,        A::ticket},
    {"评价",          Intent::rate,         A::rating},
    {"评单",          Intent::rate,         A::rating},
    {"满意",          Intent::rate,         A::rating,            "5"},
    {"非常满意",      Intent::rate,         A::rating,            "5"},
    {"十分满意",      Intent::rate,         A::rating,            "5"},
    {"很满意",        Intent::rate,         A::rating,            "5"},
    {"不满意",        Intent::rate,         A::rating,            "1"},
    {"很不满意",      Intent::rate,         A::rating,            "1"},
    {"非常不满意",    Intent::rate,         A::rating,            "1"},
    {"不太满意",      Intent::rate,         A::rating,            "2"},
    {"基本满意",      Intent::rate,         A::rating,            "4"},
    {"比较满意",      Intent::rate,         A::rating,            "4"},
    {"还行",          Intent::rate,         A::rating,            "4"},
    {"还可以",        Intent::rate,         A::rating,            "4"},
    {"一般",          Intent::rate,         A::rating,            "3"},
    {"好评",          Intent::rate,         A::rating,            "5"},
    {"五星好评",      Intent::rate,         A::rating,            "5"},
    {"给个好评",      Intent::rate,         A::rating,            "5"},
    {"给好评",        Intent::rate,         A::rating,            "5"},
    {"挺满意",        Intent::rate,         A::rating,            "4"},
    {"中评",          Intent::rate,         A::rating,            "3"},
    // As the elderly answer "请评价" (an exploratory run, 2026-12-05). In a group only the 满意 words
    // rate without being said to the bot (handlers/ticket_rate.cpp): "挺好的" there stays talk.
    {"特别满意",      Intent::rate,         A::rating,            "5"},
    {"太满意",        Intent::rate,         A::rating,            "5"},
    {"超满意",        Intent::rate,         A::rating,            "5"},
    {"挺好",          Intent::rate,         A::rating,            "4"},
    {"不行",          Intent::rate,         A::rating,            "2"},
    {"差评",          Intent::rate,         A::rating,            "1"},
    {"打",            Intent::rate,         A::rating,            "scored"},
    {"上报",          Intent::escalate,     A::ticket},
    {"关闭",          Intent::close,        A::ticket},
    {"工单",          Intent::progress,     A::ticket,            "required"},
    {"工单",          Intent::tickets,      A::none},
    {"工单列表",      Intent::tickets,      A::none},
    {"进度",          Intent::progress,     A::ticket},
    {"查进度",        Intent::progress,     A::ticket},
    {"进度怎么样",    Intent::progress,     A::ticket},
    // "报事进度" asks how one's reports are going; read as 报事 it opened a ticket titled 进度.
    {"报事进度",      Intent::progress,     A::ticket,            "remark"},
    {"工单进度",      Intent::progress,     A::ticket,            "remark"},
    {"办理进度",      Intent::progress,     A::ticket,            "remark"},
    {"我的工单",      Intent::progress,     A::none},
    {"我的报事",      Intent::progress,     A::none},
    {"我的报修",      Intent::progress,     A::none},
    {"我的投诉",      Intent::progress,     A::none},
    {"我的求助",      Intent::progress,     A::none},
    {"我报的事",      Intent::progress,     A::ticket,            "remark"},
    {"我反映的事",    Intent::progress,     A::ticket,            "remark"},
    {"我反映的问题",  Intent::progress,     A::ticket,            "remark"},
    {"催办",          Intent::progress,     A::ticket,            "required"},
    // "T1 怎么样了": after its reference only.
    {"怎么样了",      Intent::progress,     A::ticket,            "required"},
    {"怎么样",        Intent::progress,     A::ticket,            "required"},
    {"咋样了",        Intent::progress,     A::ticket,            "required"},
    {"催一下",        Intent::progress,     A::ticket,            "required"},
    // "T3谁在处理" (an exploratory run of leaders' questions, 2026-12-06). Not 什么情况: "T1现在什么
    // 情况" is as often an airport's terminal.
    {"谁在处理",      Intent::progress,     A::ticket,            "question"},
    {"处理得怎么样",  Intent::progress,     A::ticket,            "question"},
    {"处理到哪了",    Intent::progress,     A::ticket,            "question"},
    {"待办",          Intent::tickets,      A::none},
    // "有几个工单没处理", "还有多少工单没办结": the list that answers them.
    {"有几个工单",    Intent::tickets,      A::none, "question implicit"},
    {"还有几个工单",  Intent::tickets,      A::none, "question implicit"},
    {"有多少工单",    Intent::tickets,      A::none, "question implicit"},
    {"还有多少工单",  Intent::tickets,      A::none, "question implicit"},
    {"有几个工单没处理", Intent::tickets,   A::none, "question implicit"},
    {"还有几个工单没处理", Intent::tickets, A::none, "question implicit"},
    {"有多少工单没处理", Intent::tickets,   A::none, "question implicit"},
    {"还有多少工单没处理", Intent::tickets, A::none, "question implicit"},
    {"有几个工单没办结", Intent::tickets,   A::none, "question implicit"},
    {"还有几个工单没办结", Intent::tickets, A::none, "question implicit"},
    {"有多少工单没办结", Intent::tickets,   A::none, "question implicit"},
    {"还有多少工单没办结", Intent::tickets, A::none, "question implicit"},
    {"哪些工单没处理", Intent::tickets,     A::none, "question implicit"},
    {"还有哪些工单",  Intent::tickets,      A::none, "question implicit"},
    // The wishes waiting for a neighbour, for anyone to see (an exploratory run, 2026-12-05: these
    // opened wishes titled 列表 that paged a leader).
    {"微心愿列表",    Intent::tickets,      A::none,              "wishes"},
    {"心愿列表",      Intent::tickets,      A::none,              "wishes"},
    {"微心愿有哪些",  Intent::tickets,      A::none,              "wishes"},
    {"心愿有哪些",    Intent::tickets,      A::none,              "wishes"},
    {"有哪些微心愿",  Intent::tickets,      A::none,              "wishes"},
    {"有什么微心愿",  Intent::tickets,      A::none,              "wishes"},
    {"查看微心愿",    Intent::tickets,      A::none,              "wishes"},
    {"微心愿在哪看",  Intent::tickets,      A::none,              "wishes"},
    {"点单列表",      Intent::tickets,      A::none},
    {"微心愿认领",    Intent::claim,        A::ticket},
    {"心愿认领",      Intent::claim,        A::ticket},
    {"待办工单",      Intent::tickets,      A::none},
    {"统计",          Intent::stats,        A::month},
    {"报表",          Intent::stats,        A::month},
    {"月报",          Intent::stats,        A::month},
    {"月报表",        Intent::stats,        A::month},
    {"绑定",          Intent::bind,         A::place},
    {"解绑",          Intent::unbind,       A::none},
    {"解除绑定",      Intent::unbind,       A::none},
    {"帮助",          Intent::help,         A::none},
    // How points are earned and kept, asked (a review of month end, 2026-12-06: "心愿积分怎么算的"
    // opened a 微心愿 that climbed the levels). The help handler answers it with the rules.
    {"积分怎么算",    Intent::help,         A::none,              "points_rules"},
    {"积分怎么来",    Intent::help,         A::none,              "points_rules"},
    {"积分怎么得",    Intent::help,         A::none,              "points_rules"},
    {"积分怎么赚",    Intent::help,         A::none,              "points_rules"},
    {"积分怎么挣",    Intent::help,         A::none,              "points_rules"},
    {"积分规则",      Intent::help,         A::none,              "points_rules"},
    {"积分会清零",    Intent::help,         A::none,              "points_rules"},
    {"积分清零",      Intent::help,         A::none,              "points_rules"},
    {"积分会过期",    Intent::help,         A::none,              "points_rules"},
    {"积分过期",      Intent::help,         A::none,              "points_rules"},
    {"怎么赚积分",    Intent::help,         A::none,              "points_rules"},
    {"怎么挣积分",    Intent::help,         A::none,              "points_rules"},
    {"怎么得积分",    Intent::help,         A::none,              "points_rules"},
    {"怎么攒积分",    Intent::help,         A::none,              "points_rules"},
    {"心愿积分",      Intent::help,         A::none,              "points_rules"},
    {"微心愿积分",    Intent::help,         A::none,              "points_rules"},
    {"微心愿有积分",  Intent::help,         A::none,              "points_rules"},
    {"心愿有积分",    Intent::help,         A::none,              "points_rules"},
    {"上个月的积分还算", Intent::help,      A::none,              "points_rules"},
    // Telegram's own commands, sent by every client on first contact (/start) or from its menu.
    {"/start",        Intent::help,         A::none},
    {"/help",         Intent::help,         A::none},
    {"菜单",          Intent::help,         A::none},
    {"选单",          Intent::help,         A::none},
    {"命令",          Intent::help,         A::none},
    {"指令",          Intent::help,         A::none},
    {"使用说明",      Intent::help,         A::none},
    {"怎么用",        Intent::help,         A::none},
    {"help",          Intent::help,         A::none},
    // A lone "？" in a group reacts to a neighbour's message: the menu only when said to the bot.
    {"?",             Intent::help,         A::none,              "implicit"},
});

constexpr auto kWrappers = std::to_array<std::string_view>({
    "嗯那个", "那个", "嗯嗯", "嗯", "额", "呃", "就是", "喂",
    // A sigh before the complaint ("哎 我要投诉 楼下饭店油烟太大", by voice).
    "哎呀", "哎哟", "哎", "唉",
    "我想要", "我要", "我想", "我也要", "我也想", "我也", "我来", "想", "要",
    "帮我", "帮忙", "麻烦你", "麻烦", "请帮我", "请", "您好", "你好", "现在", "我现在",
    "查一下", "查下", "查查", "查看", "看一下", "看看", "看下", "问一下", "问下",
    // An acknowledgement before the answer ("收到，我来", "好的报到"): alone they stay chatter.
    "收到", "好的", "好嘞", "好哒", "OK", "ok",
    // "/积分", "/报到 12": a command typed the way Telegram's are.
    "/",
    // "临时有事去不了了": the reason before the withdrawal.
    "临时有事", "家里有事",
    "我",
});

// Right after a command word: it told of something done or suggested ("结束了", "吹哨吧").
constexpr auto kDoneMarkers = std::to_array<std::string_view>({"了", "过", "啦", "完了", "好了", "吧"});

// Right after a command word: it is the subject or part of a noun, not a request ("报修的师傅来了",
// "派单太慢了", "办结率多少", "投诉有用吗", "吹哨时间").
constexpr auto kAboutMarkers = std::to_array<std::string_view>({
    "的", "得", "是", "太", "很", "挺", "真", "有用", "没用", "成功", "失败", "给谁", "怎么", "什么",
    "时间", "电话", "热线", "流程", "规则", "记录", "方式", "方法", "信息", "制度", "机制", "系统", "功能",
    "中心", "清单", "服务", "人员", "做法", "工作", "率", "券", "码", "栏", "墙", "单在", "无门", "时限",
    "小程序", "渠道", "要钱", "征集", "给", "中", "以后", "之后", "以前", "不了",
});

constexpr auto kSaidWhenDone =
    std::to_array<Intent>({Intent::report_in, Intent::withdraw, Intent::check_in, Intent::check_out});

constexpr auto kSofteners = std::to_array<std::string_view>({"一下", "一个问题", "个问题", "个事", "件事"});

constexpr auto kEveryone = std::to_array<std::string_view>({"所有人", "全体成员", "全体", "all", "everyone"});

constexpr auto kPersonMarkers = std::to_array<std::string_view>({"给", "为", "帮"});

constexpr auto kReferenceNouns = std::to_array<std::string_view>({"任务", "活动"});

constexpr auto kNumberedThings = std::to_array<std::string_view>({
    "楼", "栋", "幢", "单元", "院", "门", "床", "房", "室", "线", "车", "口", "铺", "店", "地", "柜", "窗", "机", "馆"});

constexpr auto kEachWords = std::to_array<std::string_view>({"各", "每人"});

constexpr auto kCodeLabels = std::to_array<std::string_view>({"签到码", "验证码", "码"});

// Longest first: "改为" before "为".
constexpr auto kEditJoiners =
    std::to_array<std::string_view>({"调整为", "调整到", "改为", "改成", "改到", "变成", "为", "到", "成", "是"});

constexpr auto kBrackets = std::to_array<std::pair<std::string_view, std::string_view>>(
    {{"【", "】"}, {"[", "]"}, {"「", "」"}, {"〔", "〕"}, {"《", "》"}});

constexpr auto kDangerWords = std::to_array<std::string_view>({
    "着火", "起火", "失火", "火灾", "冒烟", "冒黑烟", "烧起来",
    "煤气泄漏", "燃气泄漏", "煤气漏", "燃气漏", "煤气味", "燃气味", "天然气味",
    "有人晕倒", "晕倒了", "昏倒", "有人受伤", "流了很多血", "救命",
    "打架", "持刀", "拿刀", "砍人", "溺水", "落水", "触电", "坠楼", "跳楼",
    "电梯困人", "被困电梯", "困在电梯", "天然气泄漏", "天然气漏", "煤气中毒", "一氧化碳中毒", "爆炸",
    "打群架", "群殴", "煤气罐漏气", "燃气漏气", "煤气漏气", "漏煤气", "漏燃气", "煤气好像漏", "燃气好像漏",
    "掉水里", "掉河里", "冒火花", "起不来了", "摔倒了起不来",
    // As people write them (an exploratory run, 2026-12-05): 泄露 beside 泄漏, a lift that 关人, a fall
    // or a heart attack at home, a call for an ambulance, a burglar, thick smoke.
    "煤气泄露", "燃气泄露", "天然气泄露", "瓦斯泄漏", "瓦斯泄露", "瓦斯外泄", "煤气外泄", "燃气外泄",
    "有人被困", "电梯关人", "电梯卡人", "关在电梯", "卡在电梯",
    "老人摔倒", "老伴摔倒", "老人跌倒", "老伴跌倒", "摔倒在地", "晕过去", "心脏病发", "突发心脏病",
    "心梗", "不省人事", "没有呼吸", "没呼吸了", "没了意识", "失去意识",
    "叫120", "打120", "叫救护车", "快叫救护车", "进贼", "入室盗窃", "有人撬门", "浓烟", "楼道有烟",
    "楼道里有烟", "屋里有烟", "家里有烟", "需要送医院", "要送医院", "快送医院", "得送医院",
    // Told the way an old neighbour tells it by voice (an exploratory run, 2026-12-05): someone shut
    // in a lift, a fall with no getting up, a stroke's signs, a burning smell, a gas cooker that will
    // not shut, a fight, someone on a roof's edge, tiles falling on people.
    // Each tied to a person or a danger: "钥匙卡在里面", "垃圾倒在地上", "冷得爬不起来", "感动得说不
    // 出话", "楼顶有人晒被子" are talk (the review of 2026-12-05).
    "里面好像有人", "有人在里面喊", "里面有人喊", "人困在里面", "人被关在里面", "人卡在里面",
    // Not "电梯里有人" alone: "电梯里有人抽烟" is a nuisance, not someone shut in (2026-12-06).
    "电梯里有人出不来", "人在电梯里出不来", "电梯里有人喊", "电梯里有人呼救", "摔了一跤爬不起来", "摔了爬不起来", "摔倒了爬不起来", "人倒在地上", "老人倒在地上",
    "躺在地上不动", "心口疼得厉害", "胸口疼得厉害", "突然说不出话", "嘴也歪了", "嘴歪了", "半边身子不能动",
    "烧焦的味道", "烧焦味", "焦糊味", "像煤气", "像燃气", "像天然气", "煤气灶关不", "燃气灶关不",
    "煤气关不", "燃气关不", "打起来了", "站在楼顶边", "楼顶边上有人", "楼顶有个人站", "砸到人", "砸伤",
    "高空坠物", "掉下来砸",
});

// Words that make a danger word talk about danger rather than report it: a drill, the news, a class.
constexpr auto kDangerNegators = std::to_array<std::string_view>({
    "演习", "演练", "模拟", "电视", "新闻", "消防知识", "安全知识", "讲座", "培训", "宣传",
    "教育", "禁止", "防止", "报警器", "如果", "的话", "上次", "哈哈", "笑晕", "我都晕", "我晕倒了", "要晕倒了",
    "心里着火", "违法", "打不着火", "点不着火",
    // A story or a lesson, and a scare already over (an exploratory run's chatter, 2026-12-05).
    "电影", "剧里", "视频里", "小说", "课上", "课堂", "学校学", "没事了",
});

// Words that begin with a command word but are ordinary nouns and idioms: "吹哨人" is a
// whistleblower, "投诉电话是多少" a question, "兑换券在哪" about a coupon.
constexpr auto kNotCommands = std::to_array<std::string_view>({
    "吹哨人", "吹哨子", "吹哨声", "吹哨报到", "吹哨助手", "投诉电话", "报修电话", "求助电话", "求助无门", "反映情况的",
    "兑换券", "兑换码", "兑换点", "兑换处", "兑换的", "派单员", "派单的", "心愿单", "心愿墙", "心愿达成",
    "点单的", "评价一下这", "评价这", "绑定的", "上架的", "统计局", "统计表", "活动室", "活动中心",
    "报到处", "报到中心", "签到表", "签到处", "签到簿", "报名表", "报名处", "积分卡", "积分制",
    "投诉信", "报修单", "微心愿活动", "心愿实现", "微心愿已实现", "派单记录",
    "保修期", "保修卡", "保修单", "保修范围", "保修费", "保修服务", "保修几年", "保修多久", "保修一年", "保修一个",
    "保修两", "保修二", "保修三", "保修半", "保修到", "保修过", "保修吗", "保修找", "保修的",
});

// Endings of a question put to the others in the chat: "绑定银行卡了吗".
constexpr auto kQuestionEndings = std::to_array<std::string_view>(
    {"吗", "么", "嘛", "了", "呢", "啊", "吧", "哪些", "怎么弄", "怎么办", "多少", "什么"});

// Endings that make a ticket glued to its verb a question or a suggestion to the others: "报修要钱吗",
// "点单外卖吧" ("报修水管漏了" ends in 了 and is a ticket).
constexpr auto kAskingEndings = std::to_array<std::string_view>({"吗", "么", "嘛", "吧", "呢"});

// Words that make free words a question wherever they stand: "兑换大米要多少积分", "兑换哪个划算".
constexpr auto kQuestionWords =
    std::to_array<std::string_view>({"多少", "哪个", "哪些", "还是", "什么", "怎么", "谁", "几个", "几时"});

// A 接龙 under one of these headers counts goods, answers or money, not volunteers — whatever else
// the header says ("志愿者年终聚餐接龙", "接龙2 团购砂糖橘"): purchases, surveys, meals and polls.
constexpr auto kNotSignUpLists = std::to_array<std::string_view>({"团购", "拼单", "统计", "调查", "订购", "订餐",
                                                                  "AA", "吃饭", "聚餐", "买", "投票", "选项", "表决"});
// Residents' own lists (an exploratory run, 2026-12-06: each took a task's places): their check-ups,
// vaccinations, choir. The same topics are volunteers' duties ("疫苗接种点秩序维护志愿者接龙", "老年体检
// 引导接龙"), so a header that names a task or its volunteers makes the list a sign-up again.
constexpr auto kResidentsOwnLists =
    std::to_array<std::string_view>({"体检", "疫苗", "合唱", "预约", "排练"});
constexpr auto kVolunteerListWords =
    std::to_array<std::string_view>({"志愿", "义工", "引导", "秩序", "维护", "服务", "帮忙"});

constexpr auto kBroadcastWords = std::to_array<std::string_view>({"全网格", "下发"});

constexpr auto kAssigneePrefixes = std::to_array<std::string_view>({"交给", "转给", "派给", "给", "转", "由"});

constexpr auto kScoreWords = std::to_array<ScoreWord>({
    {"非常不满意", 1}, {"五星好评", 5}, {"非常满意", 5}, {"十分满意", 5}, {"基本满意", 4}, {"比较满意", 4},
    {"很不满意", 1},   {"不太满意", 2}, {"不满意", 1},   {"很满意", 5},   {"满意", 5},
    {"好评", 5},       {"满分", 5},     {"中评", 3},     {"差评", 1},     {"一般", 3},
    {"还行", 4},       {"还可以", 4},     {"挺满意", 4},     {"很好", 5},       {"挺好", 4},
    {"特别满意", 5},   {"太满意", 5},     {"超满意", 5},     {"不行", 2},
});

constexpr auto kFormLabels = std::to_array<FormLabel>({
    {"活动内容", FormSlot::title},   {"活动主题", FormSlot::title},  {"活动名称", FormSlot::title},   {"任务内容", FormSlot::title},
    {"任务名称", FormSlot::title},  {"服务内容", FormSlot::title},   {"事项", FormSlot::title},
    {"内容", FormSlot::title, true},      {"主题", FormSlot::title},       {"标题", FormSlot::title},
    {"名称", FormSlot::title},      {"活动", FormSlot::title, true},       {"任务", FormSlot::title, true},
    {"集合地点", FormSlot::place},  {"活动地点", FormSlot::place},   {"地点", FormSlot::place},
    {"地址", FormSlot::place},      {"位置", FormSlot::place, true},       {"需要人数", FormSlot::count},
    {"招募人数", FormSlot::count},  {"人数", FormSlot::count},       {"名额", FormSlot::count},
    {"活动时间", FormSlot::time},   {"集合时间", FormSlot::time},    {"时间", FormSlot::time},
    {"日期", FormSlot::time, true},       {"时长", FormSlot::minutes},     {"积分奖励", FormSlot::points},
    {"奖励积分", FormSlot::points}, {"积分", FormSlot::points},      {"奖励", FormSlot::points, true},
    {"要求", FormSlot::ignored, true},    {"备注", FormSlot::ignored},     {"说明", FormSlot::ignored, true},
    {"联系人", FormSlot::ignored},  {"注意事项", FormSlot::ignored}, {"报名方式", FormSlot::ignored},
});
// clang-format on

template <typename Array>
void sort_longest_first(Array& array) {
  std::stable_sort(array.begin(), array.end(),
                   [](const auto& a, const auto& b) { return a.label.size() > b.label.size(); });
}

char32_t ascii_lower_code_point(char32_t cp) {
  return cp >= U'A' && cp <= U'Z' ? cp - U'A' + U'a' : cp;
}

}  // namespace

std::span<const IntentRule> intent_rules() {
  return kRules;
}

std::span<const IntentRule* const> rules_by_first_character(std::string_view text) {
  // Every line is tried against the table several times (at its start, after a reference, after
  // each wrapper), so the rules are grouped once by their keyword's first character (ASCII letters
  // in lower case), longest keyword first, and a try looks only at the group its line starts with.
  static const auto groups = [] {
    std::unordered_map<char32_t, std::vector<const IntentRule*>> by_character;
    for (const IntentRule& rule : kRules) {
      by_character[ascii_lower_code_point(decode_utf8(rule.keyword, 0).value)].push_back(&rule);
    }
    for (auto& [character, group] : by_character) {
      std::stable_sort(group.begin(), group.end(), [](const IntentRule* a, const IntentRule* b) {
        return a->keyword.size() > b->keyword.size();
      });
    }
    return by_character;
  }();
  if (text.empty()) return {};
  const auto group = groups.find(ascii_lower_code_point(decode_utf8(text, 0).value));
  if (group == groups.end()) return {};
  return group->second;
}

std::vector<const IntentRule*> rules_starting(std::string_view text) {
  std::vector<const IntentRule*> found;
  for (const IntentRule* rule : rules_by_first_character(text)) {
    if (starts_with_at(text, 0, rule->keyword)) found.push_back(rule);
  }
  return found;
}

std::string_view without_wrappers(std::string_view text) {
  // As the parser reads past them: at most three, the longest first ("请帮我撤销核销", "麻烦 删除 2").
  for (int left = 3; left > 0; --left) {
    text = trim_spaces(text);
    std::string_view longest;
    for (const std::string_view wrapper : kWrappers) {
      if (wrapper.size() > longest.size() && text.starts_with(wrapper)) longest = wrapper;
    }
    if (longest.empty()) break;
    text.remove_prefix(longest.size());
  }
  return trim_spaces(text);
}

const Vocabulary& vocabulary() {
  static const Vocabulary words{.wrappers = kWrappers,
                                .softeners = kSofteners,
                                .everyone = kEveryone,
                                .person_markers = kPersonMarkers,
                                .reference_nouns = kReferenceNouns,
                                .numbered_things = kNumberedThings,
                                .each_words = kEachWords,
                                .code_labels = kCodeLabels,
                                .edit_joiners = kEditJoiners,
                                .brackets = kBrackets,
                                .danger_words = kDangerWords,
                                .not_commands = kNotCommands,
                                .question_endings = kQuestionEndings,
                                .broadcast_words = kBroadcastWords,
                                .assignee_prefixes = kAssigneePrefixes,
                                .asking_endings = kAskingEndings,
                                .question_words = kQuestionWords,
                                .not_sign_up_lists = kNotSignUpLists,
                                .residents_own_lists = kResidentsOwnLists,
                                .volunteer_list_words = kVolunteerListWords,
                                .done_markers = kDoneMarkers,
                                .about_markers = kAboutMarkers,
                                .said_when_done = kSaidWhenDone};
  return words;
}

namespace {

// The words of `list` whose first character is `text`'s, longest first.
std::span<const std::string_view> candidates(IndexedWords list, std::string_view text) {
  using Index = std::unordered_map<char32_t, std::vector<std::string_view>>;
  static const std::array<Index, 3> indexes = [] {
    std::array<Index, 3> built;
    const std::array<std::span<const std::string_view>, 3> lists = {kWrappers, kNotCommands, kAboutMarkers};
    for (std::size_t i = 0; i < lists.size(); ++i) {
      for (const std::string_view word : lists[i]) {
        built[i][ascii_lower_code_point(decode_utf8(word, 0).value)].push_back(word);
      }
      for (auto& [character, words] : built[i]) {
        std::stable_sort(words.begin(), words.end(),
                         [](std::string_view a, std::string_view b) { return a.size() > b.size(); });
      }
    }
    return built;
  }();
  if (text.empty()) return {};
  const Index& index = indexes[static_cast<std::size_t>(list)];
  const auto words = index.find(ascii_lower_code_point(decode_utf8(text, 0).value));
  if (words == index.end()) return {};
  return words->second;
}

}  // namespace

std::vector<std::string_view> words_starting(IndexedWords list, std::string_view text) {
  std::vector<std::string_view> found;
  for (const std::string_view word : candidates(list, text)) {
    if (starts_with_at(text, 0, word)) found.push_back(word);
  }
  return found;
}

bool starts_with_any(IndexedWords list, std::string_view text) {
  for (const std::string_view word : candidates(list, text)) {
    if (starts_with_at(text, 0, word)) return true;
  }
  return false;
}

bool contains_danger_word(std::string_view text) {
  return danger_word_in(text).has_value();
}

std::optional<std::string_view> danger_word_in(std::string_view text) {
  if (denies_danger(text)) return std::nullopt;
  // A scan per word (memmem) beats a lookup per character here: the lists are short.
  for (std::string_view word : kDangerWords) {
    if (text.find(word) != std::string_view::npos) return word;
  }
  return std::nullopt;
}

bool denies_danger(std::string_view text) {
  const auto contains = [text](std::string_view word) { return text.find(word) != std::string_view::npos; };
  return std::any_of(kDangerNegators.begin(), kDangerNegators.end(), contains);
}

std::span<const ScoreWord> score_words() {
  return kScoreWords;
}

std::span<const FormLabel> form_labels() {
  static const auto sorted = [] {
    auto labels = kFormLabels;
    sort_longest_first(labels);
    return labels;
  }();
  return sorted;
}

}  // namespace whistle::language
