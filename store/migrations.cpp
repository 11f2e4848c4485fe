#include "store/migrations.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Transaction.h>

#include <algorithm>
#include <optional>
#include <stdexcept>
#include <string>

#include "store/schema_v1.hpp"
#include "store/schema_v10.hpp"
#include "store/schema_v11.hpp"
#include "store/schema_v12.hpp"
#include "store/schema_v13.hpp"
#include "store/schema_v2.hpp"
#include "store/schema_v3.hpp"
#include "store/schema_v4.hpp"
#include "store/schema_v5.hpp"
#include "store/schema_v6.hpp"
#include "store/schema_v7.hpp"
#include "store/schema_v8.hpp"
#include "store/schema_v9.hpp"

namespace whistle::store {

namespace {

// SQLite ignores PRAGMA foreign_keys inside a transaction, so a rebuild's steps need them off
// before BEGIN. After the commit restore() puts back what the connection had, and fails loudly if
// it cannot: a writer must never go on without them. A migration that fails gets them back too.
class ForeignKeysOff {
 public:
  explicit ForeignKeysOff(SQLite::Database& db)
      : db_(db), were_on_(db.execAndGet("PRAGMA foreign_keys").getInt() != 0) {
    if (were_on_) db_.exec("PRAGMA foreign_keys = OFF");
  }
  ~ForeignKeysOff() {
    try {
      restore();
    } catch (...) {
      // Only after a failed migration, whose own error is the one reported; the connection it
      // leaves is not used (Database's constructor throws it away).
    }
  }
  ForeignKeysOff(const ForeignKeysOff&) = delete;
  ForeignKeysOff& operator=(const ForeignKeysOff&) = delete;

  void restore() {
    if (!were_on_) return;
    were_on_ = false;
    db_.exec("PRAGMA foreign_keys = ON");
    if (db_.execAndGet("PRAGMA foreign_keys").getInt() == 0)
      throw std::runtime_error("foreign keys could not be turned back on after the migration");
  }

 private:
  SQLite::Database& db_;
  bool were_on_;
};

int broken_references(SQLite::Database& db) {
  return db.execAndGet("SELECT COUNT(*) FROM pragma_foreign_key_check").getInt();
}

}  // namespace

const std::vector<Migration>& all_migrations() {
  static const std::vector<Migration> steps{
      {1, kSchemaV1},         {2, kSchemaV2},   {3, kSchemaV3},  {4, kSchemaV4}, {5, kSchemaV5},
      {6, kSchemaV6},         {7, kSchemaV7},   {8, kSchemaV8},  {9, kSchemaV9}, {10, kSchemaV10},
      {11, kSchemaV11, true}, {12, kSchemaV12}, {13, kSchemaV13}};
  return steps;
}

void apply_migrations(SQLite::Database& db, const std::vector<Migration>& steps) {
  const int latest = steps.empty() ? 0 : steps.back().version;
  // Read again below, under the lock. A version only grows: a rebuild not pending now will not be
  // pending then, so every rebuild that runs runs with foreign keys off.
  const int seen = db.execAndGet("PRAGMA user_version").getInt();
  const bool rebuilds = std::any_of(steps.begin(), steps.end(), [seen](const Migration& step) {
    return step.version > seen && step.rebuilds_a_referenced_table;
  });
  std::optional<ForeignKeysOff> foreign_keys_off;
  if (rebuilds) foreign_keys_off.emplace(db);
  // BEGIN IMMEDIATE: two processes opening one file at once must not both migrate it.
  SQLite::Transaction transaction(db, SQLite::TransactionBehavior::IMMEDIATE);
  const int current = db.execAndGet("PRAGMA user_version").getInt();
  if (current > latest) {
    throw std::runtime_error("the database has schema version " + std::to_string(current) +
                             " but this build knows only up to " + std::to_string(latest) +
                             ": use a newer whistle");
  }
  for (const Migration& step : steps) {
    if (step.version <= current) continue;
    try {
      const int broken_before = step.rebuilds_a_referenced_table ? broken_references(db) : 0;
      db.exec(std::string(step.sql));
      if (step.rebuilds_a_referenced_table && broken_references(db) > broken_before) {
        throw std::runtime_error("it would leave references to a missing row");
      }
    } catch (const std::exception& error) {
      throw std::runtime_error("schema migration to version " + std::to_string(step.version) +
                               " failed: " + error.what());
    }
    db.exec("PRAGMA user_version = " + std::to_string(step.version));
  }
  transaction.commit();
  if (foreign_keys_off) foreign_keys_off->restore();
}

}  // namespace whistle::store
