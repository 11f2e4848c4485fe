#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "handlers/language/normalize.hpp"

namespace whistle::language {

/// Whether a mentioned name addresses everyone in the chat ("所有人", "全体成员"), not a person.
bool is_everyone(std::string_view name);

/// Where the "@name" at `pos` ends (a name as take_mentions() reads it), or `pos` when there is
/// no mention there.
std::size_t leading_mention_end(std::string_view text, std::size_t pos);

/// Cuts every "@name" out of `text` and returns the names in order of appearance, without
/// repeats. Mentions of the bot itself and of everyone (@所有人) are cut but not returned. A name runs up to
/// a space, an
/// '@', an emoji or punctuation other than - _ . ·, and stops at a digit right after a Chinese
/// character ("加分@张三5" is 张三 and 5); a bracketed part of a nickname is part of the name
/// ("@张三(3-201)", "@李姐【3栋】"). An '@' inside a word ("a@b.cn") is no mention.
std::vector<std::string> take_mentions(std::string& text, ExtraBotNames extra_bot_names = {});

}  // namespace whistle::language
