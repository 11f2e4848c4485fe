#include "store/migrations.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Transaction.h>

#include <stdexcept>
#include <string>

#include "store/schema_v1.hpp"
#include "store/schema_v10.hpp"
#include "store/schema_v2.hpp"
#include "store/schema_v3.hpp"
#include "store/schema_v4.hpp"
#include "store/schema_v5.hpp"
#include "store/schema_v6.hpp"
#include "store/schema_v7.hpp"
#include "store/schema_v8.hpp"
#include "store/schema_v9.hpp"

namespace whistle::store {

const std::vector<Migration>& all_migrations() {
  static const std::vector<Migration> steps{{1, kSchemaV1}, {2, kSchemaV2},  {3, kSchemaV3}, {4, kSchemaV4},
                                            {5, kSchemaV5}, {6, kSchemaV6},  {7, kSchemaV7}, {8, kSchemaV8},
                                            {9, kSchemaV9}, {10, kSchemaV10}};
  return steps;
}

void apply_migrations(SQLite::Database& db, const std::vector<Migration>& steps) {
  const int latest = steps.empty() ? 0 : steps.back().version;
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
      db.exec(std::string(step.sql));
    } catch (const std::exception& error) {
      throw std::runtime_error("schema migration to version " + std::to_string(step.version) +
                               " failed: " + error.what());
    }
    db.exec("PRAGMA user_version = " + std::to_string(step.version));
  }
  transaction.commit();
}

}  // namespace whistle::store
