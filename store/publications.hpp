#pragma once

#include <memory>

namespace whistle::store {

class Database;

/// The monthly 公示, each kept with the ledger digest it showed (issue 11, filled in by the ranking work).
class PublicationRepository {
 public:
  explicit PublicationRepository(Database& db);
  ~PublicationRepository();

 private:
  struct Statements;
  std::unique_ptr<Statements> statements_;
};

}  // namespace whistle::store
