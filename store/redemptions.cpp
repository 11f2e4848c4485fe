#include "store/redemptions.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include "store/database.hpp"
#include "store/statement.hpp"

namespace whistle::store {

struct RedemptionRepository::Statements {
  explicit Statements(SQLite::Database& /*db*/) {}
};

RedemptionRepository::RedemptionRepository(Database& db)
    : statements_(std::make_unique<Statements>(db.raw())) {}
RedemptionRepository::~RedemptionRepository() = default;

}  // namespace whistle::store
