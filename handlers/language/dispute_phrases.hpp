#pragma once

// How residents talk in a neighbours' dispute: a reporter asking not to be named, a quarrel's dare
// said with a report's verb, and 举报 of the reporting itself (an exploratory run of neighbour
// disputes, 2026-12-07). Read by the ticket's reader and its intake.

#include <string_view>

namespace whistle::language {

/// Whether a report asks that the reporter not be named ("别说是我说的", "匿名反映", "替我保密"): whoever
/// is sent to do the work reads 居民, not the name.
bool asks_not_to_be_named(std::string_view text);

/// Whether a 投诉/报事/反映's words dare the other side of a quarrel rather than tell a trouble: in so
/// many words ("投诉就投诉，谁怕谁", "报事去啊", "投诉也没用"), or, among neighbours only (not
/// `said_to_the_bot`), said to the other one ("投诉你又怎样", "反映一下你家狗天天叫").
bool taunts_with_it(std::string_view words, bool said_to_the_bot);

/// Whether the words right after 举报 name the reporting itself, not a trouble ("举报箱在哪", "举报信写好了",
/// "举报电话多少").
bool names_the_reporting_itself(std::string_view words);

}  // namespace whistle::language
