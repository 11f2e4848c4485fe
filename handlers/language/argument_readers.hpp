#pragma once

#include <string_view>

#include "handlers/language/command.hpp"
#include "handlers/language/intent_table.hpp"
#include "handlers/language/parser.hpp"

namespace whistle::language {

/// What a command's words are read from.
struct ArgumentInput {
  const IntentRule& rule;       ///< the command the line starts with
  std::string_view rest;        ///< the words after the keyword
  const ParseContext& context;  ///< time and place names
  bool anchored = false;        ///< a reference came before the keyword ("#12 报到")
};

/// Reads the words after a keyword into `command` (whose intent is already set) as the rule's
/// Arguments say. Returns false when the words do not fit the command ("报到中心" is no report-in),
/// in which case `command` may be half-filled and must be dropped.
bool read_arguments(const ArgumentInput& input, Command& command);

/// Whether the words after a volunteer's command's number make it a count or a time ("请假 1 天",
/// "取消 1 点那场", "报到 1 楼物业"): then the number is no task's.
bool number_counts_something(std::string_view after);

}  // namespace whistle::language
