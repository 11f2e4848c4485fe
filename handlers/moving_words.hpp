#pragma once

// A resident who moves says so to the bot: "我搬家了，现在住5号楼1单元", "我搬走了，积分还能用吗",
// "我不在这住了 积分怎么办". The bot keeps no address, so nothing is changed: they are told where to
// report in and report from now, and that points stay theirs.

#include <optional>
#include <vector>

#include "handlers/context.hpp"

namespace whistle::handlers {

/// In private, a line that says the sender moved (搬家, 搬到, 搬走, 不在这住 …): where to report in
/// from now when a place of the community is named, else that points stay theirs. Empty otherwise
/// (the caller reads a trouble said with it as the report).
std::optional<std::vector<Reply>> answer_about_moving(Context& context, const Command& command);

}  // namespace whistle::handlers
