#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

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

/// The service center's catalog. The config seeds it once; from then on its stock moves only by
/// redemptions, their refunds and the staff's 上架/补货, so a restart never gives back what was taken.
class RewardRepository {
 public:
  explicit RewardRepository(Database& db);
  ~RewardRepository();

  /// Inserts a catalog item unless the community already has one with this id or this name;
  /// returns whether it was inserted. An existing item is left exactly as it is.
  bool seed(const RewardRow& reward);

  /// Adds a new item (上架). Throws SQLite::Exception if the id is taken.
  void insert(const RewardRow& reward);

  /// One item of a community, by id.
  std::optional<RewardRow> find(const std::string& community, const std::string& id);

  /// Every item of a community, cheapest first.
  std::vector<RewardRow> of_community(const std::string& community);

  /// Takes `quantity` from the stock if that much is there; returns false (and changes nothing)
  /// otherwise, so stock never goes below zero.
  bool take(const std::string& community, const std::string& id, int quantity);

  /// Puts `quantity` back on the shelf (a refund) or adds it (补货).
  void add_stock(const std::string& community, const std::string& id, int quantity);

  /// Changes an item's price; redemptions already made keep what they cost.
  void set_points(const std::string& community, const std::string& id, int points);

 private:
  struct Statements;
  std::unique_ptr<Statements> statements_;
};

}  // namespace whistle::store
