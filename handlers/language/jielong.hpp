#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace whistle::language {

/// The name a WeChat 接龙 (chain sign-up) message adds, or empty when the text is no 接龙.
///
/// A 接龙 is a list copied and extended by one line: header lines of any kind, then entries
/// numbered 1, 2, 3 … in order to the last line ("1. 张三", "2、李四", "3 王五", "4.赵六"). It
/// takes two entries or more, or one under a header that says 接龙, so that a lone "1. 张三" or
/// "1楼漏水" stays chatter. The last entry is the person who just joined; its text is returned.
std::optional<std::string> read_jielong(std::string_view text);

}  // namespace whistle::language
