#pragma once

// The points ledger is append-only and chained per community: each entry's hash covers the
// previous entry's hash and every field of the entry, so an edited, removed or reordered row
// breaks the chain from there on (`whistle verify-ledger` and `whistle check` walk it). The
// first entry of a community follows 64 zeros.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace whistle::store {

/// The hash before a community's first entry.
inline const std::string kLedgerGenesis(64, '0');

/// Every field of a ledger entry but its id and hashes: what the hash covers.
struct LedgerFields {
  std::string_view community;
  std::string_view person;
  std::int64_t points = 0;
  std::int64_t minutes = 0;
  std::string_view kind;                     ///< task, no_show, adjust, redeem, refund, wish
  std::optional<std::string_view> node{};    ///< the node whose ranking the entry counts for
  std::optional<std::int64_t> task{};        ///< the task's row id, for task and no-show entries
  std::optional<std::string_view> author{};  ///< who wrote it; none for the bot's own settling
  std::string_view reason;
  std::int64_t at = 0;
};

/// SHA-256, as 64 lowercase hex digits, of the previous hash and the fields, each written as
/// `<byte length>:<bytes>` (an absent one as `-`) in the order of LedgerFields: no two different
/// entries share an encoding, whatever their text holds.
std::string ledger_entry_hash(std::string_view previous_hash, const LedgerFields& entry);

}  // namespace whistle::store
