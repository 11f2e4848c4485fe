#pragma once

#include <cstddef>
#include <span>
#include <string_view>
#include <vector>

#include "handlers/language/command.hpp"

namespace whistle::language {

/// A word that points to an intent without being one of its command keywords ("招募" for
/// whistle): it helps find the intent but is never shown.
struct HintWord {
  Intent intent;
  std::string_view word;
};

/// Which intents may be suggested, and how many.
struct NearestOptions {
  std::span<const Intent> allowed;  ///< the intents considered; every intent of the table when empty
  std::span<const HintWord> extra;  ///< more words per intent besides the table's keywords
  std::size_t limit = 3;            ///< the most suggestions returned
};

/// One suggestion: an intent and the word that invokes it.
struct NearCommand {
  Intent intent;
  /// The intent's first keyword in the command table (报到, 签到, 积分): the word help teaches.
  std::string_view keyword;
  int score = 0;  ///< distinct characters plus character pairs shared with the nearest word
};

/// The intents whose words (the command table's keywords, and `options.extra`) share the most
/// Chinese characters, letters and adjacent character pairs with a normalized line, nearest first
/// ("报刀 12" → report_in, "积份" → points). Digits, spaces and punctuation never count; one that
/// shares less than half as much as the nearest is left out as noise. Empty when nothing is near.
/// Never throws except std::bad_alloc.
std::vector<NearCommand> nearest_commands(std::string_view line, const NearestOptions& options = {});

}  // namespace whistle::language
