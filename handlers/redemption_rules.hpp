#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "handlers/context.hpp"
#include "store/jobs.hpp"

namespace whistle::handlers {

/// The job kind that expires an uncollected redemption; its payload is the redemption's row id.
inline constexpr std::string_view kRedemptionExpiry = "redemption_expiry";

/// The job kind that reminds a volunteer of an uncollected redemption two days before it expires.
inline constexpr std::string_view kRedemptionReminder = "redemption_reminder";

/// When a redemption made at `now` must be picked up by: the service center's closing time
/// (18:00 local) on the day `days` later. A deadline of 23:50, when the center is shut, was none.
std::int64_t pickup_deadline(std::int64_t now, int days, int utc_offset_seconds);

/// Whether the person is service-center staff anywhere in the community.
bool is_staff_of(const Services& services, const std::string& person, const std::string& community);

/// The community's service-center staff, in the order of the org tree.
std::vector<std::string> staff_of(const Services& services, const std::string& community);

/// The node whose ranking a person's points count for: the first node where they volunteer in
/// the community; empty when they volunteer nowhere (a leader or staff member, say).
std::optional<std::string> node_of_volunteer(const Services& services, const std::string& person,
                                             const std::string& community);

/// Ends a pending redemption as cancelled or expired and gives its points and stock back, once:
/// returns false and changes nothing when it was no longer pending (picked up, or ended already).
bool end_and_give_back(const Services& services, const store::Redemption& redemption,
                       store::RedemptionStatus status, std::int64_t now,
                       const std::optional<std::string>& by);

/// Schedules the expiry of a new redemption at its `expires_at`.
void schedule_redemption_expiry(const Services& services, const store::Redemption& redemption);

/// Carries out a `redemption_reminder` job: a redemption still waiting is recalled to its
/// volunteer in private, with its code and deadline.
std::vector<Reply> run_redemption_reminder(const Services& services, const store::Job& job, std::int64_t now);

/// Drops the expiry of a redemption that was picked up or cancelled.
void cancel_redemption_expiry(const Services& services, std::int64_t redemption_id);

/// Carries out a `redemption_expiry` job: an uncollected redemption gives its points and stock back
/// and the volunteer is told in private; one already closed sends nothing.
std::vector<Reply> run_redemption_expiry(const Services& services, const store::Job& job, std::int64_t now);

/// The private notice that a redemption expired (also used when a late pickup finds it expired).
Reply expired_notice(const Services& services, const store::Redemption& redemption);

/// The answer to a redemption command where the chat belongs to no community.
Reply redemption_no_community(Context& context);

/// The items' names as one list ("A、B 和 C").
std::string reward_names(const Services& services, const std::vector<store::RewardRow>& items);

/// "锦华家园社区服务中心": where the goods are picked up, by its community's name (a deployment of
/// several has a center in each).
std::string service_center(const Services& services, const std::string& community);

/// Values every redemption reply shares: code, item, quantity, points (its cost).
std::vector<std::pair<std::string_view, std::string>> redemption_values(const store::Redemption& redemption);

}  // namespace whistle::handlers
