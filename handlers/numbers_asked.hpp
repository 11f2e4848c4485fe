#pragma once

// A group's "收到请扣1": for a while after a notice asks the group to answer with a number, a bare
// "1" among neighbours answers the notice, not the chat's open task. Kept as a `numbers_asked` job
// per chat that comes due when the window ends (its running does nothing); a call for numbers to
// sign up ("能来的扣1") or a new whistle in the chat ends it at once.

#include <cstdint>
#include <string_view>
#include <vector>

#include "handlers/context.hpp"
#include "store/jobs.hpp"

namespace whistle::handlers {

/// The job kind of the window; its payload is the chat.
inline constexpr std::string_view kNumbersAsked = "numbers_asked";

/// How long a bare "1" answers the notice: the day's readers, not the next day's volunteers.
inline constexpr std::int64_t kNumbersAskedWindow = 12 * 3600;

/// Opens, renews or ends the window by a group line: its ask for numbers back, a call for numbers
/// to sign up with, or a whistle.
void note_numbers_asked(Context& context, const Command& command);

/// Whether a bare "1" said among neighbours answers a notice's ask rather than signing up.
bool answers_numbers_asked(Context& context, const Command& command);

/// The window's end: nothing to send.
std::vector<Reply> run_numbers_asked_end(const Services& services, const store::Job& job, std::int64_t now);

}  // namespace whistle::handlers
