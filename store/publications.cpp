#include "store/publications.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include "store/database.hpp"
#include "store/statement.hpp"

namespace whistle::store {

struct PublicationRepository::Statements {
  explicit Statements(SQLite::Database& /*db*/) {}
};

PublicationRepository::PublicationRepository(Database& db)
    : statements_(std::make_unique<Statements>(db.raw())) {}
PublicationRepository::~PublicationRepository() = default;

}  // namespace whistle::store
