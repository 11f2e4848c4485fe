#pragma once

// Walks every community's ledger chain and says where it stands or where it first breaks. Used by
// `whistle verify-ledger`, by `whistle check` (store/consistency.hpp) and by anyone who wants to
// compare a published digest with the database (docs/ledger.md).

#include <cstdint>
#include <string>
#include <vector>

namespace whistle::store {

class Database;

/// Where one community's chain ends, as far as it is intact.
struct LedgerChainEnd {
  std::string community;
  std::int64_t entries = 0;  ///< how many entries the chain holds
  std::string digest;        ///< the last entry's hash (the genesis hash when there is none)
  bool intact = true;
};

/// The first entry of a community's chain that does not hold.
struct LedgerBreak {
  enum class Problem {
    edited,        ///< the row's fields no longer hash to its stored hash
    out_of_chain,  ///< its previous hash is not the hash before it: a row was removed or reordered
    publication,   ///< a publication's digest is no longer the hash at the place it showed
  };
  std::string community;
  std::int64_t id = 0;        ///< the ledger row (for a publication: the publication's row id)
  std::int64_t position = 0;  ///< 1-based place in the community's chain
  Problem problem = Problem::edited;
  std::string description;  ///< one sentence naming the row and what is wrong
};

struct LedgerVerification {
  std::vector<LedgerChainEnd> chains;  ///< one per community with entries or publications
  std::vector<LedgerBreak> breaks;     ///< each community's first break
  bool ok() const { return breaks.empty(); }
};

/// Recomputes every community's chain from its rows (one read statement, so one consistent view
/// even while a server writes) and checks every publication's digest against it.
LedgerVerification verify_ledger(Database& db);

}  // namespace whistle::store
