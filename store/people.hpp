#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace whistle::store {

class Database;

/// What a person is at a node: a leader (网格长/楼栋长…), service-center staff, or a volunteer.
enum class Role { leader, staff, volunteer };

struct Person {
  std::string id;    ///< qualified: "generic:u-zhang"
  std::string name;  ///< display name as last seen; may be empty
};

/// People (one row per platform identity), their names and their roles at nodes.
class PeopleRepository {
 public:
  explicit PeopleRepository(Database& db);
  ~PeopleRepository();

  /// Creates the person if new; a non-empty `name` (from a message) becomes the display name and
  /// from then on outranks the config's.
  void touch(const std::string& id, const std::string& name, std::int64_t at);

  /// Gives a person the config's display name (`[[person]]`), creating them if new, unless a
  /// message has named them: a platform's name is never overwritten by the config's.
  void set_configured_name(const std::string& id, const std::string& name);

  std::optional<Person> find(const std::string& id);

  /// People with this display name who hold any role in the community's subtree.
  std::vector<Person> find_by_name(const std::string& community, const std::string& name);

  /// Up to `limit` people with this display name, role or not (a resident who has only spoken).
  std::vector<Person> find_by_name_anywhere(const std::string& name, int limit);

  /// Grants a role at a node; granting it again changes nothing.
  void grant(const std::string& person, const std::string& node, Role role, std::int64_t at);

  bool has_role(const std::string& person, const std::string& node, Role role);

  /// Removes every grant of a role, everywhere (the config's leaders and staff are rewritten from
  /// the file at each start, so someone taken out of it loses the role).
  void revoke_all(Role role);

  /// The leaders or the staff of a node, in the order they were granted the role. Volunteers are
  /// not listed by node (schema v7 keeps them out of that index); asking throws std::invalid_argument.
  std::vector<Person> holders(const std::string& node, Role role);

  /// The leaders or the staff at any node of a community, in the order of the nodes (communities,
  /// grids, buildings, units, each as configured) and of the grants, each person once. Throws
  /// std::invalid_argument for volunteers, as holders() does.
  std::vector<std::string> holders_in_community(const std::string& community, Role role);

  /// The nodes where a person holds a role.
  std::vector<std::string> nodes_with_role(const std::string& person, Role role);

 private:
  struct Statements;
  std::unique_ptr<Statements> statements_;
};

}  // namespace whistle::store
