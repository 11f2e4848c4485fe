#include "handlers/language/parser.hpp"

#include <algorithm>
#include <optional>
#include <string>

#include "handlers/language/argument_readers.hpp"
#include "handlers/language/intent_table.hpp"
#include "handlers/language/jielong.hpp"
#include "handlers/language/normalize.hpp"
#include "handlers/language/references.hpp"
#include "handlers/language/text_util.hpp"

namespace whistle::language {

namespace {

bool takes_task(Arguments arguments) {
  return arguments == Arguments::task || arguments == Arguments::task_code ||
         arguments == Arguments::task_people;
}

bool takes_ticket(Arguments arguments) {
  return arguments == Arguments::ticket || arguments == Arguments::ticket_assignee ||
         arguments == Arguments::rating;
}

// A reference written before the keyword: "#12 报到", "T5 接单".
struct LeadingReference {
  std::optional<ReferenceMatch> task;
  std::optional<ReferenceMatch> ticket;
  std::size_t end = 0;
};

LeadingReference read_leading_reference(std::string_view line) {
  LeadingReference lead;
  if (auto ticket = read_ticket_reference(line, 0, false)) {
    lead.end = ticket->end;
    lead.ticket = ticket;
  } else if (!line.empty() && line[0] == '#') {
    if (auto task = read_task_reference(line, 0)) {
      lead.end = task->end;
      lead.task = task;
    }
  }
  if (lead.end > 0) lead.end = skip_separators(line, lead.end);
  return lead;
}

// Tries the rules the line starts with, longest keyword first; the first whose words fit wins.
std::optional<Command> read_command(std::string_view line, const Command& base, const ParseContext& context) {
  const LeadingReference lead = read_leading_reference(line);
  const std::string_view body = line.substr(lead.end);
  for (const IntentRule* rule : rules_starting(body)) {
    if (lead.task && !takes_task(rule->arguments)) continue;
    if (lead.ticket && !takes_ticket(rule->arguments)) continue;
    Command command = base;
    command.intent = rule->intent;
    if (lead.task) command.task = lead.task->number;
    if (lead.ticket) command.ticket = lead.ticket->number;
    const ArgumentInput input{*rule, body.substr(rule->keyword.size()), context, lead.end > 0};
    if (read_arguments(input, command)) return command;
  }
  return std::nullopt;
}

Command parse(std::string_view text, const ParseContext& context) {
  NormalizedText normalized = normalize(text, context.bot_names);
  Command base;
  base.addressed = normalized.addressed;
  base.text = std::move(normalized.text);

  // A first line that is a command by itself outranks a 接龙 reading (a whistle may well list its
  // steps "1. … 2. …"); a 接龙 header such as "报名接龙" is no command and does not.
  const std::string_view first_line = std::string_view(base.text).substr(0, base.text.find('\n'));
  if (!read_command(first_line, base, context)) {
    if (auto name = read_jielong(base.text)) {
      Command command = base;
      command.intent = Intent::report_in;
      command.implicit = true;
      command.title = std::move(name);
      return command;
    }
  }

  // A command may run over several lines ("吹哨 清理楼道\n5人 周六上午9点"): read them as one.
  std::string line = base.text;
  std::replace(line.begin(), line.end(), '\n', ' ');
  if (auto command = read_command(line, base, context)) return std::move(*command);
  return base;
}

}  // namespace

std::vector<std::string> normalized_bot_names(const std::vector<std::string>& names) {
  std::vector<std::string> normalized;
  for (const std::string& name : names) {
    std::string folded = normalize_characters(name);
    if (!folded.empty()) normalized.push_back(std::move(folded));
  }
  return normalized;
}

Command parse_command(std::string_view text, const ParseContext& context) {
  try {
    return parse(text, context);
  } catch (...) {
    // Only std::bad_alloc can get here; a line we could not read is a line we do not understand.
    return Command{};
  }
}

}  // namespace whistle::language
