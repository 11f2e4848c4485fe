#pragma once

#include <optional>
#include <vector>

#include "handlers/context.hpp"

namespace whistle::handlers {

/// Whether a signup still holds a place or waits for one (not withdrawn).
bool is_active(const std::optional<store::Signup>& signup);

/// Whether the task's places are all taken.
bool is_full(const Services& services, const store::Task& task);

/// The first on the waitlist takes a freed place and hears of it in private, and in the group where
/// they reported in unless it is night.
std::vector<Reply> move_up_first_waitlisted(Context& context, const store::Task& task);

}  // namespace whistle::handlers
