#pragma once

// The tasks a volunteer holds places on (or waits for), listed for them in private: to choose the
// one to leave ("我不去了" with two places, "取消 3 点那场" fitting none), or to show that nothing else
// is open to them ("还有名额吗？我报名").

#include <string_view>
#include <vector>

#include "handlers/context.hpp"
#include "store/signups.hpp"

namespace whistle::handlers {

/// `held` listed one task a line, with the template `key` ({mention}, {list}, {task}: the first's
/// number, for its example).
Reply held_places_reply(Context& context, const std::vector<store::Signup>& held, std::string_view key);

}  // namespace whistle::handlers
