#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "handlers/context.hpp"

namespace whistle::handlers {

/// 签到码 12: a leader of the task gets its four-digit sign-in code in private (made the first time,
/// the same code after that); from then on 签到 needs it.
std::vector<Reply> handle_sign_code(Context& context, const Command& command);

/// A volunteer on site types the code a leader told them, as "签到码 6053" or "6053" alone: when
/// one of the chat's open tasks has that code and the sender may not ask for its code, they are
/// checked in with it; from a leader of that task (reading the code out to the group) there is
/// nothing to answer: no replies. Nothing (the caller goes on) when no task here has the code.
std::optional<std::vector<Reply>> check_in_by_typed_code(Context& context, std::string_view text);

/// A new four-digit code ("0483"), from the handlers' random source (handlers/random_source.hpp).
std::string new_sign_code();

}  // namespace whistle::handlers
