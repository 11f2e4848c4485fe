#include "store/rewards.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include "store/database.hpp"
#include "store/statement.hpp"

namespace whistle::store {

namespace {
constexpr const char* kUpsert =
    "INSERT INTO rewards (id, community_id, name, points, stock) VALUES (?, ?, ?, ?, ?) "
    "ON CONFLICT (community_id, id) DO UPDATE SET name = excluded.name, points = excluded.points, "
    "stock = excluded.stock";
}  // namespace

struct RewardRepository::Statements {
  SQLite::Statement upsert;
  explicit Statements(SQLite::Database& db) : upsert(db, kUpsert) {}
};

RewardRepository::RewardRepository(Database& db) : statements_(std::make_unique<Statements>(db.raw())) {}
RewardRepository::~RewardRepository() = default;

void RewardRepository::upsert(const RewardRow& reward) {
  auto& s = detail::fresh(statements_->upsert);
  s.bind(1, reward.id);
  s.bind(2, reward.community);
  s.bind(3, reward.name);
  s.bind(4, reward.points);
  s.bind(5, reward.stock);
  s.exec();
}

}  // namespace whistle::store
