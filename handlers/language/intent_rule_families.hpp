#pragma once

// The command table, one family of commands to a file (intent_rules_*.cpp). intent_table.cpp
// joins them in this order, which is the order in which rules sharing a keyword are tried.

#include <span>

#include "handlers/language/intent_table.hpp"

namespace whistle::language {

std::span<const IntentRule> task_rules();
std::span<const IntentRule> points_rules();
std::span<const IntentRule> ticket_rules();
std::span<const IntentRule> setup_and_help_rules();

}  // namespace whistle::language
