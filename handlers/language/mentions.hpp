#pragma once

#include <string>
#include <vector>

#include "handlers/language/normalize.hpp"

namespace whistle::language {

/// Cuts every "@name" out of `text` and returns the names in order of appearance, without
/// repeats. Mentions of the bot itself are cut but not returned. A name runs up to a space, an
/// '@', an emoji or punctuation other than - _ . ·, and stops at a digit right after a Chinese
/// character ("加分@张三5" is 张三 and 5). An '@' inside a word ("a@b.cn") is no mention.
std::vector<std::string> take_mentions(std::string& text, ExtraBotNames extra_bot_names = {});

}  // namespace whistle::language
