#include "handlers/people_names.hpp"

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

std::string display_name(store::PeopleRepository& people, const std::string& person_id) {
  if (std::optional<store::Person> person = people.find(person_id); person && !person->name.empty()) {
    return shown_person_name(person->name);
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
