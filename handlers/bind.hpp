#pragma once

#include <vector>

#include "handlers/context.hpp"

namespace whistle::handlers {

/// 绑定 <place>: binds the group to a node, for a leader of that node or above (and, when the
/// group is already bound with 绑定, of its present node or above too). A chat the config binds,
/// a responder's chat and a private chat are refused with the reason.
std::vector<Reply> handle_bind(Context& context, const Command& command);

/// 解绑: undoes a 绑定, for a leader of the bound node or above; a config binding is refused, a
/// group bound to nothing is told so.
std::vector<Reply> handle_unbind(Context& context, const Command& command);

/// A line addressed to the bot in a group bound to no node: the first one gets how to bind the
/// group (once per chat); later ones who can bind it. A danger line gets 119/110/120 first.
std::vector<Reply> answer_unknown_group(Context& context, const Command& command);

}  // namespace whistle::handlers
