#include "handlers/language/mentions.hpp"

#include <algorithm>
#include <string_view>

#include "handlers/language/intent_table.hpp"
#include "handlers/language/normalize.hpp"
#include "handlers/language/text_util.hpp"
#include "handlers/language/utf8.hpp"

namespace whistle::language {

namespace {

// Characters that, right after digits that follow a Chinese name, make those digits an amount
// rather than part of the name: "@张三5分", "@李四3人".
constexpr std::u32string_view kAmountUnits = U"分点人名个位次天小星颗件斤袋元块";

bool ends_name(char32_t cp) {
  if (cp == 0 || is_space(cp) || cp == U'@' || is_emoji(cp)) return true;
  return is_punctuation(cp) && cp != U'-' && cp != U'_' && cp != U'.' && cp != U'·';
}

// Whether the digits starting at `pos`, right after a Chinese character, still belong to the
// name. They do when the amount is plainly elsewhere — the name runs on to a space and a number
// follows it ("@小王88 5 帮忙", "@志愿者89号 6 防火宣传") — and are the amount otherwise ("@李四3失约",
// "@张三5分").
bool digits_belong_to_name(std::string_view text, std::size_t pos) {
  std::size_t end = pos;
  while (end < text.size() && is_ascii_digit(static_cast<unsigned char>(text[end])))
    ++end;
  if (end >= text.size()) return false;
  const CodePoint next = decode_utf8(text, end);
  if (kAmountUnits.find(next.value) != std::u32string_view::npos) return false;
  // The rest of the would-be name, up to the space after it, then the next word.
  std::size_t after = end;
  while (after < text.size()) {
    const CodePoint cp = decode_utf8(text, after);
    if (is_space(cp.value)) break;
    if (ends_name(cp.value)) return false;
    after += cp.length;
  }
  while (after < text.size()) {
    const CodePoint space = decode_utf8(text, after);
    if (!is_space(space.value)) break;
    after += space.length;
  }
  return after < text.size() && is_ascii_digit(static_cast<unsigned char>(text[after]));
}

// Whether a bracketed part names where someone lives ("3-201", "3号楼", "3栋2单元"), as nicknames in
// a community's groups do; "(迟到2次)", "(已到)", "(物业)" are said about them, not their name (a
// review, 2026-12-06).
bool names_a_room(std::string_view part) {
  bool digits = false;
  bool other = false;
  for (std::size_t at = 0; at < part.size();) {
    const CodePoint cp = decode_utf8(part, at);
    at += cp.length;
    if (is_ascii_digit(cp.value)) {
      digits = true;
    } else if (cp.value != U'-' && cp.value != U'栋' && cp.value != U'楼' && cp.value != U'号' &&
               cp.value != U'室' && cp.value != U'单' && cp.value != U'元' && cp.value != U'幢' &&
               cp.value != U'座') {
      other = true;
    }
  }
  return digits && !other;
}

// The end of a bracketed part of a group nickname at `pos` ("张三(3-201)", "李姐【3栋】": the room
// or building people add to their name in a community's groups), or `pos` when there is none.
// Read as the end of the name, "(3-201)" became 3 points (an exploratory run, 2026-12-06).
std::size_t bracketed_part_end(std::string_view text, std::size_t pos) {
  constexpr std::size_t kLongestPart = 30;  // bytes: a room, a building, a few characters of a role
  const CodePoint open = decode_utf8(text, pos);
  const char32_t close = open.value == U'('    ? U')'
                         : open.value == U'['  ? U']'
                         : open.value == U'【' ? U'】'
                                               : 0;
  if (close == 0) return pos;
  for (std::size_t at = pos + open.length; at < text.size() && at - pos <= kLongestPart;) {
    const CodePoint cp = decode_utf8(text, at);
    if (cp.value == close) {
      if (at == pos + open.length || !names_a_room(text.substr(pos + open.length, at - pos - open.length)))
        return pos;
      return at + cp.length;
    }
    if (is_space(cp.value) || cp.value == U'@') return pos;
    at += cp.length;
  }
  return pos;
}

// The end of the name that starts at `pos`.
std::size_t name_end(std::string_view text, std::size_t pos) {
  const std::size_t start = pos;
  char32_t previous = 0;
  while (pos < text.size()) {
    const CodePoint cp = decode_utf8(text, pos);
    if (pos > start) {
      if (const std::size_t part_end = bracketed_part_end(text, pos); part_end != pos) {
        pos = part_end;
        // "@张三(3-201)5分": digits right after the part are the amount.
        if (pos < text.size() && is_ascii_digit(static_cast<unsigned char>(text[pos]))) break;
        previous = 0;
        continue;
      }
    }
    if (ends_name(cp.value)) break;
    if (is_ascii_digit(cp.value) && is_cjk(previous) && !digits_belong_to_name(text, pos)) break;
    previous = cp.value;
    pos += cp.length;
  }
  return pos;
}

// Where a nickname's bracketed part written apart from the name ends ("@张三 (3-201) 5"), or
// `pos`: only a room or a building, so that a reason in brackets stays the reason.
std::size_t room_part_end(std::string_view text, std::size_t pos) {
  std::size_t at = pos;
  while (at < text.size()) {
    const CodePoint cp = decode_utf8(text, at);
    if (!is_space(cp.value)) break;
    at += cp.length;
  }
  if (at == pos) return pos;
  const std::size_t end = bracketed_part_end(text, at);
  if (end == at) return pos;
  return end;
}

}  // namespace

bool is_everyone(std::string_view name) {
  for (const std::string_view word : vocabulary().everyone) {
    if (name.size() == word.size() && starts_with_at(name, 0, word)) return true;
  }
  return false;
}

std::size_t leading_mention_end(std::string_view text, std::size_t pos) {
  if (pos >= text.size() || text[pos] != '@') return pos;
  const std::size_t end = name_end(text, pos + 1);
  return end == pos + 1 ? pos : end;
}

std::vector<std::string> take_mentions(std::string& text, ExtraBotNames extra_bot_names) {
  std::vector<std::string> names;
  std::string kept;
  kept.reserve(text.size());
  std::size_t copied = 0;
  for (std::size_t at = text.find('@'); at != std::string::npos; at = text.find('@', at + 1)) {
    // "a@b.cn" is an address; "T5@王五" is a ticket and a person.
    if (at < copied ||
        (is_ascii_alnum(code_point_before(text, at)) && !is_cjk(decode_utf8(text, at + 1).value)))
      continue;
    std::size_t end = at + bot_mention_length(text, at, extra_bot_names);
    if (end == at) {
      end = name_end(text, at + 1);
      // A trailing '.' ends the sentence, not the name.
      std::size_t name_stop = end;
      while (name_stop > at + 1 && text[name_stop - 1] == '.')
        --name_stop;
      if (name_stop == at + 1) continue;
      std::string name = text.substr(at + 1, name_stop - at - 1);
      // "@所有人" addresses everyone and is nobody acted on.
      if (!is_everyone(name) && std::find(names.begin(), names.end(), name) == names.end())
        names.push_back(std::move(name));
      end = room_part_end(text, end);
    }
    kept.append(text, copied, at - copied);
    copied = end;
  }
  kept.append(text, copied, std::string::npos);
  text = std::move(kept);
  return names;
}

}  // namespace whistle::language
