#include <array>

#include "handlers/language/intent_rule_families.hpp"

namespace whistle::language {

namespace {

using A = Arguments;

// The ticket loop: reports, orders and wishes, their dispatch, acceptance, resolution and rating,
// climbing and closing, and the lists and questions about them.
// clang-format off
constexpr auto kTicketRules = std::to_array<IntentRule>({
    // keyword        intent                arguments             extra
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
    // "匿名反映 601群租", "举报 楼下在楼道里烧东西" (an exploratory run of neighbour disputes,
    // 2026-12-07: the menu, three times).
    {"匿名反映",      Intent::ticket,       A::ticket_text,       "report"},
    {"匿名举报",      Intent::ticket,       A::ticket_text,       "report"},
    {"匿名投诉",      Intent::ticket,       A::ticket_text,       "report"},
    {"举报",          Intent::ticket,       A::ticket_text,       "report"},
    {"求助",          Intent::ticket,       A::ticket_text,       "report"},
    {"点单",          Intent::ticket,       A::ticket_text,       "order"},
    {"微心愿",        Intent::ticket,       A::ticket_text,       "wish"},
    {"心愿",          Intent::ticket,       A::ticket_text,       "wish"},
    {"许个微心愿",    Intent::ticket,       A::ticket_text,       "wish"},
    {"许个心愿",      Intent::ticket,       A::ticket_text,       "wish"},
    {"派单",          Intent::dispatch,     A::ticket_assignee},
    // After the ticket it acts on ("T5 派给@王五", "T1 交给物业"); alone, these are ordinary words.
    {"派给",          Intent::dispatch,     A::ticket_assignee,   "required"},
    // "T1 派单给物业" (a review, 2026-12-07: kept as a note, nothing dispatched).
    {"派单给",        Intent::dispatch,     A::ticket_assignee,   "required"},
    {"交给",          Intent::dispatch,     A::ticket_assignee,   "required"},
    {"转给",          Intent::dispatch,     A::ticket_assignee,   "required"},
    {"转派",          Intent::dispatch,     A::ticket_assignee},
    {"改派",          Intent::dispatch,     A::ticket_assignee},
    // The bot's own note says "转交他人" (an exploratory run of roles changing, 2026-12-06: silence).
    // With a ticket only: "转交材料给街道" is talk.
    {"转交",          Intent::dispatch,     A::ticket_assignee,   "required"},
    {"移交",          Intent::dispatch,     A::ticket_assignee,   "required"},
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
    // Colloquial words for the work take a ticket written as one ("弄好了 T1", "T1 弄好了"): after a
    // bare number they are a task's ("已完成 1", "弄完了 1 大家辛苦" resolved ticket T1 at a task's
    // end; a regression hunt of the volunteer loop, 2026-12-07). 接单 and 办结 take either.
    {"已处理",        Intent::resolve,      A::ticket,            "ticket_named"},
    {"已解决",        Intent::resolve,      A::ticket,            "ticket_named"},
    {"处理好了",      Intent::resolve,      A::ticket,            "ticket_named"},
    {"修好了",        Intent::resolve,      A::ticket,            "ticket_named"},
    {"已修好",        Intent::resolve,      A::ticket,            "ticket_named"},
    {"办好了",        Intent::resolve,      A::ticket,            "ticket_named"},
    // "T1 完成": only after a ticket ("完成 12" is a task's 结束; read_task turns "完成 T1" into this).
    {"完成",          Intent::resolve,      A::ticket,            "after_ticket"},
    // A worker's own words after the ticket (an exploratory run of residents' reports, 2026-12-06:
    // "T1 我来处理" was 没看懂, "T1 我去看看" silence). Without a number: handlers/holder_words. Not
    // "T1 收到", "T1 我去看看", "T1 我来处理": a leader above says them too, and took the job from
    // its holder (reviews, 2026-12-07); handlers/ticket_note asks the holder and hints the leader.
    {"我接了",        Intent::accept,       A::ticket,            "ticket_named"},
    {"接了",          Intent::accept,       A::ticket,            "ticket_named"},
    {"马上去",        Intent::accept,       A::ticket,            "ticket_named"},
    {"弄好了",        Intent::resolve,      A::ticket,            "ticket_named"},
    {"已经修好了",    Intent::resolve,      A::ticket,            "ticket_named"},
    {"已经修好",      Intent::resolve,      A::ticket,            "ticket_named"},
    {"已经弄好了",    Intent::resolve,      A::ticket,            "ticket_named"},
    {"已经处理好了",  Intent::resolve,      A::ticket,            "ticket_named"},
    {"已经处理了",    Intent::resolve,      A::ticket,            "ticket_named"},
    {"已经搞定了",    Intent::resolve,      A::ticket,            "ticket_named"},
    {"已完成",        Intent::resolve,      A::ticket,            "ticket_named"},
    {"已修复",        Intent::resolve,      A::ticket,            "ticket_named"},
    {"搞好了",        Intent::resolve,      A::ticket,            "ticket_named"},
    {"换好了",        Intent::resolve,      A::ticket,            "ticket_named"},
    {"疏通了",        Intent::resolve,      A::ticket,            "ticket_named"},
    {"完工了",        Intent::resolve,      A::ticket,            "ticket_named"},
    {"完工",          Intent::resolve,      A::ticket,            "ticket_named"},
    {"已接单",        Intent::accept,       A::ticket,            "required"},
    {"搞定了",        Intent::resolve,      A::ticket,            "ticket_named"},
    {"修完了",        Intent::resolve,      A::ticket,            "ticket_named"},
    {"弄完了",        Intent::resolve,      A::ticket,            "ticket_named"},
    {"处理完了",      Intent::resolve,      A::ticket,            "ticket_named"},
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
    // "T1 怎么样了": after its reference only, or before one written as a ticket's: "催一下 1",
    // "1号怎么样了" may be a task's (a regression hunt of the volunteer loop, 2026-12-07).
    {"怎么样了",      Intent::progress,     A::ticket,            "ticket_named"},
    {"怎么样",        Intent::progress,     A::ticket,            "ticket_named"},
    {"咋样了",        Intent::progress,     A::ticket,            "ticket_named"},
    {"催一下",        Intent::progress,     A::ticket,            "ticket_named"},
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
    // A worker asking for their own jobs (an exploratory run of the workers' side, 2026-12-07: a menu).
    {"我的单",        Intent::tickets,      A::none, "question implicit"},
    {"我手上的单",    Intent::tickets,      A::none, "question implicit"},
    {"我手上还有几个单", Intent::tickets,   A::none, "question implicit"},
    {"我手上有几个单", Intent::tickets,     A::none, "question implicit"},
    {"手上还有几个单", Intent::tickets,     A::none, "question implicit"},
    {"还有几个单",    Intent::tickets,      A::none, "question implicit"},
    {"还有几单",      Intent::tickets,      A::none, "question implicit"},
    // A leader's morning questions (an exploratory run of the leaders' side, 2026-12-07: 没看懂): the
    // open tickets, oldest first, their states and deadlines.
    {"还有几单没处理", Intent::tickets,     A::none, "question implicit"},
    {"今天还有几单没处理", Intent::tickets, A::none, "question implicit"},
    {"今天还有几个工单没处理", Intent::tickets, A::none, "question implicit"},
    {"有几个新工单",  Intent::tickets,      A::none, "question implicit"},
    {"今天有几个新工单", Intent::tickets,   A::none, "question implicit"},
    {"今天有几个工单", Intent::tickets,     A::none, "question implicit"},
    {"超时的单子",    Intent::tickets,      A::none, "question implicit"},
    {"超时的单子有哪些", Intent::tickets,   A::none, "question implicit"},
    {"超时的工单",    Intent::tickets,      A::none, "question implicit"},
    {"超时的工单有哪些", Intent::tickets,   A::none, "question implicit"},
    {"超时工单",      Intent::tickets,      A::none},
    {"哪些单超时了",  Intent::tickets,      A::none, "question implicit"},
    {"哪些单没做完",  Intent::tickets,      A::none, "question implicit"},
    {"哪些单没做",    Intent::tickets,      A::none, "question implicit"},
    {"哪些单还没做",  Intent::tickets,      A::none, "question implicit"},
    {"未完成工单",    Intent::tickets,      A::none},
    {"未完成的工单",  Intent::tickets,      A::none},
    {"没做完的单",    Intent::tickets,      A::none, "question implicit"},
});
// clang-format on

}  // namespace

std::span<const IntentRule> ticket_rules() {
  return kTicketRules;
}

}  // namespace whistle::language
