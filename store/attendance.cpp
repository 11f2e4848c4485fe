#include "store/attendance.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include "store/database.hpp"
#include "store/statement.hpp"

namespace whistle::store {

namespace {

constexpr const char* kColumns =
    "task_id, person_id, community_id, node_id, checked_in_at, checked_out_at, in_lat, in_lon, out_lat, "
    "out_lon, flagged, outcome, settled_by, minutes, confirmed_at";
const std::string kFind =
    std::string("SELECT ") + kColumns + " FROM attendance WHERE task_id = ? AND person_id = ?";
const std::string kOfTask = std::string("SELECT ") + kColumns +
                            " FROM attendance WHERE task_id = ? "
                            "ORDER BY checked_in_at IS NULL, checked_in_at, person_id";
constexpr const char* kCheckIn =
    "INSERT INTO attendance (task_id, person_id, community_id, node_id, checked_in_at, in_lat, in_lon) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT (task_id, person_id) DO UPDATE SET "
    "checked_in_at = COALESCE(checked_in_at, excluded.checked_in_at), "
    "in_lat = CASE WHEN checked_in_at IS NULL THEN excluded.in_lat ELSE in_lat END, "
    "in_lon = CASE WHEN checked_in_at IS NULL THEN excluded.in_lon ELSE in_lon END, "
    "node_id = COALESCE(node_id, excluded.node_id)";
constexpr const char* kCheckOut =
    "UPDATE attendance SET checked_out_at = ?, out_lat = ?, out_lon = ? WHERE task_id = ? AND person_id = ?";
// A check-out with no check-in (the person forgot it, or was not there): recorded for the leader.
constexpr const char* kCheckOutOnly =
    "INSERT INTO attendance (task_id, person_id, community_id, node_id, checked_out_at, out_lat, out_lon) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT (task_id, person_id) DO UPDATE SET "
    "checked_out_at = excluded.checked_out_at, out_lat = excluded.out_lat, out_lon = excluded.out_lon";
// A check-out taken back while the task runs (签退 by mistake): the stay is open again, and the
// short-stay flag its check-out raised goes with it.
constexpr const char* kReopenStay =
    "UPDATE attendance SET checked_out_at = NULL, out_lat = NULL, out_lon = NULL, flagged = NULL "
    "WHERE task_id = ? AND person_id = ? AND checked_in_at IS NOT NULL AND checked_out_at IS NOT NULL "
    "AND outcome IS NULL";
constexpr const char* kForgetLoneCheckOut =
    "UPDATE attendance SET checked_out_at = NULL, out_lat = NULL, out_lon = NULL, flagged = NULL "
    "WHERE task_id = ? AND person_id = ? AND checked_in_at IS NULL AND checked_out_at IS NOT NULL "
    "AND outcome IS NULL";
constexpr const char* kFlag = "UPDATE attendance SET flagged = ? WHERE task_id = ? AND person_id = ?";
constexpr const char* kSettle =
    "INSERT INTO attendance (task_id, person_id, community_id, node_id, outcome, settled_by, minutes, "
    "confirmed_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) ON CONFLICT (task_id, person_id) DO UPDATE SET "
    "outcome = excluded.outcome, settled_by = excluded.settled_by, minutes = excluded.minutes, "
    "confirmed_at = excluded.confirmed_at, node_id = COALESCE(node_id, excluded.node_id)";
// Where the person is on site now besides one task: checked in, not out, not settled, on a task
// still open (attendance_by_person, then the task's own row).
const std::string kOnSiteElsewhere =
    std::string("SELECT ") + kColumns +
    " FROM attendance WHERE person_id = ? AND task_id <> ? "
    "AND checked_in_at IS NOT NULL AND checked_out_at IS NULL AND outcome IS NULL "
    "AND EXISTS (SELECT 1 FROM tasks WHERE tasks.id = attendance.task_id "
    "AND tasks.status = 'open')";
constexpr const char* kReportedNode = "SELECT node_id FROM signups WHERE task_id = ? AND person_id = ?";

std::optional<GeoPoint> read_place(SQLite::Statement& s, int lat, int lon) {
  if (s.getColumn(lat).isNull() || s.getColumn(lon).isNull()) return std::nullopt;
  return GeoPoint{s.getColumn(lat).getDouble(), s.getColumn(lon).getDouble()};
}

std::optional<AttendanceOutcome> parse_outcome(const std::optional<std::string>& text) {
  if (!text) return std::nullopt;
  if (*text == "confirmed") return AttendanceOutcome::confirmed;
  if (*text == "vouched") return AttendanceOutcome::vouched;
  if (*text == "refused") return AttendanceOutcome::refused;
  return AttendanceOutcome::no_show;
}

Attendance read_row(SQLite::Statement& s) {
  Attendance row;
  row.task_id = s.getColumn(0).getInt64();
  row.person = s.getColumn(1).getString();
  row.community = s.getColumn(2).getString();
  row.node = detail::optional_text(s.getColumn(3));
  row.checked_in_at = detail::optional_int(s.getColumn(4));
  row.checked_out_at = detail::optional_int(s.getColumn(5));
  row.in_place = read_place(s, 6, 7);
  row.out_place = read_place(s, 8, 9);
  row.flagged = detail::optional_text(s.getColumn(10));
  row.outcome = parse_outcome(detail::optional_text(s.getColumn(11)));
  row.settled_by = detail::optional_text(s.getColumn(12));
  row.minutes = detail::optional_int(s.getColumn(13));
  row.settled_at = detail::optional_int(s.getColumn(14));
  return row;
}

void bind_place(SQLite::Statement& s, int lat, int lon, const std::optional<GeoPoint>& place) {
  if (place) {
    s.bind(lat, place->lat);
    s.bind(lon, place->lon);
  } else {
    s.bind(lat);
    s.bind(lon);
  }
}

// A check-in or a check-out with no check-in: the row's keys, its node, the time and the place,
// in that order (kCheckIn, kCheckOutOnly).
void record_time(SQLite::Statement& statement, std::int64_t task_id, const std::string& person,
                 const std::string& community, const std::optional<std::string>& node, std::int64_t at,
                 const std::optional<GeoPoint>& place) {
  auto& s = detail::fresh(statement);
  s.bind(1, task_id);
  s.bind(2, person);
  s.bind(3, community);
  detail::bind_optional(s, 4, node);
  s.bind(5, at);
  bind_place(s, 6, 7, place);
  s.exec();
}

}  // namespace

const char* attendance_outcome_text(AttendanceOutcome outcome) {
  switch (outcome) {
    case AttendanceOutcome::confirmed:
      return "confirmed";
    case AttendanceOutcome::vouched:
      return "vouched";
    case AttendanceOutcome::refused:
      return "refused";
    case AttendanceOutcome::no_show:
      return "no_show";
  }
  return "no_show";
}

struct AttendanceRepository::Statements {
  SQLite::Statement find, of_task, check_in, check_out, check_out_only, flag, settle, reported_node,
      on_site_elsewhere, reopen_stay, forget_lone_check_out;
  explicit Statements(SQLite::Database& db)
      : find(db, kFind),
        of_task(db, kOfTask),
        check_in(db, kCheckIn),
        check_out(db, kCheckOut),
        check_out_only(db, kCheckOutOnly),
        flag(db, kFlag),
        settle(db, kSettle),
        reported_node(db, kReportedNode),
        on_site_elsewhere(db, kOnSiteElsewhere),
        reopen_stay(db, kReopenStay),
        forget_lone_check_out(db, kForgetLoneCheckOut) {}
};

AttendanceRepository::AttendanceRepository(Database& db)
    : statements_(std::make_unique<Statements>(db.raw())) {}
AttendanceRepository::~AttendanceRepository() = default;

std::vector<Attendance> AttendanceRepository::on_site_elsewhere(const std::string& person,
                                                                std::int64_t except_task_id) {
  auto& s = detail::fresh(statements_->on_site_elsewhere);
  s.bind(1, person);
  s.bind(2, except_task_id);
  std::vector<Attendance> rows;
  while (s.executeStep())
    rows.push_back(read_row(s));
  s.reset();
  return rows;
}

bool AttendanceRepository::reopen_stay(std::int64_t task_id, const std::string& person) {
  auto& s = detail::fresh(statements_->reopen_stay);
  s.bind(1, task_id);
  s.bind(2, person);
  return s.exec() == 1;
}

bool AttendanceRepository::forget_lone_check_out(std::int64_t task_id, const std::string& person) {
  auto& s = detail::fresh(statements_->forget_lone_check_out);
  s.bind(1, task_id);
  s.bind(2, person);
  return s.exec() == 1;
}

std::optional<Attendance> AttendanceRepository::find(std::int64_t task_id, const std::string& person) {
  auto& s = detail::fresh(statements_->find);
  s.bind(1, task_id);
  s.bind(2, person);
  std::optional<Attendance> row;
  if (s.executeStep()) row = read_row(s);
  s.reset();
  return row;
}

void AttendanceRepository::check_in(std::int64_t task_id, const std::string& person,
                                    const std::string& community, const std::optional<std::string>& node,
                                    std::int64_t at, const std::optional<GeoPoint>& place) {
  record_time(statements_->check_in, task_id, person, community, node, at, place);
}

void AttendanceRepository::check_out(std::int64_t task_id, const std::string& person, std::int64_t at,
                                     const std::optional<GeoPoint>& place) {
  auto& s = detail::fresh(statements_->check_out);
  s.bind(1, at);
  bind_place(s, 2, 3, place);
  s.bind(4, task_id);
  s.bind(5, person);
  s.exec();
}

void AttendanceRepository::check_out_without_check_in(std::int64_t task_id, const std::string& person,
                                                      const std::string& community,
                                                      const std::optional<std::string>& node, std::int64_t at,
                                                      const std::optional<GeoPoint>& place) {
  record_time(statements_->check_out_only, task_id, person, community, node, at, place);
}

void AttendanceRepository::flag(std::int64_t task_id, const std::string& person,
                                const std::optional<std::string>& reason) {
  auto& s = detail::fresh(statements_->flag);
  detail::bind_optional(s, 1, reason);
  s.bind(2, task_id);
  s.bind(3, person);
  s.exec();
}

void AttendanceRepository::settle(std::int64_t task_id, const std::string& person,
                                  const std::string& community, const std::optional<std::string>& node,
                                  AttendanceOutcome outcome, const std::optional<std::string>& by,
                                  std::optional<std::int64_t> minutes, std::int64_t at) {
  auto& s = detail::fresh(statements_->settle);
  s.bind(1, task_id);
  s.bind(2, person);
  s.bind(3, community);
  detail::bind_optional(s, 4, node);
  s.bind(5, attendance_outcome_text(outcome));
  detail::bind_optional(s, 6, by);
  detail::bind_optional(s, 7, minutes);
  s.bind(8, at);
  s.exec();
}

std::vector<Attendance> AttendanceRepository::of_task(std::int64_t task_id) {
  auto& s = detail::fresh(statements_->of_task);
  s.bind(1, task_id);
  std::vector<Attendance> rows;
  while (s.executeStep())
    rows.push_back(read_row(s));
  s.reset();
  return rows;
}

std::optional<std::string> AttendanceRepository::reported_node(std::int64_t task_id,
                                                               const std::string& person) {
  auto& s = detail::fresh(statements_->reported_node);
  s.bind(1, task_id);
  s.bind(2, person);
  std::optional<std::string> node;
  if (s.executeStep()) node = detail::optional_text(s.getColumn(0));
  s.reset();
  return node;
}

}  // namespace whistle::store
