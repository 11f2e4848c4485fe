#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "handlers/context.hpp"

namespace whistle::handlers {

/// `积分`, `我的积分`: the sender's balance, this month's points and service hours, hours of all
/// time and rank in the node. `积分 @张三`: the same about someone else, for leaders of that
/// person's node or above.
std::vector<Reply> handle_points(Context& context, const Command& command);

/// Service minutes as hours for people: "2", "2.5", "0.3" (one decimal, none when whole).
std::string hours_text(std::int64_t minutes);

/// The local calendar month holding `at`: [first instant, first instant of the next month).
struct MonthBounds {
  std::int64_t from = 0;
  std::int64_t to = 0;
};
MonthBounds local_month_of(const Services& services, std::int64_t at);

}  // namespace whistle::handlers
