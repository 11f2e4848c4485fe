#pragma once

#include <vector>

#include "handlers/context.hpp"

namespace whistle::handlers {

/// `验收 12` (everyone checked in whose stay is not flagged) and `确认 12 @张三 @李四` (the people
/// named, vouched for when flagged or never checked in): pays the task's points and service
/// minutes once, thanks the people in the task's group, and lists for the leader what is left.
std::vector<Reply> handle_confirm(Context& context, const Command& command);

/// `不予确认 12 @王五 原因`: no points and no hours for the people named, each told in private.
std::vector<Reply> handle_refuse(Context& context, const Command& command);

}  // namespace whistle::handlers
