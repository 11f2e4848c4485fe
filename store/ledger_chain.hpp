#pragma once

// The points ledger is append-only and chained per community: each entry's hash covers the
// previous entry's hash and the entry's own fields, so an edited or deleted row breaks the chain
// from there on (`whistle check` walks it). The first entry of a community follows 64 zeros.

#include <cstdint>
#include <string>
#include <string_view>

namespace whistle::store {

/// The hash before a community's first entry.
inline const std::string kLedgerGenesis(64, '0');

/// The fields a ledger entry's hash covers.
struct LedgerFields {
  std::string_view community;
  std::string_view person;
  std::int64_t points = 0;
  std::int64_t minutes = 0;
  std::string_view reason;
  std::int64_t at = 0;
};

/// SHA-256, as 64 lowercase hex digits, of "prev|community|person|points|minutes|reason|at".
std::string ledger_entry_hash(std::string_view previous_hash, const LedgerFields& entry);

}  // namespace whistle::store
