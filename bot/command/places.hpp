#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace whistle::bot {

/// A place found in the text: its canonical name and where it was.
struct PlaceMatch {
  std::string name;        ///< "3号楼2单元", "3号楼", "2单元", or a node name as written
  std::size_t start = 0;   ///< byte offset of the match (including a leading 在)
  std::size_t length = 0;  ///< bytes matched
};

/// Finds the first place in `text`: a building and unit (3号楼2单元, 3号楼 2单元, 三号楼二单元),
/// a building (3号楼, 三号楼, 3栋, 3幢, 3号栋), a unit (2单元), or one of `names` (the org's node
/// names, longest first at each position). Buildings and units come back canonical: "3栋" →
/// "3号楼", "三号楼二单元" → "3号楼2单元", so handlers compare one spelling. A preceding "在" is
/// part of the match ("在3号楼集合"). "1楼" is a floor, not a building, and is no place.
std::optional<PlaceMatch> find_place(std::string_view text, const std::vector<std::string>& names);

/// find_place(), and the match cut out of `text`.
std::optional<std::string> take_place(std::string& text, const std::vector<std::string>& names);

}  // namespace whistle::bot
