#include "store/people.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include "store/database.hpp"
#include "store/statement.hpp"

namespace whistle::store {

namespace {

// Where a display name came from is told by updated_at: 0 (the time the config writes, as for
// roles) means the config's or nobody's yet; a message's time means a platform's.
// An empty name never overwrites a known one: some platforms send the name only sometimes. A name
// from a message takes over from the config's even when it is the same, so that a later rename in
// the config does not overwrite what the platform says.
constexpr const char* kTouch =
    "INSERT INTO people (id, name, created_at, updated_at) VALUES (?1, ?2, ?3, ?3) "
    "ON CONFLICT (id) DO UPDATE SET name = excluded.name, updated_at = excluded.updated_at "
    "WHERE excluded.name <> '' AND (excluded.name <> people.name OR people.updated_at = 0)";
// The config names people who have no name yet, or whose name is the config's own (a rename in
// the file applies at the next start); never over a name a message brought.
constexpr const char* kSetConfiguredName =
    "INSERT INTO people (id, name, created_at, updated_at) VALUES (?1, ?2, 0, 0) "
    "ON CONFLICT (id) DO UPDATE SET name = excluded.name, updated_at = 0 "
    "WHERE people.name = '' OR people.updated_at = 0";
constexpr const char* kFind = "SELECT id, name FROM people WHERE id = ?";
constexpr const char* kFindByName =
    "SELECT DISTINCT p.id, p.name FROM people p JOIN roles r ON r.person_id = p.id "
    "JOIN org_nodes n ON n.id = r.node_id WHERE n.community_id = ? AND p.name = ? ORDER BY p.id";
constexpr const char* kFindByNameAnywhere = "SELECT id, name FROM people WHERE name = ? ORDER BY id LIMIT ?";
// A role can be granted to someone who has not spoken yet (leaders from the config).
constexpr const char* kEnsurePerson =
    "INSERT OR IGNORE INTO people (id, name, created_at, updated_at) VALUES (?1, '', ?2, ?2)";
constexpr const char* kGrant =
    "INSERT OR IGNORE INTO roles (person_id, node_id, role, granted_at) VALUES (?, ?, ?, ?)";
constexpr const char* kRevokeAll = "DELETE FROM roles WHERE role = ?";
constexpr const char* kHasRole = "SELECT 1 FROM roles WHERE person_id = ? AND node_id = ? AND role = ?";
constexpr const char* kHolders =
    "SELECT p.id, p.name FROM roles r JOIN people p ON p.id = r.person_id "
    "WHERE r.node_id = ? AND r.role = ? ORDER BY r.rowid";
constexpr const char* kNodesWithRole =
    "SELECT node_id FROM roles WHERE person_id = ? AND role = ? ORDER BY rowid";

const char* role_text(Role role) {
  switch (role) {
    case Role::leader:
      return "leader";
    case Role::staff:
      return "staff";
    case Role::volunteer:
      return "volunteer";
  }
  return "volunteer";
}

std::vector<Person> read_people(SQLite::Statement& s) {
  std::vector<Person> people;
  while (s.executeStep())
    people.push_back(Person{s.getColumn(0).getString(), s.getColumn(1).getString()});
  return people;
}

}  // namespace

struct PeopleRepository::Statements {
  SQLite::Statement touch, set_configured_name, find, find_by_name, find_by_name_anywhere, ensure_person,
      grant, revoke_all, has_role, holders, nodes_with_role;
  explicit Statements(SQLite::Database& db)
      : touch(db, kTouch),
        set_configured_name(db, kSetConfiguredName),
        find(db, kFind),
        find_by_name(db, kFindByName),
        find_by_name_anywhere(db, kFindByNameAnywhere),
        ensure_person(db, kEnsurePerson),
        grant(db, kGrant),
        revoke_all(db, kRevokeAll),
        has_role(db, kHasRole),
        holders(db, kHolders),
        nodes_with_role(db, kNodesWithRole) {}
};

PeopleRepository::PeopleRepository(Database& db) : statements_(std::make_unique<Statements>(db.raw())) {}
PeopleRepository::~PeopleRepository() = default;

void PeopleRepository::touch(const std::string& id, const std::string& name, std::int64_t at) {
  auto& s = detail::fresh(statements_->touch);
  s.bind(1, id);
  s.bind(2, name);
  s.bind(3, static_cast<std::int64_t>(at));
  s.exec();
}

void PeopleRepository::set_configured_name(const std::string& id, const std::string& name) {
  auto& s = detail::fresh(statements_->set_configured_name);
  s.bind(1, id);
  s.bind(2, name);
  s.exec();
}

std::optional<Person> PeopleRepository::find(const std::string& id) {
  auto& s = detail::fresh(statements_->find);
  s.bind(1, id);
  if (!s.executeStep()) return std::nullopt;
  return Person{s.getColumn(0).getString(), s.getColumn(1).getString()};
}

std::vector<Person> PeopleRepository::find_by_name(const std::string& community, const std::string& name) {
  auto& s = detail::fresh(statements_->find_by_name);
  s.bind(1, community);
  s.bind(2, name);
  return read_people(s);
}

std::vector<Person> PeopleRepository::find_by_name_anywhere(const std::string& name, int limit) {
  auto& s = detail::fresh(statements_->find_by_name_anywhere);
  s.bind(1, name);
  s.bind(2, limit);
  std::vector<Person> people;
  while (s.executeStep())
    people.push_back(Person{s.getColumn(0).getString(), s.getColumn(1).getString()});
  s.reset();
  return people;
}

void PeopleRepository::grant(const std::string& person, const std::string& node, Role role, std::int64_t at) {
  auto& ensure = detail::fresh(statements_->ensure_person);
  ensure.bind(1, person);
  ensure.bind(2, static_cast<std::int64_t>(at));
  ensure.exec();
  auto& s = detail::fresh(statements_->grant);
  s.bind(1, person);
  s.bind(2, node);
  s.bind(3, role_text(role));
  s.bind(4, static_cast<std::int64_t>(at));
  s.exec();
}

void PeopleRepository::revoke_all(Role role) {
  auto& s = detail::fresh(statements_->revoke_all);
  s.bind(1, role_text(role));
  s.exec();
}

bool PeopleRepository::has_role(const std::string& person, const std::string& node, Role role) {
  auto& s = detail::fresh(statements_->has_role);
  s.bind(1, person);
  s.bind(2, node);
  s.bind(3, role_text(role));
  return s.executeStep();
}

std::vector<Person> PeopleRepository::holders(const std::string& node, Role role) {
  auto& s = detail::fresh(statements_->holders);
  s.bind(1, node);
  s.bind(2, role_text(role));
  return read_people(s);
}

std::vector<std::string> PeopleRepository::nodes_with_role(const std::string& person, Role role) {
  auto& s = detail::fresh(statements_->nodes_with_role);
  s.bind(1, person);
  s.bind(2, role_text(role));
  std::vector<std::string> nodes;
  while (s.executeStep())
    nodes.push_back(s.getColumn(0).getString());
  return nodes;
}

}  // namespace whistle::store
