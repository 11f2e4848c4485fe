#include "handlers/message_pack.hpp"

#include <algorithm>

namespace whistle::handlers {

namespace {

bool continues_a_character(char byte) {
  return (static_cast<unsigned char>(byte) & 0xC0) == 0x80;
}

// Where a piece starting at `start` ends: after the last space that fits, else at the last
// character boundary that fits (at least one whole character, even under a tiny limit).
std::size_t piece_end(const std::string& line, std::size_t start, std::size_t limit) {
  const std::size_t end = start + limit;
  if (end >= line.size()) return line.size();
  const std::size_t space = line.rfind(' ', end);
  if (space != std::string::npos && space > start) return space;
  std::size_t cut = end;
  while (cut > start && continues_a_character(line[cut]))
    --cut;
  if (cut > start) return cut;
  cut = start + 1;
  while (cut < line.size() && continues_a_character(line[cut]))
    ++cut;
  return cut;
}

}  // namespace

std::vector<std::string> wrap_line(const std::string& line, std::size_t limit) {
  if (line.size() <= limit) return {line};
  std::vector<std::string> pieces;
  std::size_t start = 0;
  while (start < line.size()) {
    const std::size_t end = piece_end(line, start, std::max<std::size_t>(limit, 1));
    pieces.push_back(line.substr(start, end - start));
    start = end;
    // The space broken at is not carried to the next piece.
    while (start < line.size() && line[start] == ' ')
      ++start;
  }
  return pieces;
}

std::vector<std::string> pack_lines(const std::vector<std::string>& lines, std::size_t limit) {
  std::vector<std::string> texts;
  std::string text;
  bool started = false;  // an empty first line still counts as text
  for (const std::string& raw : lines) {
    for (std::string& piece : wrap_line(raw, limit)) {
      if (started && text.size() + 1 + piece.size() > limit) {
        texts.push_back(std::move(text));
        text.clear();
        started = false;
        // A blank line at a split would only open the next message with a gap.
        if (piece.empty()) continue;
      }
      if (started) text += '\n';
      text += piece;
      started = true;
    }
  }
  if (started || texts.empty()) texts.push_back(std::move(text));
  return texts;
}

std::vector<std::string> pack_messages(const std::vector<std::string>& lines,
                                       const std::function<std::string(std::size_t, std::size_t)>& header,
                                       std::size_t limit) {
  // Packed against the widest header a long list can have, so no part outgrows the limit once the
  // real "n/m" is written in.
  const std::size_t header_room = std::max(header(1, 1).size(), header(999, 999).size()) + 1;
  const std::size_t line_room = limit > header_room + 1 ? limit - header_room - 1 : 1;
  std::vector<std::string> bodies =
      lines.empty() ? std::vector<std::string>{""} : pack_lines(lines, line_room);

  std::vector<std::string> messages;
  for (std::size_t i = 0; i < bodies.size(); ++i) {
    std::string text = header(i + 1, bodies.size());
    if (!bodies[i].empty()) text += "\n" + bodies[i];
    messages.push_back(std::move(text));
  }
  return messages;
}

}  // namespace whistle::handlers
