#pragma once

// Posts held back through the quiet hours and sent when they end, as `deferred_post` jobs: a ticket's
// news to a group or its reporter, and a night task's 失约 notes. Each may carry what it still depends
// on, so news gone stale in the night is dropped rather than sent in the morning.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "handlers/context.hpp"
#include "store/jobs.hpp"

namespace whistle::handlers {

/// The job kind of a held post; its payload is written by kept_post().
inline constexpr std::string_view kDeferredPost = "deferred_post";

/// A held post's payload: an optional condition line (one of the *_condition() below), then
/// "<chat>\n<mention>\x1f<mention>...\n<text>" (ids never hold a line break or a unit separator).
std::string kept_post(const Reply& post, std::string_view condition = {});

/// Sent in the morning only while the ticket is at the stage it told of (not taken, solved, rated or
/// climbed again in the night: whatever moved it told its own).
std::string ticket_stage_condition(std::int64_t ticket_id, std::int64_t stage);

/// Sent in the morning only while `person` is still a no-show of the task (not vouched for in the
/// night); with `person` empty, while someone who came to it is still unsettled.
std::string task_note_condition(std::int64_t task_id, const std::string& person);

/// A post that can wait for the morning: sent now, or in the quiet hours kept as a job until they
/// end (an empty result then).
std::vector<Reply> held_till_morning(const Services& services, const std::string& community, Reply post,
                                     std::int64_t now, std::string_view condition = {});

/// Runs a held post: the post it kept, or nothing when its condition no longer holds.
std::vector<Reply> run_deferred_post(const Services& services, const store::Job& job, std::int64_t now);

}  // namespace whistle::handlers
