#include "store/migrations.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "store/database.hpp"
#include "tests/store/store_test_support.hpp"

namespace whistle::store {
namespace {

TEST(Migrations, AFreshDatabaseReachesTheLatestVersion) {
  testing::TempDatabaseFile file("fresh");
  Database db(DatabaseOptions{.path = file.path()});
  EXPECT_EQ(db.schema_version(), Database::latest_schema_version());
  EXPECT_GE(Database::latest_schema_version(), 1);
}

TEST(Migrations, ReopeningAnExistingDatabaseKeepsItsRows) {
  testing::TempDatabaseFile file("reopen");
  {
    Database db(DatabaseOptions{.path = file.path()});
    db.raw().exec("INSERT INTO inbox (key, received_at) VALUES ('kept', 1)");
  }
  Database again(DatabaseOptions{.path = file.path()});
  EXPECT_EQ(again.schema_version(), Database::latest_schema_version());
  EXPECT_EQ(again.raw().execAndGet("SELECT COUNT(*) FROM inbox").getInt(), 1);
}

TEST(Migrations, ADatabaseNewerThanThisBuildIsRefused) {
  testing::TempDatabaseFile file("newer");
  {
    SQLite::Database raw(file.path(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    raw.exec("PRAGMA user_version = 999");
  }
  try {
    Database db(DatabaseOptions{.path = file.path()});
    FAIL() << "a newer database was opened";
  } catch (const std::runtime_error& error) {
    EXPECT_NE(std::string(error.what()).find("999"), std::string::npos) << error.what();
  }
}

TEST(Migrations, AFailingStepLeavesTheFileAsItWas) {
  SQLite::Database raw(":memory:", SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
  const std::vector<Migration> steps{{1, "CREATE TABLE a (x INTEGER);"},
                                     {2, "CREATE TABLE b (y INTEGER); BROKEN SQL;"}};
  EXPECT_THROW(apply_migrations(raw, steps), std::runtime_error);
  EXPECT_EQ(raw.execAndGet("PRAGMA user_version").getInt(), 0);
  EXPECT_FALSE(raw.tableExists("a")) << "step 1 must be undone with step 2";
}

TEST(Migrations, OnlyTheStepsNewerThanTheFileAreApplied) {
  SQLite::Database raw(":memory:", SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
  apply_migrations(raw, {{1, "CREATE TABLE a (x INTEGER);"}});
  apply_migrations(raw, {{1, "CREATE TABLE a (x INTEGER);"}, {2, "CREATE TABLE b (y INTEGER);"}});
  EXPECT_EQ(raw.execAndGet("PRAGMA user_version").getInt(), 2);
  EXPECT_TRUE(raw.tableExists("b"));
}

TEST(Migrations, AVersionOneInboxKeepsItsEventsAndGainsDigests) {
  SQLite::Database raw(":memory:", SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
  apply_migrations(raw, {all_migrations().front()});
  raw.exec("INSERT INTO inbox (key, received_at, answer) VALUES ('generic:default:m-1', 1, '[]')");
  apply_migrations(raw, all_migrations());
  EXPECT_EQ(raw.execAndGet("PRAGMA user_version").getInt(), Database::latest_schema_version());
  EXPECT_EQ(raw.execAndGet("SELECT answer FROM inbox WHERE key = 'generic:default:m-1'").getString(), "[]");
  EXPECT_TRUE(raw.execAndGet("SELECT digest FROM inbox WHERE key = 'generic:default:m-1'").isNull());
}

TEST(Migrations, AVersionTwoDatabaseKeepsItsTasksSignupsAndAttendance) {
  SQLite::Database raw(":memory:", SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
  apply_migrations(raw, {all_migrations()[0], all_migrations()[1]});
  raw.exec("INSERT INTO org_nodes (id, community_id, level, name) VALUES ('c1', 'c1', 0, 'c')");
  raw.exec("INSERT INTO people (id, created_at, updated_at) VALUES ('generic:u', 0, 0)");
  raw.exec(
      "INSERT INTO tasks (id, community_id, number, node_id, chat_id, creator_id, title, created_at) "
      "VALUES (1, 'c1', 1, 'c1', 'generic:c1', 'generic:u', 'clean', 0)");
  raw.exec(
      "INSERT INTO signups (task_id, person_id, state, seq, at) VALUES (1, 'generic:u', 'signed_up', 1, 0)");
  raw.exec(
      "INSERT INTO attendance (task_id, person_id, community_id, checked_in_at, lat, lon) "
      "VALUES (1, 'generic:u', 'c1', 5, 30.5, 104.1)");
  apply_migrations(raw, all_migrations());
  EXPECT_EQ(raw.execAndGet("SELECT COUNT(*) FROM signups WHERE state = 'signed_up'").getInt(), 1);
  EXPECT_TRUE(raw.execAndGet("SELECT node_id FROM signups").isNull());
  EXPECT_DOUBLE_EQ(raw.execAndGet("SELECT in_lat FROM attendance").getDouble(), 30.5);
  EXPECT_TRUE(raw.execAndGet("SELECT out_lat FROM attendance").isNull());
  EXPECT_TRUE(raw.execAndGet("SELECT sign_code FROM tasks").isNull());
  EXPECT_TRUE(raw.tableExists("publications"));
}

TEST(Migrations, TheLedgerRefusesEditsAndDeletes) {
  Database db(DatabaseOptions{.path = ":memory:"});
  db.raw().exec("INSERT INTO people (id, created_at, updated_at) VALUES ('generic:u', 0, 0)");
  db.raw().exec(
      "INSERT INTO ledger (community_id, person_id, points, reason, at, prev_hash, hash) "
      "VALUES ('c1', 'generic:u', 5, 'help', 0, '', 'h')");
  EXPECT_THROW(db.raw().exec("UPDATE ledger SET points = 50"), std::exception);
  EXPECT_THROW(db.raw().exec("DELETE FROM ledger"), std::exception);
}

TEST(Migrations, AVersionSixInboxKeepsItsEventsInArrivalOrderAndStillRefusesAKeyTwice) {
  SQLite::Database raw(":memory:", SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
  raw.exec("PRAGMA foreign_keys = ON");  // as Database migrates: the inbox is dropped and renamed
  const std::vector<Migration> up_to_six(all_migrations().begin(), all_migrations().begin() + 6);
  apply_migrations(raw, up_to_six);
  ASSERT_EQ(raw.execAndGet("PRAGMA user_version").getInt(), 6);
  raw.exec(
      "INSERT INTO inbox (key, received_at, answer, digest) VALUES ('generic:default:b', 2, '[2]', x'02'), "
      "('generic:default:a', 3, '[3]', NULL), ('generic:default:c', 1, NULL, x'01')");
  raw.exec("INSERT INTO org_nodes (id, community_id, level, name) VALUES ('c1', 'c1', 0, 'c')");
  raw.exec("INSERT INTO people (id, created_at, updated_at) VALUES ('generic:v', 0, 0), ('generic:l', 0, 0)");
  raw.exec(
      "INSERT INTO roles (person_id, node_id, role, granted_at) VALUES ('generic:v', 'c1', 'volunteer', 0), "
      "('generic:l', 'c1', 'leader', 0)");

  apply_migrations(raw, all_migrations());
  EXPECT_EQ(raw.execAndGet("PRAGMA user_version").getInt(), Database::latest_schema_version());
  // Every event kept with its answer and digest, now in the order they came.
  SQLite::Statement inbox(raw, "SELECT key, answer, hex(digest) FROM inbox ORDER BY rowid");
  std::vector<std::string> rows;
  while (inbox.executeStep())
    rows.push_back(inbox.getColumn(0).getString() + "|" + inbox.getColumn(1).getString() + "|" +
                   inbox.getColumn(2).getString());
  EXPECT_EQ(rows, (std::vector<std::string>{"generic:default:c||01", "generic:default:b|[2]|02",
                                            "generic:default:a|[3]|"}));
  EXPECT_THROW(raw.exec("INSERT INTO inbox (key, received_at) VALUES ('generic:default:a', 9)"),
               SQLite::Exception);
  // The roles are all there; only the officials are in the index by node.
  EXPECT_EQ(raw.execAndGet("SELECT COUNT(*) FROM roles").getInt(), 2);
  EXPECT_EQ(raw.execAndGet("SELECT COUNT(*) FROM roles INDEXED BY roles_of_officials "
                           "WHERE node_id = 'c1' AND role <> 'volunteer'")
                .getInt(),
            1);
  EXPECT_NE(raw.execAndGet("SELECT sql FROM sqlite_master WHERE name = 'roles_of_officials'")
                .getString()
                .find("WHERE role <> 'volunteer'"),
            std::string::npos);
  EXPECT_FALSE(raw.execAndGet("SELECT COUNT(*) FROM sqlite_master WHERE name IN ('roles_by_node', "
                              "'signups_by_state')")
                   .getInt());
}

// Opcodes of a statement's program: what SQLite will do at each execution.
std::vector<std::string> opcodes_of(SQLite::Database& db, const std::string& sql) {
  SQLite::Statement explain(db, "EXPLAIN " + sql);
  std::vector<std::string> opcodes;
  while (explain.executeStep())
    opcodes.push_back(explain.getColumn(1).getString());
  return opcodes;
}

TEST(Migrations, AVersionSevenDatabaseKeepsItsRolesInGrantOrderAndItsSignupsUnderTheSameRules) {
  SQLite::Database raw(":memory:", SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
  raw.exec("PRAGMA foreign_keys = ON");  // as Database migrates: both tables are dropped and renamed
  const std::vector<Migration> up_to_seven(all_migrations().begin(), all_migrations().begin() + 7);
  apply_migrations(raw, up_to_seven);
  ASSERT_EQ(raw.execAndGet("PRAGMA user_version").getInt(), 7);
  raw.exec("INSERT INTO org_nodes (id, community_id, level, name) VALUES ('c1', 'c1', 0, 'c')");
  raw.exec(
      "INSERT INTO people (id, created_at, updated_at) VALUES ('generic:v', 0, 0), ('generic:l', 0, 0), "
      "('generic:s', 0, 0)");
  // Granted out of name order: the order granted is what a person's roles are listed in.
  raw.exec(
      "INSERT INTO roles (person_id, node_id, role, granted_at) VALUES ('generic:v', 'c1', 'volunteer', 0), "
      "('generic:s', 'c1', 'staff', 0), ('generic:l', 'c1', 'leader', 0), ('generic:l', 'c1', 'volunteer', "
      "0)");
  raw.exec(
      "INSERT INTO tasks (id, community_id, number, node_id, chat_id, creator_id, title, created_at) "
      "VALUES (1, 'c1', 1, 'c1', 'generic:c1', 'generic:l', 'clean', 0)");
  raw.exec(
      "INSERT INTO signups (task_id, person_id, state, seq, at, node_id) VALUES "
      "(1, 'generic:v', 'signed_up', 1, 5, 'c1'), (1, 'generic:s', 'waitlisted', 2, 6, NULL)");

  apply_migrations(raw, all_migrations());
  EXPECT_EQ(raw.execAndGet("PRAGMA user_version").getInt(), Database::latest_schema_version());
  SQLite::Statement roles(raw, "SELECT person_id || '/' || role FROM roles ORDER BY rowid");
  std::vector<std::string> granted;
  while (roles.executeStep())
    granted.push_back(roles.getColumn(0).getString());
  EXPECT_EQ(granted, (std::vector<std::string>{"generic:v/volunteer", "generic:s/staff", "generic:l/leader",
                                               "generic:l/volunteer"}));
  EXPECT_EQ(raw.execAndGet("SELECT COUNT(*) FROM roles INDEXED BY roles_of_officials "
                           "WHERE node_id = 'c1' AND role <> 'volunteer'")
                .getInt(),
            2);
  EXPECT_EQ(raw.execAndGet("SELECT group_concat(person_id || '/' || state || '/' || seq || '/' || "
                           "coalesce(node_id, '-'), ' ') FROM signups")
                .getString(),
            "generic:s/waitlisted/2/- generic:v/signed_up/1/c1");
  // The same rules: an unknown role or state, a second grant, a second signup are refused. Each
  // grant names its person's number (schema v10), so only the rule asked about can refuse it.
  const std::string v_serial = raw.execAndGet("SELECT serial FROM people WHERE id = 'generic:v'").getString();
  EXPECT_THROW(raw.exec("INSERT INTO roles (person_id, person_serial, node_id, role, granted_at) VALUES "
                        "('generic:v', " +
                        v_serial + ", 'c1', 'mayor', 0)"),
               SQLite::Exception);
  EXPECT_THROW(raw.exec("INSERT INTO roles (person_id, person_serial, node_id, role, granted_at) VALUES "
                        "('generic:v', " +
                        v_serial + ", 'c1', 'volunteer', 1)"),
               SQLite::Exception);
  raw.exec("INSERT INTO roles (person_id, person_serial, node_id, role, granted_at) VALUES ('generic:v', " +
           v_serial + ", 'c1', 'staff', 1)");  // the same row with a role not held yet is taken
  EXPECT_THROW(raw.exec("INSERT INTO signups (task_id, person_id, state, seq, at) VALUES (1, 'generic:l', "
                        "'maybe', 3, 7)"),
               SQLite::Exception);
  EXPECT_THROW(raw.exec("INSERT INTO signups (task_id, person_id, state, seq, at) VALUES (1, 'generic:v', "
                        "'withdrawn', 3, 7)"),
               SQLite::Exception);
  EXPECT_THROW(raw.exec("INSERT INTO roles (person_id, person_serial, node_id, role, granted_at) VALUES "
                        "('generic:nobody', 999, 'c1', 'volunteer', 0)"),
               SQLite::Exception);
  EXPECT_EQ(raw.execAndGet("PRAGMA integrity_check").getString(), "ok");
  EXPECT_EQ(raw.execAndGet("SELECT COUNT(*) FROM pragma_foreign_key_check").getInt(), 0);
  // And the reason for the rebuild: inserting a grant or a signup opens no temporary B-tree.
  for (const std::string& insert :
       {std::string("INSERT INTO roles (person_id, person_serial, node_id, role, granted_at) VALUES (?1, "
                    "(SELECT serial FROM people WHERE id = ?1), ?2, ?3, ?4) "
                    "ON CONFLICT (person_serial, node_id, role) DO NOTHING"),
        std::string(
            "INSERT INTO signups (task_id, person_id, state, seq, at, node_id) VALUES (?, ?, ?, ?, ?, "
            "?) ON CONFLICT (task_id, person_id) DO UPDATE SET state = excluded.state")}) {
    const std::vector<std::string> program = opcodes_of(raw, insert);
    EXPECT_EQ(std::count(program.begin(), program.end(), "OpenEphemeral"), 0) << insert;
  }
}

TEST(Migrations, AVersionNineDatabaseNumbersItsPeopleAndKeysTheirRolesByThatNumber) {
  SQLite::Database raw(":memory:", SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
  raw.exec("PRAGMA foreign_keys = ON");  // as Database migrates: roles are dropped and renamed
  const std::vector<Migration> up_to_nine(all_migrations().begin(), all_migrations().begin() + 9);
  apply_migrations(raw, up_to_nine);
  ASSERT_EQ(raw.execAndGet("PRAGMA user_version").getInt(), 9);
  raw.exec("INSERT INTO org_nodes (id, community_id, level, name) VALUES ('c1', 'c1', 0, 'c')");
  // Ids out of arrival order, as a platform's are.
  raw.exec(
      "INSERT INTO people (id, created_at, updated_at) VALUES ('generic:z', 0, 0), ('generic:a', 0, 0), "
      "('generic:m', 0, 0)");
  raw.exec(
      "INSERT INTO roles (person_id, node_id, role, granted_at) VALUES ('generic:m', 'c1', 'volunteer', 0), "
      "('generic:z', 'c1', 'leader', 0), ('generic:a', 'c1', 'staff', 0), ('generic:m', 'c1', 'staff', 0)");

  apply_migrations(raw, all_migrations());
  ASSERT_EQ(raw.execAndGet("PRAGMA user_version").getInt(), Database::latest_schema_version());
  // Every person numbered in the order they came; every role kept, in the order granted, with its
  // person's number.
  EXPECT_EQ(
      raw.execAndGet("SELECT group_concat(id || '=' || serial, ' ') FROM (SELECT * FROM people ORDER BY "
                     "rowid)")
          .getString(),
      "generic:z=1 generic:a=2 generic:m=3");
  EXPECT_EQ(raw.execAndGet("SELECT group_concat(person_id || '/' || person_serial || '/' || role, ' ') FROM "
                           "(SELECT * FROM roles ORDER BY rowid)")
                .getString(),
            "generic:m/3/volunteer generic:z/1/leader generic:a/2/staff generic:m/3/staff");
  // A person written by anyone (here a bare INSERT) gets the next number.
  raw.exec("INSERT INTO people (id, created_at, updated_at) VALUES ('generic:b', 0, 0)");
  EXPECT_EQ(raw.execAndGet("SELECT serial FROM people WHERE id = 'generic:b'").getInt(), 4);
  // A number is one person's: the same again is refused.
  EXPECT_THROW(raw.exec("UPDATE people SET serial = 1 WHERE id = 'generic:b'"), SQLite::Exception);
  // The same role twice for one person is still refused, now through the number.
  EXPECT_THROW(raw.exec("INSERT INTO roles (person_id, person_serial, node_id, role, granted_at) VALUES "
                        "('generic:m', 3, 'c1', 'volunteer', 9)"),
               SQLite::Exception);
  EXPECT_EQ(raw.execAndGet("PRAGMA integrity_check").getString(), "ok");
  EXPECT_EQ(raw.execAndGet("SELECT COUNT(*) FROM pragma_foreign_key_check").getInt(), 0);
  EXPECT_FALSE(
      raw.execAndGet("SELECT COUNT(*) FROM sqlite_master WHERE name = 'roles_by_person_serial'").getInt());
}

// A version-ten file with people, their roles and a signup, ids out of arrival order.
void fill_a_version_ten_file(SQLite::Database& raw) {
  raw.exec("PRAGMA foreign_keys = ON");  // as Database migrates
  const std::vector<Migration> up_to_ten(all_migrations().begin(), all_migrations().begin() + 10);
  apply_migrations(raw, up_to_ten);
  ASSERT_EQ(raw.execAndGet("PRAGMA user_version").getInt(), 10);
  raw.exec("INSERT INTO org_nodes (id, community_id, level, name) VALUES ('c1', 'c1', 0, 'c')");
  raw.exec(
      "INSERT INTO people (id, name, created_at, updated_at) VALUES ('generic:z', '赵', 5, 6), "
      "('generic:a', '', 7, 7), ('generic:m', '孟', 8, 0)");
  raw.exec(
      "INSERT INTO roles (person_id, person_serial, node_id, role, granted_at) VALUES "
      "('generic:m', 3, 'c1', 'volunteer', 0), ('generic:z', 1, 'c1', 'leader', 0)");
  raw.exec(
      "INSERT INTO tasks (id, community_id, number, node_id, chat_id, creator_id, title, created_at) "
      "VALUES (1, 'c1', 1, 'c1', 'generic:c1', 'generic:z', 'clean', 0)");
  raw.exec(
      "INSERT INTO signups (task_id, person_id, state, seq, at) VALUES (1, 'generic:a', 'signed_up', 1, 9)");
}

std::string people_rows(SQLite::Database& raw) {
  return raw
      .execAndGet(
          "SELECT group_concat(serial || ':' || id || '/' || name || '/' || created_at || '/' || "
          "updated_at, ' ') FROM (SELECT * FROM people ORDER BY serial)")
      .getString();
}

TEST(Migrations, AVersionTenDatabaseStoresItsPeopleByTheirNumberWithEveryReferenceKept) {
  SQLite::Database raw(":memory:", SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
  fill_a_version_ten_file(raw);
  const std::string before = people_rows(raw);
  ASSERT_EQ(before, "1:generic:z/赵/5/6 2:generic:a//7/7 3:generic:m/孟/8/0");

  apply_migrations(raw, all_migrations());
  ASSERT_EQ(raw.execAndGet("PRAGMA user_version").getInt(), Database::latest_schema_version());
  EXPECT_EQ(people_rows(raw), before);
  // The number is the row's key now: the index and the trigger that kept it are gone.
  EXPECT_EQ(raw.execAndGet("SELECT COUNT(*) FROM people WHERE rowid <> serial").getInt(), 0);
  EXPECT_EQ(raw.execAndGet("SELECT group_concat(name, ' ') FROM (SELECT name FROM sqlite_master WHERE "
                           "tbl_name = 'people' AND name NOT LIKE 'sqlite_autoindex%' ORDER BY name)")
                .getString(),
            "people people_by_name");
  EXPECT_EQ(raw.execAndGet("PRAGMA integrity_check").getString(), "ok");
  EXPECT_EQ(raw.execAndGet("SELECT COUNT(*) FROM pragma_foreign_key_check").getInt(), 0);
  // Foreign keys are on again after the rebuild, and refuse a role or signup of nobody.
  EXPECT_EQ(raw.execAndGet("PRAGMA foreign_keys").getInt(), 1);
  EXPECT_THROW(raw.exec("INSERT INTO roles (person_id, person_serial, node_id, role, granted_at) VALUES "
                        "('generic:nobody', 99, 'c1', 'staff', 0)"),
               SQLite::Exception);
  EXPECT_THROW(raw.exec("INSERT INTO signups (task_id, person_id, state, seq, at) VALUES "
                        "(1, 'generic:nobody', 'signed_up', 2, 9)"),
               SQLite::Exception);
  // Deleting a referenced person is refused, as before.
  EXPECT_THROW(raw.exec("DELETE FROM people WHERE id = 'generic:a'"), SQLite::Exception);
  // A person written by anyone gets the next number; an id is one person's, and never missing.
  raw.exec("INSERT INTO people (id, created_at, updated_at) VALUES ('generic:b', 0, 0)");
  EXPECT_EQ(raw.execAndGet("SELECT serial FROM people WHERE id = 'generic:b'").getInt(), 4);
  EXPECT_THROW(raw.exec("INSERT INTO people (id, created_at, updated_at) VALUES ('generic:b', 1, 1)"),
               SQLite::Exception);
  EXPECT_THROW(raw.exec("INSERT INTO people (id, created_at, updated_at) VALUES (NULL, 1, 1)"),
               SQLite::Exception);
  // A person's role is found by the number read from the id's own index, without the table.
  std::string plan;
  SQLite::Statement explain(raw, "EXPLAIN QUERY PLAN SELECT serial FROM people WHERE id = 'generic:m'");
  while (explain.executeStep())
    plan += explain.getColumn(3).getString() + "\n";
  EXPECT_NE(plan.find("COVERING INDEX"), std::string::npos) << plan;
}

TEST(Migrations, ARebuildThatWouldBreakAReferenceLeavesTheFileAsItWas) {
  SQLite::Database raw(":memory:", SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
  fill_a_version_ten_file(raw);
  const std::string before = people_rows(raw);
  std::vector<Migration> steps(all_migrations().begin(), all_migrations().begin() + 10);
  // A faulty rebuild that loses a person someone's signup names.
  steps.push_back({11, "DELETE FROM people WHERE id = 'generic:a'", true});

  EXPECT_THROW(apply_migrations(raw, steps), std::runtime_error);
  EXPECT_EQ(raw.execAndGet("PRAGMA user_version").getInt(), 10);
  EXPECT_EQ(people_rows(raw), before);
  EXPECT_EQ(raw.execAndGet("PRAGMA foreign_keys").getInt(), 1);
}

TEST(Migrations, ARebuildIsNotRefusedForABrokenReferenceItFound) {
  SQLite::Database raw(":memory:", SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
  fill_a_version_ten_file(raw);
  // A role whose person is gone, written with foreign keys off (a hand on the sqlite3 shell).
  raw.exec("PRAGMA foreign_keys = OFF");
  raw.exec(
      "INSERT INTO roles (person_id, person_serial, node_id, role, granted_at) VALUES "
      "('generic:ghost', 99, 'c1', 'staff', 0)");
  raw.exec("PRAGMA foreign_keys = ON");

  apply_migrations(raw, all_migrations());
  EXPECT_EQ(raw.execAndGet("PRAGMA user_version").getInt(), Database::latest_schema_version());
  EXPECT_EQ(raw.execAndGet("SELECT COUNT(*) FROM pragma_foreign_key_check").getInt(), 1);
}

}  // namespace
}  // namespace whistle::store
