#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "store/rankings.hpp"
#include "store/ticket_figures.hpp"

namespace whistle::store {

class Database;

/// One monthly 公示 as it was posted: the month, the ledger digest it showed, and its text.
struct Publication {
  std::int64_t id = 0;
  std::string community;
  std::string node;
  std::string month;  ///< "2026-10"
  std::string digest;
  std::int64_t entries = 0;           ///< how many ledger entries the digest covers
  std::optional<std::string> author;  ///< the leader who posted it; empty: the scheduled 民情日 one
  std::string text;                   ///< every part, as posted, joined by blank lines
  std::int64_t at = 0;
};

/// The monthly 公示, each kept with the ledger digest it showed.
class PublicationRepository {
 public:
  explicit PublicationRepository(Database& db);
  ~PublicationRepository();

  /// Keeps a publication; returns it with its id. A second scheduled one for the same node and
  /// month is refused by the schema (std::runtime_error): check scheduled_exists first.
  Publication add(const Publication& publication);

  /// Whether the scheduled (民情日) publication of this node and month is already kept.
  bool scheduled_exists(const std::string& node, const std::string& month);

  /// Every publication of a node, oldest first.
  std::vector<Publication> of_node(const std::string& node);

  /// The month's standings a publication (or a 排行 asked in a chat) shows, over the same connection.
  RankingRepository& standings();

  /// The month's ticket figures (issue 12) for `统计`, over the same connection.
  TicketFiguresRepository& ticket_figures();

 private:
  struct Statements;
  std::unique_ptr<Statements> statements_;
  RankingRepository standings_;
  TicketFiguresRepository ticket_figures_;
};

}  // namespace whistle::store
