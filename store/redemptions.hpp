#pragma once

#include <memory>

namespace whistle::store {

class Database;

/// Redemptions at the service center and their pickup codes (issue 11, filled in by the redemption work).
class RedemptionRepository {
 public:
  explicit RedemptionRepository(Database& db);
  ~RedemptionRepository();

 private:
  struct Statements;
  std::unique_ptr<Statements> statements_;
};

}  // namespace whistle::store
