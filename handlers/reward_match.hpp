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

/// Whether `typed` asks for `item_name` and says nothing else: the name or a part of it, with at most
/// a quantity and filler ("洗衣液", "大米" for 大米5斤, "洗衣液一瓶", "大米5斤那个"). "兑换洗衣液的人好多"
/// and "兑换大米5斤的在哪领" name an item inside a remark to the neighbours: taken as asked, each
/// spent the speaker's points (an exploratory run, 2026-12-06). A name only near what was typed
/// ("洗衣粉" for 洗衣液) is a guess, and fails here too: the points are not spent on a guess (an
/// exploratory run of month end, 2026-12-06), the person is asked.
bool asks_for_only(std::string_view typed, std::string_view item_name);

/// "大米和油", "毛巾、洗衣液": the different catalog items a line names, joined by 和, 跟, 、 or a
/// comma, when it names more than one (each part matched closely); empty otherwise. One redemption
/// is one item: the line is answered, not half spent.
std::vector<store::RewardRow> several_rewards(const std::vector<store::RewardRow>& items,
                                              std::string_view typed);

}  // namespace whistle::handlers
