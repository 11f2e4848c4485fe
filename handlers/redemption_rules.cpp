#include "handlers/redemption_rules.hpp"

#include <algorithm>
#include <charconv>

#include "handlers/language/calendar.hpp"
#include "handlers/people_names.hpp"
#include "handlers/task_lookup.hpp"
#include "handlers/task_text.hpp"

namespace whistle::handlers {

namespace {

std::optional<std::int64_t> id_of(const std::string& payload) {
  std::int64_t id = 0;
  const auto [end, error] = std::from_chars(payload.data(), payload.data() + payload.size(), id);
  if (error != std::errc() || end != payload.data() + payload.size()) return std::nullopt;
  return id;
}

}  // namespace

bool is_staff_of(const Services& services, const std::string& person, const std::string& community) {
  for (const std::string& id : services.people.nodes_with_role(person, store::Role::staff)) {
    if (const std::optional<store::OrgNode> node = services.org.node(id);
        node && node->community == community)
      return true;
  }
  return false;
}

std::vector<std::string> staff_of(const Services& services, const std::string& community) {
  // Asked of the community's own nodes (and kept between events), not of the whole org's.
  return services.people.holders_in_community(community, store::Role::staff);
}

std::optional<std::string> node_of_volunteer(const Services& services, const std::string& person,
                                             const std::string& community) {
  for (const std::string& id : services.people.nodes_with_role(person, store::Role::volunteer)) {
    if (const std::optional<store::OrgNode> node = services.org.node(id);
        node && node->community == community)
      return id;
  }
  return std::nullopt;
}

bool end_and_give_back(const Services& services, const store::Redemption& redemption,
                       store::RedemptionStatus status, std::int64_t now,
                       const std::optional<std::string>& by) {
  // The status change comes first and decides: whoever finds the redemption no longer pending
  // (a second expiry job, a cancel after the pickup) gives nothing back.
  if (!services.redemptions.close(redemption.id, status, now, by)) return false;
  store::NewLedgerEntry refund;
  refund.community = redemption.community;
  refund.person = redemption.person;
  refund.points = redemption.points;
  refund.kind = store::LedgerKind::refund;
  // The refund counts for the node the held points counted for, so the two cancel out there.
  refund.node = redemption.node;
  refund.author = by;
  refund.reason = services.text(
      status == store::RedemptionStatus::expired ? "ledger_reason_expired" : "ledger_reason_cancelled",
      redemption_values(redemption));
  refund.at = now;
  services.ledger.append(refund);
  services.rewards.add_stock(redemption.community, redemption.reward_id, redemption.quantity);
  return true;
}

namespace {

// The service center closes at 18:00; the reminder goes at 10:00 two days before the deadline.
constexpr std::int64_t kClosingSeconds = 18 * 3600;
constexpr std::int64_t kReminderBefore = 2 * language::kSecondsPerDay + 8 * 3600;

}  // namespace

std::int64_t pickup_deadline(std::int64_t now, int days, int utc_offset_seconds) {
  const std::int64_t local = now + utc_offset_seconds + std::int64_t{days} * language::kSecondsPerDay;
  const std::int64_t midnight =
      local - ((local % language::kSecondsPerDay) + language::kSecondsPerDay) % language::kSecondsPerDay;
  return midnight + kClosingSeconds - utc_offset_seconds;
}

void schedule_redemption_expiry(const Services& services, const store::Redemption& redemption) {
  services.jobs.schedule(std::string(kRedemptionExpiry), redemption.community, redemption.expires_at,
                         std::to_string(redemption.id));
  const std::int64_t remind_at = redemption.expires_at - kReminderBefore;
  if (remind_at > redemption.created_at)
    services.jobs.schedule(std::string(kRedemptionReminder), redemption.community, remind_at,
                           std::to_string(redemption.id));
}

void cancel_redemption_expiry(const Services& services, std::int64_t redemption_id) {
  services.jobs.cancel(std::string(kRedemptionExpiry), std::to_string(redemption_id));
  services.jobs.cancel(std::string(kRedemptionReminder), std::to_string(redemption_id));
}

std::vector<Reply> run_redemption_reminder(const Services& services, const store::Job& job,
                                           std::int64_t now) {
  const std::optional<std::int64_t> id = id_of(job.payload);
  if (!id) return {};
  const std::optional<store::Redemption> redemption = services.redemptions.by_id(*id);
  if (!redemption || redemption->status != store::RedemptionStatus::pending) return {};
  auto values = redemption_values(*redemption);
  values.emplace_back("until", local_time_text(services, redemption->expires_at, now));
  values.emplace_back("center", service_center(services, redemption->community));
  return {Reply{private_chat_of(redemption->person),
                services.text("redemption_reminder_private", values),
                {redemption->person}}};
}

std::string service_center(const Services& services, const std::string& community) {
  const std::optional<store::OrgNode> node = services.org.node(community);
  return services.text("service_center", {{"community", node ? node->name : community}});
}

std::vector<std::pair<std::string_view, std::string>> redemption_values(const store::Redemption& redemption) {
  return {{"code", redemption.code},
          {"item", redemption.item_name},
          {"quantity", std::to_string(redemption.quantity)},
          {"points", std::to_string(redemption.points)}};
}

Reply expired_notice(const Services& services, const store::Redemption& redemption) {
  auto values = redemption_values(redemption);
  values.emplace_back("days", std::to_string(services.config.rules.redemption_days));
  values.emplace_back("balance",
                      std::to_string(services.ledger.balance(redemption.community, redemption.person)));
  return Reply{private_chat_of(redemption.person),
               services.text("redemption_expired_private", values),
               {redemption.person}};
}

std::vector<Reply> run_redemption_expiry(const Services& services, const store::Job& job, std::int64_t now) {
  const std::optional<std::int64_t> id = id_of(job.payload);
  if (!id) return {};
  const std::optional<store::Redemption> redemption = services.redemptions.by_id(*id);
  // Picked up or cancelled in the meantime, or a job that fires again: nothing to give back.
  if (!redemption || redemption->status != store::RedemptionStatus::pending) return {};
  // Early (a job scheduled by hand, a clock set back): its time comes again rather than never.
  if (now < redemption->expires_at) {
    schedule_redemption_expiry(services, *redemption);
    return {};
  }
  if (!end_and_give_back(services, *redemption, store::RedemptionStatus::expired, now, std::nullopt))
    return {};
  return {expired_notice(services, *redemption)};
}

Reply redemption_no_community(Context& context) {
  return reply_to_sender(context,
                         context.text("redemption_no_community", {{"mention", sender_mention(context)}}));
}

std::string reward_names(const Services& services, const std::vector<store::RewardRow>& items) {
  std::vector<std::string> names;
  for (const store::RewardRow& item : items)
    names.push_back(item.name);
  return join_list(services, names);
}

}  // namespace whistle::handlers
