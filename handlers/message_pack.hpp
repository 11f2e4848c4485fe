#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

namespace whistle::handlers {

/// The most bytes one chat message may carry: the strictest platform's limit (WeCom's group robot
/// takes 2,048 bytes of text; 2,000 leaves room for its own framing).
inline constexpr std::size_t kMessageLimitBytes = 2000;

/// One line as pieces of at most `limit` bytes: broken at spaces (a list of @-mentions) where it
/// can be, else between UTF-8 characters, never inside one. The spaces broken at are dropped.
std::vector<std::string> wrap_line(const std::string& line, std::size_t limit);

/// Lines joined by line breaks into as few texts of at most `limit` bytes as they fit in, in order;
/// a line too long for one text is wrapped (wrap_line). Nothing is dropped but the line breaks and
/// spaces the texts are split at. Always at least one text (empty when there are no lines).
std::vector<std::string> pack_lines(const std::vector<std::string>& lines, std::size_t limit);

/// Packs lines under a header into messages of at most `limit` bytes; `header(n, m)` renders part n
/// of m (m = 1: a header without a part). A line too long for any message is wrapped (wrap_line).
std::vector<std::string> pack_messages(const std::vector<std::string>& lines,
                                       const std::function<std::string(std::size_t, std::size_t)>& header,
                                       std::size_t limit);

}  // namespace whistle::handlers
