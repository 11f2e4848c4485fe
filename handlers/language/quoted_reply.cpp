#include "handlers/language/quoted_reply.hpp"

#include <string_view>

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
  for (std::size_t line = 0; line < lines.size(); ++line) {
    if (!quote.empty()) quote += '\n';
    quote += lines[line];
    if (!lines[line].ends_with(kClose)) continue;
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

}  // namespace

std::optional<QuotedReply> quoted_reply(const std::vector<std::string>& lines) {
  if (lines.empty()) return std::nullopt;
  if (auto reply = bracketed_quote(lines)) return reply;
  if (auto reply = reply_prefix(lines)) return reply;
  return quoted_message_line(lines);
}

}  // namespace whistle::language
