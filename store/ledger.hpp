#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace whistle::store {

class Database;

/// What a ledger entry is for.
enum class LedgerKind {
  task,     ///< confirmed attendance: points and service minutes
  no_show,  ///< a signup with no check-in (失约), when the rules take points for it
  adjust,   ///< 加分 / 扣分 by a leader, with a reason
  redeem,   ///< points held by a redemption (negative)
  refund,   ///< a cancelled or expired redemption gives its points back
  wish,     ///< a fulfilled 微心愿 rated satisfied
};

const char* ledger_kind_text(LedgerKind kind);
std::optional<LedgerKind> parse_ledger_kind(std::string_view text);

/// An entry to append; the repository adds its id, time order and hashes.
struct NewLedgerEntry {
  std::string community;
  std::string person;
  std::int64_t points = 0;   ///< signed
  std::int64_t minutes = 0;  ///< service minutes (task entries only); spending never reduces them
  LedgerKind kind = LedgerKind::task;
  std::optional<std::string> node{};  ///< whose ranking it counts for
  std::optional<std::int64_t> task_id{};
  std::optional<std::string> author{};
  std::string reason{};
  std::int64_t at = 0;
};

struct LedgerEntry : NewLedgerEntry {
  std::int64_t id = 0;
  std::string prev_hash;
  std::string hash;
};

/// Where a community's chain stands: what a publication shows so anyone can check it later.
struct LedgerDigest {
  std::string hash;  ///< the last entry's hash (the genesis hash when there is none)
  std::int64_t entries = 0;
};

/// The append-only points ledger. Balances and sums are derived from the entries, never stored.
class LedgerRepository {
 public:
  explicit LedgerRepository(Database& db);
  ~LedgerRepository();

  /// Appends one entry to its community's chain and returns it with its id and hash.
  LedgerEntry append(const NewLedgerEntry& entry);

  /// A person's points in a community: the sum of their entries.
  std::int64_t balance(const std::string& community, const std::string& person);

  /// A person's points and service minutes from entries in [from, to).
  struct Sums {
    std::int64_t points = 0;
    std::int64_t minutes = 0;
  };
  Sums sums_between(const std::string& community, const std::string& person, std::int64_t from,
                    std::int64_t to);

  /// Whether the person already has an entry of this kind for the task (settling is once only).
  bool has_task_entry(std::int64_t task_id, const std::string& person, LedgerKind kind);

  /// The chain's end for a community.
  LedgerDigest digest(const std::string& community);

  /// What earned_between reads: the sums, and the points of the gains alone (deductions left out).
  struct Earned : Sums {
    std::int64_t gained = 0;
  };
  /// What a person earned in [from, to): points of every kind but spending (redeem, refund) and
  /// service minutes, so a redemption never lowers a month's earnings or hours.
  Earned earned_between(const std::string& community, const std::string& person, std::int64_t from,
                        std::int64_t to);

  /// A person's service minutes of all time.
  std::int64_t total_minutes(const std::string& community, const std::string& person);

  /// One person's earnings in a ranking.
  struct PersonEarnings {
    std::string person;
    std::int64_t points = 0;
    std::int64_t minutes = 0;
  };
  /// Earnings in [from, to) of entries counting for `node` or any node below it, per person, most
  /// points first (then most minutes, then person id, so the order is stable).
  std::vector<PersonEarnings> earnings_under(const std::string& node, std::int64_t from, std::int64_t to);

  /// Every entry written for a task (its confirmations and no-shows), in chain order.
  std::vector<LedgerEntry> of_task(std::int64_t task_id);

  /// A person's latest `limit` entries in a community, newest first: where their points came from
  /// and went (积分明细).
  std::vector<LedgerEntry> latest_of_person(const std::string& community, const std::string& person,
                                            int limit);

  /// The community's entries of [from, to), in chain order, with their hashes.
  std::vector<LedgerEntry> of_month(const std::string& community, std::int64_t from, std::int64_t to);

  /// The SQL of of_month (the public board's export) and latest_of_person, for the query-plan tests.
  static std::vector<std::string> queries();

 private:
  struct Statements;
  std::unique_ptr<Statements> statements_;
};

}  // namespace whistle::store
