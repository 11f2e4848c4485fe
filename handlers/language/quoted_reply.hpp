#pragma once

// A WeChat quote-reply as the bridges deliver it: the message quoted, then what was written.
//
//   「钱楼栋长：吹哨 明天上午9点 清理楼道 5人」
//   - - - - - - - - - - - - - - -
//   报名
//
// and the shorter forms "回复 钱楼栋长：报名" and "引用 钱楼栋长 的消息 : …\n报名". What was written is
// the line to read; the quote only says whom it answers (the bot's own post: the bot is addressed,
// and its task or ticket is the one meant). Before, a reply under a quote was read as the quote and
// was silence, and the bot's own post quoted was offered back as a resident's report (an exploratory
// run of how people type, stop 68).

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "handlers/language/command.hpp"

namespace whistle::language {

struct QuotedReply {
  std::string speaker;           ///< who was quoted, as the quote names them ("钱楼栋长", "吹哨")
  std::string quoted;            ///< the words quoted, lines joined by '\n'
  std::size_t reply_line = 0;    ///< the first line of what was written
  std::size_t reply_column = 0;  ///< where what was written starts on that line
};

/// The quote at the start of `lines` (tidied lines, characters normalized: "：" is ':'), when one
/// stands there and something was written after it; empty otherwise.
std::optional<QuotedReply> quoted_reply(const std::vector<std::string>& lines);

/// A command read from the reply under the bot's own post quoted (`quoted`, its words): the task or
/// ticket its tag names filled in, a bare score under a ticket's post its rating, and a command (or a
/// rating's words under a ticket's post) said to the bot; other talk about the post stays the
/// neighbours'.
void read_as_answer_to_post(Command& command, std::string_view quoted);

/// "我也闻到了", "确实很大": whether a reply bears out what it quotes.
bool bears_out(std::string_view reply);

}  // namespace whistle::language
