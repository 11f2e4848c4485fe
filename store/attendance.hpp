#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace whistle::store {

class Database;

/// How a leader settled a person's attendance.
enum class AttendanceOutcome {
  confirmed,  ///< 验收/确认: paid for the stay recorded
  vouched,    ///< 确认 @X for a flagged stay or one without check-in: paid, and the entry says so
  refused,    ///< 不予确认: not paid
  no_show,    ///< signed up, never checked in by the task's end (失约)
};

const char* attendance_outcome_text(AttendanceOutcome outcome);

/// A place sent with a check-in or check-out (a platform's location share).
struct GeoPoint {
  double lat = 0;
  double lon = 0;
};

/// One person's presence at one task.
struct Attendance {
  std::int64_t task_id = 0;
  std::string person;
  std::string community;
  std::optional<std::string> node;  ///< the node the person reported in for (whose points)
  std::optional<std::int64_t> checked_in_at;
  std::optional<std::int64_t> checked_out_at;
  std::optional<GeoPoint> in_place;
  std::optional<GeoPoint> out_place;
  std::optional<std::string> flagged;  ///< why a leader must look at it (a short stay, …)
  std::optional<AttendanceOutcome> outcome;
  std::optional<std::string> settled_by;  ///< the leader, or none for the bot's own no-show
  std::optional<std::int64_t> minutes;    ///< service minutes credited when settled
  std::optional<std::int64_t> settled_at;
};

/// Check-ins, check-outs and how each was settled. One row per (task, person).
class AttendanceRepository {
 public:
  explicit AttendanceRepository(Database& db);
  ~AttendanceRepository();

  std::optional<Attendance> find(std::int64_t task_id, const std::string& person);

  /// The person's rows checked in and not out nor settled, on open tasks other than
  /// `except_task_id`: where they are on site, as far as the record goes.
  std::vector<Attendance> on_site_elsewhere(const std::string& person, std::int64_t except_task_id);

  /// Records a check-in (a second one keeps the first time and place).
  void check_in(std::int64_t task_id, const std::string& person, const std::string& community,
                const std::optional<std::string>& node, std::int64_t at,
                const std::optional<GeoPoint>& place);

  /// Records a check-out on an existing check-in (a later one replaces an earlier one).
  void check_out(std::int64_t task_id, const std::string& person, std::int64_t at,
                 const std::optional<GeoPoint>& place);

  /// Takes a check-out back (签退 by mistake, the person still on site): the stay is open again and
  /// its flag cleared. False, and nothing changed, unless the row was checked in and out and not
  /// settled.
  bool reopen_stay(std::int64_t task_id, const std::string& person);

  /// Forgets a check-out made without a check-in (a slip, or someone's "帮我签退"), with its flag, so a
  /// check-in that follows starts the stay. False, and nothing changed, unless the row has a check-out,
  /// no check-in and is not settled.
  bool forget_lone_check_out(std::int64_t task_id, const std::string& person);

  /// Records a check-out by someone who never checked in, creating the row: the leader decides.
  void check_out_without_check_in(std::int64_t task_id, const std::string& person,
                                  const std::string& community, const std::optional<std::string>& node,
                                  std::int64_t at, const std::optional<GeoPoint>& place);

  /// Marks a row for the leader's attention; an empty reason clears the flag.
  void flag(std::int64_t task_id, const std::string& person, const std::optional<std::string>& reason);

  /// Settles a row, creating it when the person never checked in (a vouch or a no-show).
  void settle(std::int64_t task_id, const std::string& person, const std::string& community,
              const std::optional<std::string>& node, AttendanceOutcome outcome,
              const std::optional<std::string>& by, std::optional<std::int64_t> minutes, std::int64_t at);

  /// Every row of a task, by check-in time (rows without one last).
  std::vector<Attendance> of_task(std::int64_t task_id);

  /// The node the person's signup for the task was made for (signups.node_id, the chat where they
  /// reported in): whose ranking the task's points count for. Empty when unknown.
  std::optional<std::string> reported_node(std::int64_t task_id, const std::string& person);

 private:
  struct Statements;
  std::unique_ptr<Statements> statements_;
};

}  // namespace whistle::store
