#pragma once

// A newcomer's and a tenant's words said to the bot (an exploratory run of renters, stop 70): saying who
// they are ("我是新来的", "新搬来的 请多关照", each met the menu), and a landlord's and a tenant's quarrel
// over money or the lease ("押金不退怎么办" met 「排行」). The answers name the leaders (people_to_turn_to).

#include <string_view>

namespace whistle::language {

/// Whether a line only says its sender is new here, with where they live and a greeting at most
/// ("我是新来的", "大家好 我是502新搬来的", "新住户登记"); "我是新来的 房东不给修马桶" tells something more.
bool only_says_new_here(std::string_view text);

/// Whether a line tells a landlord's and a tenant's quarrel over money or the lease ("押金不退怎么办",
/// "房东说要涨房租 不涨就让我搬走 合理吗", "租客欠了三个月房租"): the community mediates, 12345 hears it.
bool tells_rent_quarrel(std::string_view text);

}  // namespace whistle::language
