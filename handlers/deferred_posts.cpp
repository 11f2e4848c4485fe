#include "handlers/deferred_posts.hpp"

#include <charconv>
#include <optional>

#include "handlers/ticket_clock.hpp"

namespace whistle::handlers {

namespace {

constexpr char kTicketStageMark = '\x1e';  // "\x1e<ticket id>:<stage>"
constexpr char kTaskNoteMark = '\x1d';     // "\x1d<task id>:<person>"

std::optional<std::int64_t> number_of(std::string_view text) {
  std::int64_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

// Whether the condition line (without its mark) still holds.
bool still_holds(const Services& services, char mark, std::string_view condition) {
  const std::size_t colon = condition.find(':');
  if (colon == std::string_view::npos) return false;
  const std::optional<std::int64_t> id = number_of(condition.substr(0, colon));
  if (!id) return false;
  const std::string_view rest = condition.substr(colon + 1);
  if (mark == kTicketStageMark) {
    const std::optional<std::int64_t> stage = number_of(rest);
    const std::optional<store::Ticket> ticket = services.tickets.by_id(*id);
    return stage && ticket && ticket->stage == *stage;
  }
  if (!rest.empty()) {
    const std::optional<store::Attendance> row = services.attendance.find(*id, std::string(rest));
    return row && row->outcome == store::AttendanceOutcome::no_show;
  }
  for (const store::Attendance& row : services.attendance.of_task(*id)) {
    if (row.checked_in_at && !row.outcome) return true;
  }
  return false;
}

}  // namespace

std::string kept_post(const Reply& post, std::string_view condition) {
  std::string kept = condition.empty() ? std::string() : std::string(condition) + '\n';
  kept += post.chat + '\n';
  for (std::size_t i = 0; i < post.mentions.size(); ++i)
    kept += (i ? "\x1f" : "") + post.mentions[i];
  return kept + '\n' + post.text;
}

std::string ticket_stage_condition(std::int64_t ticket_id, std::int64_t stage) {
  return kTicketStageMark + std::to_string(ticket_id) + ":" + std::to_string(stage);
}

std::string task_note_condition(std::int64_t task_id, const std::string& person) {
  return kTaskNoteMark + std::to_string(task_id) + ":" + person;
}

std::vector<Reply> held_till_morning(const Services& services, const std::string& community, Reply post,
                                     std::int64_t now, std::string_view condition) {
  const config::QuietHours& quiet = services.config.rules.quiet_hours;
  const int offset = services.config.locale.utc_offset_seconds;
  if (!in_quiet_hours(now, quiet, offset)) return {std::move(post)};
  services.jobs.schedule(std::string(kDeferredPost), community, end_of_quiet_hours(now, quiet, offset),
                         kept_post(post, condition));
  return {};
}

std::vector<Reply> run_deferred_post(const Services& services, const store::Job& job, std::int64_t) {
  std::string_view payload = job.payload;
  if (payload.starts_with(kTicketStageMark) || payload.starts_with(kTaskNoteMark)) {
    const std::size_t line_end = payload.find('\n');
    if (line_end == std::string_view::npos) return {};
    if (!still_holds(services, payload.front(), payload.substr(1, line_end - 1))) return {};
    payload.remove_prefix(line_end + 1);
  }
  const std::size_t first = payload.find('\n');
  const std::size_t second = first == std::string_view::npos ? first : payload.find('\n', first + 1);
  if (second == std::string_view::npos) return {};
  Reply post{std::string(payload.substr(0, first)), std::string(payload.substr(second + 1)), {}};
  const std::string mentions(payload.substr(first + 1, second - first - 1));
  for (std::size_t start = 0; start < mentions.size();) {
    std::size_t end = mentions.find('\x1f', start);
    if (end == std::string::npos) end = mentions.size();
    post.mentions.push_back(mentions.substr(start, end - start));
    start = end + 1;
  }
  return {std::move(post)};
}

}  // namespace whistle::handlers
