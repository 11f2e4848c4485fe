#include "handlers/dispatcher.hpp"

#include <algorithm>
#include <array>
#include <optional>
#include <set>
#include <string>

#include "handlers/addressing.hpp"
#include "handlers/adjust.hpp"
#include "handlers/attendance_jobs.hpp"
#include "handlers/bind.hpp"
#include "handlers/check_in.hpp"
#include "handlers/confirm.hpp"
#include "handlers/context.hpp"
#include "handlers/help.hpp"
#include "handlers/numbers_asked.hpp"
#include "handlers/numbers_listed.hpp"
#include "handlers/org_sync.hpp"
#include "handlers/people_names.hpp"
#include "handlers/person_community.hpp"
#include "handlers/points.hpp"
#include "handlers/publication_jobs.hpp"
#include "handlers/ranking.hpp"
#include "handlers/redemption.hpp"
#include "handlers/redemption_rules.hpp"
#include "handlers/reply_split.hpp"
#include "handlers/report_in.hpp"
#include "handlers/sign_code.hpp"
#include "handlers/stats.hpp"  // issue 12: figures
#include "handlers/task_close.hpp"
#include "handlers/task_edit.hpp"
#include "handlers/task_jobs.hpp"
#include "handlers/task_lists.hpp"
#include "handlers/task_lookup.hpp"
#include "handlers/ticket_deadlines.hpp"
#include "handlers/ticket_flow.hpp"
#include "handlers/ticket_intake.hpp"
#include "handlers/ticket_rate.hpp"
#include "handlers/ticket_work.hpp"
#include "handlers/whistle.hpp"
#include "store/database.hpp"
#include "store/jobs.hpp"
#include "store/org.hpp"
#include "store/people.hpp"
#include "store/rewards.hpp"
#include "store/signups.hpp"
#include "store/tasks.hpp"

namespace whistle::handlers {

namespace {

struct Route {
  Intent intent;
  Handler handler;
};

// The one table of what each intent does.
constexpr std::array kRoutes{
    Route{Intent::whistle, handle_whistle},     Route{Intent::report_in, handle_report_in},
    Route{Intent::withdraw, handle_withdraw},   Route{Intent::edit, handle_edit},
    Route{Intent::tasks, handle_tasks},         Route{Intent::check_in, handle_check_in},
    Route{Intent::check_out, handle_check_out}, Route{Intent::sign_code, handle_sign_code},
    Route{Intent::confirm, handle_confirm},     Route{Intent::refuse, handle_refuse},
    Route{Intent::finish, handle_finish},       Route{Intent::cancel, handle_cancel},
    Route{Intent::points, handle_points},       Route{Intent::ranking, handle_ranking},
    Route{Intent::adjust, handle_adjust},       Route{Intent::catalog, handle_catalog},
    Route{Intent::redeem, handle_redeem},       Route{Intent::cancel_redeem, handle_cancel_redeem},
    Route{Intent::stock, handle_stock},         Route{Intent::pickup, handle_pickup},
    Route{Intent::ticket, handle_ticket},       Route{Intent::dispatch, handle_dispatch},
    Route{Intent::accept, handle_accept},       Route{Intent::resolve, handle_resolve},
    Route{Intent::send_back, handle_send_back}, Route{Intent::claim, handle_claim},
    Route{Intent::rate, handle_rate},           Route{Intent::escalate, handle_escalate},
    Route{Intent::close, handle_close},         Route{Intent::tickets, handle_tickets},
    Route{Intent::progress, handle_progress},   Route{Intent::stats, handle_stats},
    Route{Intent::bind, handle_bind},           Route{Intent::unbind, handle_unbind},
    Route{Intent::help, handle_help},           Route{Intent::unknown, handle_unknown_line},
};

// Every intent has its route, in enum order, so the table can be indexed and none is forgotten.
constexpr bool routes_cover_every_intent() {
  for (std::size_t i = 0; i < kRoutes.size(); ++i) {
    if (static_cast<std::size_t>(kRoutes[i].intent) != i) return false;
  }
  return static_cast<std::size_t>(Intent::unknown) + 1 == kRoutes.size();
}
static_assert(routes_cover_every_intent(), "kRoutes must list every Intent once, in enum order");

using JobRunner = std::vector<Reply> (*)(const Services& services, const store::Job& job, std::int64_t now);

struct JobRoute {
  std::string_view kind;
  JobRunner run;
};

constexpr std::array kJobRoutes{
    JobRoute{kTaskReminder, run_task_reminder},
    JobRoute{kRedemptionExpiry, run_redemption_expiry},
    JobRoute{kRedemptionReminder, run_redemption_reminder},
    JobRoute{kMonthlyPublication, run_monthly_publication},
    JobRoute{kTaskEnd, run_task_end},
    JobRoute{kTaskHelpCall, run_task_help_call},
    JobRoute{kDeferredPost, run_deferred_post},
    JobRoute{kNumbersAsked, run_numbers_asked_end},
    // issue 12: ticket job routes
    JobRoute{kTicketRateDeadline, run_ticket_rate_deadline},
    JobRoute{kTicketRateReminder, run_ticket_rate_reminder},
    JobRoute{kTicketAnswerReminder, run_ticket_answer_reminder},
    JobRoute{kTicketAnswerDeadline, run_ticket_answer_deadline},
    JobRoute{kTicketSolveReminder, run_ticket_solve_reminder},
    JobRoute{kTicketSolveDeadline, run_ticket_solve_deadline},
};

// How many due jobs are read at a time; the loop continues until none is left.
constexpr std::size_t kJobBatch = 64;
// A job that failed this many times is set aside as dead (logged, counted in /metrics, kept
// with its error in the jobs table) instead of being tried for ever.
constexpr int kJobAttempts = 5;
// The wait before the next attempt doubles from a minute, up to an hour.
std::int64_t retry_delay(int failed_attempts) {
  return std::min<std::int64_t>(std::int64_t{60} << std::min(failed_attempts, 6), 3600);
}

// "你在锦华家园社区和翠苑社区都有#1": the reference the command named, and where.
Reply which_community(Context& context, const Command& command, const std::vector<std::string>& communities) {
  const std::string reference = command.task     ? "#" + std::to_string(*command.task)
                                : command.ticket ? "T" + std::to_string(*command.ticket)
                                                 : command.code.value_or("");
  std::vector<std::string> names;
  for (const std::string& community : communities) {
    const std::optional<store::OrgNode> node = context.org.node(community);
    names.push_back(node ? node->name : community);
  }
  return reply_to_sender(context,
                         context.text("community_which_reference",
                                      {{"mention", mention_of(context.people, context.message.sender)},
                                       {"communities", join_list(context, names)},
                                       {"reference", reference}}));
}

}  // namespace

struct Dispatcher::Impl {
  Impl(store::Database& database, const config::Config& config_in, const config::Templates& templates_in)
      : org(database),
        people(database),
        tasks(database),
        signups(database),
        jobs(database),
        attendance(database),
        ledger(database),
        rewards(database),
        redemptions(database),
        publications(database),
        tickets(database),
        responders(database),
        db(database),
        config(config_in),
        templates(templates_in) {}

  Services services() {
    return Services{org,     people,      tasks,        signups, jobs,       attendance, ledger,
                    rewards, redemptions, publications, tickets, responders, config,     templates};
  }

  // The one step every reply passes on its way out: a platform takes about 2,000 bytes per
  // message, so a long list (a reminder to 90 people, a 验收 list) leaves as several messages.
  std::vector<Reply> within_limit(std::vector<Reply> replies) {
    return split_replies(std::move(replies),
                         [this](const std::string& id) { return display_name(people, id); });
  }

  std::vector<Reply> route(const Message& message, const Command& command, std::int64_t now);

  store::OrgRepository org;
  store::PeopleRepository people;
  store::TaskRepository tasks;
  store::SignupRepository signups;
  store::Jobs jobs;
  store::AttendanceRepository attendance;
  store::LedgerRepository ledger;
  store::RewardRepository rewards;
  store::RedemptionRepository redemptions;
  store::PublicationRepository publications;
  store::TicketRepository tickets;
  store::ResponderRepository responders;
  store::Database& db;
  const config::Config& config;
  const config::Templates& templates;
  /// From the config's nodes, made once (see place_names()).
  mutable std::optional<language::PlaceNames> place_names;
};

Dispatcher::Dispatcher(store::Database& db, const config::Config& config, const config::Templates& templates)
    : impl_(std::make_unique<Impl>(db, config, templates)) {}

Dispatcher::~Dispatcher() = default;

void Dispatcher::sync_org() {
  write_org(impl_->config, impl_->org, impl_->people, impl_->rewards);
  impl_->place_names.reset();
  place_names();
}

std::vector<Reply> Dispatcher::handle(const Message& message, const Command& command, std::int64_t now) {
  return impl_->within_limit(impl_->route(message, command, now));
}

std::vector<Reply> Dispatcher::Impl::route(const Message& message, const Command& command, std::int64_t now) {
  people.touch(message.sender, message.sender_name, now);
  Context context{services(), now, message, std::nullopt, std::nullopt, std::nullopt};

  if (!message.is_private) {
    context.node = org.node_of_chat(message.chat);
    if (!context.node) {
      // A responder's own group (物业群): its members work their tickets there.
      if ((context.responder = responders.of_chat(message.chat)))
        context.node = org.node(context.responder->node);
    }
    if (!context.node) {
      // A group nobody has bound yet: the bot knows no place for it. 绑定 gives it one (解绑 says
      // there is none); anything else is answered only when addressed, with how to bind it.
      if (command.intent == Intent::bind || command.intent == Intent::unbind)
        return kRoutes[static_cast<std::size_t>(command.intent)].handler(context, command);
      return is_addressed(message, command) ? answer_unknown_group(context, command) : std::vector<Reply>{};
    }
    context.community = context.node->community;
  } else {
    const std::set<std::string> communities = communities_of_person(context, message.sender);
    if (communities.size() == 1) {
      context.community = *communities.begin();
    } else if (communities.size() > 1) {
      // Someone of several communities: "取消报到 1" means the #1 that is theirs. When both are,
      // they are asked to say it in the community's group.
      context.person_communities.assign(communities.begin(), communities.end());
      const std::vector<std::string> owning =
          communities_owning_reference(context, message.sender, communities, command);
      if (owning.size() == 1) context.community = owning.front();
      if (owning.size() > 1) return {which_community(context, command, owning)};
    }
  }
  // A fresh database has no 民情日 job yet; the first message of a community schedules it (one
  // indexed look-up when it is already there), and each publication schedules the next.
  if (context.community) ensure_publication_job(context, *context.community, now);
  note_numbers_asked(context, command);
  const Handler handler = kRoutes[static_cast<std::size_t>(command.intent)].handler;
  // "T1 T2 上报", "T1、T2 退回 不归我们管": each ticket listed, the words with each (a review of stop 68:
  // they acted on the last one alone). 派单, 接单 and 办结 read their lists themselves. Not 关闭, which
  // cannot be undone: "T1 T2 关闭 重复" would close both duplicates (the second review).
  if (!command.more_tickets.empty() &&
      (command.intent == Intent::escalate || command.intent == Intent::send_back))
    return for_each_number_listed(context, command, &Command::ticket, command.more_tickets, handler,
                                  command.reason);
  return handler(context, command);
}

JobsRun Dispatcher::run_due_jobs(std::int64_t now) {
  const Services services = impl_->services();
  JobsRun run;
  for (std::vector<store::Job> due = impl_->jobs.due(now, kJobBatch); !due.empty();
       due = impl_->jobs.due(now, kJobBatch)) {
    for (const store::Job& job : due) {
      try {
        store::Savepoint savepoint(impl_->db);
        // A kind this version does not know is completed without effect rather than left to fire
        // (and block the queue) forever.
        std::vector<Reply> sent;
        for (const JobRoute& route : kJobRoutes) {
          if (route.kind == job.kind) sent = route.run(services, job, now);
        }
        impl_->jobs.complete(job.id, now);
        savepoint.release();
        run.replies.insert(run.replies.end(), std::make_move_iterator(sent.begin()),
                           std::make_move_iterator(sent.end()));
      } catch (const std::exception& error) {
        if (store::is_storage_failure(error)) throw;
        // The savepoint undid the job's effects; the failure itself is kept outside it.
        const store::JobFailure failure = impl_->jobs.record_failure(
            job.id, now, now + retry_delay(job.attempts), kJobAttempts, error.what());
        run.failures.push_back(
            JobsRun::Failure{job.id, job.kind, error.what(), failure == store::JobFailure::dead});
      }
    }
  }
  run.replies = impl_->within_limit(std::move(run.replies));
  return run;
}

language::PlaceNames Dispatcher::place_names() const {
  if (!impl_->place_names) {
    std::vector<std::string_view> names;
    names.reserve(impl_->config.nodes.size());
    for (const config::Node& node : impl_->config.nodes)
      names.push_back(node.name);
    impl_->place_names = language::PlaceNames(names);
  }
  return *impl_->place_names;
}

}  // namespace whistle::handlers
