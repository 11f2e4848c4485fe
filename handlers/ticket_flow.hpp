#pragma once

// The moves every ticket command and deadline shares: who a level's ticket goes to, the answer and
// solve clocks as durable jobs, climbing one level, and posts that wait out the quiet hours.
// The commands (intake, 派单, 接单, 评价 ...) are in their own files and call these.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "handlers/context.hpp"
#include "handlers/deferred_posts.hpp"
#include "store/tickets.hpp"

namespace whistle::handlers {

// Job kinds of the ticket loop. Each payload is "<ticket id>:<n>": the ticket's stage for answer
// jobs, its solve clock's start for solve jobs, its stage for the rating deadline. A job whose
// number no longer matches the ticket does nothing: the ticket moved on.
inline constexpr std::string_view kTicketAnswerDeadline = "ticket_answer";
inline constexpr std::string_view kTicketAnswerReminder = "ticket_answer_reminder";
inline constexpr std::string_view kTicketSolveDeadline = "ticket_solve";
inline constexpr std::string_view kTicketSolveReminder = "ticket_solve_reminder";
inline constexpr std::string_view kTicketRateDeadline = "ticket_rate";
/// A day before the rating deadline, outside the quiet hours: the reporter is asked once more.
inline constexpr std::string_view kTicketRateReminder = "ticket_rate_reminder";

/// "<ticket id>:<number>", and back.
std::string ticket_job_payload(const store::Ticket& ticket, std::int64_t number);
struct TicketJobTarget {
  std::int64_t ticket_id = 0;
  std::int64_t number = 0;
};
std::optional<TicketJobTarget> parse_ticket_job_payload(const std::string& payload);

/// The values every ticket message can use: ticket, text, place, kind_name, answer_by, solve_by.
using TicketValues = std::vector<std::pair<std::string_view, std::string>>;
TicketValues ticket_values(const Services& services, const store::Ticket& ticket, std::int64_t now);

/// Where the ticket is, for people: the place as typed, else its node's name.
std::string ticket_place(const Services& services, const store::Ticket& ticket);

/// The reporter's words as shown beside ticket_place(): without the place they began with, which
/// would read twice ("3号楼2单元：3号楼2单元电梯坏了" → "3号楼2单元：电梯坏了").
std::string ticket_words(const Services& services, const store::Ticket& ticket);

/// The first leader of a node; empty when it has none.
std::optional<std::string> first_leader(const Services& services, const std::string& node);

/// The nearest node at or above `node` that has a leader (a level without one is skipped).
std::optional<store::OrgNode> nearest_led_node(const Services& services, const std::string& node);

/// The nearest node at or above `node` whose first leader is someone other than `person`: where a
/// leader's own danger, or own home's trouble, must be told (they cannot alert themselves).
std::optional<store::OrgNode> nearest_node_led_by_another(const Services& services, const std::string& node,
                                                          const std::string& person);

/// Whether the person may act on the ticket as its holder: the assigned person, a member of the
/// assigned responder, or the volunteer who claimed a 微心愿.
bool holds_ticket(const Services& services, const store::Ticket& ticket, const std::string& person);

/// Whether the person leads the ticket's current level or a level above it, or the level where it
/// was received or above.
bool leads_ticket(const Services& services, const store::Ticket& ticket, const std::string& person);

/// The lowest level on the way up from where the ticket was received that the person leads.
std::optional<store::OrgNode> lowest_level_led_by(const Services& services, const store::Ticket& ticket,
                                                  const std::string& person);

/// A leader takes the ticket on themselves (接单 or 办结 of someone else's): they hold it, and it
/// sits at their level, so a later climb starts above them. Saves nothing.
void take_over(const Services& services, store::Ticket& ticket, const std::string& person);

/// Whether the ticket has a level left to climb to.
bool can_climb(const Services& services, const store::Ticket& ticket);

/// When the first level's answer window ran out: 响应率 counts a ticket accepted by then, at that
/// level (a 派单 opens a new window for the new holder, but not a new chance for the figure).
std::int64_t first_answer_deadline(const Services& services, const store::Ticket& ticket);

/// Whether the person took the ticket on (接单) at some time: after a missed solve deadline
/// climbed it, whoever was doing the job may still finish it.
bool worked_on_ticket(const Services& services, const store::Ticket& ticket, const std::string& person);

/// Whom the ticket's last 派单 sent it to, when `person` answers for them (themselves, or a
/// responder they are a member of): "u-…" or "responder:<id>". A climb since then does not take the
/// job from them: 物业 sent a burst pipe at 02:06 found it climbed away at 04:06, and its worker's
/// 接单 in the morning was refused (an exploratory run of an urgent night, 2026-12-06).
std::optional<std::string> dispatched_to(const Services& services, const store::Ticket& ticket,
                                         const std::string& person);

/// The ticket held again by whom dispatched_to() named.
void give_back(store::Ticket& ticket, const std::string& sent_to);

/// What handing a 微心愿 on does to the neighbour who took it (claimed_by).
enum class Claim {
  follows,  ///< handed on by 派单 or 退回: the new holder's, or nobody's
  stays,    ///< climbed: the level above sees it done, the one who took it still fulfils it
};

/// Gives the ticket to a person with a fresh answer window (state assigned, stage bumped, answer
/// jobs scheduled). Saves it and records the event. Tells nobody: the caller words that.
void give_to_person(const Services& services, store::Ticket& ticket, const std::string& person,
                    const std::optional<std::string>& dispatched_by, std::int64_t now,
                    Claim claim = Claim::follows);

/// The same for a responder (物业): its members may accept.
void give_to_responder(const Services& services, store::Ticket& ticket, const store::ResponderRow& responder,
                       const std::optional<std::string>& dispatched_by, std::int64_t now);

/// Hands the ticket to a level: the nearest node at or above `node` with a leader, given to that
/// leader, who is told in private. With no leader anywhere up the tree it goes to the community's
/// default responder, else it stays open at the community (and `whistle check` lists it).
std::vector<Reply> assign_to_level(const Services& services, store::Ticket& ticket, const std::string& node,
                                   std::int64_t now);

/// Tells the members of a responder (its chats and the members in private) that a ticket is theirs.
std::vector<Reply> tell_responder(const Services& services, const store::Ticket& ticket,
                                  const store::ResponderRow& responder, std::int64_t now);

/// Why a ticket climbs, for the words the new level reads.
enum class ClimbCause { answer_deadline, solve_deadline, by_hand, reopened };

/// Climbs one level: to the parent level's leader (levels without a leader skipped), from the
/// community to its default responder, from a responder back into the ladder at its node. The new
/// level's chats and leader are told, and the reporter. At the top, where there is nowhere left to
/// climb, the community's leaders are told it is overdue; `climbed` is false then.
struct ClimbResult {
  bool climbed = false;
  std::vector<Reply> replies;
};
/// `reason` is a leader's words with 上报 ("需要社区协调"), told with the climb.
ClimbResult climb(const Services& services, store::Ticket& ticket, ClimbCause cause, std::int64_t now,
                  const std::optional<std::string>& by = std::nullopt,
                  const std::optional<std::string>& reason = std::nullopt);

/// The reporter's note of a climb: at once, or in the morning when it climbed in the quiet hours
/// (danger and urgent tickets are told at once).
void tell_reporter_of_climb(const Services& services, const store::Ticket& ticket, Reply told,
                            std::int64_t now, std::vector<Reply>& replies);

/// The level a climb would give the ticket to, or none when it would go to a responder or nowhere.
std::optional<store::OrgNode> climb_level(const Services& services, const store::Ticket& ticket);

/// Nowhere left to climb: the community's leaders hear `why` in private and in its groups.
std::vector<Reply> tell_top_overdue(const Services& services, const store::Ticket& ticket,
                                    const std::string& why, const std::optional<std::string>& by,
                                    std::int64_t now);

/// Stops the solve clock (办结, 关闭): its reminder and deadline jobs go (a 回炉 starts a new one).
void stop_solve_clock(const Services& services, const store::Ticket& ticket);

/// The community's responder the words name: its name or id exactly, else the one responder whose
/// name the words hold ("物业公司", "转物业"); empty when none or several fit.
std::optional<store::ResponderRow> responder_named(const Services& services, const std::string& community,
                                                   const std::string& words);

/// The people who hold the ticket now: the assigned person (or the volunteer who claimed a
/// 微心愿), or every member of the assigned responder. Empty for an open ticket.
std::vector<std::string> ticket_holders(const Services& services, const store::Ticket& ticket);

/// Records something that happened to the ticket in its history (进度 shows it).
void record_ticket_event(const Services& services, const store::Ticket& ticket, std::string kind,
                         const std::optional<std::string>& actor, std::optional<std::string> note,
                         std::int64_t now);

/// Starts (or, after a reopen, restarts) the solve clock from `now` with its reminder and deadline.
void start_solve_clock(const Services& services, store::Ticket& ticket, std::int64_t now);

/// Resumes the solve clock a 办结 stopped at `stopped_at` and a taking back of that 办结 restarts:
/// the same clock (its start and deadline unchanged, so 办结 and its taking back win no time), its
/// reminder and deadline scheduled again unless they ran before the stop (the reminder is taken to
/// have, when due by then; the deadline when the ticket climbed at or after its time); one that
/// fell due since runs now.
void resume_solve_clock(const Services& services, const store::Ticket& ticket, std::int64_t stopped_at,
                        std::int64_t now);

/// A post to a group about a ticket: sent now, or for a general or complex ticket in the quiet
/// hours kept as a job until they end (an empty result then).
/// `text` as a chat may read a resident's numbers: whole in a private chat, an ID number masked in a
/// responder's group (物业's worker calls back on the phone number), both masked in any other group.
std::string numbers_masked_for(const Services& services, const std::string& chat, bool private_chat,
                               std::string text);

/// The names a ticket's reporter is known by, to mask in its words where they must not be read (a
/// private report's climb, an anonymous report's words).
std::vector<std::string> reporter_names(const Services& services, const store::Ticket& ticket);

std::vector<Reply> post_about_ticket(const Services& services, const store::Ticket& ticket, Reply post,
                                     std::int64_t now);

/// A message to the reporter in private, naming the ticket.
Reply to_reporter(const store::Ticket& ticket, std::string text);

}  // namespace whistle::handlers
