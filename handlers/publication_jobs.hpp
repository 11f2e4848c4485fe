#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "handlers/context.hpp"
#include "handlers/ranking_month.hpp"
#include "store/jobs.hpp"

namespace whistle::handlers {

/// The job kind of a community's 民情日 publication; its payload is the community's id. Each run
/// schedules the next month's, so a community always has exactly one waiting.
inline constexpr std::string_view kMonthlyPublication = "monthly_publication";

/// Schedules the community's next publication when none is waiting (a fresh database, a community
/// just added). Cheap when one is: a single indexed look-up, so it may run for every message.
void ensure_publication_job(const Services& services, const std::string& community, std::int64_t now);

/// Posts one node's publication for a month in its own chats and keeps it with the ledger digest of
/// this moment; `author` empty for the scheduled one. Returns the messages, every part to every chat.
std::vector<Reply> publish_node(const Services& services, const store::OrgNode& node,
                                const RankingMonth& month, const std::optional<std::string>& author,
                                std::int64_t now);

/// Whether nothing was earned and nobody signed up under the node in the month: a bare 公示 by hand
/// is refused then.
bool month_is_empty(const Services& services, const std::string& node, const RankingMonth& month);

/// Carries out a `monthly_publication` job: every node of the community with a bound chat gets its
/// publication of the month before the job's due time, unless that one is already kept (a job run
/// again after a crash or a restart posts nothing twice); then the next month's job is scheduled. An
/// empty month is posted too: the design's 公示 goes to every group, per level.
std::vector<Reply> run_monthly_publication(const Services& services, const store::Job& job, std::int64_t now);

}  // namespace whistle::handlers
