#pragma once

// A 办结 said by mistake (the wrong ticket, or the work not finished), taken back by whoever said
// it: "撤销办结 T5", "办结错了 T5", "T5 办结错了".

#include <cstdint>
#include <vector>

#include "handlers/context.hpp"

namespace whistle::handlers {

/// How long after a 办结 the one who said it may take it back (the reporter has not rated by then).
inline constexpr std::int64_t kResolveUndoSeconds = 30 * 60;

/// Whether a resolve command's words take a 办结 back rather than say one.
bool takes_back_resolve(const Command& command);

/// Takes the 办结 back: the ticket is accepted again in the same hands, on the same solve clock
/// (resumed, not restarted), the rating it asked for void; the reporter, and a group report's
/// group, hear it is still being worked. Only within kResolveUndoSeconds, while the 办结 is still
/// the ticket's last step; otherwise the sender hears why not.
std::vector<Reply> handle_resolve_undo(Context& context, const Command& command);

}  // namespace whistle::handlers
