#pragma once

#include <vector>

#include "handlers/context.hpp"

namespace whistle::handlers {

/// `加分 @张三 5 帮助孤寡老人` / `扣分 @李四 3 失约`: a ledger entry for each person named, with the
/// reason and the leader as author, by leaders of that person's node or above. A deduction never
/// takes a balance below zero.
std::vector<Reply> handle_adjust(Context& context, const Command& command);

}  // namespace whistle::handlers
