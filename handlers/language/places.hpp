#pragma once

#include <cstddef>
#include <initializer_list>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace whistle::language {

/// The org's node names, indexed so that finding a name at a position of a line costs one hash
/// lookup per distinct name length, not one comparison per name: a district has 100k nodes and
/// every whistle is searched for a place. Immutable; copies share the index.
class PlaceNames {
 public:
  PlaceNames() = default;
  PlaceNames(const std::vector<std::string>& names);  // NOLINT: a list of names is a PlaceNames
  /// Copies the names; the views need not outlive the index.
  explicit PlaceNames(const std::vector<std::string_view>& names);
  PlaceNames(std::initializer_list<std::string_view> names);

  /// The longest name that `text` holds at byte `pos`, if any.
  std::optional<std::string_view> longest_at(std::string_view text, std::size_t pos) const;

  bool empty() const { return index_ == nullptr; }
  /// How many distinct names there are.
  std::size_t size() const;
  bool contains(std::string_view name) const;

 private:
  struct Index {
    /// Every name once, back to back: one allocation, where a string each cost 80 bytes a name
    /// beside the name itself (100k nodes in a district).
    std::string text;
    std::unordered_set<std::string_view> lookup;  ///< views into `text`
    std::vector<std::size_t> lengths;             ///< the distinct lengths, longest first
  };
  std::shared_ptr<const Index> index_;
};

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
std::optional<PlaceMatch> find_place(std::string_view text, const PlaceNames& names);

/// "我们单元", "咱们楼", "我们网格" at the start of `text`: the level of the speaker's own group they
/// name (0 the community, 1 a grid, 2 a building, 3 a unit) and where the words end.
struct OwnGroup {
  int level = 0;
  std::size_t end = 0;
};
std::optional<OwnGroup> own_group_named(std::string_view text);

/// find_place(), and the match cut out of `text`.
std::optional<std::string> take_place(std::string& text, const PlaceNames& names);

/// take_place() for a value labelled as the place ("地点：3号楼门口"): the words typed straight
/// after the place, up to a space, say where at it and stay with it ("3号楼门口"), unless they hold
/// a digit ("3号楼9点" is a place and a time).
std::optional<std::string> take_labelled_place(std::string& text, const PlaceNames& names);

}  // namespace whistle::language
