#include "handlers/language/normalize.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <utility>
#include <vector>

#include "handlers/language/quoted_reply.hpp"
#include "handlers/language/text_util.hpp"
#include "handlers/language/traditional_chinese.hpp"
#include "handlers/language/utf8.hpp"

namespace whistle::language {

namespace {

// The bot's built-in names; `[bot] names` may add more. ASCII names match in any case
// ("@Whistle", "@BOT").
constexpr std::array<std::string_view, 5> kBotNames = {"吹哨助手", "whistle", "机器人", "吹哨", "bot"};

// What a character becomes: 0 drops it.
char32_t fold(char32_t cp) {
  // Full-width ASCII (＃１２：，Ａ) is the same character in a wider box.
  if (cp >= 0xFF01 && cp <= 0xFF5E) return cp - 0xFEE0;
  switch (cp) {
    case U'\r':
    case 0x2028:
    case 0x2029:
      return U'\n';
    case U'\t':
    case 0x00A0:
    case 0x202F:
    case 0x205F:
    case 0x3000:  // the ideographic space
      return U' ';
    case 0x202A:  // bidi embeddings, overrides and isolates would make the bot's replies read backwards
    case 0x202B:
    case 0x202C:
    case 0x202D:
    case 0x202E:
    case 0x2066:
    case 0x2067:
    case 0x2068:
    case 0x2069:
    case 0x200E:
    case 0x200F:
    case 0x200B:  // zero-width characters, soft hyphens and byte-order marks hide in copied text
    case 0x200C:
    case 0x200D:
    case 0x2060:
    case 0x00AD:
    case 0x180E:
    case 0xFEFF:
      return 0;
    case 0x2012:
    case 0x2013:
    case 0x2014:
    case 0x2015:
    case 0x2212:
    case 0xFE63:
      return U'-';
    case 0x301C:
    case 0x223C:
      return U'~';
    case 0xFF61:
      return U'。';
    default:
      break;
  }
  // WeChat puts U+2005 after an @-mention; all the typographic spaces are just spaces.
  if (cp >= 0x2000 && cp <= 0x200A) return U' ';
  // Other control characters would only confuse what comes later.
  if (cp < 0x20 && cp != U'\n') return U' ';
  if (cp == 0x7F || (cp >= 0x80 && cp <= 0x9F)) return U' ';
  return to_simplified(cp);
}

// Splits at '\n', squeezes runs of spaces, trims each line and drops empty ones. A run of other
// characters is appended whole: every line of every event comes here.
std::vector<std::string> tidy_lines(std::string_view text) {
  std::vector<std::string> lines;
  for (std::size_t start = 0; start <= text.size();) {
    const std::size_t newline = std::min(text.find('\n', start), text.size());
    const std::string_view raw = text.substr(start, newline - start);
    std::string line;
    for (std::size_t at = 0; at < raw.size();) {
      const std::size_t space = std::min(raw.find(' ', at), raw.size());
      if (space > at) {
        if (!line.empty()) line += ' ';
        line.append(raw.substr(at, space - at));
      }
      at = space;
      while (at < raw.size() && raw[at] == ' ')
        ++at;
    }
    if (!line.empty()) lines.push_back(std::move(line));
    start = newline + 1;
  }
  return lines;
}

// Removes one leading bot mention and the separators after it; true if there was one.
bool strip_leading_mention(std::string& line, ExtraBotNames extra) {
  const std::size_t length = bot_mention_length(line, 0, extra);
  if (length == 0) return false;
  line.erase(0, skip_separators(line, length));
  return true;
}

// Removes the bot's mention from among the people a line begins by addressing ("@陈单元长 @吹哨 还是没
// 人来"); true if it was there. An exploratory run of emergencies (2026-12-07) found that line silence:
// only a mention at the very start or end addressed the bot.
bool strip_mention_among_leading(std::string& line, ExtraBotNames extra) {
  std::size_t at = 0;
  while (at < line.size() && line[at] == '@') {
    if (const std::size_t length = bot_mention_length(line, at, extra)) {
      line.erase(at, skip_separators(line, at + length) - at);
      return true;
    }
    const std::size_t space = line.find(' ', at);
    if (space == std::string::npos) return false;
    at = skip_separators(line, space);
  }
  return false;
}

// Removes the bot's full name typed without "@" at the start ("吹哨助手 报修…", "你好吹哨助手，
// 我想反映个事"), with the greeting around it; true if it was there. Only the full name: "吹哨"
// alone is the command, and a neighbour's "机器人" is no address.
bool strip_leading_name(std::string& line) {
  constexpr std::string_view kName = "吹哨助手";
  std::size_t at = 0;
  for (const std::string_view greeting : {"你好", "您好", "喂"}) {
    if (line.compare(0, greeting.size(), greeting) == 0) {
      at = skip_separators(line, greeting.size());
      break;
    }
  }
  if (line.compare(at, kName.size(), kName) != 0) return false;
  const std::size_t after_name = at + kName.size();
  at = skip_separators(line, after_name);
  bool greeted = false;
  for (const std::string_view greeting : {"你好", "您好"}) {
    if (line.compare(at, greeting.size(), greeting) == 0) {
      at = skip_separators(line, at + greeting.size());
      greeted = true;
      break;
    }
  }
  // Set apart by a space, a comma or a greeting, the name calls the bot; run into the words
  // ("吹哨助手挺好用的") it is talked about.
  if (!greeted && at == after_name && at < line.size()) return false;
  line.erase(0, at);
  return true;
}

// Removes one trailing bot mention ("报到 12 @吹哨"); true if there was one.
bool strip_trailing_mention(std::string& line, ExtraBotNames extra) {
  const std::size_t at = line.rfind('@');
  if (at == std::string::npos) return false;
  const std::size_t length = bot_mention_length(line, at, extra);
  if (length == 0 || at + length != line.size()) return false;
  line.erase(at);
  while (!line.empty() && line.back() == ' ')
    line.pop_back();
  return true;
}

}  // namespace

namespace {

// 著 has two Simplified spellings by word (着火, 着急, 睡不着 but 著名, 显著), so the character
// table leaves it alone; these words are 着 in Simplified text, and 著火 is a danger word.
void fold_zhe(std::string& text) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 6> kWords{{{"著火", "着火"},
                                                                                        {"著急", "着急"},
                                                                                        {"著凉", "着凉"},
                                                                                        {"著涼", "着凉"},
                                                                                        {"不著", "不着"},
                                                                                        {"烧著", "烧着"}}};
  if (text.find("著") == std::string::npos) return;
  for (const auto& [from, to] : kWords) {
    for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
      text.replace(at, from.size(), to);
  }
}

// WeChat's own emoji arrive through bridges as their names in brackets ("报到[抱拳]", "[握手]报到"):
// decoration, like the emoji characters, and never a word of the line. Only these names: a
// bracketed word of the sender's ("【通知】", "[急]") is left to the parser.
void drop_wechat_emoji_codes(std::string& text) {
  static constexpr std::array<std::string_view, 48> kCodes{
      "[抱拳]", "[握手]", "[强]",   "[弱]",   "[胜利]", "[OK]",   "[ok]",   "[玫瑰]", "[爱心]", "[心碎]",
      "[微笑]", "[呲牙]", "[偷笑]", "[愉快]", "[憨笑]", "[鼓掌]", "[拥抱]", "[加油]", "[奋斗]", "[耶]",
      "[合十]", "[好的]", "[嘿哈]", "[捂脸]", "[奸笑]", "[机智]", "[皱眉]", "[旺柴]", "[庆祝]", "[烟花]",
      "[爆竹]", "[福]",   "[红包]", "[发]",   "[礼物]", "[蛋糕]", "[太阳]", "[月亮]", "[咖啡]", "[啤酒]",
      "[拳头]", "[勾引]", "[可怜]", "[流泪]", "[大哭]", "[害羞]", "[调皮]", "[得意]"};
  if (text.find('[') == std::string::npos) return;
  for (const std::string_view code : kCodes) {
    for (std::size_t at = text.find(code); at != std::string::npos; at = text.find(code, at + 1))
      text.replace(at, code.size(), " ");
  }
}

}  // namespace

std::string normalize_characters(std::string_view raw) {
  std::string out;
  out.reserve(raw.size());
  for (std::size_t pos = 0; pos < raw.size();) {
    const CodePoint cp = decode_utf8(raw, pos);
    pos += cp.length;
    // A "\r\n" pair is one line break, not two.
    if (cp.value == U'\r' && pos < raw.size() && raw[pos] == '\n') continue;
    const char32_t folded = fold(cp.value);
    if (folded != 0) append_utf8(out, folded);
  }
  fold_zhe(out);
  drop_wechat_emoji_codes(out);
  return out;
}

std::string with_chinese_punctuation(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 4);
  char32_t previous = 0;
  for (std::size_t pos = 0; pos < text.size();) {
    const CodePoint cp = decode_utf8(text, pos);
    pos += cp.length;
    char32_t shown = cp.value;
    // "电梯困人了!!" reads "电梯困人了！！", not "！!".
    if (is_cjk(previous) || previous == U'！' || previous == U'？') {
      switch (cp.value) {
        case U',':
          shown = U'，';
          break;
        case U':':
          shown = U'：';
          break;
        case U';':
          shown = U'；';
          break;
        case U'?':
          shown = U'？';
          break;
        case U'!':
          shown = U'！';
          break;
        default:
          break;
      }
    }
    append_utf8(out, shown);
    previous = shown;
  }
  return out;
}

bool is_bot_name(std::string_view name, ExtraBotNames extra) {
  for (const std::string_view bot : kBotNames) {
    if (name.size() == bot.size() && starts_with_at(name, 0, bot)) return true;
  }
  for (const std::string& bot : extra) {
    if (!bot.empty() && name.size() == bot.size() && starts_with_at(name, 0, bot)) return true;
  }
  return false;
}

namespace {

// The length of `bot` as a mention at `pos` (its '@' included), 0 if the text there is not it.
std::size_t mention_of(std::string_view text, std::size_t pos, std::string_view bot) {
  if (bot.empty() || !starts_with_at(text, pos + 1, bot)) return 0;
  const std::size_t end = pos + 1 + bot.size();
  const CodePoint next = decode_utf8(text, end);
  // "@botany" is someone else; a Chinese name may run straight into the command ("@吹哨报到").
  const bool ascii_name = is_ascii_alpha(static_cast<unsigned char>(bot[0]));
  if (ascii_name && (is_ascii_alnum(next.value) || next.value == U'_' || next.value == U'-')) return 0;
  return end - pos;
}

}  // namespace

std::size_t bot_mention_length(std::string_view text, std::size_t pos, ExtraBotNames extra) {
  if (pos >= text.size() || text[pos] != '@') return 0;
  // The longest name that matches: "@吹哨助手" is not "@吹哨" + "助手".
  std::size_t longest = 0;
  for (const std::string_view bot : kBotNames)
    longest = std::max(longest, mention_of(text, pos, bot));
  for (const std::string& bot : extra)
    longest = std::max(longest, mention_of(text, pos, bot));
  return longest;
}

// "吹 哨 清理楼道", "报 到 1", "签 到 1": a command word typed with a space inside it, by a newcomer
// or by an input method that spaces characters out (an exploratory run of newcomers, 2026-12-06:
// each was silence). Joined where it begins the line; a space inside the words of a sentence stays.
void join_spaced_command_word(std::string& line) {
  static constexpr std::array<std::string_view, 18> kWords{"吹哨", "报到", "签到", "签退", "验收", "确认",
                                                           "撤销", "修改", "请假", "报事", "报修", "积分",
                                                           "兑换", "排行", "活动", "帮助", "工单", "进度"};
  constexpr std::size_t kCharacter = 3;  // every word above is two characters of three bytes
  if (line.size() < 2 * kCharacter + 1) return;
  std::size_t second = kCharacter;
  while (second < line.size() && line[second] == ' ')
    ++second;
  if (second == kCharacter || second + kCharacter > line.size()) return;
  const std::string joined = line.substr(0, kCharacter) + line.substr(second, kCharacter);
  if (std::find(kWords.begin(), kWords.end(), joined) == kWords.end()) return;
  // Only where a command's arguments follow, or nothing: the word alone, a number ("报 到 1"), or for
  // the words that describe (吹哨, 报事, 报修) words that ask nothing. "请 假 怎么请", "报 到 的人有几个"
  // and "吹 哨 明天的活动取消了吗" are questions, read as commands once joined (a second review,
  // 2026-12-06).
  const std::size_t after = second + kCharacter;
  std::size_t next = after;
  while (next < line.size() && line[next] == ' ')
    ++next;
  const bool alone = next >= line.size();
  const bool numbered = !alone && (std::isdigit(static_cast<unsigned char>(line[next])) ||
                                   line[next] == '#' || line[next] == '@' || line[next] == 'T');
  static constexpr std::array<std::string_view, 10> kAsks{"吗",   "呢",   "?",    "？",     "怎么",
                                                          "什么", "几个", "多少", "是不是", "有没有"};
  const bool asks = std::any_of(kAsks.begin(), kAsks.end(),
                                [&](std::string_view word) { return line.find(word) != std::string::npos; });
  const bool describes = (joined == "吹哨" || joined == "报事" || joined == "报修") && next > after && !asks;
  if (!alone && !numbered && !describes) return;
  line.erase(kCharacter, second - kCharacter);
}

NormalizedText normalize(std::string_view raw, ExtraBotNames extra) {
  NormalizedText result;
  std::vector<std::string> lines = tidy_lines(normalize_characters(raw));
  if (const std::optional<QuotedReply> quote = quoted_reply(lines)) {
    lines.erase(lines.begin(), lines.begin() + static_cast<std::ptrdiff_t>(quote->reply_line));
    lines.front().erase(0, quote->reply_column);
    result.quotes_bot = is_bot_name(quote->speaker, extra);
    result.quoted = quote->quoted;
  }
  // "@吹哨 @机器人 报到" and "@吹哨\n报到" both address the bot once.
  while (!lines.empty() &&
         (strip_leading_mention(lines.front(), extra) || strip_leading_name(lines.front()))) {
    result.addressed = true;
    if (lines.front().empty()) lines.erase(lines.begin());
  }
  if (!result.addressed && !lines.empty() && strip_mention_among_leading(lines.front(), extra))
    result.addressed = true;
  while (!lines.empty() && strip_trailing_mention(lines.back(), extra)) {
    result.addressed = true;
    if (lines.back().empty()) lines.pop_back();
  }
  if (!lines.empty()) join_spaced_command_word(lines.front());
  for (const std::string& line : lines) {
    if (!result.text.empty()) result.text += '\n';
    result.text += line;
  }
  return result;
}

}  // namespace whistle::language
