#include "handlers/publication_jobs.hpp"

#include <algorithm>

#include "handlers/ranking_text.hpp"

namespace whistle::handlers {

namespace {

void schedule_next(const Services& services, const std::string& community, std::int64_t after) {
  const config::Rules& rules = services.config.rules;
  services.jobs.schedule(std::string(kMonthlyPublication), community,
                         next_publish_at(after, rules.publish_day, rules.publish_hour,
                                         services.config.locale.utc_offset_seconds),
                         community);
}

std::string joined(const std::vector<std::string>& parts) {
  std::string text;
  for (const std::string& part : parts) {
    if (!text.empty()) text += "\n\n";
    text += part;
  }
  return text;
}

// Whether the node's month was already posted (by a leader's 公示, say, that morning) as it stands:
// showing the ledger as it is now, or the same figures under an older digest. A December 加分
// between a leader's 公示 and the 民情日 job changes the digest but not November's figures:
// posting them again would repeat them. A November entry booked since (a 下发 task confirmed at
// the community) changes the figures, and the month is posted as it is now.
bool shown_as_it_is(const Services& services, const store::OrgNode& node, const RankingMonth& month,
                    const std::string& digest) {
  const std::vector<store::Publication> posted = services.publications.of_node(node.id);
  return std::any_of(posted.begin(), posted.end(), [&](const store::Publication& publication) {
    if (publication.month != month.label()) return false;
    if (publication.digest == digest) return true;
    const store::LedgerDigest then{publication.digest, publication.entries};
    return joined(ranking_messages(services, node, month, then)) == publication.text;
  });
}

}  // namespace

void ensure_publication_job(const Services& services, const std::string& community, std::int64_t now) {
  if (services.jobs.pending(std::string(kMonthlyPublication), community)) return;
  schedule_next(services, community, now);
}

std::vector<Reply> publish_node(const Services& services, const store::OrgNode& node,
                                const RankingMonth& month, const std::optional<std::string>& author,
                                std::int64_t now) {
  const store::LedgerDigest digest = services.ledger.digest(node.community);
  const std::vector<std::string> parts = ranking_messages(services, node, month, digest);
  services.publications.add(store::Publication{0, node.community, node.id, month.label(), digest.hash,
                                               digest.entries, author, joined(parts), now});
  std::vector<Reply> replies;
  for (const std::string& chat : services.org.chats_of(node.id)) {
    for (const std::string& part : parts)
      replies.push_back(Reply{chat, part, {}});
  }
  return replies;
}

bool month_is_empty(const Services& services, const std::string& node, const RankingMonth& month) {
  store::RankingRepository& standings = services.publications.standings();
  return standings.whole(node, month.from, month.to).points == 0 &&
         standings.participation(node, month.from, month.to).signed_up == 0;
}

std::vector<Reply> run_monthly_publication(const Services& services, const store::Job& job,
                                           std::int64_t now) {
  const std::string& community = job.payload;
  const int offset = services.config.locale.utc_offset_seconds;
  // The month before the job's own due time, not before `now`: a job run late (the server was down
  // on 民情日) still publishes the month it was meant for.
  const RankingMonth month = ranking_month(previous_month(month_of(job.due_at, offset)), offset);

  std::vector<Reply> replies;
  std::vector<store::OrgNode> nodes;
  if (std::optional<store::OrgNode> top = services.org.node(community)) nodes.push_back(*top);
  for (store::OrgNode& node : services.org.descendants(community))
    nodes.push_back(std::move(node));
  const std::string digest = services.ledger.digest(community).hash;
  for (const store::OrgNode& node : nodes) {
    if (services.org.chats_of(node.id).empty()) continue;
    if (services.publications.scheduled_exists(node.id, month.label())) continue;
    if (shown_as_it_is(services, node, month, digest)) continue;
    std::vector<Reply> sent = publish_node(services, node, month, std::nullopt, now);
    replies.insert(replies.end(), std::make_move_iterator(sent.begin()), std::make_move_iterator(sent.end()));
  }
  // Exactly one job stays waiting: any other undone one of this community (a duplicate a crash or
  // a hand-made row left) goes, this one too (completing it afterwards then changes nothing).
  services.jobs.cancel(std::string(kMonthlyPublication), community);
  schedule_next(services, community, std::max(now, job.due_at));
  return replies;
}

}  // namespace whistle::handlers
