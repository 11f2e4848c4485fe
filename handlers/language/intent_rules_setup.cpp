#include <array>

#include "handlers/language/intent_rule_families.hpp"

namespace whistle::language {

namespace {

using A = Arguments;

// Figures, binding a group to its place, and help.
// clang-format off
constexpr auto kSetupAndHelpRules = std::to_array<IntentRule>({
    // keyword        intent                arguments             extra
    {"统计",          Intent::stats,        A::month},
    // A year's figures, for a 年终总结 (an exploratory run of the turn of the year, stop 66: 没看懂).
    {"年度统计",      Intent::stats,        A::month,             "year"},
    {"全年统计",      Intent::stats,        A::month,             "year"},
    {"年终统计",      Intent::stats,        A::month,             "year"},
    {"年终总结",      Intent::stats,        A::month,             "year"},
    {"年度总结",      Intent::stats,        A::month,             "year"},
    {"年度报表",      Intent::stats,        A::month,             "year"},
    {"全年报表",      Intent::stats,        A::month,             "year"},
    {"报表",          Intent::stats,        A::month},
    {"月报",          Intent::stats,        A::month},
    {"月报表",        Intent::stats,        A::month},
    // "各楼栋报名情况": the open tasks' sign-ups per place of the level, else the level's figures (the
    // same run; the per-place counts since stop 66). "哪些楼还没人报名": the places with none.
    {"各单元报名情况", Intent::stats,       A::month,             "per_level 3"},
    {"各楼栋报名情况", Intent::stats,       A::month,             "per_level 2"},
    {"各楼报名情况",  Intent::stats,        A::month,             "per_level 2"},
    {"各网格报名情况", Intent::stats,       A::month,             "per_level 1"},
    {"哪些楼还没人报名", Intent::stats,     A::month,             "missing 2"},
    {"哪些楼没人报名", Intent::stats,       A::month,             "missing 2"},
    {"哪些楼栋还没人报名", Intent::stats,   A::month,             "missing 2"},
    {"哪些楼栋没人报名", Intent::stats,     A::month,             "missing 2"},
    {"哪个楼还没人报名", Intent::stats,     A::month,             "missing 2"},
    {"哪些单元还没人报名", Intent::stats,   A::month,             "missing 3"},
    {"哪些单元没人报名", Intent::stats,     A::month,             "missing 3"},
    {"哪个单元还没人报名", Intent::stats,   A::month,             "missing 3"},
    {"哪些网格还没人报名", Intent::stats,   A::month,             "missing 1"},
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
    // At the turn of the year (an exploratory run, stop 66: 没看懂 but for "积分会清零吗").
    {"积分年底会清零", Intent::help,        A::none,              "points_rules"},
    {"积分年底清零",  Intent::help,         A::none,              "points_rules"},
    {"积分是不是每年清零", Intent::help,    A::none,              "points_rules"},
    {"积分每年清零",  Intent::help,         A::none,              "points_rules"},
    {"积分每年都清零", Intent::help,        A::none,              "points_rules"},
    {"积分过年清零",  Intent::help,         A::none,              "points_rules"},
    {"积分过年会清零", Intent::help,        A::none,              "points_rules"},
    {"积分要不要年底前用掉", Intent::help,  A::none,              "points_rules"},
    {"积分年底前要用掉", Intent::help,      A::none,              "points_rules"},
    {"积分要年底前用掉", Intent::help,      A::none,              "points_rules"},
    {"积分有效期",    Intent::help,         A::none,              "points_rules"},
    {"积分有有效期",  Intent::help,         A::none,              "points_rules"},
    {"积分有没有有效期", Intent::help,      A::none,              "points_rules"},
    {"积分明年还能用", Intent::help,        A::none,              "points_rules"},
    {"积分明年还有效", Intent::help,        A::none,              "points_rules"},
    {"积分过了年还能用", Intent::help,      A::none,              "points_rules"},
    {"去年的积分还能用", Intent::help,      A::none,              "points_rules"},
    {"去年的积分还算", Intent::help,        A::none,              "points_rules"},
    {"今年的积分明年还能用", Intent::help,  A::none,              "points_rules"},
    {"积分年底前要换掉", Intent::help,      A::none,              "points_rules"},
    {"积分要在年底前换", Intent::help,      A::none,              "points_rules"},
    {"年底前还能兑换", Intent::help,        A::none,              "points_rules"},
    {"过了年还能兑换", Intent::help,        A::none,              "points_rules"},
    {"过了年还能换",  Intent::help,         A::none,              "points_rules"},
    // How to become a volunteer (an exploratory run of roles changing, 2026-12-06: "我想当志愿者"
    // was offered 「积分」). After a wrapper ("我想", "我也想") the rest leads.
    {"当志愿者",      Intent::help,         A::none,              "volunteering"},
    {"成为志愿者",    Intent::help,         A::none,              "volunteering"},
    {"加入志愿者",    Intent::help,         A::none,              "volunteering"},
    {"做志愿者",      Intent::help,         A::none,              "volunteering"},
    {"能当志愿者",    Intent::help,         A::none,              "volunteering"},
    {"可以当志愿者",  Intent::help,         A::none,              "volunteering"},
    {"怎么当志愿者",  Intent::help,         A::none,              "volunteering"},
    {"怎么成为志愿者", Intent::help,        A::none,              "volunteering"},
    {"如何成为志愿者", Intent::help,        A::none,              "volunteering"},
    {"怎么加入志愿者", Intent::help,        A::none,              "volunteering"},
    {"怎么做志愿者",  Intent::help,         A::none,              "volunteering"},
    {"志愿者怎么报名", Intent::help,        A::none,              "volunteering"},
    {"怎么报名志愿者", Intent::help,        A::none,              "volunteering"},
    // Telegram's own commands, sent by every client on first contact (/start) or from its menu.
    {"/start",        Intent::help,         A::none},
    {"/help",         Intent::help,         A::none},
    {"菜单",          Intent::help,         A::none},
    {"选单",          Intent::help,         A::none},
    {"命令",          Intent::help,         A::none},
    {"指令",          Intent::help,         A::none},
    {"使用说明",      Intent::help,         A::none},
    {"怎么用",        Intent::help,         A::none},
    // What the bot can do, asked of it (an exploratory run of newcomers, 2026-12-06: 没看懂 with
    // unrelated suggestions). Between neighbours "你能干什么" is no question to the bot: only when
    // said to it.
    {"你能干什么",    Intent::help,         A::none,              "implicit"},
    {"你能做什么",    Intent::help,         A::none,              "implicit"},
    {"你都能干什么",  Intent::help,         A::none,              "implicit"},
    {"你都能做什么",  Intent::help,         A::none,              "implicit"},
    {"你会干什么",    Intent::help,         A::none,              "implicit"},
    {"你会做什么",    Intent::help,         A::none,              "implicit"},
    {"你有什么功能",  Intent::help,         A::none,              "implicit"},
    {"这个机器人怎么用", Intent::help,      A::none,              "implicit"},
    {"help",          Intent::help,         A::none},
    // A lone "？" in a group reacts to a neighbour's message: the menu only when said to the bot.
    {"?",             Intent::help,         A::none,              "implicit"},
});
// clang-format on

}  // namespace

std::span<const IntentRule> setup_and_help_rules() {
  return kSetupAndHelpRules;
}

}  // namespace whistle::language
