#include "handlers/people_names.hpp"

#include <algorithm>
#include <array>
#include <string_view>

#include "handlers/language/private_numbers.hpp"

namespace whistle::handlers {

std::string shown_person_name(const std::string& name) {
  // "李小明 初二3班 13912345678", as many write their WeChat names: the phone went whole into the monthly
  // 公示 of every group (an exploratory run of the winter holiday, stop 69). Masked as the board masks.
  if (name.find_first_of("0123456789") == std::string::npos) return name;
  return language::mask_private_numbers(name);
}

std::string name_as_given(store::PeopleRepository& people, const std::string& person_id) {
  // Names come from the config's [[person]] and from messages; someone named by neither is known by
  // id, without the platform prefix, which means nothing to a reader.
  if (std::optional<store::Person> person = people.find(person_id); person && !person->name.empty()) {
    return person->name;
  }
  return local_part(person_id);
}

namespace {

// The offices a name may claim ("王书记", "陈单元长", "社区工作人员小李"). Not 师傅 nor 物业: a worker's name
// and a trade are a resident's as often.
constexpr auto kOfficeTitles = std::to_array<std::string_view>(
    {"书记", "主任", "单元长", "楼栋长", "楼长", "网格长", "网格员", "居委", "社区工作人员", "吹哨助手"});
// Titles of other trades that hold one of those words ("主任医师老赵", "李书记员": a review of stop 70).
// Nor 物业's own people ("物业刘主任": the responder's member, whom the roles do not list), nor family
// ("书记的老伴": the second review of stop 70).
constexpr auto kOtherTrades = std::to_array<std::string_view>(
    {"医师", "医生", "书记员", "班主任", "车间主任", "物业", "老伴", "家属", "爱人", "家的", "教师"});

// A name that claims an office its holder does not hold anywhere: a WeChat name copied from a leader's
// (an exploratory run of scams, stop 70: the bot called the impostor "@王书记", listed "王书记" among
// those who may whistle to him, and published "王书记 10分" in every group's 公示).
bool claims_an_office_not_held(store::PeopleRepository& people, const std::string& person_id,
                               const std::string& name) {
  const bool claims = std::any_of(kOfficeTitles.begin(), kOfficeTitles.end(), [&](std::string_view title) {
    return name.find(title) != std::string::npos;
  });
  const bool trade = std::any_of(kOtherTrades.begin(), kOtherTrades.end(), [&](std::string_view other) {
    return name.find(other) != std::string::npos;
  });
  return claims && !trade && people.nodes_with_role(person_id, store::Role::leader).empty() &&
         people.nodes_with_role(person_id, store::Role::staff).empty();
}

}  // namespace

std::string shown_name_of(store::PeopleRepository& people, const std::string& person_id,
                          const std::string& name) {
  if (name.empty()) return local_part(person_id);
  std::string shown = shown_person_name(name);
  if (claims_an_office_not_held(people, person_id, name)) shown += "（非登记负责人）";
  return shown;
}

std::string display_name(store::PeopleRepository& people, const std::string& person_id) {
  if (std::optional<store::Person> person = people.find(person_id); person && !person->name.empty()) {
    return shown_name_of(people, person_id, person->name);
  }
  return local_part(person_id);
}

std::string mention_of(store::PeopleRepository& people, const std::string& person_id) {
  return "@" + display_name(people, person_id);
}

std::string mentions_of(store::PeopleRepository& people, const std::vector<std::string>& person_ids) {
  std::string result;
  for (const std::string& id : person_ids) {
    if (!result.empty()) result += ' ';
    result += mention_of(people, id);
  }
  return result;
}

std::string names_of(const Services& services, const std::vector<std::string>& person_ids) {
  std::vector<std::string> names;
  names.reserve(person_ids.size());
  for (const std::string& id : person_ids) {
    names.push_back(display_name(services.people, id));
  }
  return join_list(services, names);
}

std::string join_list(const Services& services, const std::vector<std::string>& items) {
  const std::string separator = services.text("list_separator");
  std::string result;
  for (const std::string& item : items) {
    if (!result.empty()) result += separator;
    result += item;
  }
  return result;
}

}  // namespace whistle::handlers
