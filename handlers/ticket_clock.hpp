#pragma once

#include <cstdint>
#include <string_view>

#include "config/config.hpp"

namespace whistle::handlers {

/// Whether a ticket of this urgency class pauses its clocks in the quiet hours: general and
/// complex do, urgent and utilities never (design.md, "Ticket clocks").
bool class_pauses_at_night(std::string_view urgency);

/// Hours a ticket of this class has to be solved (rules.solve_hours).
int solve_hours_of(const config::Rules& rules, std::string_view urgency);

/// Whether `at` falls in the quiet hours (local time, `utc_offset_seconds` east of UTC).
bool in_quiet_hours(std::int64_t at, const config::QuietHours& quiet, int utc_offset_seconds);

/// The end of the quiet hours `at` falls in; `at` itself when it is outside them.
std::int64_t end_of_quiet_hours(std::int64_t at, const config::QuietHours& quiet, int utc_offset_seconds);

/// When `seconds` of clock time starting at `start` run out. A clock that pauses at night stops
/// through the quiet hours, so a general ticket reported at 23:00 with 2 hours to answer is due
/// at 09:00 (quiet hours 22:00–07:00).
std::int64_t deadline_after(std::int64_t start, std::int64_t seconds, bool pauses,
                            const config::QuietHours& quiet, int utc_offset_seconds);

}  // namespace whistle::handlers
