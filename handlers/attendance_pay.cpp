#include "handlers/attendance_pay.hpp"

#include <algorithm>

#include "handlers/attendance_jobs.hpp"
#include "handlers/people_names.hpp"
#include "handlers/ranking_month.hpp"

namespace whistle::handlers {

std::optional<std::int64_t> scheduled_minutes(const store::Task& task) {
  if (!task.start || !task.end || *task.end <= *task.start) return std::nullopt;
  return (*task.end - *task.start) / 60;
}

Stay stay_of(const store::Task& task, std::int64_t in, std::int64_t out) {
  if (!task.start || !task.end || *task.end <= *task.start) return Stay{out - in, std::nullopt};
  const std::int64_t from = std::max(in, *task.start);
  const std::int64_t to = std::min(out, *task.end);
  return Stay{std::max<std::int64_t>(to - from, 0), *task.end - *task.start};
}

bool is_short_stay(const Services& services, const Stay& stay) {
  return stay.length && static_cast<double>(stay.seconds) <
                            services.config.rules.min_stay_ratio * static_cast<double>(*stay.length);
}

std::int64_t credited_minutes(const store::Task& task, const std::optional<store::Attendance>& attendance,
                              bool vouched) {
  const std::optional<std::int64_t> scheduled = scheduled_minutes(task);
  const bool checked_in = attendance && attendance->checked_in_at;
  if (vouched || !checked_in) return scheduled.value_or(0);
  // No check-out: the stay ran until the task's end at most. Who came two minutes before the end
  // and never checked out is not paid the whole task.
  if (!attendance->checked_out_at) {
    if (!scheduled) return 0;
    return stay_of(task, *attendance->checked_in_at, *task.end).seconds / 60;
  }
  // The stay counted inside the task's time, as check-out measured it for the short-stay flag and
  // told the volunteer ("本次服务1小时30分钟"): arriving early to set up or leaving late adds
  // nothing, so the hours recorded are the hours the volunteer was told and never more than the
  // task's length.
  std::int64_t in = *attendance->checked_in_at;
  std::int64_t out = *attendance->checked_out_at;
  if (scheduled) {
    in = std::max(in, *task.start);
    out = std::min(out, *task.end);
  }
  return std::max<std::int64_t>(0, out - in) / 60;
}

bool already_paid(const Services& services, const store::Task& task, const std::string& person,
                  const std::optional<store::Attendance>& attendance) {
  if (attendance && attendance->outcome) {
    return attendance->outcome == store::AttendanceOutcome::confirmed ||
           attendance->outcome == store::AttendanceOutcome::vouched;
  }
  return services.ledger.has_task_entry(task.id, person, store::LedgerKind::task);
}

std::string counting_node(const Services& services, const store::Task& task, const std::string& person,
                          const std::optional<store::Attendance>& attendance) {
  if (std::optional<std::string> node = services.attendance.reported_node(task.id, person)) return *node;
  if (attendance && attendance->node) return *attendance->node;
  return task.node;
}

namespace {

// Someone first settled as a no-show and then confirmed by a leader was there after all: the
// penalty goes back, or the ledger would still punish what the 失约 rate no longer counts. Once:
// what the task's no-show entries sum to is returned, and then they sum to nothing.
void return_no_show_penalty(const Services& services, const store::Task& task, const std::string& person,
                            const std::string& node, const std::string& leader, std::int64_t at) {
  std::int64_t taken = 0;
  for (const store::LedgerEntry& entry : services.ledger.of_task(task.id)) {
    if (entry.person == person && entry.kind == store::LedgerKind::no_show) taken -= entry.points;
  }
  if (taken <= 0) return;
  services.ledger.append(store::NewLedgerEntry{
      .community = task.community,
      .person = person,
      .points = taken,
      .kind = store::LedgerKind::no_show,
      .node = node,
      .task_id = task.id,
      .author = leader,
      .reason = services.text("no_show_returned_reason", {{"task", std::to_string(task.number)},
                                                          {"title", task.title},
                                                          {"leader", display_name(services.people, leader)}}),
      .at = at});
}

// Whether the month holding `at` was already published (公示) for `node`, where the work counts, or
// a level above it: a published month must not change afterwards, or its ranking and digest no
// longer match what the groups were shown. The node is the one the work counts at, not the task's:
// a grid's 下发 task pays a volunteer at the unit he reported in from, and that unit's own 公示
// changed when the grid leader confirmed after it.
bool month_published(const Services& services, const std::string& node, std::int64_t at, std::int64_t now) {
  const int offset = services.config.locale.utc_offset_seconds;
  const language::YearMonth month = month_of(at, offset);
  // Work of this month is never in a published month: no look at the publications for it.
  if (month == month_of(now, offset)) return false;
  const std::string label = ranking_month(month, offset).label();
  // A leader may have posted it for the unit, the grid or the building alone: every level the work
  // counts at, up to the community.
  for (const store::OrgNode& level : services.org.ancestors_and_self(node)) {
    for (const store::Publication& publication : services.publications.of_node(level.id)) {
      if (publication.month == label) return true;
    }
  }
  return false;
}

}  // namespace

std::int64_t work_dated_at(const Services& services, const store::Task& task, std::int64_t now) {
  const std::int64_t done_at = task.end ? std::min(*task.end, now) : now;
  // A night that runs into a new month is its start's month: dated at its end, December's 公示 read
  // 报到参与率 100% beside 0 points and no active volunteer (an exploratory run of an urgent night,
  // 2026-12-06).
  const int offset = services.config.locale.utc_offset_seconds;
  if (task.start && *task.start <= done_at && month_of(*task.start, offset) != month_of(done_at, offset))
    return *task.start;
  return done_at;
}

Paid pay_attendance(const Services& services, const store::Task& task, const std::string& person,
                    const std::string& leader, bool vouched, std::int64_t now) {
  const std::optional<store::Attendance> attendance = services.attendance.find(task.id, person);
  const std::string node = counting_node(services, task, person, attendance);
  std::int64_t points = task.points;
  std::int64_t minutes = credited_minutes(task, attendance, vouched);
  // Paid before and taken back (a row settled refused or no-show may hold both entries): what the
  // taking back left — points already spent — is not paid a second time.
  if (attendance && attendance->outcome) {
    for (const store::LedgerEntry& entry : services.ledger.of_task(task.id)) {
      if (entry.person != person || entry.kind != store::LedgerKind::task) continue;
      points -= entry.points;
      minutes -= entry.minutes;
    }
    points = std::max<std::int64_t>(points, 0);
    minutes = std::max<std::int64_t>(minutes, 0);
  }
  // The work is dated when it was done — the task's end — not when the leader got round to
  // confirming it: Saturday evening's work confirmed on the 1st at 08:30 belongs to the month
  // published at 09:00, with its volunteers counted active there.
  std::int64_t done_at = work_dated_at(services, task, now);
  // Confirmed after that month's 公示 went out: counted in the month it is confirmed in, and the
  // volunteer sees it in this month's points (an exploratory run, 2026-12-05).
  const bool after_publication = done_at < now && month_published(services, node, done_at, now);
  if (after_publication) done_at = now;
  // The entry says who vouched, so a reader of the ledger sees this pay rests on a leader's word.
  const std::string reason =
      vouched ? services.text("confirm_reason_vouched",
                              {{"title", task.title}, {"leader", display_name(services.people, leader)}})
              : task.title;
  services.ledger.append(store::NewLedgerEntry{.community = task.community,
                                               .person = person,
                                               .points = points,
                                               .minutes = minutes,
                                               .kind = store::LedgerKind::task,
                                               .node = node,
                                               .task_id = task.id,
                                               .author = leader,
                                               .reason = reason,
                                               .at = done_at});
  if (attendance && attendance->outcome == store::AttendanceOutcome::no_show)
    return_no_show_penalty(services, task, person, node, leader, done_at);
  services.attendance.settle(
      task.id, person, task.community, node,
      vouched ? store::AttendanceOutcome::vouched : store::AttendanceOutcome::confirmed, leader, minutes,
      done_at);
  return Paid{points, after_publication};
}

std::optional<TakenBack> take_back_pay(const Services& services, const store::Task& task,
                                       const std::string& person, const std::string& leader,
                                       const std::string& why, std::int64_t now) {
  const std::optional<store::Attendance> attendance = services.attendance.find(task.id, person);
  std::int64_t points = 0;
  std::int64_t minutes = 0;
  std::optional<store::LedgerEntry> pay;  // the latest task entry: the pay being taken back
  std::int64_t no_show_net = 0;
  std::int64_t no_show_taken = 0;
  for (store::LedgerEntry& entry : services.ledger.of_task(task.id)) {
    if (entry.person != person) continue;
    if (entry.kind == store::LedgerKind::task) {
      points += entry.points;
      minutes += entry.minutes;
      pay = std::move(entry);
    } else if (entry.kind == store::LedgerKind::no_show) {
      no_show_net += entry.points;
      if (entry.points < 0) no_show_taken -= entry.points;
    }
  }
  const std::string node = pay && pay->node ? *pay->node : counting_node(services, task, person, attendance);
  // The month the work was counted in is put right — unless the groups were shown it already: a
  // published month does not change, and dated now the correction left this month's figures below
  // zero (a review, 2026-12-06). Then nothing is taken back; 扣分 corrects the points.
  const std::int64_t at = pay ? pay->at : now;
  if (at < now && month_published(services, node, at, now)) return std::nullopt;

  std::int64_t balance = std::max<std::int64_t>(services.ledger.balance(task.community, person), 0);
  TakenBack back;
  back.points = std::clamp<std::int64_t>(points, 0, balance);
  back.short_by = std::max<std::int64_t>(points, 0) - back.points;
  back.minutes = std::max<std::int64_t>(minutes, 0);
  balance -= back.points;
  services.ledger.append(store::NewLedgerEntry{
      .community = task.community,
      .person = person,
      .points = -back.points,
      .minutes = -back.minutes,
      .kind = store::LedgerKind::task,
      .node = node,
      .task_id = task.id,
      .author = leader,
      .reason = services.text("taken_back_reason", {{"task", std::to_string(task.number)},
                                                    {"title", task.title},
                                                    {"leader", display_name(services.people, leader)},
                                                    {"why", why}}),
      .at = at});

  const bool checked_in = attendance && attendance->checked_in_at;
  // Vouched for before the task's end without a check-in, and not confirmed after all: a no-show
  // as 不予确认 or the task's end would record one, its deduction too (a final read, 2026-12-06: it
  // went undeducted).
  if (!checked_in && no_show_taken == 0) {
    settle_no_show(services, task, person, node, leader, now);
    return back;
  }
  // Vouched for after a 失约: they were not there after all, and the deduction returned with the
  // pay is taken again.
  if (!checked_in && no_show_net == 0 && balance > 0) {
    services.ledger.append(store::NewLedgerEntry{
        .community = task.community,
        .person = person,
        .points = -std::min(no_show_taken, balance),
        .kind = store::LedgerKind::no_show,
        .node = node,
        .task_id = task.id,
        .author = leader,
        .reason =
            services.text("no_show_reason", {{"task", std::to_string(task.number)}, {"title", task.title}}),
        .at = at});
  }
  services.attendance.settle(
      task.id, person, task.community, node,
      checked_in ? store::AttendanceOutcome::refused : store::AttendanceOutcome::no_show, leader,
      std::nullopt, now);
  return back;
}

void refuse_attendance(const Services& services, const store::Task& task, const std::string& person,
                       const std::string& leader, std::int64_t now) {
  const std::optional<store::Attendance> attendance = services.attendance.find(task.id, person);
  services.attendance.settle(task.id, person, task.community,
                             counting_node(services, task, person, attendance),
                             store::AttendanceOutcome::refused, leader, std::nullopt, now);
}

}  // namespace whistle::handlers
