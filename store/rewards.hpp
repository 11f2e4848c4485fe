#pragma once

#include <memory>
#include <string>

namespace whistle::store {

class Database;

/// An item of a community's service-center catalog.
struct RewardRow {
  std::string id;
  std::string community;
  std::string name;
  int points = 0;
  int stock = 0;
};

/// The service center's catalog (redemptions come in a later issue).
class RewardRepository {
 public:
  explicit RewardRepository(Database& db);
  ~RewardRepository();

  /// Inserts or updates a catalog item of a community; the stock is set to the given value.
  void upsert(const RewardRow& reward);

 private:
  struct Statements;
  std::unique_ptr<Statements> statements_;
};

}  // namespace whistle::store
