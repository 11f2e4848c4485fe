#include "handlers/numbers_listed.hpp"

#include <algorithm>
#include <iterator>

#include "handlers/language/argument_readers.hpp"
#include "handlers/language/references.hpp"
#include "handlers/language/text_util.hpp"
#include "handlers/task_lookup.hpp"

namespace whistle::handlers {

NumbersListed numbers_listed(std::string_view words, std::int64_t first, const NumberReader& read) {
  NumbersListed listed;
  std::size_t at = language::skip_separators(words, 0);
  while (at < words.size()) {
    if (language::starts_with_at(words, at, "和")) {
      at = language::skip_separators(words, at + std::string_view("和").size());
      continue;
    }
    const std::optional<std::pair<std::int64_t, std::size_t>> number = read(words, at);
    if (!number) break;
    if (number->first != first &&
        std::find(listed.more.begin(), listed.more.end(), number->first) == listed.more.end())
      listed.more.push_back(number->first);
    at = language::skip_separators(words, number->second);
  }
  listed.remark = std::string(language::trim_spaces(words.substr(std::min(at, words.size()))));
  return listed;
}

namespace {

// A task's number at `at`, and where it ends; not one that counts something ("2天后再说").
std::optional<std::pair<std::int64_t, std::size_t>> task_number_at(std::string_view words, std::size_t at) {
  const auto reference = language::read_task_reference(words, at);
  if (!reference || !reference->number || language::number_counts_something(words.substr(reference->end)))
    return std::nullopt;
  return std::pair{*reference->number, reference->end};
}

}  // namespace

std::vector<std::int64_t> further_task_numbers(const Command& command) {
  if (!command.task || !command.reason) return {};
  NumbersListed listed = numbers_listed(*command.reason, *command.task, task_number_at);
  // Only numbers: "报到 1 2 带上扫帚" is one task and a remark.
  return listed.remark.empty() ? std::move(listed.more) : std::vector<std::int64_t>{};
}

NumbersListed further_task_numbers_and_remark(const Command& command) {
  if (!command.task || !command.reason) return {};
  // Before a remark a number written as a day is one ("撤销 1 2号再安排" rearranges #1 on the 2nd; a
  // review of stop 65: it called #2 off too): only bare numbers and #N list tasks here.
  return numbers_listed(
      *command.reason, *command.task,
      [](std::string_view words, std::size_t at) -> std::optional<std::pair<std::int64_t, std::size_t>> {
        const auto number = task_number_at(words, at);
        if (!number) return std::nullopt;
        const std::string_view written = words.substr(at, number->second - at);
        if (written.find("号") != std::string_view::npos || written.find("日") != std::string_view::npos)
          return std::nullopt;
        return number;
      });
}

namespace {

// The answers given in the sender's chat, as one message: a line naming many numbers answered each
// in a post of its own (an exploratory run of a week's rota, 2026-12-07: "报到 1 2 … 60" posted 62
// messages in the group).
std::vector<Reply> joined_in_senders_chat(const Context& context, std::vector<Reply> replies) {
  std::vector<Reply> joined;
  std::optional<std::size_t> own;
  for (Reply& reply : replies) {
    if (reply.chat != context.message.chat) {
      joined.push_back(std::move(reply));
      continue;
    }
    if (!own) {
      own = joined.size();
      joined.push_back(std::move(reply));
      continue;
    }
    Reply& first = joined[*own];
    first.text += '\n';
    first.text += reply.text;
    for (std::string& person : reply.mentions) {
      if (std::find(first.mentions.begin(), first.mentions.end(), person) == first.mentions.end())
        first.mentions.push_back(std::move(person));
    }
  }
  return joined;
}

// More numbers than anyone means in one line: refused whole, before any is acted on.
constexpr std::size_t kMostNumbersListed = 10;

}  // namespace

std::vector<Reply> for_each_number_listed(Context& context, const Command& command,
                                          std::optional<std::int64_t> Command::*field,
                                          const std::vector<std::int64_t>& more, const CommandHandler& handle,
                                          std::optional<std::string> remark) {
  if (more.size() + 1 > kMostNumbersListed) {
    return {reply_to_sender(
        context, context.text("numbers_listed_too_many", {{"mention", sender_mention(context)},
                                                          {"count", std::to_string(more.size() + 1)},
                                                          {"most", std::to_string(kMostNumbersListed)}}))};
  }
  Command each = command;
  each.reason = std::move(remark);
  each.more_tickets.clear();
  std::vector<Reply> replies = handle(context, each);
  for (const std::int64_t number : more) {
    each.*field = number;
    std::vector<Reply> next = handle(context, each);
    replies.insert(replies.end(), std::make_move_iterator(next.begin()), std::make_move_iterator(next.end()));
  }
  return joined_in_senders_chat(context, std::move(replies));
}

std::optional<std::vector<Reply>> for_each_task_listed(Context& context, const Command& command,
                                                       const CommandHandler& handle) {
  const std::vector<std::int64_t> more = further_task_numbers(command);
  if (more.empty()) return std::nullopt;
  return for_each_number_listed(context, command, &Command::task, more, handle);
}

}  // namespace whistle::handlers
