#include <array>

#include "handlers/language/intent_rule_families.hpp"

namespace whistle::language {

namespace {

using A = Arguments;

// Points and rewards: balances, rankings and the monthly 公示, adjustments, the catalog,
// redemptions and the service center's pickups.
// clang-format off
constexpr auto kPointsRules = std::to_array<IntentRule>({
    // keyword        intent                arguments             extra
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
    // Hours asked in one's own words (the same run).
    {"我这个月干了几个小时", Intent::points, A::people},
    {"这个月干了几个小时", Intent::points,  A::people},
    {"我干了几个小时", Intent::points,      A::people},
    {"我干了多少小时", Intent::points,      A::people},
    {"我服务了几个小时", Intent::points,    A::people},
    {"服务了几个小时", Intent::points,      A::people},
    // Why points went up or down: the entries (积分明细), read when 分 is said or nothing more.
    {"怎么扣了",      Intent::points,       A::none,              "entries"},
    {"怎么扣我",      Intent::points,       A::none,              "entries"},
    {"为什么扣",      Intent::points,       A::none,              "entries"},
    {"为啥扣",        Intent::points,       A::none,              "entries"},
    {"怎么给我扣",    Intent::points,       A::none,              "entries"},
    {"为什么给我扣",  Intent::points,       A::none,              "entries"},
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
    // "积分 排行" (an exploratory run of people changing, 2026-12-07: silence).
    {"积分 排行",     Intent::ranking,      A::month},
    {"积分 排名",     Intent::ranking,      A::month},
    {"积分排名",      Intent::ranking,      A::month},
    {"积分榜",        Intent::ranking,      A::month},
    {"积分排行榜",    Intent::ranking,      A::month},
    {"我排第几名",    Intent::ranking,      A::month},
    // As people ask it (an exploratory run of a month's points, 2026-12-07: 没看懂). "第几名" alone
    // is a race's or an exam's; with 我 or 排 before it, the ranking's.
    {"排第几",        Intent::ranking,      A::month},
    {"排第几名",      Intent::ranking,      A::month},
    {"我第几名",      Intent::ranking,      A::month},
    {"排名多少",      Intent::ranking,      A::month},
    {"我排名多少",    Intent::ranking,      A::month},
    {"我的排名多少",  Intent::ranking,      A::month},
    {"我的排名是多少", Intent::ranking,     A::month},
    // A year's ranking (an exploratory run of the turn of the year, stop 66: 没看懂).
    {"年度排名",      Intent::ranking,      A::month,             "year"},
    {"年度排行",      Intent::ranking,      A::month,             "year"},
    {"年度积分排名",  Intent::ranking,      A::month,             "year"},
    {"年度积分排行",  Intent::ranking,      A::month,             "year"},
    {"全年排名",      Intent::ranking,      A::month,             "year"},
    {"全年排行",      Intent::ranking,      A::month,             "year"},
    {"全年积分排名",  Intent::ranking,      A::month,             "year"},
    {"年终排名",      Intent::ranking,      A::month,             "year"},
    {"公示",          Intent::ranking,      A::month,             "publish"},
    {"积分公示",      Intent::ranking,      A::month,             "publish"},
    {"发布公示",      Intent::ranking,      A::month,             "publish"},
    {"发公示",        Intent::ranking,      A::month,             "publish"},
    {"发一下公示",    Intent::ranking,      A::month,             "publish"},
    {"公示发一下",    Intent::ranking,      A::month,             "publish"},
    // As residents ask for it (an exploratory run of a snow day, 2026-12-07: silence).
    {"积分公示发一下", Intent::ranking,     A::month,             "publish"},
    {"发一下积分公示", Intent::ranking,     A::month,             "publish"},
    {"发积分公示",    Intent::ranking,      A::month,             "publish"},
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
    // How the levels compare, as leaders ask it (an exploratory run of a campaign, 2026-12-06:
    // silence): the chat's ranking, which compares the levels below it.
    {"哪个单元最积极", Intent::ranking,     A::month},
    {"哪个楼栋最积极", Intent::ranking,     A::month},
    {"哪个网格最积极", Intent::ranking,     A::month},
    {"各单元积分排名", Intent::ranking,     A::month},
    {"各楼栋积分排名", Intent::ranking,     A::month},
    {"单元评比",      Intent::ranking,      A::month},
    {"楼栋评比",      Intent::ranking,      A::month},
    {"网格评比",      Intent::ranking,      A::month},
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
    // a line is a coupon's or a game's, kNotCommands in intent_words.cpp; "我的兑换码" is ours.)
    {"我的兑换码",    Intent::catalog,      A::none},
    {"我的兑换码是多少", Intent::catalog,   A::none},
    {"取货码忘了",    Intent::catalog,      A::none},
    // At the counter, as people ask (the same run): "码是多少来着", "我的取货码是多少". Among neighbours
    // ("码忘了" of a door's or a phone's code) they are theirs (a final read, 2026-12-07).
    {"码是多少",      Intent::catalog,      A::none, "implicit"},
    {"码忘了",        Intent::catalog,      A::none, "implicit"},
    {"我的码",        Intent::catalog,      A::none, "implicit"},
    {"我的码是多少",  Intent::catalog,      A::none, "implicit"},
    {"我的取货码是多少", Intent::catalog,   A::none, "implicit"},
    {"我的兑换记录",  Intent::catalog,      A::none, "implicit"},
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
    // Staff's "已领取 RMH7": the pickup, as they say it (the same run: silence, and nothing recorded).
    {"已领取",        Intent::pickup,       A::code,              "required"},
    {"已领",          Intent::pickup,       A::code,              "required"},
    {"取货码",        Intent::pickup,       A::code,              "required"},
});
// clang-format on

}  // namespace

std::span<const IntentRule> points_rules() {
  return kPointsRules;
}

}  // namespace whistle::language
