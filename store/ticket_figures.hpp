#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace whistle::store {

class Database;

/// The counts behind a node's ticket figures for one month of receipt. Every count is of tickets
/// (never of events): a ticket sent back twice counts once in `sent_back_or_unresolved`.
/// A ticket counts in the month its `created_at` falls in and for every node on the path from its
/// `first_node` (where it was received) up to the community, whatever level has it now.
struct TicketFigures {
  std::int64_t received = 0;
  std::int64_t accepted = 0;          ///< accepted at least once (first_accepted_at set)
  std::int64_t answered_in_time = 0;  ///< first accepted within answer_hours at the first level
  /// State resolved (awaiting the rating), or closed satisfied / not_rated after a resolution: a
  /// ticket reopened (回炉) and not resolved again is not solved; a 关闭 is never solved.
  std::int64_t solved = 0;
  std::int64_t rated = 0;                    ///< has a last rating (rating not null)
  std::int64_t satisfied = 0;                ///< the last rating is 4 or 5
  std::int64_t closed = 0;                   ///< closed in any way (satisfied, unresolved, not_rated)
  std::int64_t not_rated = 0;                ///< closed because nobody rated it within rate_days
  std::int64_t closed_unresolved = 0;        ///< 关闭 with a reason (重复, 不属实, 转物业)
  std::int64_t reopened = 0;                 ///< reopened (回炉) at least once
  std::int64_t resolved_once = 0;            ///< resolved at least once (first_resolved_at set)
  std::int64_t sent_back_or_unresolved = 0;  ///< sent back (退回) at least once, or closed unresolved
  std::int64_t accept_seconds = 0;           ///< Σ (first_accepted_at − created_at) of the accepted
  std::int64_t solve_seconds = 0;            ///< Σ (resolved_at − created_at) of the solved

  // The rates exactly as design.md "Rules that hold" defines them; empty when the divisor is 0
  // (no ticket to judge is not a rate of 0).
  /// 响应率 = accepted within answer_hours at the first level ÷ received.
  std::optional<double> response_rate() const { return ratio(answered_in_time, received); }
  /// 解决率 = solved ÷ received.
  std::optional<double> solve_rate() const { return ratio(solved, received); }
  /// 满意率 = satisfied ÷ rated, by each ticket's last rating; not-rated tickets are left out.
  std::optional<double> satisfaction_rate() const { return ratio(satisfied, rated); }
  /// 办结率 = closed in any way ÷ received.
  std::optional<double> close_rate() const { return ratio(closed, received); }
  /// 重办率 = reopened at least once ÷ resolved at least once.
  std::optional<double> reopen_rate() const { return ratio(reopened, resolved_once); }
  /// 回退率 = sent back or closed unresolved ÷ received.
  std::optional<double> send_back_rate() const { return ratio(sent_back_or_unresolved, received); }
  /// Mean seconds from receipt to the first 接单, over the accepted tickets.
  std::optional<double> mean_accept_seconds() const { return ratio(accept_seconds, accepted); }
  /// Mean seconds from receipt to the (last) 办结, over the solved tickets.
  std::optional<double> mean_solve_seconds() const { return ratio(solve_seconds, solved); }

 private:
  static std::optional<double> ratio(std::int64_t part, std::int64_t whole) {
    if (whole == 0) return std::nullopt;
    return static_cast<double>(part) / static_cast<double>(whole);
  }
};

/// Read-side sums over tickets for `统计` and `whistle report`.
class TicketFiguresRepository {
 public:
  explicit TicketFiguresRepository(Database& db);
  ~TicketFiguresRepository();

  /// The figures of the tickets received in [from, to) (a local month, chosen by the caller) whose
  /// first node is `node` or below it.
  TicketFigures of_subtree(const std::string& node, std::int64_t from, std::int64_t to);

  /// Tasks of the node's subtree in [from, to), as the participation figures count them (by start,
  /// else creation; cancelled ones left out): whistled in the subtree, or handed down (下发) and
  /// reported in for from a chat in it. The task count `统计` shows beside the tickets.
  std::int64_t tasks_of_subtree(const std::string& node, std::int64_t from, std::int64_t to);

  /// The SQL of the figures query (the public board's tickets and trend), for the query-plan tests.
  static std::vector<std::string> queries();

 private:
  struct Statements;
  std::unique_ptr<Statements> statements_;
};

}  // namespace whistle::store
