#include "handlers/ticket_rating_outcome.hpp"

#include "handlers/people_names.hpp"
#include "handlers/task_text.hpp"
#include "handlers/ticket_flow.hpp"

namespace whistle::handlers {

namespace {

using Values = std::vector<std::pair<std::string_view, std::string>>;

Values rating_values(const Context& context, const store::Ticket& ticket, int score,
                     const std::optional<std::string>& words) {
  Values values = ticket_values(context, ticket, context.now);
  values.emplace_back("score", std::to_string(score));
  values.emplace_back("words", words && !words->empty() ? *words : context.text("rate_no_words"));
  values.emplace_back("resolver", resolver_name(context, ticket));
  values.emplace_back("reopened", std::to_string(ticket.reopened));
  return values;
}

Values with(Values values, std::string_view key, std::string value) {
  values.emplace_back(key, std::move(value));
  return values;
}

// The reporter's rating is what moves the ticket here: events name them.
void record(const Context& context, const store::Ticket& ticket, std::string kind,
            std::optional<std::string> note) {
  record_ticket_event(context, ticket, std::move(kind), ticket.reporter, std::move(note), context.now);
}

// "2：还是不亮": the score and the words, as the ticket's history keeps them.
std::string rating_note(int score, const std::optional<std::string>& words) {
  return std::to_string(score) + (words && !words->empty() ? "：" + *words : "");
}

void note_rating(store::Ticket& ticket, int score, const std::optional<std::string>& words) {
  ticket.rating = score;
  ticket.rating_note = words;
  ++ticket.ratings;
  ++ticket.stage;  // the rating deadline scheduled at 办结 now finds the ticket moved on
}

// The responder that had the ticket when it was resolved (办结 leaves the assignee in place).
std::optional<store::ResponderRow> holder_responder(const Context& context, const store::Ticket& ticket) {
  if (!ticket.assignee_responder) return std::nullopt;
  return context.responders.find(*ticket.assignee_responder);
}

// A 微心愿 the resident is satisfied with earns its volunteer rules.wish_points, once: the ticket
// closes here, and a closed ticket is never rated again.
std::vector<Reply> pay_wish(const Context& context, const store::Ticket& ticket, const Values& values) {
  const int points = context.config.rules.wish_points;
  // A wish handed by 派单 to the one who made it earns her nothing (认领 refuses it outright).
  if (ticket.kind != "wish" || !ticket.claimed_by || *ticket.claimed_by == ticket.reporter || points <= 0)
    return {};
  const std::string& volunteer = *ticket.claimed_by;
  context.ledger.append(store::NewLedgerEntry{.community = ticket.community,
                                              .person = volunteer,
                                              .points = points,
                                              .minutes = 0,
                                              .kind = store::LedgerKind::wish,
                                              .node = ticket.first_node,
                                              .task_id = std::nullopt,
                                              .author = ticket.reporter,
                                              .reason = context.text("rate_wish_reason", values),
                                              .at = context.now});
  const std::int64_t balance = context.ledger.balance(ticket.community, volunteer);
  Values paid = with(
      with(with(values, "mention", mention_of(context.people, volunteer)), "points", std::to_string(points)),
      "balance", std::to_string(balance));
  return {Reply{private_chat_of(volunteer), context.text("rate_wish_paid", paid), {volunteer}}};
}

// The leader of the level that has it, or of the nearest level above with one: told of a 回炉.
std::optional<std::string> level_leader(const Context& context, const store::Ticket& ticket) {
  if (std::optional<std::string> leader = first_leader(context, ticket.node)) return leader;
  if (std::optional<store::OrgNode> led = nearest_led_node(context, ticket.node))
    return first_leader(context, led->id);
  return std::nullopt;
}

}  // namespace

bool reopen_taken_back_in_time(const Context& context, const store::Ticket& ticket) {
  if (ticket.state != store::TicketState::accepted || !ticket.rating || *ticket.rating >= 4 ||
      !ticket.accepted_at || context.now - *ticket.accepted_at > kRatingCorrectionSeconds)
    return false;
  // Nothing since the 回炉 (a climb, a 派单, a 办结 again, a photo) — the resident's own rating was
  // the last step, so undoing it undoes nothing anyone else did.
  const std::vector<store::TicketEvent> events = context.tickets.events(ticket.id);
  return !events.empty() && events.back().kind == "reopened" && events.back().actor == ticket.reporter &&
         events.back().at == *ticket.accepted_at;
}

std::string resolver_name(const Services& services, const store::Ticket& ticket) {
  if (ticket.assignee_responder) {
    if (std::optional<store::ResponderRow> responder = services.responders.find(*ticket.assignee_responder))
      return responder->name;
  }
  if (ticket.resolved_by) return display_name(services.people, *ticket.resolved_by);
  if (ticket.assignee_person) return display_name(services.people, *ticket.assignee_person);
  return "";
}

std::vector<Reply> close_satisfied(const Context& context, store::Ticket& ticket, int score,
                                   const std::optional<std::string>& words, SatisfiedAfter after) {
  const bool corrects = after == SatisfiedAfter::mistaken_reopen;
  if (corrects) {
    // The 回炉 did not stand: neither it nor its rating counts (重办率, the number of ratings).
    --ticket.reopened;
    --ticket.ratings;
    stop_solve_clock(context, ticket);  // the clock the 回炉 started
  }
  note_rating(ticket, score, words);
  ticket.state = store::TicketState::closed;
  ticket.outcome = store::TicketOutcome::satisfied;
  ticket.closed_at = context.now;
  context.tickets.save(ticket);
  record(context, ticket, "rated", rating_note(score, words));
  record(context, ticket, "closed", std::string(store::ticket_outcome_name(ticket.outcome)));

  const Values values = rating_values(context, ticket, score, words);
  std::vector<Reply> told;
  // The resolver hears it in private; a volunteer who claimed a wish is told with the points.
  if (ticket.resolved_by && ticket.resolved_by != ticket.reporter &&
      ticket.resolved_by != ticket.claimed_by) {
    told.push_back(
        Reply{private_chat_of(*ticket.resolved_by),
              context.text(corrects ? "rate_corrected_resolver" : "rate_thanks_resolver",
                           with(values, "mention", mention_of(context.people, *ticket.resolved_by))),
              {*ticket.resolved_by}});
  }
  if (std::optional<store::ResponderRow> responder = holder_responder(context, ticket)) {
    for (const std::string& chat : responder->chats) {
      std::vector<Reply> posted = post_about_ticket(
          context, ticket,
          Reply{chat,
                context.text(corrects ? "rate_corrected_responder" : "rate_thanks_responder", values),
                {}},
          context.now);
      told.insert(told.end(), posted.begin(), posted.end());
    }
  }
  // Whoever the 回炉 was told to stands down: the level's leader heard of it too.
  if (corrects) {
    const std::optional<std::string> leader = level_leader(context, ticket);
    if (leader && leader != ticket.resolved_by && leader != ticket.reporter) {
      told.push_back(Reply{
          private_chat_of(*leader),
          context.text("rate_corrected_leader", with(values, "mention", mention_of(context.people, *leader))),
          {*leader}});
    }
  }
  std::vector<Reply> paid = pay_wish(context, ticket, values);
  told.insert(told.end(), paid.begin(), paid.end());
  return told;
}

std::vector<Reply> reopen_unsatisfied(const Context& context, store::Ticket& ticket, int score,
                                      const std::optional<std::string>& words) {
  note_rating(ticket, score, words);
  ++ticket.reopened;
  // Back to whoever resolved it, who knows the job: the responder when one had it, else the
  // person who said 办结. Accepted at once; only the solve clock starts again.
  std::optional<store::ResponderRow> responder = holder_responder(context, ticket);
  if (!responder) {
    if (ticket.resolved_by) ticket.assignee_person = ticket.resolved_by;
    ticket.assignee_responder.reset();
  }
  ticket.state = store::TicketState::accepted;
  ticket.accepted_at = context.now;
  ticket.closed_at.reset();
  start_solve_clock(context, ticket, context.now);
  context.tickets.save(ticket);
  record(context, ticket, "rated", rating_note(score, words));
  record(context, ticket, "reopened", words && !words->empty() ? words : std::nullopt);

  const Values values = rating_values(context, ticket, score, words);
  std::vector<Reply> told;
  std::optional<std::string> resolver = responder ? ticket.resolved_by : ticket.assignee_person;
  // Reopened as often as the rules allow: the level above takes it (each further 回炉 climbs
  // again), and the climb tells everyone; the resolver hears why, and may still finish the job.
  if (ticket.reopened >= context.config.rules.reopen_limit) {
    if (resolver) {
      told.push_back(Reply{private_chat_of(*resolver),
                           context.text("rate_reopened_climbed_resolver",
                                        with(values, "mention", mention_of(context.people, *resolver))),
                           {*resolver}});
    }
    ClimbResult climbed = climb(context, ticket, ClimbCause::reopened, context.now);
    told.insert(told.end(), climbed.replies.begin(), climbed.replies.end());
    return told;
  }
  if (resolver) {
    told.push_back(Reply{private_chat_of(*resolver),
                         context.text("rate_reopened_resolver",
                                      with(values, "mention", mention_of(context.people, *resolver))),
                         {*resolver}});
  }
  if (responder) {
    for (const std::string& chat : responder->chats) {
      std::vector<Reply> posted = post_about_ticket(
          context, ticket,
          Reply{
              chat, context.text("rate_reopened_responder", with(values, "responder", responder->name)), {}},
          context.now);
      told.insert(told.end(), posted.begin(), posted.end());
    }
  }
  // The leader of the level that has it hears of every 回炉 (once, when they are not the resolver).
  const std::optional<std::string> leader = level_leader(context, ticket);
  if (leader && leader != resolver) {
    told.push_back(Reply{
        private_chat_of(*leader),
        context.text("rate_reopened_leader", with(values, "mention", mention_of(context.people, *leader))),
        {*leader}});
  }
  return told;
}

}  // namespace whistle::handlers
