#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace whistle::store {

class Database;

/// One person's row of a ranking page. No person id: what leaves the server is the display name.
struct RankedPerson {
  std::int64_t rank = 0;  ///< over the whole ranking, not the page; equal points share one (1, 2, 2, 4)
  std::string name;       ///< display name as stored; may be empty
  std::int64_t points = 0;
  std::int64_t minutes = 0;
};

/// A page of a node's people ranking, and how many people the whole ranking has.
struct RankingPage {
  std::int64_t total = 0;
  std::vector<RankedPerson> people;
};

/// An open whistle with places left (or no limit on places).
struct OpenTask {
  std::int64_t number = 0;  ///< the community's task number ("#12")
  std::string title;
  std::optional<std::string> place;
  std::string node;
  std::string node_name;
  std::optional<std::int64_t> start_at;
  std::optional<std::int64_t> end_at;
  std::int64_t points = 0;
  std::optional<std::int64_t> wanted;  ///< places; empty: no limit
  std::int64_t signed_up = 0;
};

/// A page of open tasks and how many there are in all.
struct OpenTaskPage {
  std::int64_t total = 0;
  std::vector<OpenTask> tasks;
};

/// A solved ticket as the 回音壁 shows it. No reporter: the board never names one.
struct ResolvedTicket {
  std::int64_t number = 0;  ///< "T5"
  std::string kind;         ///< report, order, wish
  std::optional<std::string> category;
  std::string node;
  std::string node_name;
  bool reported_in_private = false;
  std::string text;  ///< what the reporter wrote (the group post showed it); unmasked here
  std::int64_t created_at = 0;
  std::int64_t resolved_at = 0;
  std::optional<std::int64_t> rating;
  std::string solved_by;  ///< responder's or person's display name; empty when none is stored
};

/// A page of the 回音壁 and how many solved tickets there are in all.
struct ResolvedTicketPage {
  std::int64_t total = 0;
  std::vector<ResolvedTicket> tickets;
};

/// The public board's read queries that the other repositories lack, each over a node's subtree and
/// each an index range (tests/store/board_query_plan_test.cpp). Read-only: meant for a reader's
/// connection inside a ReadSnapshot.
class BoardReads {
 public:
  explicit BoardReads(Database& db);
  ~BoardReads();

  /// The people who earned in the subtree in [from, to), ranked as RankingRepository::people ranks
  /// them, `limit` rows from `offset` (a negative limit: all of them).
  RankingPage people(const std::string& node, std::int64_t from, std::int64_t to, std::int64_t limit,
                     std::int64_t offset);

  /// Open tasks of the subtree with places left that have not ended by `now`, soonest first (by
  /// start, else creation).
  OpenTaskPage open_tasks(const std::string& node, std::int64_t now, std::int64_t limit, std::int64_t offset);

  /// Tickets received in the subtree (by first node), whatever their age, counted by state now.
  std::map<std::string, std::int64_t> ticket_states(const std::string& node);

  /// Solved tickets received in the subtree, the most recently resolved first.
  ResolvedTicketPage resolved_tickets(const std::string& node, std::int64_t limit, std::int64_t offset);

  /// The SQL of every query above, for the query-plan tests.
  static std::vector<std::string> queries();

 private:
  struct Statements;
  std::unique_ptr<Statements> statements_;
};

}  // namespace whistle::store
