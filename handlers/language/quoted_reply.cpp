#include "handlers/language/quoted_reply.hpp"

#include <algorithm>
#include <array>
#include <string_view>

#include "handlers/language/references.hpp"
#include "handlers/language/text_util.hpp"

namespace whistle::language {

namespace {

// A quoted speaker's name is short; a longer run before a colon is the quote's own words.
constexpr std::size_t kLongestSpeakerBytes = 36;
// The dashed line under a quote: "- - - - - - - - - - - - - - -", at least a few dashes.
constexpr int kFewestDashes = 3;

bool is_dashed_line(std::string_view line) {
  int dashes = 0;
  for (const char c : line) {
    if (c == '-') {
      ++dashes;
    } else if (c != ' ') {
      return false;
    }
  }
  return dashes >= kFewestDashes;
}

// "钱楼栋长:吹哨 …" → the speaker and the words, when a short name stands before the colon.
bool split_speaker(std::string_view quote, QuotedReply& reply) {
  const std::size_t colon = quote.find(':');
  if (colon == std::string_view::npos || colon == 0 || colon > kLongestSpeakerBytes) return false;
  const std::string_view speaker = trim_spaces(quote.substr(0, colon));
  if (speaker.empty() || speaker.find(' ') != std::string_view::npos) return false;
  reply.speaker = std::string(speaker);
  reply.quoted = std::string(trim_spaces(quote.substr(colon + 1)));
  return true;
}

// 「name:…」 over one line or more, then the dashed line. Without it, 「温馨提示：…」 over a notice is
// no quote.
std::optional<QuotedReply> bracketed_quote(const std::vector<std::string>& lines) {
  constexpr std::string_view kOpen = "「";
  constexpr std::string_view kClose = "」";
  if (!lines.front().starts_with(kOpen)) return std::nullopt;
  std::string quote;
  // 「」 nest: the bot's own post quotes words in them ("【险情提醒】…说：「有煤气味」"), so the quote ends
  // where they balance (the final read of stop 68: it gave up at the inner 」 and the quote was read whole).
  int depth = 0;
  const auto count = [](std::string_view text, std::string_view mark) {
    int found = 0;
    for (std::size_t at = text.find(mark); at != std::string_view::npos;
         at = text.find(mark, at + mark.size()))
      ++found;
    return found;
  };
  for (std::size_t line = 0; line < lines.size(); ++line) {
    if (!quote.empty()) quote += '\n';
    quote += lines[line];
    depth += count(lines[line], kOpen) - count(lines[line], kClose);
    if (!lines[line].ends_with(kClose) || depth > 0) continue;
    const std::size_t dashes = line + 1;
    if (dashes + 1 >= lines.size() || !is_dashed_line(lines[dashes])) return std::nullopt;
    const std::size_t next = dashes + 1;
    QuotedReply reply;
    const std::string_view inside =
        std::string_view(quote).substr(kOpen.size(), quote.size() - kOpen.size() - kClose.size());
    if (!split_speaker(inside, reply)) return std::nullopt;
    reply.reply_line = next;
    return reply;
  }
  return std::nullopt;
}

// "回复 钱楼栋长:报名", "回复@钱楼栋长:报名": the reply on the same line.
std::optional<QuotedReply> reply_prefix(const std::vector<std::string>& lines) {
  constexpr std::string_view kReply = "回复";
  const std::string_view line = lines.front();
  if (!line.starts_with(kReply)) return std::nullopt;
  std::size_t at = kReply.size();
  if (starts_with_at(line, at, " ")) ++at;
  if (starts_with_at(line, at, "@")) ++at;
  const std::size_t colon = line.find(':', at);
  if (colon == std::string_view::npos || colon == at || colon - at > kLongestSpeakerBytes)
    return std::nullopt;
  const std::string_view speaker = trim_spaces(line.substr(at, colon - at));
  const std::string_view rest = trim_spaces(line.substr(colon + 1));
  if (speaker.empty() || speaker.find(' ') != std::string_view::npos || rest.empty()) return std::nullopt;
  QuotedReply reply;
  reply.speaker = std::string(speaker);
  reply.reply_column = line.size() - rest.size();
  return reply;
}

// "引用 钱楼栋长 的消息 : 吹哨 …" on a line of its own, the reply below it.
std::optional<QuotedReply> quoted_message_line(const std::vector<std::string>& lines) {
  constexpr std::string_view kQuote = "引用";
  constexpr std::string_view kMessage = "的消息";
  const std::string_view line = lines.front();
  if (!line.starts_with(kQuote) || lines.size() < 2) return std::nullopt;
  const std::size_t message = line.find(kMessage);
  if (message == std::string_view::npos) return std::nullopt;
  const std::string_view speaker = trim_spaces(line.substr(kQuote.size(), message - kQuote.size()));
  if (speaker.empty() || speaker.size() > kLongestSpeakerBytes) return std::nullopt;
  QuotedReply reply;
  reply.speaker = std::string(speaker);
  std::string_view words = trim_spaces(line.substr(message + kMessage.size()));
  if (words.starts_with(":")) words = trim_spaces(words.substr(1));
  reply.quoted = std::string(words);
  reply.reply_line = 1;
  return reply;
}

// The number a post of the bot's names in its tag ("【吹哨#1】", "【工单T1】"), when it names one.
std::optional<std::int64_t> number_in_tag(std::string_view post, std::string_view tag, bool ticket) {
  const std::size_t at = post.find(tag);
  if (at == std::string_view::npos) return std::nullopt;
  const std::size_t from = at + tag.size();
  const auto reference = ticket ? read_ticket_reference(post, from, false) : read_task_reference(post, from);
  if (!reference || !starts_with_at(post, reference->end, "】")) return std::nullopt;
  return reference->number;
}

bool acts_on_a_task(Intent intent) {
  return intent == Intent::report_in || intent == Intent::withdraw || intent == Intent::check_in ||
         intent == Intent::check_out || intent == Intent::tasks;
}

bool acts_on_a_ticket(Intent intent) {
  return intent == Intent::accept || intent == Intent::resolve || intent == Intent::rate ||
         intent == Intent::progress || intent == Intent::send_back || intent == Intent::claim ||
         intent == Intent::dispatch || intent == Intent::close || intent == Intent::escalate;
}

// "5", "5星", "五星", "4分" alone: a score, under the bot's request for a rating. Not a bare "1", which
// in WeChat as often says "received" (a review of stop 68: it reopened the ticket).
std::optional<int> bare_score(std::string_view text) {
  text = trim_spaces(text);
  bool unit = false;
  for (const std::string_view word : {"颗星", "星", "分"}) {
    if (text.ends_with(word)) {
      text.remove_suffix(word.size());
      unit = true;
      break;
    }
  }
  static constexpr std::string_view kChineseScores[] = {"一", "二", "三", "四", "五"};
  for (int score = 1; score <= 5; ++score) {
    if (unit && text == kChineseScores[score - 1]) return score;
  }
  if (text.size() != 1 || text[0] < '1' || text[0] > '5' || (text[0] == '1' && !unit)) return std::nullopt;
  return text[0] - '0';
}

}  // namespace

void read_as_answer_to_post(Command& command, std::string_view quoted) {
  // Of the task or ticket the post names ("「吹哨:【吹哨#1】清理楼道…」\n- - -\n报到", "「吹哨:【工单T1】…
  // 请评价…」\n- - -\n满意").
  const std::optional<std::int64_t> task = number_in_tag(quoted, "【吹哨#", false);
  const std::optional<std::int64_t> ticket = number_in_tag(quoted, "【工单", true);
  if (ticket && !task) {
    // "1", "5星" under a ticket's post: its score, never a sign-up for the group's task (a review of
    // stop 68: "1" under a request for a rating signed the resident up for task #1).
    if (const std::optional<int> score = bare_score(command.text)) {
      command.intent = Intent::rate;
      command.score = score;
      command.implicit = false;
    } else if (acts_on_a_task(command.intent) && !command.task) {
      command.intent = Intent::unknown;
    }
  }
  if (!command.task && acts_on_a_task(command.intent)) command.task = task;
  if (!command.ticket && acts_on_a_ticket(command.intent)) command.ticket = ticket;
  // A command under the bot's own post answers the bot, as a platform's reply to it does, and so do the
  // words of a rating under a ticket's post ("满意满意谢谢" under the request for a rating: a second
  // review of stop 68 found it lost); the neighbours' talk about the post ("哈哈哈", "我家也是", "@刘阿姨
  // 你去不去") is theirs (the first review and the final read: the group got menus).
  static constexpr auto kRatingWords = std::to_array<std::string_view>(
      {"满意", "星", "分", "谢谢", "评价", "好评", "差评", "不错", "还行", "还可以"});
  if (command.intent != Intent::unknown || (ticket && !task && holds_any_of(command.text, kRatingWords)))
    command.addressed = true;
}

bool bears_out(std::string_view reply) {
  // Asked, not told: "真的吗", "真的假的" (the final read of stop 68).
  if (reply.find("吗") != std::string_view::npos || reply.find("假") != std::string_view::npos ||
      reply.find('?') != std::string_view::npos)
    return false;
  // Told, or help called for it ("快帮帮他", "怎么没人回").
  static constexpr std::string_view kBearingOut[] = {
      "也闻到", "也看到", "也看见", "也听到", "确实", "真的",     "是的",   "对的", "没错", "很大",
      "很浓",   "越来越", "严重",   "快帮",   "帮帮", "怎么没人", "没人管", "快来", "赶紧", "救"};
  return std::any_of(std::begin(kBearingOut), std::end(kBearingOut),
                     [reply](std::string_view word) { return reply.find(word) != std::string_view::npos; });
}

std::optional<QuotedReply> quoted_reply(const std::vector<std::string>& lines) {
  if (lines.empty()) return std::nullopt;
  if (auto reply = bracketed_quote(lines)) return reply;
  if (auto reply = reply_prefix(lines)) return reply;
  return quoted_message_line(lines);
}

}  // namespace whistle::language
