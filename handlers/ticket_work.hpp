#pragma once

#include <optional>
#include <vector>

#include "handlers/context.hpp"

namespace whistle::handlers {

// The commands that work a ticket once it is received (issue 12, "Routing and work"); see
// docs/tickets.md ("Working a ticket") for who may say each and what it changes.

/// `派单 T5 @王五` / `派单 T5 物业`: a leader hands the ticket to a person or a responder.
std::vector<Reply> handle_dispatch(Context& context, const Command& command);

/// `接单 T5`: the holder (or a leader of its level or above, who then holds it) takes it on.
std::vector<Reply> handle_accept(Context& context, const Command& command);

/// `认领 T7`: a neighbour takes on a 微心愿.
std::vector<Reply> handle_claim(Context& context, const Command& command);

/// `办结 T5 已更换灯泡`: done; the reporter is asked to rate it.
std::vector<Reply> handle_resolve(Context& context, const Command& command);

/// `退回 T5 不归我们管`: the holder hands it back to whoever gave it to them.
std::vector<Reply> handle_send_back(Context& context, const Command& command);

/// `关闭 T5 重复`: a leader closes it unresolved, with a reason.
std::vector<Reply> handle_close(Context& context, const Command& command);

/// "取消 T1", "撤销 T1" from the resident who reported T1: their withdrawal (关闭 with the reason
/// 反映人撤回). Nothing when the sender did not report it: the task commands answer as before.
std::optional<std::vector<Reply>> withdraw_reported_ticket(Context& context, const Command& command);

/// `上报 T5`: a leader sends it one level up.
std::vector<Reply> handle_escalate(Context& context, const Command& command);

/// `进度 T5`, and `我的工单` (no number): where a ticket is, or the sender's own tickets.
std::vector<Reply> handle_progress(Context& context, const Command& command);

/// `工单`: a leader's open tickets below them, or a responder's in its chat.
std::vector<Reply> handle_tickets(Context& context, const Command& command);

}  // namespace whistle::handlers
