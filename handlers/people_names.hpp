#pragma once

#include <string>
#include <vector>

#include "handlers/context.hpp"

namespace whistle::handlers {

/// A person's name as given (the config's, or the platform's), unmasked: what typed names are matched
/// against ("确认 1 @小明13912345678"); posts show display_name().
std::string name_as_given(store::PeopleRepository& people, const std::string& person_id);

/// A person's name as posts show it: a phone number in it masked ("李小明 139****5678").
std::string shown_person_name(const std::string& name);

/// The name to show for a person whose name was read already (a ranking's rows carry theirs), as
/// display_name() shows it: a phone number masked, an office claimed and not held marked.
std::string shown_name_of(store::PeopleRepository& people, const std::string& person_id,
                          const std::string& name);

/// The name to show for a person: the platform's name last seen, else the config's (a phone number in
/// either masked), else the platform's own id.
std::string display_name(store::PeopleRepository& people, const std::string& person_id);

/// "@张三" for one person.
std::string mention_of(store::PeopleRepository& people, const std::string& person_id);

/// "@张三 @李四" for several people, in the order given.
std::string mentions_of(store::PeopleRepository& people, const std::vector<std::string>& person_ids);

/// "张三、李四": display names joined by the template `list_separator`.
std::string names_of(const Services& services, const std::vector<std::string>& person_ids);

/// Joins texts with the template `list_separator`.
std::string join_list(const Services& services, const std::vector<std::string>& items);

}  // namespace whistle::handlers
