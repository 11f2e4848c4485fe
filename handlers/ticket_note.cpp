#include "handlers/ticket_note.hpp"

#include <array>
#include <string>
#include <string_view>

#include "handlers/addressing.hpp"
#include "handlers/language/references.hpp"
#include "handlers/language/text_util.hpp"
#include "handlers/people_names.hpp"
#include "handlers/task_lookup.hpp"
#include "handlers/ticket_flow.hpp"
#include "handlers/ticket_work_common.hpp"

namespace whistle::handlers {

namespace {

constexpr auto kNotOurs =
    std::to_array<std::string_view>({"不归", "不是我们", "不属于", "不该我们", "管不了"});

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
  if (!ticket || ticket->is_closed() || ticket->reporter == message.sender) return std::nullopt;
  const std::string& sender = message.sender;
  const bool works_on_it =
      holds_ticket(context, *ticket, sender) || worked_on_ticket(context, *ticket, sender);
  if (!works_on_it) {
    // "T1 让刘师傅去看看", "T1 冯单元长怎么还没接": a leader's words of what should happen, which the
    // bot cannot do from them (an exploratory run of the workers' side, 2026-12-07: a menu).
    if (!leads_ticket(context, *ticket, sender)) return std::nullopt;
    return std::vector<Reply>{work_reply(context, *ticket, "ticket_line_leader_hint")};
  }
  // "T3 不归我们管 垃圾是环卫的" is a 退回 in the making: not for the resident to read as a note.
  if (language::holds_any_of(words, kNotOurs))
    return std::vector<Reply>{work_reply(context, *ticket, "ticket_line_send_back_hint")};
  // "T1 电梯主板烧了 要等厂家配件 下周才能修": offered back as a new report, and a 是 opened one that
  // paged the 书记 (the same run). The resident hears it from whoever is at work on it.
  record_event(context, *ticket, "noted", words);
  Values values = work_values(context, *ticket);
  values.emplace_back("words", words);
  values.emplace_back("who", display_name(context.people, sender));
  std::vector<Reply> replies{work_reply(context, *ticket, "ticket_noted", {{"words", words}})};
  replies.push_back(to_reporter(*ticket, context.text("ticket_noted_reporter", values)));
  return replies;
}

}  // namespace whistle::handlers
