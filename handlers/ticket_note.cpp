#include "handlers/ticket_note.hpp"

#include <array>
#include <string>
#include <string_view>

#include "handlers/addressing.hpp"
#include "handlers/holder_words.hpp"
#include "handlers/language/argument_words.hpp"
#include "handlers/language/holder_phrases.hpp"
#include "handlers/language/references.hpp"
#include "handlers/language/text_util.hpp"
#include "handlers/people_names.hpp"
#include "handlers/rights.hpp"
#include "handlers/task_lookup.hpp"
#include "handlers/ticket_flow.hpp"
#include "handlers/ticket_work.hpp"
#include "handlers/ticket_work_common.hpp"

namespace whistle::handlers {

namespace {

constexpr auto kNotOurs = std::to_array<std::string_view>(
    {"不归", "不是我们", "不属于", "不该我们", "管不了", "修不好", "修不了", "不会修", "弄不了", "干不了"});

constexpr auto kAsking =
    std::to_array<std::string_view>({"?", "谁", "什么", "怎么", "哪", "吗", "几时", "多久"});

}  // namespace

std::optional<std::vector<Reply>> answer_line_about_ticket(Context& context, const Command& command) {
  const Message& message = context.message;
  if (command.text.empty() || !context.community || (!message.is_private && !is_addressed(message, command)))
    return std::nullopt;
  const std::string_view text = command.text;
  const std::size_t at = language::skip_spaces(text, 0);
  const auto reference = language::read_ticket_reference(text, at, false);
  if (!reference || !reference->number) return std::nullopt;
  const std::string words(
      language::trim_spaces(text.substr(language::skip_separators(text, reference->end))));
  if (words.empty() || language::is_filler(words)) return std::nullopt;
  const std::optional<store::Ticket> ticket =
      context.tickets.by_number(*context.community, *reference->number);
  if (!ticket || ticket->is_closed()) return std::nullopt;
  const bool asks =
      language::ends_as_a_question_or_suggestion(words) || language::holds_any_of(words, kAsking);
  const auto progress_of_it = [&] {
    Command progress = command;
    progress.intent = Intent::progress;
    progress.ticket = ticket->number;
    return handle_progress(context, progress);
  };
  // The reporter's own "T1 收到了吗" is a question after it; their other words are read as before.
  if (ticket->reporter == message.sender) {
    if (asks) return progress_of_it();
    return std::nullopt;
  }
  const std::string& sender = message.sender;
  const bool works_on_it =
      holds_ticket(context, *ticket, sender) || worked_on_ticket(context, *ticket, sender);
  if (!works_on_it) {
    // "T1 让刘师傅去看看", "T1 冯单元长怎么还没接": a leader's words of what should happen, which the
    // bot cannot do from them (an exploratory run of the workers' side, 2026-12-07: a menu).
    if (!leads_ticket(context, *ticket, sender)) return std::nullopt;
    // "T1 我来处理", "T1 这单我接了" from a leader above standing in for its holder: told how to take
    // it over (an exploratory run of people changing, 2026-12-07: a menu without 接单).
    const language::HolderSays says = language::holder_says(words);
    if (!ticket->is_closed() && ticket->state != store::TicketState::resolved &&
        (says == language::HolderSays::takes_on || says == language::HolderSays::may_take_on))
      return std::vector<Reply>{work_reply(context, *ticket, "ticket_line_leader_take_hint")};
    // The leader above overseeing a job someone took on and let run past its time ("T1 知道了 等配件"):
    // a note in its history, as the holder's is (a review of stop 70: since the oversight climb left the
    // job with its holder, the leader's words were only hinted at).
    const bool oversees = ticket->state == store::TicketState::accepted && ticket->climbs > 0 && !asks &&
                          leads_node_or_above(context, sender, ticket->node);
    if (!oversees) return std::vector<Reply>{work_reply(context, *ticket, "ticket_line_leader_hint")};
    record_event(context, *ticket, "noted", words);
    // Not the holder's "办好后发「办结」": the leader overseeing it is told how to chase it.
    return std::vector<Reply>{work_reply(context, *ticket,
                                         message.is_private ? "ticket_noted_overseer" : "ticket_noted_group",
                                         {{"words", words}})};
  }
  // "T3 不归我们管 垃圾是环卫的" is a 退回 in the making: not for the resident to read as a note.
  if (language::holds_any_of(words, kNotOurs))
    return std::vector<Reply>{work_reply(context, *ticket, "ticket_line_send_back_hint")};
  // "T1 好的", "T1 收到": from whoever it waits for, asked whether it is taken; otherwise nodded to. A
  // leader above taking it from its holder on a 收到 was found by a review (2026-12-07).
  const bool holds = holds_ticket(context, *ticket, sender);
  const bool waits = ticket->state == store::TicketState::assigned;
  if (language::only_acknowledges(words)) {
    if (holds && waits) return ask_if_holder_meant(context, *ticket, true, std::string(text));
    return std::vector<Reply>{
        reply_to_sender(context, context.text("unknown_nod", {{"mention", sender_mention(context)}}))};
  }
  // "T1 这单我接了", "T1 灯换好了", "T1 我这就去", "T1 好了": the worker's own words of the job.
  const language::HolderSays says =
      words.starts_with("好了") && !asks ? language::HolderSays::done : language::holder_says(words);
  switch (says) {
    case language::HolderSays::takes_on:
      if (holds && waits) {
        Command accept = command;
        accept.intent = Intent::accept;
        accept.ticket = ticket->number;
        accept.reason.reset();
        return handle_accept(context, accept);
      }
      break;
    case language::HolderSays::may_take_on:
      if (holds && waits) return ask_if_holder_meant(context, *ticket, true, std::string(text));
      break;
    case language::HolderSays::done:
    case language::HolderSays::done_of_thing:
      if (ticket->state != store::TicketState::resolved)
        return ask_if_holder_meant(context, *ticket, false, words);
      break;
    case language::HolderSays::nothing:
      break;
  }
  // "T1 是谁报的", "T1 什么情况", "T1 怎么还没人处理": a question about it, answered with its progress.
  if (asks) return progress_of_it();
  // "T1 电梯主板烧了 要等厂家配件 下周才能修": offered back as a new report, and a 是 opened one that
  // paged the 书记 (the same run). Kept in the history for whoever works on it; the resident does
  // not read it, since a note is as often an aside ("T1 这家天天报 别理她"; a review, 2026-12-07).
  record_event(context, *ticket, "noted", words);
  keep_photos_with(context, *ticket);
  // Said to the bot in a group, the words are not said back there (an ID number was; the same review).
  return std::vector<Reply>{work_reply(
      context, *ticket, message.is_private ? "ticket_noted" : "ticket_noted_group", {{"words", words}})};
}

}  // namespace whistle::handlers
