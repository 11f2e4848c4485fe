#include "handlers/shift_swap.hpp"

#include <algorithm>
#include <string>

#include "handlers/addressing.hpp"
#include "handlers/held_places.hpp"
#include "handlers/language/shift_words.hpp"
#include "handlers/people_names.hpp"
#include "handlers/task_lookup.hpp"
#include "handlers/task_text.hpp"

namespace whistle::handlers {

std::optional<Reply> answer_shift_swap(Context& context, const Command& command) {
  if (!context.community || !language::asks_for_shift_swap(command.text)) return std::nullopt;
  const bool to_the_bot = context.message.is_private || is_addressed(context.message, command);
  // Among neighbours, only someone asking for a swap, and not of their job ("公司让我换班，下周上夜班",
  // "老公换班了"; a review of stop 66).
  if (!to_the_bot && !language::asks_someone_to_swap(command.text)) return std::nullopt;
  std::vector<store::Signup> held =
      context.signups.open_of_person(*context.community, context.message.sender);
  std::erase_if(held, [&](const store::Signup& signup) {
    const std::optional<store::Task> task = context.tasks.by_id(signup.task_id);
    return !task || task_is_over(*task, context.now) || (!to_the_bot && task->chat != context.message.chat);
  });
  // "我周二的班…", "明天早班谁替我一下": that day's place (and part of the day's, when said). Among
  // neighbours, a day on which nothing is held is another job's shift ("今晚的班谁替我一下，公司临时有事";
  // a review of stop 66).
  Command said = command;
  said.start.reset();
  // "替我一下周三的班" holds no 下周三.
  std::string words = command.text;
  for (std::size_t at = words.find("一下"); at != std::string::npos; at = words.find("一下"))
    words.replace(at, std::string_view("一下").size(), " ");
  const std::string_view text = words;
  for (std::size_t at = 0; at < text.size() && !said.start; ++at) {
    if ((static_cast<unsigned char>(text[at]) & 0xC0) == 0x80) continue;  // inside a character
    if (const std::size_t shift = language::leading_shift(text.substr(at)); shift > 0)
      language::take_shift_day(said, text.substr(at, shift),
                               language::TimeContext{context.now, context.config.locale.utc_offset_seconds});
  }
  if (said.start && said.time_names_day) {
    std::erase_if(held, [&](const store::Signup& signup) {
      const std::optional<store::Task> task = context.tasks.by_id(signup.task_id);
      return !task->start || local_day(context, *task->start) != local_day(context, *said.start) ||
             (said.time_names_clock &&
              local_part_of_day(context, *task->start) != local_part_of_day(context, *said.start));
    });
    if (held.empty() && !to_the_bot) return std::nullopt;
  }
  const std::string mention = mention_of(context.people, context.message.sender);
  if (held.empty()) {
    if (!to_the_bot) return std::nullopt;
    return reply_to_sender(context, context.text("shift_swap_nothing_held", {{"mention", mention}}));
  }
  if (held.size() > 1) return held_places_reply(context, held, "shift_swap_which");
  const std::optional<store::Task> task = context.tasks.by_id(held.front().task_id);
  return reply_to_sender(context, context.text("shift_swap_how", {{"mention", mention},
                                                                  {"task", std::to_string(task->number)},
                                                                  {"title", task->title}}));
}

}  // namespace whistle::handlers
