#pragma once

#include <vector>

#include "handlers/context.hpp"

namespace whistle::handlers {

/// 结束: the task's creator or a leader of its node or above closes it and thanks those who came.
std::vector<Reply> handle_finish(Context& context, const Command& command);

/// 撤销: closes the task as cancelled and tells everyone signed up or waiting, in the group and in
/// private; its reminder is dropped.
std::vector<Reply> handle_cancel(Context& context, const Command& command);

}  // namespace whistle::handlers
