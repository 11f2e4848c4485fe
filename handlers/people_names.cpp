#include "handlers/people_names.hpp"

namespace whistle::handlers {

std::string display_name(store::PeopleRepository& people, const std::string& person_id) {
  // Names come from the config's [[person]] and from messages; someone named by neither is shown
  // by id, without the platform prefix, which means nothing to a reader.
  if (std::optional<store::Person> person = people.find(person_id); person && !person->name.empty()) {
    return person->name;
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
