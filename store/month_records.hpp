#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace whistle::store {

class Database;

/// A ledger entry as the monthly report lists it.
struct LedgerLine {
  std::int64_t id = 0;
  std::int64_t at = 0;
  std::string person;
  std::string name;  ///< display name as stored; may be empty
  std::string kind;  ///< "task", "adjust", …
  std::int64_t points = 0;
  std::int64_t minutes = 0;
  std::optional<std::string> node;
  std::optional<std::int64_t> task_number;  ///< the task's #number, not its row id
  std::optional<std::string> author;
  std::string reason;
};

/// A redemption as the monthly report lists it.
struct RedemptionLine {
  std::int64_t id = 0;
  std::int64_t created_at = 0;
  std::string person;
  std::string name;
  std::string reward;  ///< the reward's name (its id when the catalog no longer has it)
  std::int64_t quantity = 0;
  std::int64_t points = 0;
  std::string status;  ///< pending | picked_up | cancelled | expired
  std::optional<std::int64_t> closed_at;
};

/// The rows behind a month's report for officials, read over [from, to).
class MonthRecords {
 public:
  explicit MonthRecords(Database& db);
  ~MonthRecords();

  /// Ledger entries of the range in the node's subtree (at a community: every entry of it, spending
  /// too), oldest first.
  std::vector<LedgerLine> ledger(const std::string& node, std::int64_t from, std::int64_t to);

  /// Redemptions made in the range at the node's community's service center, oldest first.
  std::vector<RedemptionLine> redemptions(const std::string& node, std::int64_t from, std::int64_t to);

 private:
  struct Statements;
  std::unique_ptr<Statements> statements_;
};

}  // namespace whistle::store
