#include "handlers/reply_split.hpp"

#include <algorithm>
#include <cctype>

namespace whistle::handlers {

namespace {

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  for (;;) {
    const std::size_t end = text.find('\n', start);
    if (end == std::string::npos) {
      lines.push_back(text.substr(start));
      return lines;
    }
    lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
}

// Whether a name may end at `at`: the text ends, or what follows cannot be part of a name (a space,
// ASCII punctuation, CJK punctuation 、。 or fullwidth ，：). So "@张三" is not found in "@张三丰".
bool name_ends_at(const std::string& text, std::size_t at) {
  if (at >= text.size()) return true;
  const auto byte = static_cast<unsigned char>(text[at]);
  if (byte < 0x80) return !std::isalnum(byte) && byte != '_' && byte != '-' && byte != '.';
  if (at + 1 >= text.size()) return false;
  const auto next = static_cast<unsigned char>(text[at + 1]);
  return (byte == 0xE3 && next == 0x80) || (byte == 0xEF && next == 0xBC);
}

bool shows_mention(const std::string& text, const std::string& tag) {
  for (std::size_t at = text.find(tag); at != std::string::npos; at = text.find(tag, at + 1)) {
    if (name_ends_at(text, at + tag.size())) return true;
  }
  return false;
}

// The reference a reply starts with ("【工单T8】", "【吹哨#12】"), or empty.
std::string reference_of(const std::string& text) {
  constexpr std::string_view kOpen = "【";
  constexpr std::string_view kClose = "】";
  constexpr std::size_t kLongestReference = 40;
  if (!text.starts_with(kOpen)) return {};
  const std::size_t close = text.find(kClose);
  if (close == std::string::npos || close > kLongestReference) return {};
  return text.substr(0, close + kClose.size());
}

}  // namespace

std::vector<Reply> split_reply(const Reply& reply, const NameOf& name_of, std::size_t limit) {
  if (reply.text.size() <= limit) return {reply};
  // Every part names what it is about, as every reply does (a 进度 of a long report came in ten
  // parts, nine without 【工单T8】; an exploratory run of the platforms, 2026-12-07).
  const std::string reference = reference_of(reply.text);
  const std::string heading = reference.empty() ? std::string() : reference + "\n";
  std::vector<Reply> parts;
  for (std::string& text : pack_lines(lines_of(reply.text), limit - heading.size())) {
    if (!parts.empty() && !text.starts_with(reference)) text = heading + text;
    parts.push_back(Reply{reply.chat, std::move(text), {}});
  }
  // A mention notifies the person: it belongs with the part where they are named, so a reminder to
  // ninety people does not ping all of them with each of its parts.
  for (const std::string& person : reply.mentions) {
    const std::string tag = "@" + name_of(person);
    bool shown = false;
    for (Reply& part : parts) {
      if (!shows_mention(part.text, tag)) continue;
      part.mentions.push_back(person);
      shown = true;
    }
    if (!shown) parts.front().mentions.push_back(person);
  }
  return parts;
}

std::vector<store::MentionSpan> locate_mentions(const Reply& reply, const NameOf& name_of) {
  std::vector<store::MentionSpan> spans;
  for (const std::string& person : reply.mentions) {
    const std::string tag = "@" + name_of(person);
    if (tag.size() == 1) continue;
    for (std::size_t at = reply.text.find(tag); at != std::string::npos; at = reply.text.find(tag, at + 1)) {
      if (!name_ends_at(reply.text, at + tag.size())) continue;
      // Two people of one name: each "@name" belongs to the first of them only.
      const bool taken = std::any_of(spans.begin(), spans.end(),
                                     [at](const store::MentionSpan& span) { return span.offset == at; });
      if (!taken) spans.push_back(store::MentionSpan{person, at, tag.size()});
    }
  }
  std::sort(spans.begin(), spans.end(),
            [](const store::MentionSpan& a, const store::MentionSpan& b) { return a.offset < b.offset; });
  return spans;
}

std::vector<Reply> split_replies(std::vector<Reply> replies, const NameOf& name_of, std::size_t limit) {
  std::vector<Reply> sent;
  sent.reserve(replies.size());
  for (Reply& reply : replies) {
    if (reply.text.size() <= limit) {
      sent.push_back(std::move(reply));
      continue;
    }
    for (Reply& part : split_reply(reply, name_of, limit))
      sent.push_back(std::move(part));
  }
  return sent;
}

}  // namespace whistle::handlers
