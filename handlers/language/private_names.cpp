#include "handlers/language/private_names.hpp"

#include <algorithm>
#include <array>

#include "handlers/language/text_util.hpp"
#include "handlers/language/utf8.hpp"

namespace whistle::language {

namespace {

// Longest first. Not a bare 名字叫: "名字叫锦华的那个超市" names a shop (a review, 2026-12-06).
constexpr auto kNameSaid = std::to_array<std::string_view>(
    {"我的名字叫", "我的名字是", "我名字叫", "本人姓", "本人叫", "我叫", "我姓"});
// What follows 我叫 when it is a verb: "我叫了物业好几次了", "我叫过师傅", "我叫的外卖".
constexpr auto kNotAName =
    std::to_array<std::string_view>({"了", "过", "的", "人", "车", "外卖", "快递", "师傅", "物业", "他", "她",
                                     "你", "孩子", "儿子", "女儿", "老伴", "邻居", "家人", "我"});
constexpr std::size_t kLongestName = 3;  // characters of a name said after 我叫

// The titles a surname goes before when an elder or a worker names themselves: 马奶奶, 老王师傅.
constexpr auto kTitles = std::to_array<std::string_view>(
    {"奶奶", "爷爷", "阿姨", "大爷", "大妈", "大娘", "叔叔", "婶婶", "婆婆", "老太太", "老太", "老头", "师傅",
     "老师", "大姐", "大哥", "姐姐", "阿婆", "阿公"});
constexpr std::size_t kLongestSurname = 2;

// One Chinese character at `at`: its byte length, or 0.
std::size_t han_at(std::string_view text, std::size_t at) {
  if (at >= text.size()) return 0;
  std::size_t pos = at;
  const CodePoint cp = decode_utf8(text, pos);
  return is_cjk(cp.value) ? cp.length : 0;
}

void mask_span(std::string& out, std::string_view text, std::size_t from, std::size_t to) {
  for (std::size_t at = from; at < to;) {
    const std::size_t length = std::max<std::size_t>(han_at(text, at), 1);
    out += '*';
    at += length;
  }
}

// The bytes of the name said at `at`, after one of kNameSaid: up to three Chinese characters.
std::size_t name_after(std::string_view text, std::size_t at) {
  std::size_t end = at;
  for (std::size_t count = 0; count < kLongestName; ++count) {
    const std::size_t length = han_at(text, end);
    if (length == 0) break;
    end += length;
  }
  return end - at;
}

// The bytes of a surname at `at` followed by one of kTitles ("马" in 马奶奶, "老王" in 老王师傅), or 0.
// "我是马奶奶 我住…": the title ends the words (a space, a mark, the end, or 我/住/家 after it).
// "我是张师傅介绍来的" names someone else.
bool title_ends_words(std::string_view text, std::size_t end) {
  if (end >= text.size() || han_at(text, end) == 0) return true;
  for (std::string_view next : {"我", "住", "家", "今", "在", "啊", "呀"}) {
    if (starts_with_at(text, end, next)) return true;
  }
  return false;
}

std::size_t surname_before_title(std::string_view text, std::size_t at) {
  std::size_t end = at;
  for (std::size_t count = 0; count < kLongestSurname; ++count) {
    const std::size_t length = han_at(text, end);
    if (length == 0) return 0;
    end += length;
    for (std::string_view title : kTitles) {
      if (starts_with_at(text, end, title) && title_ends_words(text, end + title.size())) return end - at;
    }
  }
  return 0;
}

}  // namespace

std::string mask_own_name(std::string_view text, const std::vector<std::string>& names) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t at = 0; at < text.size();) {
    bool done = false;
    // An @-mention is the bot's own, of whoever must act; never the words of the report.
    const bool mention = at > 0 && text[at - 1] == '@';
    for (const std::string& name : names) {
      if (!mention && name.size() >= 6 && starts_with_at(text, at, name)) {  // two characters at least
        mask_span(out, text, at, at + name.size());
        at += name.size();
        done = true;
        break;
      }
    }
    if (done) continue;
    for (std::string_view said : kNameSaid) {
      if (!starts_with_at(text, at, said)) continue;
      const std::size_t after = at + said.size();
      if (std::any_of(kNotAName.begin(), kNotAName.end(),
                      [&](std::string_view word) { return starts_with_at(text, after, word); }))
        continue;
      out += said;
      at += said.size();
      // "我叫 何建国": a space typed before it (the review of stop 69).
      if (at < text.size() && text[at] == ' ' && han_at(text, at + 1) != 0) {
        out += ' ';
        ++at;
      }
      const std::size_t name = name_after(text, at);
      mask_span(out, text, at, at + name);
      at += name;
      done = true;
      break;
    }
    if (done) continue;
    if (starts_with_at(text, at, "我是")) {
      out += "我是";
      at += std::string_view("我是").size();
      const std::size_t surname = surname_before_title(text, at);
      mask_span(out, text, at, at + surname);
      at += surname;
      continue;
    }
    std::size_t pos = at;
    const CodePoint cp = decode_utf8(text, pos);
    const std::size_t length = std::max<std::size_t>(cp.length, 1);
    out.append(text.substr(at, length));
    at += length;
  }
  return out;
}

}  // namespace whistle::language
