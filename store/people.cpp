#include "store/people.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <algorithm>
#include <stdexcept>

#include "store/database.hpp"
#include "store/hot_state.hpp"
#include "store/statement.hpp"

namespace whistle::store {

namespace {

// Where a display name came from is told by updated_at: 0 (the time the config writes, as for
// roles) means the config's or nobody's yet; a message's time means a platform's.
// An empty name never overwrites a known one: some platforms send the name only sometimes. A name
// from a message takes over from the config's even when it is the same, so that a later rename in
// the config does not overwrite what the platform says.
// A new person's serial is SQLite's to give: it is people's INTEGER PRIMARY KEY (schema v11),
// the largest + 1, and roles are keyed by it (schema v10).
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
constexpr const char* kFind = "SELECT name, updated_at FROM people WHERE id = ?";
constexpr const char* kFindByName =
    "SELECT DISTINCT p.id, p.name FROM people p JOIN roles r ON r.person_serial = p.serial "
    "JOIN org_nodes n ON n.id = r.node_id WHERE n.community_id = ? AND p.name = ? ORDER BY p.id";
constexpr const char* kFindByNameAnywhere = "SELECT id, name FROM people WHERE name = ? ORDER BY id LIMIT ?";
// A role can be granted to someone who has not spoken yet (leaders from the config).
constexpr const char* kEnsurePerson =
    "INSERT OR IGNORE INTO people (id, name, created_at, updated_at) VALUES (?1, '', ?2, ?2)";
// ON CONFLICT rather than OR IGNORE: a person without a row (no serial) must fail, not be skipped.
constexpr const char* kGrant =
    "INSERT INTO roles (person_id, person_serial, node_id, role, granted_at) "
    "VALUES (?1, (SELECT serial FROM people WHERE id = ?1), ?2, ?3, ?4) "
    "ON CONFLICT (person_serial, node_id, role) DO NOTHING";
constexpr const char* kRevokeAll = "DELETE FROM roles WHERE role = ?";
// The order staff_of walked the whole org in: nodes by level then as configured, grants as made.
// Both holder queries say `role <> 'volunteer'` in so many words: SQLite uses the partial index
// roles_of_officials only for a query whose WHERE repeats the index's own. CROSS JOIN keeps the
// nodes outside (read whole: the org is the config's size), then each node's officials are one
// index look-up; without it SQLite reads the whole index first. The answer is kept in memory.
constexpr const char* kHoldersInCommunity =
    "SELECT r.person_id FROM org_nodes n CROSS JOIN roles r ON r.node_id = n.id AND r.role = ?2 "
    "AND r.role <> 'volunteer' WHERE n.community_id = ?1 ORDER BY n.level, n.rowid, r.rowid";
// In grant order (rowid), sorted here: `ORDER BY rowid` over the unique (person, node, role) index
// made SQLite open a sorter at every read, one for each new person seen.
constexpr const char* kRolesOf =
    "SELECT node_id, role, rowid FROM roles WHERE person_serial = (SELECT serial FROM people WHERE id = ?)";
constexpr const char* kHolders =
    "SELECT p.id, p.name FROM roles r JOIN people p ON p.id = r.person_id "
    "WHERE r.node_id = ? AND r.role = ? AND r.role <> 'volunteer' ORDER BY r.rowid";

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

Role parse_role(const std::string& text) {
  if (text == "leader") return Role::leader;
  if (text == "staff") return Role::staff;
  return Role::volunteer;
}

std::vector<Person> read_people(SQLite::Statement& s) {
  std::vector<Person> people;
  while (s.executeStep())
    people.push_back(Person{s.getColumn(0).getString(), s.getColumn(1).getString()});
  return people;
}

void refuse_volunteers(Role role) {
  if (role == Role::volunteer)
    throw std::invalid_argument("volunteers are not listed by node (only leaders and staff are)");
}

}  // namespace

struct PeopleRepository::Statements {
  SQLite::Statement touch, set_configured_name, find, find_by_name, find_by_name_anywhere, ensure_person,
      grant, revoke_all, roles_of, holders, holders_in_community;
  Database& database;
  explicit Statements(Database& owner, SQLite::Database& db)
      : touch(db, kTouch),
        set_configured_name(db, kSetConfiguredName),
        find(db, kFind),
        find_by_name(db, kFindByName),
        find_by_name_anywhere(db, kFindByNameAnywhere),
        ensure_person(db, kEnsurePerson),
        grant(db, kGrant),
        revoke_all(db, kRevokeAll),
        roles_of(db, kRolesOf),
        holders(db, kHolders),
        holders_in_community(db, kHoldersInCommunity),
        database(owner) {}

  HotState& hot() { return database.hot(); }

  // The person's row as SQLite has it, read once into the hot state.
  std::optional<HotState::PersonRow>& person(const std::string& id) {
    HotState& state = hot();
    auto found = state.people.find(id);
    if (found != state.people.end()) return found->second;
    auto& s = detail::fresh(find);
    s.bind(1, id);
    std::optional<HotState::PersonRow> row;
    if (s.executeStep()) row = HotState::PersonRow{s.getColumn(0).getString(), s.getColumn(1).getInt64()};
    s.tryReset();
    return state.people.emplace(id, std::move(row)).first->second;
  }

  // Every role of the person, read once (rowid order) into the hot state.
  HotState::PersonRoles& roles(const std::string& id) {
    HotState::PersonRoles& known = hot().roles[id];
    if (known.complete) return known;
    auto& s = detail::fresh(roles_of);
    s.bind(1, id);
    std::vector<std::pair<std::int64_t, std::pair<std::string, Role>>> rows;
    while (s.executeStep()) {
      rows.emplace_back(s.getColumn(2).getInt64(),
                        std::pair(s.getColumn(0).getString(), parse_role(s.getColumn(1).getString())));
    }
    std::sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    known.held.clear();
    for (auto& row : rows)
      known.held.push_back(std::move(row.second));
    known.complete = true;
    return known;
  }
};

PeopleRepository::PeopleRepository(Database& db) : statements_(std::make_unique<Statements>(db, db.raw())) {}
PeopleRepository::~PeopleRepository() = default;

void PeopleRepository::touch(const std::string& id, const std::string& name, std::int64_t at) {
  HotState& hot = statements_->hot();
  auto known = hot.people.find(id);
  // kTouch's own WHERE, asked of memory: a known person whose name did not change costs nothing.
  if (known != hot.people.end() && known->second &&
      (name.empty() || (name == known->second->name && known->second->updated_at != 0))) {
    return;
  }
  auto& s = detail::fresh(statements_->touch);
  s.bind(1, id);
  s.bind(2, name);
  s.bind(3, static_cast<std::int64_t>(at));
  // A row changed is the row inserted or renamed, and both hold exactly (name, at). No change means
  // an existing one kept its name (which the cache learns on its next read). Not RETURNING: SQLite
  // buffers returned rows in a temporary B-tree opened and freed at every execution.
  if (s.exec() == 1) {
    hot.people[id] = HotState::PersonRow{name, at};
  } else if (known == hot.people.end() || !known->second) {
    hot.people.erase(id);
  }
}

void PeopleRepository::set_configured_name(const std::string& id, const std::string& name) {
  auto& s = detail::fresh(statements_->set_configured_name);
  s.bind(1, id);
  s.bind(2, name);
  s.exec();
  // Rare (the config at start): forgotten and read again, rather than kSetConfiguredName's rule twice.
  statements_->hot().people.erase(id);
}

std::optional<Person> PeopleRepository::find(const std::string& id) {
  const std::optional<HotState::PersonRow>& row = statements_->person(id);
  if (!row) return std::nullopt;
  return Person{id, row->name};
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
  HotState& hot = statements_->hot();
  const std::pair<std::string, Role> grant{node, role};
  // Granted already (as known in memory): the INSERT would change nothing.
  if (auto known = hot.roles.find(person); known != hot.roles.end()) {
    const auto& held = known->second.held;
    if (std::find(held.begin(), held.end(), grant) != held.end()) return;
  }
  // A person with a row needs none made (every report-in's sender was touched just before).
  if (auto row = hot.people.find(person); row == hot.people.end() || !row->second) {
    auto& ensure = detail::fresh(statements_->ensure_person);
    ensure.bind(1, person);
    ensure.bind(2, static_cast<std::int64_t>(at));
    if (ensure.exec() == 1) {
      hot.people[person] = HotState::PersonRow{"", at};
    } else {
      hot.people.erase(person);
    }
  }
  auto& s = detail::fresh(statements_->grant);
  s.bind(1, person);
  s.bind(2, node);
  s.bind(3, role_text(role));
  s.bind(4, static_cast<std::int64_t>(at));
  s.exec();
  // Known now; a new grant has the largest rowid, so a complete list stays in rowid order.
  hot.roles[person].held.push_back(grant);
  // Who holds this role in a community may have grown: read again on next use.
  std::erase_if(hot.holders_in_community, [role](const auto& entry) { return entry.first.second == role; });
}

void PeopleRepository::revoke_all(Role role) {
  auto& s = detail::fresh(statements_->revoke_all);
  s.bind(1, role_text(role));
  s.exec();
  // Everyone's roles may have changed (at start, when the config's leaders are rewritten).
  statements_->hot().roles.clear();
  statements_->hot().holders_in_community.clear();
}

bool PeopleRepository::has_role(const std::string& person, const std::string& node, Role role) {
  const auto& held = statements_->roles(person).held;
  return std::find(held.begin(), held.end(), std::pair<std::string, Role>{node, role}) != held.end();
}

std::vector<Person> PeopleRepository::holders(const std::string& node, Role role) {
  refuse_volunteers(role);
  auto& s = detail::fresh(statements_->holders);
  s.bind(1, node);
  s.bind(2, role_text(role));
  return read_people(s);
}

std::vector<std::string> PeopleRepository::holders_in_community(const std::string& community, Role role) {
  refuse_volunteers(role);
  HotState& hot = statements_->hot();
  if (auto known = hot.holders_in_community.find({community, role});
      known != hot.holders_in_community.end()) {
    return known->second;
  }
  auto& s = detail::fresh(statements_->holders_in_community);
  s.bind(1, community);
  s.bind(2, role_text(role));
  std::vector<std::string> people;
  while (s.executeStep()) {
    std::string person = s.getColumn(0).getString();
    if (std::find(people.begin(), people.end(), person) == people.end()) people.push_back(std::move(person));
  }
  hot.holders_in_community.insert_or_assign({community, role}, people);
  return people;
}

std::vector<std::string> PeopleRepository::nodes_with_role(const std::string& person, Role role) {
  std::vector<std::string> nodes;
  for (const auto& [node, held] : statements_->roles(person).held) {
    if (held == role) nodes.push_back(node);
  }
  return nodes;
}

}  // namespace whistle::store
