#include "bot/board/community_ledger.hpp"

#include <algorithm>

#include "store/board_ledger_reads.hpp"

namespace whistle::bot::board {

CommunityLedger::CommunityLedger(store::Database& db, std::string community)
    : community_(std::move(community)) {
  last_id_ = store::BoardLedgerReads(db).last_entry(community_);
  digest_ = store::LedgerRepository(db).digest(community_);
}

bool CommunityLedger::catch_up(store::Database& db) {
  store::BoardLedgerReads reads(db);
  const std::vector<store::FollowedEntry> entries = reads.entries_after(community_, last_id_);
  if (entries.empty()) return reads.last_entry(community_) == last_id_;
  for (const store::FollowedEntry& entry : entries)
    apply(reads, entry);
  return true;
}

void CommunityLedger::apply(store::BoardLedgerReads& reads, const store::FollowedEntry& entry) {
  // Active people come from attendance, not from the ledger, but attendance changes them only
  // together with a task entry: a row becomes confirmed or vouched in pay_attendance
  // (handlers/attendance_pay.cpp), which appends the task's entry for that person in the same
  // transaction, and stops being so only in take_back_pay, which appends the correcting task
  // entry in the same transaction. So the row of each new task entry, read in this snapshot, is
  // all that can have made someone active. It is read before anything changes: a failed read
  // leaves the sums as they were.
  std::optional<store::SettledAttendance> row;
  if (entry.task && entry.task_id && !months_.empty()) row = reads.attendance(*entry.task_id, entry.person);
  // A pay taken back (its row no longer confirmed) may have made someone inactive, which a set of
  // the month's active people cannot subtract without knowing their other tasks: the months are
  // summed again, in this snapshot, when next asked for. Taking back is rare.
  if (row && !row->confirmed) {
    months_.clear();
    row.reset();
  }
  const bool made_active =
      row && row->confirmed && row->node && row->settled_at && row->community == community_;

  // RankingRepository's rules: spending never counts, and an entry counts in the month its `at`
  // lies in, whenever it was appended. Where it counts (its node's subtrees, or the community's
  // when it has none) is MonthLedger's.
  for (auto& [from, month] : months_) {
    if (entry.earning && month.ledger.covers(entry.at))
      month.ledger.add_earning(entry.node, entry.person, Sums{entry.points, entry.minutes});
    if (made_active && month.ledger.covers(*row->settled_at))
      month.ledger.add_active(*row->node, entry.person);
  }
  last_id_ = entry.id;
  digest_.hash = entry.hash;
  ++digest_.entries;
}

MonthLedger& CommunityLedger::month(store::Database& db, std::int64_t from, std::int64_t to) {
  auto found = months_.find(from);
  if (found == months_.end()) {
    // Read in the same snapshot as the chain's end was caught up to: the entries after last_id_
    // are the ones the next catch_up adds.
    store::BoardLedgerReads reads(db);
    found = months_
                .emplace(from, Month{MonthLedger(from, to, reads.month_sums(community_, from, to),
                                                 reads.active_people(community_, from, to)),
                                     0})
                .first;
  }
  found->second.used = ++clock_;
  return found->second.ledger;
}

void CommunityLedger::drop_unused(std::size_t months, std::size_t subtrees) {
  while (months_.size() > months) {
    months_.erase(std::min_element(months_.begin(), months_.end(), [](const auto& a, const auto& b) {
      return a.second.used < b.second.used;
    }));
  }
  for (auto& [from, month] : months_)
    month.ledger.drop_unused(subtrees);
}

}  // namespace whistle::bot::board
