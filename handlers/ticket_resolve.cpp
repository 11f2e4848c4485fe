// 办结: the work is done; the reporter is asked to rate it and the rating clock starts.

#include "handlers/language/calendar.hpp"
#include "handlers/language/normalize.hpp"
#include "handlers/language/text_util.hpp"
#include "handlers/numbers_listed.hpp"
#include "handlers/own_report_lines.hpp"
#include "handlers/people_names.hpp"
#include "handlers/task_lookup.hpp"
#include "handlers/ticket_clock.hpp"
#include "handlers/ticket_flow.hpp"
#include "handlers/ticket_intake.hpp"
#include "handlers/ticket_lookup.hpp"
#include "handlers/ticket_rate.hpp"
#include "handlers/ticket_resolve_undo.hpp"
#include "handlers/ticket_work.hpp"
#include "handlers/ticket_work_common.hpp"

namespace whistle::handlers {

namespace {

// "T1 已经修好了 谢谢师傅", "T1 搞定了 我儿子修的" from the ticket's reporter, who neither holds nor
// leads it: the words that make a worker's 办结 are a resident's thanks or their own repair. Waiting
// for a rating, they are read as a rating's words; still open, the resident is asked whether to take
// it back (a final read, 2026-12-07: the worker's words after a number were refused to the resident
// as a 办结).
std::optional<std::vector<Reply>> answer_reporters_done_words(Context& context, const Command& command) {
  if (!command.ticket || !context.community || command.text.starts_with("办结")) return std::nullopt;
  const std::optional<store::Ticket> ticket = context.tickets.by_number(*context.community, *command.ticket);
  const std::string& sender = context.message.sender;
  if (!ticket || ticket->reporter != sender || ticket->is_closed() ||
      holds_ticket(context, *ticket, sender) || leads_ticket(context, *ticket, sender))
    return std::nullopt;
  if (ticket->state == store::TicketState::resolved) return rate_in_plain_words(context, command);
  return ask_to_withdraw(context, *ticket);
}

}  // namespace

std::vector<Reply> handle_resolve(Context& context, const Command& command) {
  if (takes_back_resolve(command)) return handle_resolve_undo(context, command);
  if (auto answered = answer_reporters_done_words(context, command)) return std::move(*answered);
  // "办结 T2 T3": each. With what was done said once for both, each resident would read the other's
  // repair (an exploratory run of the workers' side, 2026-12-07): asked to send them apart.
  if (const NumbersListed listed = further_ticket_numbers(command); !listed.more.empty()) {
    if (!listed.remark.empty() && !language::is_filler(listed.remark)) {
      std::vector<std::string> lines{
          context.text("ticket_resolve_apart_line", {{"ticket", std::to_string(*command.ticket)}})};
      for (const std::int64_t number : listed.more)
        lines.push_back(context.text("ticket_resolve_apart_line", {{"ticket", std::to_string(number)}}));
      return {reply_to_sender(context,
                              context.text("ticket_resolve_apart",
                                           {{"mention", mention_of(context.people, context.message.sender)},
                                            {"lines", join_list(context, lines)}}))};
    }
    return for_each_number_listed(context, command, &Command::ticket, listed.more, handle_resolve);
  }
  std::vector<Reply> replies;
  std::optional<store::Ticket> found = workable_ticket(context, command, replies);
  if (!found) return replies;
  store::Ticket& ticket = *found;
  const std::string& sender = context.message.sender;
  const store::Ticket before = ticket;
  // The one a 派单 sent it to finishes it after a climb as its holder (ticket_flow's dispatched_to).
  if (!holds_ticket(context, ticket, sender) && ticket.state != store::TicketState::accepted) {
    if (const std::optional<std::string> sent = dispatched_to(context, ticket, sender))
      give_back(ticket, *sent);
  }
  const bool holds = holds_ticket(context, ticket, sender);
  if (!holds && !leads_ticket(context, ticket, sender) && !worked_on_ticket(context, ticket, sender))
    return {no_right(context, before, command.intent, true)};

  // A holder who fixes it straight away need not say 接单 first: 办结 counts as the accept at
  // that moment (the answer figures see it then). A leader who resolves someone else's ticket
  // becomes its holder, so a 回炉 comes back to the one who said it was done.
  if (!holds) take_over(context, ticket, sender);
  // A climbed wish is held by the leader above beside the neighbour who took it: whichever of
  // them says 办结 did it, and only the neighbour's own 办结 earns them its points (they hear it).
  if (ticket.claimed_by && *ticket.claimed_by != sender) ticket.claimed_by.reset();
  if (ticket.state != store::TicketState::accepted) mark_accepted(context, ticket);

  // The solve clock stops here; its jobs would do nothing now, so they go (a 回炉 starts anew).
  stop_solve_clock(context, ticket);

  ticket.state = store::TicketState::resolved;
  ticket.resolved_by = sender;
  ticket.resolution = command.reason && !command.reason->empty()
                          ? std::optional(language::with_chinese_punctuation(*command.reason))
                          : std::nullopt;
  ticket.resolved_at = context.now;
  if (!ticket.first_resolved_at) ticket.first_resolved_at = context.now;
  ++ticket.stage;
  context.tickets.save(ticket);
  record_event(context, ticket, "resolved", ticket.resolution);
  // "办结 T1 换好了 见图" with the photo: the proof stays with the ticket (it was dropped).
  const std::vector<std::string> kept = keep_attachments(context, ticket);

  // No rating within rate_days closes it as not rated (the rating engineer's job runs it).
  const int days = context.config.rules.rate_days;
  const std::int64_t rate_by = context.now + days * language::kSecondsPerDay;
  context.jobs.schedule_once(std::string(kTicketRateDeadline), ticket.community, rate_by,
                             ticket_job_payload(ticket, ticket.stage));
  // A unit's leader who reported his own building's lift and fixed it, or a resident a job was
  // dispatched back to, rated their own work 满意 and it counted in 满意率 (an exploratory run of
  // people changing, 2026-12-07). Resolved by its reporter, nobody is asked to rate it: it closes
  // unrated when the rating time is up, and may still be taken back meanwhile.
  const bool own_work = sender == ticket.reporter;
  // One reminder a day before, never in the night: an elderly resident who did not answer at once
  // is asked once more before it closes unrated (and a wish's volunteer goes unpaid).
  if (days >= 2 && !own_work) {
    const std::int64_t remind_at =
        end_of_quiet_hours(rate_by - language::kSecondsPerDay, context.config.rules.quiet_hours,
                           context.config.locale.utc_offset_seconds);
    if (remind_at < rate_by)
      context.jobs.schedule_once(std::string(kTicketRateReminder), ticket.community, remind_at,
                                 ticket_job_payload(ticket, ticket.stage));
  }

  Values values = work_values(context, ticket);
  values.emplace_back("resolution",
                      ticket.resolution ? *ticket.resolution : context.text("ticket_no_resolution"));
  values.emplace_back("resolver", display_name(context.people, sender));
  values.emplace_back("days", std::to_string(days));
  std::string done = context.text("ticket_resolve_done", values);
  std::string to_resident = context.text("ticket_resolved_reporter", values);
  if (!kept.empty()) {
    const Values what{{"what", join_list(context, kept)}, {"ticket", std::to_string(ticket.number)}};
    done += context.text("ticket_resolve_kept", what);
    to_resident += context.text("ticket_resolved_reporter_kept", what);
  }
  if (own_work) {
    replies.push_back(reply_to_sender(context, context.text("ticket_resolve_own", values)));
    if (!ticket.reported_in_private && ticket.chat != context.message.chat)
      append(replies,
             post_about_ticket(context, ticket,
                               Reply{ticket.chat, context.text("ticket_resolved_group_own", values), {}},
                               context.now));
    append(replies, tell_displaced(context, before, ticket));
    return replies;
  }
  replies.push_back(reply_to_sender(context, std::move(done)));
  replies.push_back(to_reporter(ticket, std::move(to_resident)));
  if (!ticket.reported_in_private) {
    set_value(values, "reporter", mention_of(context.people, ticket.reporter));
    append(replies, post_about_ticket(
                        context, ticket,
                        Reply{ticket.chat, context.text("ticket_resolved_group", values), {ticket.reporter}},
                        context.now));
  }
  append(replies, tell_displaced(context, before, ticket));
  return replies;
}

}  // namespace whistle::handlers
