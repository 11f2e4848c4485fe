#include "store/rewards.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include "store/database.hpp"
#include "store/statement.hpp"

namespace whistle::store {

namespace {
// Seeding never overwrites: the database's stock is the truth once redemptions have moved it.
// An item of the same name under another id counts as present too, so an item the staff put up
// by hand (its id is its name) is not doubled when the config later lists it.
constexpr const char* kSeed =
    "INSERT INTO rewards (id, community_id, name, points, stock) SELECT ?1, ?2, ?3, ?4, ?5 "
    "WHERE NOT EXISTS (SELECT 1 FROM rewards WHERE community_id = ?2 AND (id = ?1 OR name = ?3))";
constexpr const char* kInsert =
    "INSERT INTO rewards (id, community_id, name, points, stock) VALUES (?, ?, ?, ?, ?)";
constexpr const char* kFind =
    "SELECT id, community_id, name, points, stock FROM rewards WHERE community_id = ? AND id = ?";
constexpr const char* kOfCommunity =
    "SELECT id, community_id, name, points, stock FROM rewards WHERE community_id = ? ORDER BY points, name";
// The stock check and the decrement are one statement: no interleaving can take the last item twice.
constexpr const char* kTake =
    "UPDATE rewards SET stock = stock - ?3 WHERE community_id = ?1 AND id = ?2 AND stock >= ?3";
constexpr const char* kAddStock = "UPDATE rewards SET stock = stock + ?3 WHERE community_id = ?1 AND id = ?2";
constexpr const char* kSetPoints = "UPDATE rewards SET points = ?3 WHERE community_id = ?1 AND id = ?2";

RewardRow read_row(SQLite::Statement& s) {
  return RewardRow{s.getColumn(0).getString(), s.getColumn(1).getString(), s.getColumn(2).getString(),
                   s.getColumn(3).getInt(), s.getColumn(4).getInt()};
}
}  // namespace

struct RewardRepository::Statements {
  SQLite::Database& db;
  SQLite::Statement seed, insert, find, of_community, take, add_stock, set_points;
  explicit Statements(SQLite::Database& connection)
      : db(connection),
        seed(db, kSeed),
        insert(db, kInsert),
        find(db, kFind),
        of_community(db, kOfCommunity),
        take(db, kTake),
        add_stock(db, kAddStock),
        set_points(db, kSetPoints) {}
};

RewardRepository::RewardRepository(Database& db) : statements_(std::make_unique<Statements>(db.raw())) {}
RewardRepository::~RewardRepository() = default;

bool RewardRepository::seed(const RewardRow& reward) {
  auto& s = detail::fresh(statements_->seed);
  s.bind(1, reward.id);
  s.bind(2, reward.community);
  s.bind(3, reward.name);
  s.bind(4, reward.points);
  s.bind(5, reward.stock);
  return s.exec() == 1;
}

void RewardRepository::insert(const RewardRow& reward) {
  auto& s = detail::fresh(statements_->insert);
  s.bind(1, reward.id);
  s.bind(2, reward.community);
  s.bind(3, reward.name);
  s.bind(4, reward.points);
  s.bind(5, reward.stock);
  s.exec();
}

std::optional<RewardRow> RewardRepository::find(const std::string& community, const std::string& id) {
  auto& s = detail::fresh(statements_->find);
  s.bind(1, community);
  s.bind(2, id);
  std::optional<RewardRow> row;
  if (s.executeStep()) row = read_row(s);
  s.reset();
  return row;
}

std::vector<RewardRow> RewardRepository::of_community(const std::string& community) {
  auto& s = detail::fresh(statements_->of_community);
  s.bind(1, community);
  std::vector<RewardRow> rows;
  while (s.executeStep())
    rows.push_back(read_row(s));
  s.reset();
  return rows;
}

bool RewardRepository::take(const std::string& community, const std::string& id, int quantity) {
  auto& s = detail::fresh(statements_->take);
  s.bind(1, community);
  s.bind(2, id);
  s.bind(3, quantity);
  return s.exec() == 1;
}

void RewardRepository::add_stock(const std::string& community, const std::string& id, int quantity) {
  auto& s = detail::fresh(statements_->add_stock);
  s.bind(1, community);
  s.bind(2, id);
  s.bind(3, quantity);
  s.exec();
}

void RewardRepository::set_points(const std::string& community, const std::string& id, int points) {
  auto& s = detail::fresh(statements_->set_points);
  s.bind(1, community);
  s.bind(2, id);
  s.bind(3, points);
  s.exec();
}

}  // namespace whistle::store
