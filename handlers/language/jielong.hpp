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

/// A 接龙 as read_jielong finds it, with how many entries it has and where it begins (its header
/// line right above the entries, when that says 接龙 or 报名; else the first entry): a whistle that
/// opens a 接龙 ends there.
struct JielongList {
  std::string name;           ///< the last entry: the person who just joined
  std::int64_t entries = 0;   ///< how many are on the list
  std::size_t starts_at = 0;  ///< byte offset of the list's first line
  bool headed = false;        ///< a line right above the entries says 接龙 or 报名
  bool names = false;         ///< every entry is as short as a name (not "1. 带好手套 …" steps)
  bool says_jielong = false;  ///< the header right above the entries says 接龙 itself
  bool counts_goods = false;  ///< an entry counts goods or money ("1. 张三 车厘子2箱"): a group buy
};

/// Where a trailing 接龙 header with no entry yet begins ("…10分\n接龙报名："), if the text ends so.
std::optional<std::size_t> empty_jielong_header(std::string_view text);
/// `header_known`: the caller knows the text heads a sign-up list (it quotes the bot's post of a
/// task), so one entry is enough without a 接龙 header.
std::optional<JielongList> read_jielong_list(std::string_view text, bool header_known = false);

/// "张三+1", "张三 +1", "+1 张三": a name and +1, WeChat's shortest 接龙 (an exploratory run of how people
/// type, stop 68: silence): the name, two to four Chinese characters, not a word agreeing with the line
/// above ("楼上+1", "同意+1") nor what one brings ("+1 带铁锹"); empty otherwise.
std::optional<std::string> name_with_plus_one(std::string_view body);

}  // namespace whistle::language
