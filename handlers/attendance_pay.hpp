#pragma once

// Paying and refusing one person's attendance at a task: the ledger entry and the attendance row
// move together, and a person is paid for a task once only.

#include <cstdint>
#include <optional>
#include <string>

#include "handlers/context.hpp"

namespace whistle::handlers {

/// A task's scheduled length in minutes; empty when it has no start and end.
std::optional<std::int64_t> scheduled_minutes(const store::Task& task);

/// The part of a stay that falls inside the task's time, and the task's length; empty when the task
/// has no start and end to measure against.
struct Stay {
  std::int64_t seconds = 0;
  std::optional<std::int64_t> length;
};
Stay stay_of(const store::Task& task, std::int64_t in, std::int64_t out);

/// Whether a stay is shorter than `min_stay_ratio` of the task's length: not paid as it stands.
bool is_short_stay(const Services& services, const Stay& stay);

/// The service minutes a confirmation credits: the stay from check-in to check-out counted inside
/// the task's time (as check-out measures it), so at most the task's length; from check-in to the
/// task's end when there is no check-out; the scheduled length when vouched for.
std::int64_t credited_minutes(const store::Task& task, const std::optional<store::Attendance>& attendance,
                              bool vouched);

/// Whether the person is paid for the task now: a row settled confirmed or vouched; a row settled
/// refused or no-show is not (a pay taken back by 不予确认 leaves its entries and the row so settled);
/// without a settled row, a task entry.
bool already_paid(const Services& services, const store::Task& task, const std::string& person,
                  const std::optional<store::Attendance>& attendance);

/// The node the person's points for the task count for: where they reported in, else where they
/// checked in, else the task's node.
std::string counting_node(const Services& services, const store::Task& task, const std::string& person,
                          const std::optional<store::Attendance>& attendance);

/// What a pay wrote, for the replies.
struct Paid {
  std::int64_t points = 0;         ///< the task's points, less what a pay taken back left
  bool after_publication = false;  ///< the work's month was published (公示): dated now instead
};

/// When a task's work (its pay, or its no-show) is dated: its end, or `now` if that comes first — so
/// Saturday's work confirmed on the 1st belongs to the month before — but never past the month it
/// started in: a night from 12-31 22:30 to 01-01 01:30 is December's, where its sign-ups count.
std::int64_t work_dated_at(const Services& services, const store::Task& task, std::int64_t now);

/// Pays the task's points and credits the minutes — after a pay taken back, only what it left —:
/// one ledger entry (kind task, written by the leader, the task's title as reason, with the
/// vouching noted) and the attendance row settled as confirmed or vouched. The caller has checked
/// `already_paid`.
Paid pay_attendance(const Services& services, const store::Task& task, const std::string& person,
                    const std::string& leader, bool vouched, std::int64_t now);

/// What taking back a pay moved: the points taken back and those already spent (the balance never
/// goes below zero), and the minutes.
struct TakenBack {
  std::int64_t points = 0;    ///< taken back
  std::int64_t short_by = 0;  ///< paid but already spent: not taken back
  std::int64_t minutes = 0;   ///< taken back, all of them
};

/// Takes back a confirmation given by mistake (不予确认 after 验收 or 确认): the ledger is append-only,
/// so a correcting task entry of the opposite sign — the points the balance still holds, every
/// minute — dated as the pay was; a 失约 deduction returned with a vouch is taken again. The row is
/// settled refused, or no-show without a check-in. Empty, and nothing written, when the pay's month
/// was already published (公示): that month does not change. The caller has checked `already_paid`.
std::optional<TakenBack> take_back_pay(const Services& services, const store::Task& task,
                                       const std::string& person, const std::string& leader,
                                       const std::string& why, std::int64_t now);

/// Settles the attendance as refused: no points, no minutes.
void refuse_attendance(const Services& services, const store::Task& task, const std::string& person,
                       const std::string& leader, std::int64_t now);

}  // namespace whistle::handlers
