#include "store/ledger_verify.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <map>
#include <optional>

#include "store/database.hpp"
#include "store/ledger_chain.hpp"
#include "store/statement.hpp"

namespace whistle::store {

namespace {

// Chain order is row id order within a community: the order entries were appended in.
constexpr const char* kEntries =
    "SELECT id, community_id, person_id, points, minutes, kind, node_id, task_id, author_id, reason, at, "
    "prev_hash, hash FROM ledger ORDER BY community_id, id";
constexpr const char* kPublications =
    "SELECT id, community_id, node_id, month, digest, entries FROM publications ORDER BY community_id, id";

struct Publication {
  std::int64_t id = 0;
  std::string node;
  std::string month;
  std::string digest;
};

// Publications by community, then by the chain position their digest must be found at.
using PublicationIndex = std::map<std::string, std::multimap<std::int64_t, Publication>>;

PublicationIndex read_publications(SQLite::Database& db) {
  PublicationIndex index;
  SQLite::Statement s(db, kPublications);
  while (s.executeStep()) {
    index[s.getColumn(1).getString()].emplace(
        s.getColumn(5).getInt64(), Publication{s.getColumn(0).getInt64(), s.getColumn(2).getString(),
                                               s.getColumn(3).getString(), s.getColumn(4).getString()});
  }
  return index;
}

std::optional<std::string_view> view(const std::optional<std::string>& text) {
  if (!text) return std::nullopt;
  return std::string_view(*text);
}

std::string entry_hash(SQLite::Statement& s) {
  const std::string community = s.getColumn(1).getString();
  const std::string person = s.getColumn(2).getString();
  const std::string kind = s.getColumn(5).getString();
  const std::optional<std::string> node = detail::optional_text(s.getColumn(6));
  const std::optional<std::string> author = detail::optional_text(s.getColumn(8));
  const std::string reason = s.getColumn(9).getString();
  return ledger_entry_hash(s.getColumn(11).getString(),
                           LedgerFields{.community = community,
                                        .person = person,
                                        .points = s.getColumn(3).getInt64(),
                                        .minutes = s.getColumn(4).getInt64(),
                                        .kind = kind,
                                        .node = view(node),
                                        .task = detail::optional_int(s.getColumn(7)),
                                        .author = view(author),
                                        .reason = reason,
                                        .at = s.getColumn(10).getInt64()});
}

LedgerBreak publication_break(const std::string& community, std::int64_t position, const Publication& p,
                              const std::string& found) {
  std::string what = "publication " + std::to_string(p.id) + " (" + p.node + ", " + p.month +
                     ") showed digest " + p.digest + " after " + std::to_string(position) + " entries, but ";
  what += found.empty() ? "the chain no longer has that many entries (rows were removed)"
                        : "the chain's hash there is now " + found;
  return LedgerBreak{community, p.id, position, LedgerBreak::Problem::publication,
                     "ledger of " + community + ": " + what};
}

// What a community's walk carries from one row to the next.
struct Walk {
  LedgerChainEnd end;
  std::optional<LedgerBreak> broken;
};

// Checks the publications of a community waiting at `position` against the hash found there
// (`found` empty: the chain ended before it).
void check_publications(Walk& walk, std::multimap<std::int64_t, Publication>* publications,
                        std::int64_t position, const std::string& found) {
  if (walk.broken || publications == nullptr) return;
  auto [first, last] = publications->equal_range(position);
  for (auto it = first; it != last && !walk.broken; ++it) {
    if (it->second.digest != found)
      walk.broken = publication_break(walk.end.community, position, it->second, found);
  }
}

void finish(Walk& walk, std::multimap<std::int64_t, Publication>* publications, LedgerVerification& result) {
  // Publications showing more entries than remain: the chain's tail was cut off.
  if (publications != nullptr) {
    for (auto it = publications->upper_bound(walk.end.entries); it != publications->end() && !walk.broken;
         ++it) {
      walk.broken = publication_break(walk.end.community, it->first, it->second, "");
    }
  }
  walk.end.intact = !walk.broken;
  if (walk.broken) result.breaks.push_back(*walk.broken);
  result.chains.push_back(std::move(walk.end));
}

}  // namespace

LedgerVerification verify_ledger(Database& db) {
  SQLite::Database& raw = db.raw();
  PublicationIndex publications = read_publications(raw);
  LedgerVerification result;

  std::optional<Walk> walk;
  auto publications_of = [&](const std::string& community) {
    auto found = publications.find(community);
    return found == publications.end() ? nullptr : &found->second;
  };

  SQLite::Statement s(raw, kEntries);
  while (s.executeStep()) {
    const std::string community = s.getColumn(1).getString();
    if (!walk || walk->end.community != community) {
      if (walk) finish(*walk, publications_of(walk->end.community), result);
      walk = Walk{LedgerChainEnd{community, 0, kLedgerGenesis, true}, std::nullopt};
      check_publications(*walk, publications_of(community), 0, kLedgerGenesis);
    }
    const std::int64_t id = s.getColumn(0).getInt64();
    const std::string prev_hash = s.getColumn(11).getString();
    const std::string hash = s.getColumn(12).getString();
    const std::int64_t position = ++walk->end.entries;
    if (!walk->broken) {
      const std::string where = "ledger of " + community + ": entry " + std::to_string(id) + " (number " +
                                std::to_string(position) + " in the chain) ";
      if (prev_hash != walk->end.digest) {
        walk->broken =
            LedgerBreak{community, id, position, LedgerBreak::Problem::out_of_chain,
                        where + "does not follow the entry before it (a row was removed or reordered)"};
      } else if (hash != entry_hash(s)) {
        walk->broken = LedgerBreak{community, id, position, LedgerBreak::Problem::edited,
                                   where + "does not match its hash (the row was edited)"};
      }
    }
    walk->end.digest = hash;
    check_publications(*walk, publications_of(community), position, hash);
  }
  if (walk) finish(*walk, publications_of(walk->end.community), result);

  // A community that published but has no entry left at all: every row was removed.
  for (auto& [community, waiting] : publications) {
    bool seen = false;
    for (const LedgerChainEnd& chain : result.chains)
      seen = seen || chain.community == community;
    if (seen) continue;
    Walk empty{LedgerChainEnd{community, 0, kLedgerGenesis, true}, std::nullopt};
    check_publications(empty, &waiting, 0, kLedgerGenesis);
    finish(empty, &waiting, result);
  }
  return result;
}

}  // namespace whistle::store
