#pragma once

#include <cstdint>

namespace whistle::bot {

/// How far a platform's message time may stray from the bot's clock and still be believed: clocks
/// of phones and bridges drift, but a time beyond this is a replay, a backlog or a wrong clock.
inline constexpr std::int64_t kTrustedClockSkewSeconds = 5 * 60;

/// The last Unix second a message time may name (9999-12-31 23:59:59 UTC); later is malformed.
inline constexpr std::int64_t kMaxUnixSeconds = 253'402'300'799;

/// The time the bot takes for a message stamped `claimed` and received at `received_at`: the
/// stamp when it is within kTrustedClockSkewSeconds of the clock, else the receive time (so a
/// bridge's backlog is handled as arriving now rather than lost or dated wrongly).
std::int64_t accepted_message_time(std::int64_t claimed, std::int64_t received_at);

}  // namespace whistle::bot
