#pragma once

// A resident's own name in the words of a report they made in private, masked where those words
// are shown to a group. The bot tells a private reporter "群里不会出现你的名字", and the climb posts
// carried "我叫刘桂芳" and "我是马奶奶…我儿子不在家" to the building's, the grid's and the community's
// groups (an exploratory run of residents' reports, 2026-12-06).

#include <string>
#include <string_view>
#include <vector>

namespace whistle::language {

/// `text` with the reporter's name masked, each of its characters an '*': every place one of
/// `names` (the names the reporter is known by) stands, but an @-mention; the name said after 我叫,
/// 我姓, 本人叫, 本人姓, 我名字叫 or 我的名字叫/是 (up to three Chinese characters; not the verb of 我叫了
/// 物业, 我叫孩子去看); and after 我是, a surname before an elder's or a worker's title that ends the
/// words ("我是马奶奶 我住…" → "我是*奶奶"; "我是张师傅介绍来的", "我是3号楼的", "我是他女儿" are kept).
std::string mask_own_name(std::string_view text, const std::vector<std::string>& names);

}  // namespace whistle::language
