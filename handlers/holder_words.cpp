#include "handlers/holder_words.hpp"

#include <algorithm>
#include <array>
#include <string>

#include "handlers/addressing.hpp"
#include "handlers/language/holder_phrases.hpp"
#include "handlers/language/own_report_phrases.hpp"
#include "handlers/language/references.hpp"
#include "handlers/language/resident_phrases.hpp"
#include "handlers/language/text_util.hpp"
#include "handlers/own_report_lines.hpp"
#include "handlers/people_names.hpp"
#include "handlers/task_lookup.hpp"
#include "handlers/ticket_category.hpp"
#include "handlers/ticket_flow.hpp"
#include "handlers/ticket_intake.hpp"
#include "handlers/ticket_lookup.hpp"
#include "handlers/ticket_note.hpp"
#include "handlers/ticket_work.hpp"
#include "handlers/ticket_work_common.hpp"

namespace whistle::handlers {

namespace {

// As many as a bare 接单 or 办结 looks through.
constexpr std::size_t kHeldWordsLooked = 20;

std::optional<std::string> command_text_or_none(const Message& message) {
  return message.text.empty() ? std::nullopt : std::optional(message.text);
}

// A job's words as the chat they are said back in may read them: whole in private, numbers masked in
// a group as its posts mask them (a final read, 2026-12-07: a phone left in one group's report was
// shown whole in another's).
std::string words_shown(Context& context, const store::Ticket& ticket) {
  return numbers_masked_for(context, context.message.chat, context.message.is_private, ticket.text);
}

}  // namespace

// The jobs listed with the command that would act on one, in private when any is a private report.
std::optional<std::vector<Reply>> answer_holder_cannot_go(Context& context) {
  std::vector<store::Ticket> held =
      context.tickets.open_of_assignee(context.message.sender, std::nullopt, kHeldWordsLooked);
  // A job done and waiting for its rating is no longer theirs to go to.
  std::erase_if(held,
                [](const store::Ticket& ticket) { return ticket.state == store::TicketState::resolved; });
  if (held.empty()) return std::nullopt;
  if (held.size() > 1) return list_held_tickets(context, held, Intent::send_back);
  return std::vector<Reply>{reply_to_sender(
      context, context.text("withdraw_held_ticket", {{"mention", sender_mention(context)},
                                                     {"ticket", std::to_string(held.front().number)}}))};
}

std::vector<Reply> list_held_tickets(Context& context, const std::vector<store::Ticket>& held,
                                     Intent intent) {
  std::vector<std::string> items;
  for (const store::Ticket& ticket : held)
    items.push_back(context.text("rate_which_item", {{"ticket", std::to_string(ticket.number)},
                                                     {"text", words_shown(context, ticket)}}));
  const bool any_private = std::any_of(
      held.begin(), held.end(), [](const store::Ticket& ticket) { return ticket.reported_in_private; });
  return answer_keeping_private(
      context,
      context.text("ticket_held_which", {{"mention", sender_mention(context)},
                                         {"count", std::to_string(held.size())},
                                         {"list", join_list(context, items)},
                                         {"command", command_word(context, intent)},
                                         {"ticket", std::to_string(held.front().number)}}),
      any_private);
}

// "收到 马上去", "弄好了 换了个灯泡": which command would do it, asked, not done. Going may be to anything,
// and a 办结 asks the resident to rate (a review, 2026-12-07: "我马上去社区开会" took a job, and
// "物业说今天修好了" did one).
std::vector<Reply> ask_if_holder_meant(Context& context, const store::Ticket& ticket, bool taking,
                                       const std::string& words) {
  // A photo sent with the words is the job's proof, kept now: the 办结 that follows may come without
  // it (a final read, 2026-12-07: it was lost).
  keep_photos_with(context, ticket);
  return answer_keeping_private(context,
                                context.text(taking ? "ticket_held_may_take_on" : "ticket_held_done_ask",
                                             {{"mention", sender_mention(context)},
                                              {"ticket", std::to_string(ticket.number)},
                                              {"text", words_shown(context, ticket)},
                                              {"words", words}}),
                                ticket.reported_in_private);
}

namespace {

// A number in digits standing alone at the line's end ("接了 2", "已完成2"), if any: not the 3 of
// "3号楼的灯换好了" (the final read, 2026-12-07).
std::optional<std::int64_t> lone_number_at_end(std::string_view text) {
  text = language::trim_spaces(text);
  std::size_t start = text.size();
  while (start > 0 && language::is_ascii_digit(static_cast<unsigned char>(text[start - 1])))
    --start;
  constexpr std::size_t kLongestNumber = 9;
  if (start == text.size() || text.size() - start > kLongestNumber) return std::nullopt;
  std::int64_t number = 0;
  for (const char digit : text.substr(start))
    number = number * 10 + (digit - '0');
  return number;
}

// A group where a task is open: a worker's words there may be about the task as well as a job.
bool task_open_in_group(Context& context) {
  return !context.message.is_private && !context.tasks.open_in_chat_view(context.message.chat).empty();
}

}  // namespace

namespace {

// "要换配件 得等两天", "业主不在家 打电话也没人接" from whoever holds one open job: its note, as "T1 …" would
// be (an exploratory run of 物业's side, stop 69: 没看懂 with 签到 and 商品 suggested). With several,
// nothing: the line is read as before.
std::optional<std::vector<Reply>> note_on_the_one_job(Context& context, const Command& command) {
  if (!language::says_job_status(command.text) || language::withdraws_own_report(command.text))
    return std::nullopt;
  std::vector<store::Ticket> held = tickets_held_by_sender(context, kHeldWordsLooked);
  std::erase_if(held, [&](const store::Ticket& ticket) {
    return ticket.reporter == context.message.sender ||
           !(ticket.state == store::TicketState::assigned || ticket.state == store::TicketState::accepted);
  });
  if (held.size() != 1) return std::nullopt;
  Command about = command;
  about.text = "T" + std::to_string(held.front().number) + " " + command.text;
  return answer_line_about_ticket(context, about);
}

}  // namespace

std::optional<std::vector<Reply>> answer_holders_words(Context& context, const Command& command) {
  const Message& message = context.message;
  if (command.text.empty() || (!message.is_private && !is_addressed(message, command))) return std::nullopt;
  // "T1 换好了": about the ticket it names (ticket_note.cpp).
  if (language::read_ticket_reference(command.text, language::skip_spaces(command.text, 0), false))
    return std::nullopt;
  using language::HolderSays;
  const HolderSays says = language::holder_says(command.text);
  const bool acknowledges = says == HolderSays::nothing && language::only_acknowledges(command.text);
  if (says == HolderSays::nothing && !acknowledges) return note_on_the_one_job(context, command);
  // "修好了 不用来了", "我家水管修好了": one's own report, to rate or take back, not a job one holds; a
  // unit's leader holds his own reports (a final read, 2026-12-07: asked which job to 办结, his own
  // among them).
  if (language::withdraws_own_report(command.text) || own_report_named(context, command.text))
    return std::nullopt;
  std::vector<store::Ticket> held = tickets_held_by_sender(context, kHeldWordsLooked);
  std::erase_if(held, [&](const store::Ticket& ticket) { return ticket.reporter == message.sender; });
  if (held.empty()) return std::nullopt;
  if (acknowledges) {
    // "收到" to the bot right after a job was handed over (its answer window still running): how to
    // take it, not a menu of check-ins (an exploratory run of the workers' side, 2026-12-07).
    std::erase_if(held, [&](const store::Ticket& ticket) {
      return ticket.state != store::TicketState::assigned || !ticket.answer_by ||
             *ticket.answer_by <= context.now;
    });
    if (held.empty()) return std::nullopt;
    return std::vector<Reply>{reply_to_sender(
        context, context.text("ticket_held_ack", {{"mention", sender_mention(context)},
                                                  {"ticket", std::to_string(held.front().number)},
                                                  {"count", std::to_string(held.size())}}))};
  }
  const bool taking = says == HolderSays::takes_on || says == HolderSays::may_take_on;
  // 接单 takes what waits to be taken; 办结 may come straight from there too (it counts as the accept).
  std::erase_if(held, [taking](const store::Ticket& ticket) {
    return !(ticket.state == store::TicketState::assigned ||
             (!taking && ticket.state == store::TicketState::accepted));
  });
  if (held.empty()) return std::nullopt;
  // "接了 2" in private from whoever holds T2: a bare number is a task's, so it is asked about with the
  // ticket's command (a review, 2026-12-07: told to write the number he had written).
  if (const std::optional<std::int64_t> number = lone_number_at_end(command.text);
      number && message.is_private) {
    const auto named = std::find_if(held.begin(), held.end(),
                                    [&](const store::Ticket& ticket) { return ticket.number == *number; });
    if (named != held.end()) return ask_if_holder_meant(context, *named, taking, command.text);
  }
  // What the words name, in the clause that says the job: "灯换好了 电梯还在等配件" names the lamp, and
  // named the lift by 电梯 and offered to close it (reviews, 2026-12-07).
  const std::vector<std::string> keywords =
      category_keywords_in(context.config, language::job_clause(command.text));
  std::vector<store::Ticket> by_keyword;
  for (const store::Ticket& ticket : held) {
    if (holds_any_keyword(ticket.text, keywords)) by_keyword.push_back(ticket);
  }
  // "电梯修好了" beside the lamp's job, "楼道杂物都弄好了" after a task, "水泵坏了 我去修" with no pump's
  // job: about something else (the line's other clauses count when the job's names nothing).
  const std::vector<std::string> named =
      keywords.empty() ? category_keywords_in(context.config, command.text) : keywords;
  const bool another_thing =
      !named.empty() && std::none_of(held.begin(), held.end(), [&](const store::Ticket& ticket) {
        return holds_any_keyword(ticket.text, named);
      });
  if (another_thing) return std::nullopt;
  // Several jobs hold what it names: those are listed.
  if (by_keyword.size() > 1)
    return list_held_tickets(context, by_keyword, taking ? Intent::accept : Intent::resolve);
  std::optional<std::int64_t> number =
      by_keyword.size() == 1
          ? std::optional(by_keyword.front().number)
          : report_named_among(context.config, held, language::without_job_words(command.text));
  // "门禁弄好了": done after what was done, which must be one of the jobs; "药送到了" of the one errand
  // (a 点单) held, whose words name the thing loosely ("取个药").
  const bool errand_done =
      held.size() == 1 && held.front().kind == "order" && language::says_errand_done(command.text);
  if (says == HolderSays::done_of_thing && !number && !errand_done) return std::nullopt;
  if (!number && held.size() == 1) number = held.front().number;
  const Intent intent = taking ? Intent::accept : Intent::resolve;
  if (!number) return list_held_tickets(context, held, intent);
  const auto ticket = std::find_if(held.begin(), held.end(),
                                   [&](const store::Ticket& each) { return each.number == *number; });
  // "好的 接了" in a group under a whistle's post may answer the task: asked, not taken (a regression
  // hunt of the volunteer loop, 2026-12-07: a dispatched volunteer's reply took the ticket).
  if (says != HolderSays::takes_on || task_open_in_group(context))
    return ask_if_holder_meant(context, *ticket, taking, command.text);
  Command act = command;
  act.intent = Intent::accept;
  act.ticket = number;
  return handle_accept(context, act);
}

std::vector<std::string> keep_photos_with(Context& context, const store::Ticket& ticket) {
  const Message& message = context.message;
  if (message.attachments.empty() && !message.location) return {};
  std::vector<std::string> kept = keep_attachments(context, ticket);
  context.tickets.add_event(ticket.id, store::TicketEvent{"attachment", message.sender,
                                                          command_text_or_none(message), context.now});
  return kept;
}

std::optional<std::vector<Reply>> join_photo_to_ticket_just_resolved(Context& context,
                                                                     const Command& command) {
  const Message& message = context.message;
  if (message.attachments.empty() && !message.location) return std::nullopt;
  // Sent to the bot, and no new trouble: "楼下垃圾桶也满了" with its photo is a report of its own, and
  // a photo among the neighbours is theirs (a review, 2026-12-07).
  if (!message.is_private && !is_addressed(message, command)) return std::nullopt;
  if (category_of(context.config, command.text) || language::describes_trouble(command.text))
    return std::nullopt;
  std::vector<store::Ticket> held = tickets_held_by_sender(context, kHeldWordsLooked);
  std::erase_if(held, [&](const store::Ticket& ticket) {
    return ticket.state != store::TicketState::resolved || ticket.resolved_by != message.sender ||
           !ticket.resolved_at || context.now < *ticket.resolved_at ||
           context.now - *ticket.resolved_at > kJoinWindow;
  });
  if (held.size() != 1) return std::nullopt;
  const store::Ticket& ticket = held.front();
  const std::vector<std::string> kept = keep_photos_with(context, ticket);
  return std::vector<Reply>{reply_to_sender(
      context,
      context.text("ticket_attachment_added", {{"ticket", std::to_string(ticket.number)},
                                               {"mention", mention_of(context.people, message.sender)},
                                               {"what", join_list(context, kept)}}))};
}

}  // namespace whistle::handlers
