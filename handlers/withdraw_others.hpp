#pragma once

#include <optional>
#include <vector>

#include "handlers/context.hpp"

namespace whistle::handlers {

/// "取消报到 1 @张三" from whoever may close the task: the places of the people named are freed (one
/// who moved away or left the group would otherwise be recorded 失约), each hears it in private, and
/// the waitlist moves up. Someone already on site keeps their place: the leader settles the stay.
/// Someone named who holds no place is answered so; a name several people answer to is asked about.
/// Empty when the line is no such thing (the sender may not close the task, or names only themselves):
/// then it is the sender's own withdrawal.
std::optional<std::vector<Reply>> withdraw_named_people(Context& context, const Command& command);

}  // namespace whistle::handlers
