// [[person]]: display names, so replies say 李网格长 rather than u-li for people who have not
// spoken yet (a person who writes in brings the platform's name, which then takes over).

#include <set>

#include "config/qualified_id.hpp"
#include "config/sections.hpp"

namespace whistle::config {

namespace {

// A display name is shown inside the bot's sentences: long enough for any real name with a title,
// short enough that it cannot crowd out the reply.
constexpr std::size_t kMaxNameCodePoints = 32;

std::size_t code_points(std::string_view text) {
  std::size_t count = 0;
  for (const char c : text) {
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++count;
  }
  return count;
}

bool has_control_character(std::string_view text) {
  for (const char c : text) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) return true;
  }
  return false;
}

}  // namespace

std::vector<Person> read_people(const TableReader& root) {
  std::vector<Person> people;
  std::set<std::string, std::less<>> ids;
  for (const TableReader& table : root.tables("person")) {
    table.allow_only({"id", "name"});
    Person person;
    person.id = canonical_person_id(table.required_string("id"));
    if (std::optional<std::string> problem = qualified_id_problem(person.id))
      fail(table.where("id"), *problem);
    if (!ids.insert(person.id).second) fail(table.where("id"), "duplicate person " + in_quotes(person.id));
    person.name = table.required_string("name");
    if (person.name.empty()) fail(table.where("name"), "must not be empty");
    if (has_control_character(person.name))
      fail(table.where("name"), "must be one line without control characters");
    if (code_points(person.name) > kMaxNameCodePoints) {
      fail(table.where("name"), "is longer than " + std::to_string(kMaxNameCodePoints) + " characters");
    }
    people.push_back(std::move(person));
  }
  return people;
}

}  // namespace whistle::config
