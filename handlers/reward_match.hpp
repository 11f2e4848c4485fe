#pragma once

#include <string_view>
#include <vector>

#include "store/rewards.hpp"

namespace whistle::handlers {

/// How far a typed name may stray from the catalog's.
enum class MatchReach {
  close,     ///< the exact name, else a name that contains what was typed or is contained in it
  forgiving  ///< close, else the items sharing the most characters with what was typed
};

/// The catalog items a typed name means: one when it is clear, several when it could be any of
/// them (the caller asks), none when nothing is near. Case and spaces do not matter.
std::vector<store::RewardRow> match_reward(const std::vector<store::RewardRow>& items, std::string_view typed,
                                           MatchReach reach = MatchReach::forgiving);

}  // namespace whistle::handlers
