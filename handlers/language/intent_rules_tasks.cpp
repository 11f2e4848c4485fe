#include <array>

#include "handlers/language/intent_rule_families.hpp"

namespace whistle::language {

namespace {

using A = Arguments;

// The volunteers' loop: a whistle, reporting in and withdrawing, edits, questions about tasks,
// check-in and check-out, confirmation, a task's end and its calling off.
// clang-format off
constexpr auto kTaskRules = std::to_array<IntentRule>({
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
    // A leader signing up someone without a phone (the handler refuses anyone else).
    {"代报",          Intent::report_in,    A::task_people,       "on_behalf"},
    {"代报名",        Intent::report_in,    A::task_people,       "on_behalf"},
    {"代为报名",      Intent::report_in,    A::task_people,       "on_behalf"},
    {"1",             Intent::report_in,    A::whole_line,        "implicit"},
    {"+1",            Intent::report_in,    A::whole_line,        "implicit"},
    {"我来",          Intent::report_in,    A::whole_line,        "implicit"},
    {"我报名",        Intent::report_in,    A::whole_line,        "implicit"},
    {"我报个名",      Intent::report_in,    A::whole_line,        "implicit"},
    {"我参加",        Intent::report_in,    A::whole_line,        "implicit"},
    {"我也来",        Intent::report_in,    A::whole_line,        "implicit"},
    {"我也报名",      Intent::report_in,    A::whole_line,        "implicit"},
    // As young people type it (an exploratory run of the winter holiday, stop 69: silence).
    {"报名报名",      Intent::report_in,    A::whole_line,        "implicit"},
    {"俺也报名",      Intent::report_in,    A::whole_line,        "implicit"},
    {"俺报名",        Intent::report_in,    A::whole_line,        "implicit"},
    {"加我一个",      Intent::report_in,    A::whole_line,        "implicit"},
    {"算我一个",      Intent::report_in,    A::whole_line,        "implicit"},
    // "还没人报名吗？我报一个" (stop 61's review: shown the list, not signed up).
    {"我报一个",      Intent::report_in,    A::whole_line,        "implicit"},
    {"我也报一个",    Intent::report_in,    A::whole_line,        "implicit"},
    // "我能参加", "加1", "已报名" (a regression hunt of the volunteer loop, 2026-12-07: silence, and the
    // volunteer believed they were signed up). Not "我可以" nor a bare 可以: they answer a neighbour's
    // "谁家有梯子" as often (a review, 2026-12-07: the task filled up with them).
    {"我能参加",      Intent::report_in,    A::whole_line,        "implicit"},
    {"我可以参加",    Intent::report_in,    A::whole_line,        "implicit"},
    {"我也参加",      Intent::report_in,    A::whole_line,        "implicit"},
    {"加1",           Intent::report_in,    A::whole_line,        "implicit"},
    {"已报名",        Intent::report_in,    A::whole_line,        "implicit"},
    // "我已经报名了" from someone not on the list believes they are (an exploratory run of how people
    // type, stop 68: silence); it is their sign-up, and for someone on it the answer says so.
    // Said of oneself only: a bare "已经报名了" answers "刘阿姨报上名了吗" as often (a review of stop 68).
    {"我已经报名了",  Intent::report_in,    A::whole_line,        "implicit"},
    {"我已经报名",    Intent::report_in,    A::whole_line,        "implicit"},
    {"我以经报名了",  Intent::report_in,    A::whole_line,        "implicit"},
    {"我已经报过名了", Intent::report_in,   A::whole_line,        "implicit"},
    // Two going together (an exploratory run of an urgent night, 2026-12-06: silence). The sender's
    // place only: the handler asks the other to report in themselves.
    {"我和老伴一起去", Intent::report_in,   A::whole_line,        "implicit"},
    {"我和老伴都去",  Intent::report_in,    A::whole_line,        "implicit"},
    {"我和老伴两个人都去", Intent::report_in, A::whole_line,      "implicit"},
    {"我和老伴两个都去", Intent::report_in, A::whole_line,        "implicit"},
    {"我俩都去",      Intent::report_in,    A::whole_line,        "implicit"},
    {"我和老伴一起",  Intent::report_in,    A::whole_line,        "implicit"},
    {"我俩一起去",    Intent::report_in,    A::whole_line,        "implicit"},
    {"我们俩一起去",  Intent::report_in,    A::whole_line,        "implicit"},
    {"我们俩都去",    Intent::report_in,    A::whole_line,        "implicit"},
    // "取消报到 1 @张三": a leader freeing the place of someone who moved away (the handler decides).
    {"取消报到",      Intent::withdraw,     A::task_people},
    {"取消报名",      Intent::withdraw,     A::task_people},
    // Pinyin input offers 报道 first (an exploratory run of how people type, stop 68: silence).
    {"取消报道",      Intent::withdraw,     A::task_people},
    // 请假 and 打卡 are everyday words (a day off work, 健身打卡): bare, from someone with nothing to
    // leave or check in to, they are talk in a group, not a "you have nothing" answer.
    {"请假",          Intent::withdraw,     A::task,              "implicit"},
    // "我退出了" in a group is mostly about a game, a meeting or another group; a bare 退出 (in private,
    // from someone with one task) is the withdrawal.
    {"退出",          Intent::withdraw,     A::task,              "implicit"},
    {"不去了",        Intent::withdraw,     A::task,              "implicit"},
    {"去不了了",      Intent::withdraw,     A::task,              "implicit"},
    {"来不了了",      Intent::withdraw,     A::task,              "implicit"},
    // "我参加不了了", "不能去了", "请个假", "退出报名" (a regression hunt of the volunteer loop,
    // 2026-12-07: silence, and the volunteer was made 失约 while the waitlist never moved). The new
    // words stand alone (a reason before them is read: "有事不能去了"): "不能去了 太远了" answered a
    // neighbour's trip and withdrew her (a review, 2026-12-07).
    {"参加不了了",    Intent::withdraw,     A::whole_line,        "implicit"},
    {"参加不了",      Intent::withdraw,     A::whole_line,        "implicit"},
    {"去不成了",      Intent::withdraw,     A::whole_line,        "implicit"},
    {"来不成了",      Intent::withdraw,     A::whole_line,        "implicit"},
    {"不能去了",      Intent::withdraw,     A::whole_line,        "implicit"},
    {"不能来了",      Intent::withdraw,     A::whole_line,        "implicit"},
    {"不能参加了",    Intent::withdraw,     A::whole_line,        "implicit"},
    {"没法参加了",    Intent::withdraw,     A::whole_line,        "implicit"},
    {"没法去了",      Intent::withdraw,     A::whole_line,        "implicit"},
    {"不参加了",      Intent::withdraw,     A::whole_line,        "implicit"},
    {"请个假",        Intent::withdraw,     A::task,              "implicit"},
    {"退出报名",      Intent::withdraw,     A::task,              "implicit"},
    {"取消我的报名",  Intent::withdraw,     A::task,              "implicit"},
    {"取消我的报到",  Intent::withdraw,     A::task,              "implicit"},
    // The task named as a task is called off ("取消12号任务"); "取消 12" frees the sender's place.
    {"取消",          Intent::cancel,       A::task,              "named"},
    {"取消",          Intent::withdraw,     A::task_people,       "required"},
    {"修改",          Intent::edit,         A::edit},
    {"更改",          Intent::edit,         A::edit},
    {"改",            Intent::edit,         A::edit,              "required"},
    // A task already whistled, sent down to the groups below ("下发 1", "1号下发到各单元"): silence
    // before (an exploratory run of an urgent night, 2026-12-06).
    {"下发",          Intent::edit,         A::edit,              "relay"},
    // As leaders say it (an exploratory run of a campaign, 2026-12-06): "2号发到各单元群",
    // "转发到各单元群 2", "下发到各单元 2".
    {"发到各单元",    Intent::edit,         A::edit,              "relay"},
    {"发到各楼栋",    Intent::edit,         A::edit,              "relay"},
    {"发到各网格",    Intent::edit,         A::edit,              "relay"},
    {"转发到各单元",  Intent::edit,         A::edit,              "relay"},
    {"转发到各楼栋",  Intent::edit,         A::edit,              "relay"},
    {"转发到各网格",  Intent::edit,         A::edit,              "relay"},
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
    // Bare, of the chat's tasks ("报名情况" in the group of one: silence before, a snow day 2026-12-07).
    {"报名情况",      Intent::tasks,        A::task_question,     "asks"},
    {"报名人数",      Intent::tasks,        A::task_question,     "asks"},
    {"报名表",        Intent::tasks,        A::task_question,     "asks required"},
    {"报名的人",      Intent::tasks,        A::task_question,     "asks required"},
    {"有哪些人",      Intent::tasks,        A::task_question,     "asks required"},
    {"都有哪些人",    Intent::tasks,        A::task_question,     "asks required"},
    {"报名的都有谁",  Intent::tasks,        A::task_question,     "asks required"},
    {"谁报到了",      Intent::tasks,        A::task_question,     "asks required"},
    {"名单",          Intent::tasks,        A::task_question,     "asks required"},
    // "1号签到情况", "谁还没签到", "都到了吗": asked of who came, never a check-in of the asker (a
    // regression hunt of the volunteer loop, 2026-12-07: a leader signed up was checked in and paid).
    {"签到情况",      Intent::tasks,        A::task_question,     "asks"},
    {"签到人数",      Intent::tasks,        A::task_question,     "asks"},
    {"谁签到了",      Intent::tasks,        A::task_question,     "asks"},
    {"谁还没签到",    Intent::tasks,        A::task_question,     "asks"},
    {"谁没签到",      Intent::tasks,        A::task_question,     "asks"},
    // "1号还有谁没签到" (an exploratory run of the leaders' side, 2026-12-07: 没看懂).
    {"还有谁没签到",  Intent::tasks,        A::task_question,     "asks"},
    {"还有谁没到",    Intent::tasks,        A::task_question,     "asks"},
    {"谁还没到",      Intent::tasks,        A::task_question,     "asks"},
    {"都到了",        Intent::tasks,        A::task_question},
    {"到了几个",      Intent::tasks,        A::task_question,     "asks"},
    {"到了多少人",    Intent::tasks,        A::task_question,     "asks"},
    // "1号任务怎么样了": the task's state, after its number only (an exploratory run of people
    // changing, 2026-12-07: silence; "T1 怎么样了" is the ticket's progress).
    {"怎么样了",      Intent::tasks,        A::task_question,     "asks required"},
    {"咋样了",        Intent::tasks,        A::task_question,     "asks required"},
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
    // "还没人报名吗", "@吹哨 催一下大家报名": the group's tasks with what each still needs, which is
    // the call itself (a regression hunt of the volunteer loop, 2026-12-07: 没看懂, or a 催办 of the
    // asker's own report).
    {"还没人报名",    Intent::tasks,        A::task_question},
    {"没人报名",      Intent::tasks,        A::task_question},
    {"催一下大家报名", Intent::tasks,       A::none,              "implicit"},
    {"催大家报名",    Intent::tasks,        A::none,              "implicit"},
    {"催一下报名",    Intent::tasks,        A::none,              "implicit"},
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
    // What to bring, answered with the task as the leader wrote it ("带铁锹" is in its title).
    {"要带什么",      Intent::tasks,        A::task_question,     "asks"},
    {"需要带什么",    Intent::tasks,        A::task_question,     "asks"},
    {"带什么东西",    Intent::tasks,        A::task_question,     "asks"},
    {"要带啥",        Intent::tasks,        A::task_question,     "asks"},
    {"要不要带",      Intent::tasks,        A::task_question,     "asks"},
    {"在什么地方",    Intent::tasks,        A::task_question,     "asks"},
    {"签到",          Intent::check_in,     A::task_code},
    {"打卡",          Intent::check_in,     A::task_code,         "implicit"},
    {"签个到",        Intent::check_in,     A::task_code},
    // The slips of pinyin input, as 报道 is 报到's (the same run: "签倒" three times, then 失约).
    {"签倒",          Intent::check_in,     A::task_code},
    {"签道",          Intent::check_in,     A::task_code},
    // "代签到 1 @刘阿姨", "代签 1": asked for someone else, refused by the handler (a check-in is one's own).
    // After 签到, whose keyword the hints show.
    {"代签到",        Intent::check_in,     A::task_code,         "on_behalf"},
    {"代签",          Intent::check_in,     A::task_code,         "on_behalf"},
    {"到了",          Intent::check_in,     A::task,              "required"},
    // "我到了", "已到": how volunteers say they are on site. Bare, they are a check-in only for
    // someone whose task begins about now; anyone else is talking to the others. Not a bare 到了 or
    // 已经到了: "你家快递到了吗" — "到了" (a review, 2026-12-06).
    {"我到了",        Intent::check_in,     A::task,              "implicit"},
    {"我已到",        Intent::check_in,     A::task,              "implicit"},
    {"我已经到了",    Intent::check_in,     A::task,              "implicit"},
    {"已到",          Intent::check_in,     A::task,              "implicit"},
    {"我到啦",        Intent::check_in,     A::task,              "implicit"},
    {"我们到了",      Intent::check_in,     A::task,              "implicit"},
    {"我们俩到了",    Intent::check_in,     A::task,              "implicit"},
    {"我俩到了",      Intent::check_in,     A::task,              "implicit"},
    {"我们已到",      Intent::check_in,     A::task,              "implicit"},
    {"我已到达",      Intent::check_in,     A::task,              "implicit"},
    {"已到达",        Intent::check_in,     A::task,              "implicit"},
    {"我已到达现场",  Intent::check_in,     A::task,              "implicit"},
    {"已到达现场",    Intent::check_in,     A::task,              "implicit"},
    // "已在现场", "人在现场" (an exploratory run of the winter holiday, stop 69: silence, then 失约). Not
    // a bare 到啦, which answers "快递到了吗" as 到了 does, nor 我在…, near "我在外面" by its characters.
    {"已在现场",      Intent::check_in,     A::task,              "implicit"},
    {"人在现场",      Intent::check_in,     A::task,              "implicit"},
    // "我来了", "来啦" (the same run): an arrival for someone whose task begins about now, as 我到了 is; "我来
    // 啦" stays a sign-up, which the handler makes the arrival of someone already in.
    {"我来了",        Intent::check_in,     A::task,              "implicit"},
    {"我们来了",      Intent::check_in,     A::task,              "implicit"},
    {"我们来啦",      Intent::check_in,     A::task,              "implicit"},
    {"来啦",          Intent::check_in,     A::task,              "implicit"},
    {"已到现场",      Intent::check_in,     A::task,              "implicit"},
    {"我已到现场",    Intent::check_in,     A::task,              "implicit"},
    {"已签到",        Intent::check_in,     A::task_code},
    // 签退 first: an intent's first keyword is the one a hint shows ("「已签退」，例如：签退 12": an exploratory
    // run of the winter holiday, stop 69).
    {"签退",          Intent::check_out,    A::task},
    {"已签退",        Intent::check_out,    A::task},
    {"代签退",        Intent::check_out,    A::task,              "on_behalf"},
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
    // A refusal taken back names the person too: it is their 确认 (an exploratory run of a snow day,
    // 2026-12-07: "不予确认错了 1 @何大爷" was told to add the number it had).
    {"不予确认错了",  Intent::confirm,      A::task_people,       "required"},
    {"撤销不予确认",  Intent::confirm,      A::task_people,       "required"},
    {"取消不予确认",  Intent::confirm,      A::task_people,       "required"},
    {"结束",          Intent::finish,       A::task},
    {"任务结束",      Intent::finish,       A::task},
    {"活动结束",      Intent::finish,       A::task},
    {"结束任务",      Intent::finish,       A::task},
    {"结束活动",      Intent::finish,       A::task},
    {"完成",          Intent::finish,       A::task,              "required"},
    // A cancel taken back (handlers/task_restore reads the words): "撤销错了", "1号恢复", "恢复 1",
    // "刚才撤销错了 1号恢复". Not "恢复" alone: a lift or a signal comes back too.
    {"撤销错了",      Intent::cancel,       A::task,              "undo"},
    {"撤错了",        Intent::cancel,       A::task,              "undo"},
    {"刚才撤销错了",  Intent::cancel,       A::task,              "undo"},
    {"取消撤销",      Intent::cancel,       A::task,              "undo"},
    {"撤销撤销",      Intent::cancel,       A::task,              "undo"},
    {"不撤销了",      Intent::cancel,       A::task,              "undo"},
    {"恢复",          Intent::cancel,       A::task,              "restore"},
    {"恢复任务",      Intent::cancel,       A::task,              "restore"},
    {"恢复活动",      Intent::cancel,       A::task,              "restore"},
    {"撤销",          Intent::cancel,       A::task},
    {"撤销任务",      Intent::cancel,       A::task},
    {"撤销活动",      Intent::cancel,       A::task},
    // After a reference the task itself is called off: "12号任务取消", "12号活动取消了".
    {"任务取消",      Intent::cancel,       A::task,              "required"},
    {"活动取消",      Intent::cancel,       A::task,              "required"},
    {"取消吹哨",      Intent::cancel,       A::task},
    // "2号不用来了": a leader calling a task off at night (an exploratory run of an urgent night,
    // 2026-12-06: silence). After the task's number only; the people it names are sent home, not the
    // task called off (handlers/task_close.cpp).
    {"不用来了",      Intent::cancel,       A::task_people,       "required"},
    {"都不用来了",    Intent::cancel,       A::task_people,       "required"},
    {"大家不用来了",  Intent::cancel,       A::task_people,       "required"},
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
});
// clang-format on

}  // namespace

std::span<const IntentRule> task_rules() {
  return kTaskRules;
}

}  // namespace whistle::language
