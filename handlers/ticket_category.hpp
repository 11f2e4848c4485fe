#pragma once

// A report's category by the community's keywords (design.md: a ticket's class and deadline follow
// its category): the words read past a fear ("怕着火"), a stove that will not light ("打不着火"), and
// slips of input ("楼道等坏了" is the lamp).

#include <string>
#include <string_view>
#include <vector>

#include "config/config.hpp"

namespace whistle::handlers {

/// The configured categories' keywords `text` holds ("电梯修好了": 电梯), slips of input aside.
std::vector<std::string> category_keywords_in(const config::Config& config, std::string_view text);

/// Whether `words` (a ticket's) hold any of `keywords`.
bool holds_any_keyword(std::string_view words, const std::vector<std::string>& keywords);

/// The first configured category whose keyword `text` holds, or none.
const config::Category* category_of(const config::Config& config, const std::string& text);

}  // namespace whistle::handlers
