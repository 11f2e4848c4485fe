#pragma once

#include <string>
#include <vector>

#include "handlers/context.hpp"

namespace whistle::handlers {

/// 签到码 12: a leader of the task gets its four-digit sign-in code in private (made the first time,
/// the same code after that); from then on 签到 needs it.
std::vector<Reply> handle_sign_code(Context& context, const Command& command);

/// A new four-digit code ("0483"), from the handlers' random source (handlers/random_source.hpp).
std::string new_sign_code();

}  // namespace whistle::handlers
