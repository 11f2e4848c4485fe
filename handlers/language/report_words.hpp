#pragma once

// What a report's words say, or fail to say, right after its verb: "报事" followed by only an
// announcement ("反映个情况") or by whom and where ("投诉房东", "我要举报502室", "投诉3号楼") names no
// trouble, and the resident is asked what happened (ticket_intake).

#include <string_view>

namespace whistle::language {

/// Whether a report's words after its verb say nothing of a trouble yet: empty, one character, an
/// announcement ("个情况", "一下问题"), or only whom or where ("房东", "刘师傅", "502室", "3号楼2单元").
bool says_nothing_yet(std::string_view title);

}  // namespace whistle::language
